import { existsSync, readFileSync } from 'node:fs';
import type { Worker } from 'node:worker_threads';
import { installKernels } from '../engine/kernels/current.ts';
import { createSharedHeat, type SharedHeat } from '../engine/kernels/shared-heat.ts';
import { createWasmKernels } from '../engine/kernels/wasm-kernels.ts';
import type { BioheatKernels } from '../physics/bioheat-kernels.ts';
import { startTsThread } from './ts-thread.ts';

/** Where `npm run kernels` writes the WebAssembly kernels. */
export const KERNELS_FILE = new URL('../wasm/build/kernels.wasm', import.meta.url);
/** The Pennes step over shared memory, for two threads (engine/kernels/shared-heat.ts). */
export const HEAT_FILE = new URL('../wasm/build/heat.wasm', import.meta.url);

let installed = false;

/**
 * Installs the WebAssembly kernels for the engine in Node (the command line, the tests), once, with a helper thread
 * that takes part of each large Pennes step once it has started (a fraction of a second; until then, and if it
 * cannot start, the steps run on the calling thread, with the same results).
 * @throws Error naming the command to run when they have not been built
 */
export function installNodeKernels(): void {
  if (installed) return;
  if (!existsSync(KERNELS_FILE) || !existsSync(HEAT_FILE)) {
    throw new Error('The WebAssembly kernels are not built: run `npm run kernels` (the npm scripts do it for you).');
  }
  const kernels = createWasmKernels(readFileSync(KERNELS_FILE));
  const { heat } = startNodeHeat(kernels.bioheat);
  installKernels({ ...kernels, bioheat: heat.bioheat, heatAlone: heat.alone });
  installed = true;
}

/**
 * The Pennes steps over shared memory with their helper thread (engine/kernels/shared-heat.ts), started now and
 * listening a fraction of a second later. The thread sleeps between runs and does not keep the process alive.
 * @param fallback - the one-thread steps, for a run too large for the shared module's memory
 */
export function startNodeHeat(fallback: BioheatKernels): { heat: SharedHeat; thread: Worker } {
  const bytes = readFileSync(HEAT_FILE);
  const heat = createSharedHeat(bytes, fallback);
  const thread = startTsThread(new URL('./heat-thread.ts', import.meta.url), { bytes, memory: heat.memory });
  thread.unref();
  // Until it listens, or if it fails, every step runs on the calling thread with the same results.
  thread.on('error', (error) => console.warn(`The heat helper thread stopped: ${String(error)}`));
  return { heat, thread };
}
