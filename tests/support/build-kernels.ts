import { buildKernels, kernelsStale } from '../../src/wasm/build-kernels.mjs';

/**
 * Vitest global setup: builds the WebAssembly kernels from source when they are missing or older than what they are
 * made from (src/wasm/build-kernels.mjs), so `npx vitest` works on a fresh checkout.
 */
export default function setup(): void {
  if (kernelsStale()) buildKernels();
}
