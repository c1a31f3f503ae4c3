import { installKernels } from '../engine/kernels/current.ts';
import { createSharedHeat, type SharedHeat } from '../engine/kernels/shared-heat.ts';
import { createWasmKernels, type WasmKernels } from '../engine/kernels/wasm-kernels.ts';
import heatUrl from '../wasm/build/heat.wasm?url';
import kernelsUrl from '../wasm/build/kernels.wasm?url';

/**
 * Installs the WebAssembly kernels in the worker (fetched once, compiled synchronously: allowed in a worker). If the
 * browser cannot run them, the engine keeps its JavaScript kernels: the same results, several times slower. Where
 * the page is cross-origin isolated, the Pennes steps of large grids are split with a helper worker in shared
 * memory (engine/kernels/shared-heat.ts); elsewhere they run on this worker alone, with the same results.
 * @returns resolves once the kernels are in place (or the fallback is kept), with which ones run
 */
export async function installWorkerKernels(): Promise<string> {
  try {
    const kernels = createWasmKernels(await fetchBytes(kernelsUrl));
    const heat = await sharedHeat(kernels);
    installKernels(heat ? { ...kernels, bioheat: heat.bioheat, heatAlone: heat.alone } : kernels);
    return heat ? 'WebAssembly, heat on two threads' : 'WebAssembly';
  } catch (error) {
    console.warn(`WebAssembly kernels unavailable, computing in JavaScript: ${String(error)}`);
    return 'JavaScript';
  }
}

async function fetchBytes(url: string): Promise<ArrayBuffer> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.arrayBuffer();
}

/** The two-thread Pennes steps and their helper worker, or undefined where memory cannot be shared. */
async function sharedHeat(kernels: WasmKernels): Promise<SharedHeat | undefined> {
  if ((globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated !== true) return undefined;
  try {
    const bytes = await fetchBytes(heatUrl);
    const shared = createSharedHeat(bytes, kernels.bioheat);
    const helper = new Worker(new URL('./heat-helper.worker.ts', import.meta.url), { type: 'module' });
    helper.postMessage({ bytes, memory: shared.memory });
    // For the end-to-end test and the benchmark (Playwright evaluates it in this worker); nothing in the app reads it.
    (globalThis as { heatHelperChunks?: () => number }).heatHelperChunks = shared.helped;
    return shared;
  } catch (error) {
    console.warn(`Heat on one thread: ${String(error)}`);
    return undefined;
  }
}
