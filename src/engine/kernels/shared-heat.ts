import type { BioheatKernels } from '../../physics/bioheat-kernels.ts';
import { allChunks, heatControl, instantiateHeat, stepChunk, takeChunk, WORD } from './heat-control.ts';
import { memoryArena } from './memory-arena.ts';
import { type PennesStep, pennesBytes, startPennes } from './pennes-steps.ts';

/** The heat module's declared maximum memory [64 KiB pages] (src/wasm/build-kernels.mjs builds it with 16384). */
const MAX_PAGES = 16384;
const PAGE = 65536;
/** The arena starts above the control block (heat-control.ts). */
const BASE = 65536;
/** Grids smaller than this step in one call [voxels]: a step of them takes about as long as waking a thread. */
const MIN_SPLIT = 16384;
/** Chunks a step is cut into: enough that a late helper leaves little idle time, few enough to cost nothing. */
export const HEAT_CHUNKS = 16;
/** How long the stepping thread polls for the helper's last chunk before it sleeps on it [ms]. */
const POLL_MS = 1;
/** A helper that took a chunk and has not finished it after this long has stopped [ms]. */
const GIVE_UP_MS = 20000;

/** The Pennes kernels over shared memory, and what their helper thread needs. */
export interface SharedHeat {
  /** Steps of grids from MIN_SPLIT voxels on are shared by this thread and the helper, once it listens. */
  readonly bioheat: BioheatKernels;
  /** The memory to hand the helper (serveHeatChunks in heat-helper.ts). */
  readonly memory: WebAssembly.Memory;
  /** Whether a helper has instantiated the module and listens. */
  helperReady(): boolean;
  /** Chunks the helper has done so far. */
  helped(): number;
  /**
   * Runs `body` with every step on this thread: while a plan's pipeline keeps the other cores marching fields, a
   * helper would only take their time (measured in Chromium: the femur plan 4 % slower with it).
   */
  alone<T>(body: () => Promise<T>): Promise<T>;
  /** Asks the helper to end (it ends after its current chunks). */
  close(): void;
}

/**
 * The Pennes step of src/wasm/build/heat.wasm over a shared memory, each step of a large grid shared out in chunks:
 * this thread takes them from the front, a helper thread started by the host (a Web Worker, a Node worker thread)
 * from the back, as long as any is left (heat-control.ts). Until a helper listens, and for grids below MIN_SPLIT
 * voxels, every step is one call on this thread: the same bits either way.
 * @param bytes - src/wasm/build/heat.wasm
 * @param fallback - for a run too large for the module's memory (the main kernels' one-thread steps)
 * @throws when shared WebAssembly memory is unavailable (a page that is not cross-origin isolated)
 */
export function createSharedHeat(bytes: BufferSource, fallback: BioheatKernels): SharedHeat {
  const memory = new WebAssembly.Memory({ initial: 2, maximum: MAX_PAGES, shared: true });
  const single = instantiateHeat(bytes, memory);
  const control = heatControl(memory);
  const { words, reals } = control;

  const arena = memoryArena(memory, BASE, 'heat kernels');

  let paused = 0;
  const split: PennesStep = (...args: Parameters<PennesStep>) => {
    const count = args[12];
    if (count < MIN_SPLIT || paused > 0 || Atomics.load(words, WORD.ready) !== 1) return single(...args);
    const chunk = 4 * Math.ceil(count / (4 * HEAT_CHUNKS));
    const chunks = Math.ceil(count / chunk);
    for (let i = 0; i < 12; i++) words[WORD.pointers + i] = args[i] as number;
    words[WORD.chunk] = chunk;
    words[WORD.count] = count;
    words[WORD.nx] = args[13];
    words[WORD.nxy] = args[14];
    reals.set(args.slice(15));
    control.peak[0] = Number.NEGATIVE_INFINITY;
    Atomics.store(words, WORD.completed, 0);
    // Offered only now that the step is written: whoever takes a chunk reads this step's parameters.
    Atomics.store(words, WORD.claim, allChunks(chunks));
    Atomics.store(words, WORD.wake, (Atomics.load(words, WORD.wake) + 1) | 0);
    Atomics.notify(words, WORD.wake, 1);
    let peak = Number.NEGATIVE_INFINITY;
    let mine = 0;
    for (let index = takeChunk(words, false); index >= 0; index = takeChunk(words, false)) {
      peak = Math.max(peak, stepChunk(single, control, index));
      mine++;
    }
    awaitChunks(words, Atomics.add(words, WORD.completed, mine) + mine, chunks);
    // Each chunk's peak skips NaN, as the whole call's does, so the largest of them is the whole's.
    return Math.max(peak, control.peak[0] as number);
  };

  return {
    bioheat: {
      name: 'WebAssembly SIMD (f32), two threads',
      start(problem, rise, maxRise, dose) {
        const bytes = pennesBytes(rise.length, problem.grid.nx * problem.grid.ny);
        // The arena keeps 1 KiB of slack above a run's arrays (memory-arena.ts).
        if (BASE + bytes + 1024 > MAX_PAGES * PAGE) return fallback.start(problem, rise, maxRise, dose);
        return startPennes(arena, split, problem, rise, maxRise, dose);
      },
    },
    memory,
    helperReady: () => Atomics.load(words, WORD.ready) === 1,
    helped: () => Atomics.load(words, WORD.helped),
    async alone(body) {
      paused++;
      try {
        return await body();
      } finally {
        paused--;
      }
    },
    close() {
      Atomics.store(words, WORD.quit, 1);
      Atomics.add(words, WORD.wake, 1);
      Atomics.notify(words, WORD.wake);
    },
  };
}

/** Waits until the helper's chunks are done too (`completed` of `chunks`): polled briefly, then slept on. */
function awaitChunks(words: Int32Array, completed: number, chunks: number): void {
  const start = performance.now();
  let done = completed;
  while (done < chunks) {
    const waited = performance.now() - start;
    if (waited > GIVE_UP_MS) throw new Error('The heat helper thread took part of a step and did not finish it.');
    if (waited > POLL_MS) Atomics.wait(words, WORD.completed, done, 100);
    done = Atomics.load(words, WORD.completed);
  }
}
