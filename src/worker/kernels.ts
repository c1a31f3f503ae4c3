import { installKernels } from '../engine/kernels/current.ts';
import { createWasmKernels } from '../engine/kernels/wasm-kernels.ts';
import kernelsUrl from '../wasm/build/kernels.wasm?url';

/**
 * Installs the WebAssembly kernels in the worker (fetched once, compiled synchronously: allowed in a worker). If the
 * browser cannot run them, the engine keeps its JavaScript kernels: the same results, several times slower.
 * @returns resolves once the kernels are in place (or the fallback is kept), with which ones run
 */
export async function installWorkerKernels(): Promise<string> {
  try {
    const response = await fetch(kernelsUrl);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    installKernels(createWasmKernels(await response.arrayBuffer()));
    return 'WebAssembly';
  } catch (error) {
    console.warn(`WebAssembly kernels unavailable, computing in JavaScript: ${String(error)}`);
    return 'JavaScript';
  }
}
