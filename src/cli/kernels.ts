import { existsSync, readFileSync } from 'node:fs';
import { installKernels } from '../engine/kernels/current.ts';
import { createWasmKernels } from '../engine/kernels/wasm-kernels.ts';

/** Where `npm run kernels` writes the WebAssembly kernels. */
export const KERNELS_FILE = new URL('../wasm/build/kernels.wasm', import.meta.url);

let installed = false;

/**
 * Installs the WebAssembly kernels for the engine in Node (the command line, the tests), once.
 * @throws Error naming the command to run when they have not been built
 */
export function installNodeKernels(): void {
  if (installed) return;
  if (!existsSync(KERNELS_FILE)) {
    throw new Error('The WebAssembly kernels are not built: run `npm run kernels` (the npm scripts do it for you).');
  }
  installKernels(createWasmKernels(readFileSync(KERNELS_FILE)));
  installed = true;
}
