import type { RayleighSum } from '../physics/rayleigh.ts';
import { type AdapterDescription, BUFFER_USAGE, MAP_READ, nameOf } from './device.ts';
import { RAYLEIGH_WGSL } from './rayleigh.wgsl.ts';
import { dispatchRanges, PARAMS_BYTES, packRayleighSum, paramsOf, WORKGROUP } from './rayleigh-pack.ts';

/** Raised when the GPU cannot give a trustworthy result: the caller computes the sum on the CPU instead. */
export class GpuFailure extends Error {
  override name = 'GpuFailure';
}

/** The complex pressure of a sum's points [Pa], f32. */
export interface GpuField {
  readonly re: Float32Array;
  readonly im: Float32Array;
}

/** The Rayleigh sum on a WebGPU device. */
export interface GpuRayleigh {
  readonly name: string;
  readonly adapter: AdapterDescription;
  /**
   * Evaluates one sum. Rejects with GpuFailure on a validation, out-of-memory or internal error, a lost device, or a
   * non-finite value in the result, so no half-computed field ever leaves here.
   */
  solve(sum: RayleighSum): Promise<GpuField>;
  /** why the device was lost, once it has been */
  readonly lostReason: string | undefined;
}

/** WebGPU's default minUniformBufferOffsetAlignment: each dispatch's Params sit this far apart. */
const UNIFORM_STRIDE = 256;

/**
 * Compiles the Rayleigh shader on a device.
 * @param device - a WebGPU device (acquireGpu)
 * @param adapter - its adapter's description (for the name)
 * @returns the kernel; rejects with GpuFailure if the shader does not compile
 */
export async function createGpuRayleigh(device: GPUDevice, adapter: AdapterDescription): Promise<GpuRayleigh> {
  let lostReason: string | undefined;
  device.lost.then((info) => {
    lostReason = `device lost (${info.reason}): ${info.message}`;
  });
  device.pushErrorScope('validation');
  const module = device.createShaderModule({ code: RAYLEIGH_WGSL, label: 'rayleigh' });
  const messages = (await module.getCompilationInfo()).messages.filter((m) => m.type === 'error');
  if (messages.length > 0) {
    await device.popErrorScope();
    throw new GpuFailure(`the Rayleigh shader does not compile: ${messages.map((m) => m.message).join('; ')}`);
  }
  const storage = (binding: number, type: GPUBufferBindingType): GPUBindGroupLayoutEntry => ({
    binding,
    visibility: 0x4, // GPUShaderStage.COMPUTE
    buffer: { type },
  });
  const layout = device.createBindGroupLayout({
    entries: [
      {
        binding: 0,
        visibility: 0x4,
        buffer: { type: 'uniform', hasDynamicOffset: true, minBindingSize: PARAMS_BYTES },
      },
      storage(1, 'read-only-storage'),
      storage(2, 'read-only-storage'),
      storage(3, 'read-only-storage'),
      storage(4, 'storage'),
    ],
  });
  const pipeline = await device.createComputePipelineAsync({
    layout: device.createPipelineLayout({ bindGroupLayouts: [layout] }),
    compute: { module, entryPoint: 'main' },
  });
  const setupError = await device.popErrorScope();
  if (setupError) throw new GpuFailure(`the Rayleigh pipeline failed: ${setupError.message}`);

  async function solve(sum: RayleighSum): Promise<GpuField> {
    if (lostReason) throw new GpuFailure(lostReason);
    const packed = packRayleighSum(sum);
    const count = packed.pointCount;
    const re = new Float32Array(count);
    const im = new Float32Array(count);
    if (count === 0 || packed.sourceCount === 0) return { re, im };
    const created: GPUBuffer[] = [];
    const buffer = (size: number, usage: number, data?: Float32Array | ArrayBuffer): GPUBuffer => {
      const b = device.createBuffer({ size: Math.ceil(size / 4) * 4, usage });
      created.push(b);
      if (data) device.queue.writeBuffer(b, 0, data);
      return b;
    };
    device.pushErrorScope('out-of-memory');
    device.pushErrorScope('validation');
    device.pushErrorScope('internal');
    // Scopes are a stack on the device: whatever happens, the three pushed here are popped here.
    let open = 3;
    const pop = () => {
      open--;
      return device.popErrorScope();
    };
    try {
      const input = BUFFER_USAGE.STORAGE | BUFFER_USAGE.COPY_DST;
      const sources = buffer(packed.sources.byteLength, input, packed.sources);
      const points = buffer(packed.points.byteLength, input, packed.points);
      const table = buffer(packed.table.byteLength, input, packed.table);
      const field = buffer(8 * count, BUFFER_USAGE.STORAGE | BUFFER_USAGE.COPY_SRC);
      const readback = buffer(8 * count, BUFFER_USAGE.MAP_READ | BUFFER_USAGE.COPY_DST);
      const ranges = dispatchRanges(packed.sourceCount, count);
      const params = buffer(UNIFORM_STRIDE * ranges.length, BUFFER_USAGE.UNIFORM | BUFFER_USAGE.COPY_DST);
      ranges.forEach(([first, n], i) => {
        device.queue.writeBuffer(params, UNIFORM_STRIDE * i, paramsOf(packed, first, n));
      });
      const group = device.createBindGroup({
        layout,
        entries: [
          { binding: 0, resource: { buffer: params, size: PARAMS_BYTES } },
          { binding: 1, resource: { buffer: sources } },
          { binding: 2, resource: { buffer: points } },
          { binding: 3, resource: { buffer: table } },
          { binding: 4, resource: { buffer: field } },
        ],
      });
      // One submission per dispatch: each stays well inside a driver's watchdog, however large the whole sum.
      ranges.forEach(([, n], i) => {
        const encoder = device.createCommandEncoder();
        const pass = encoder.beginComputePass();
        pass.setPipeline(pipeline);
        pass.setBindGroup(0, group, [UNIFORM_STRIDE * i]);
        pass.dispatchWorkgroups(Math.ceil(n / WORKGROUP));
        pass.end();
        if (i === ranges.length - 1) encoder.copyBufferToBuffer(field, 0, readback, 0, 8 * count);
        device.queue.submit([encoder.finish()]);
      });
      const errors = [await pop(), await pop(), await pop()];
      const error = errors.find((e) => e !== null);
      if (error) throw new GpuFailure(`${error.constructor.name}: ${error.message}`);
      await readback.mapAsync(MAP_READ);
      const values = new Float32Array(readback.getMappedRange());
      for (let p = 0; p < count; p++) {
        re[p] = values[2 * p] as number;
        im[p] = values[2 * p + 1] as number;
      }
      readback.unmap();
    } catch (error) {
      while (open > 0) await pop().catch(() => null);
      if (error instanceof GpuFailure) throw error;
      throw new GpuFailure(lostReason ?? String(error));
    } finally {
      for (const b of created) b.destroy();
    }
    if (lostReason) throw new GpuFailure(lostReason);
    for (let p = 0; p < count; p++) {
      if (!Number.isFinite(re[p] as number) || !Number.isFinite(im[p] as number)) {
        throw new GpuFailure(`a non-finite value at point ${p} of ${count}`);
      }
    }
    return { re, im };
  }

  return {
    name: `WebGPU (f32, ${nameOf(adapter)})`,
    adapter,
    solve,
    get lostReason() {
      return lostReason;
    },
  };
}
