/**
 * WebGPU's buffer-usage and map-mode bits (WebGPU §5.1, §5.3.2). TypeScript's DOM library declares the WebGPU
 * interfaces but not the GPUBufferUsage and GPUMapMode namespaces, and Node has neither.
 */
export const BUFFER_USAGE = {
  MAP_READ: 0x0001,
  COPY_SRC: 0x0004,
  COPY_DST: 0x0008,
  UNIFORM: 0x0040,
  STORAGE: 0x0080,
} as const;
export const MAP_READ = 0x0001;

/** The adapter a device came from, as the bench and the logs name it. */
export interface AdapterDescription {
  readonly vendor: string;
  readonly architecture: string;
  readonly description: string;
  /** a software rasteriser (SwiftShader): correct, but slower than the WebAssembly kernels on the same CPU */
  readonly software: boolean;
}

/** A WebGPU device, or why there is none. */
export type GpuAcquisition =
  | { readonly ok: true; readonly device: GPUDevice; readonly adapter: AdapterDescription }
  | { readonly ok: false; readonly reason: string };

export interface AcquireOptions {
  /**
   * Accept a software (fallback) adapter. The app does not: on a machine whose only adapter is SwiftShader the
   * CPU kernels are faster (the bench measures both). Tests and the bench do, to check and time the path.
   */
  readonly allowSoftware?: boolean;
  /** where to find WebGPU (default globalThis.navigator.gpu; a test passes its own) */
  readonly gpu?: GPU | undefined;
}

/**
 * Asks the browser for a WebGPU adapter and device. Never throws: no WebGPU, no adapter, a refused software adapter
 * and a failed device request all come back as a reason.
 * @param options - whether a software adapter will do
 * @returns the device with its adapter's description, or the reason there is none
 */
export async function acquireGpu(options: AcquireOptions = {}): Promise<GpuAcquisition> {
  const gpu = 'gpu' in options ? options.gpu : (globalThis.navigator as Navigator | undefined)?.gpu;
  if (!gpu) return { ok: false, reason: 'no WebGPU in this context (navigator.gpu is absent)' };
  try {
    const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
    if (!adapter) return { ok: false, reason: 'WebGPU offers no adapter' };
    const info = adapter.info;
    const description: AdapterDescription = {
      vendor: info.vendor,
      architecture: info.architecture,
      description: info.description,
      software: info.isFallbackAdapter || info.architecture === 'swiftshader',
    };
    if (description.software && !options.allowSoftware) {
      return { ok: false, reason: `only a software adapter (${nameOf(description)}): the CPU kernels are faster` };
    }
    // The largest buffers the adapter allows: a whole-volume sum's points (16 bytes each) pass the 128 MiB default.
    const device = await adapter.requestDevice({
      requiredLimits: {
        maxStorageBufferBindingSize: adapter.limits.maxStorageBufferBindingSize,
        maxBufferSize: adapter.limits.maxBufferSize,
      },
    });
    return { ok: true, device, adapter: description };
  } catch (error) {
    return { ok: false, reason: `WebGPU device request failed: ${String(error)}` };
  }
}

/**
 * @param adapter - an adapter's description
 * @returns e.g. "google swiftshader (software)"
 */
export function nameOf(adapter: AdapterDescription): string {
  const parts = [adapter.vendor, adapter.architecture, adapter.description].filter((s) => s !== '');
  return `${parts.join(' ') || 'unnamed adapter'}${adapter.software ? ' (software)' : ''}`;
}
