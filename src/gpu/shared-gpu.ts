import { acquireGpu } from './device.ts';
import { createGpuRayleigh, type GpuRayleigh } from './rayleigh-gpu.ts';

let pending: Promise<GpuRayleigh | undefined> | undefined;

/**
 * This thread's WebGPU Rayleigh kernel, acquired on first use and kept; after a device loss the next call acquires
 * anew. Hardware adapters only: a software adapter is slower than the WebAssembly kernel (device.ts).
 * @param log - told once why there is no GPU kernel, or which adapter it runs on
 * @returns the kernel, or undefined when there is no usable adapter
 */
export function sharedGpuRayleigh(log: (line: string) => void): Promise<GpuRayleigh | undefined> {
  if (pending) {
    return pending.then((gpu) => {
      if (!gpu?.lostReason) return gpu;
      log(`WebGPU: ${gpu.lostReason}; acquiring a new device`);
      pending = undefined;
      return sharedGpuRayleigh(log);
    });
  }
  pending = (async () => {
    const acquired = await acquireGpu();
    if (!acquired.ok) {
      log(`WebGPU not used, Rayleigh sums on the CPU: ${acquired.reason}`);
      return undefined;
    }
    try {
      const gpu = await createGpuRayleigh(acquired.device, acquired.adapter);
      log(`WebGPU: Rayleigh sums on ${gpu.name}`);
      return gpu;
    } catch (error) {
      log(`WebGPU not used, Rayleigh sums on the CPU: ${String(error)}`);
      return undefined;
    }
  })();
  return pending;
}
