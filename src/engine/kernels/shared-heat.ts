import type { BioheatKernels } from '../../physics/bioheat-kernels.ts';
import { claimBackHalf, heatControl, instantiateHeat, stepBackHalf, WORD } from './heat-control.ts';
import { type PennesArena, type PennesStep, pennesBytes, startPennes } from './pennes-steps.ts';

/** The heat module's declared maximum memory [64 KiB pages] (src/wasm/build-kernels.mjs builds it with 16384). */
const MAX_PAGES = 16384;
const PAGE = 65536;
/** The arena starts above the control block (heat-control.ts). */
const BASE = 65536;
/** Grids smaller than this step in one call [voxels]: a step of them takes about as long as waking a thread. */
const MIN_SPLIT = 16384;
/** How long the stepping thread polls for the helper's half before it sleeps on it [ms]. */
const POLL_MS = 2;
/** A helper that took a half and has not finished it after this long has stopped [ms]. */
const GIVE_UP_MS = 20000;

/** The Pennes kernels over shared memory, and what their helper thread needs. */
export interface SharedHeat {
  /** Steps of grids from MIN_SPLIT voxels on are split over this thread and the helper, once it listens. */
  readonly bioheat: BioheatKernels;
  /** The memory to hand the helper (serveHeatHalves in heat-helper.ts). */
  readonly memory: WebAssembly.Memory;
  /** Whether a helper has instantiated the module and listens. */
  helperReady(): boolean;
  /** Back halves the helper has done so far. */
  helped(): number;
  /** Asks the helper to end (it ends after its current half). */
  close(): void;
}

/**
 * The Pennes step of src/wasm/build/heat.wasm over a shared memory, each step of a large grid split in two halves:
 * this thread does the front one, a helper thread started by the host (a Web Worker, a Node worker thread) the back
 * one when it claims it in time, else this thread does both (heat-control.ts). Until a helper listens, and for grids
 * below MIN_SPLIT voxels, every step is one call on this thread: the same bits either way.
 * @param bytes - src/wasm/build/heat.wasm
 * @param fallback - for a run too large for the module's memory (the main kernels' one-thread steps)
 * @throws when shared WebAssembly memory is unavailable (a page that is not cross-origin isolated)
 */
export function createSharedHeat(bytes: BufferSource, fallback: BioheatKernels): SharedHeat {
  const memory = new WebAssembly.Memory({ initial: 2, maximum: MAX_PAGES, shared: true });
  const single = instantiateHeat(bytes, memory);
  const control = heatControl(memory);
  const { words, reals } = control;

  let top = BASE;
  let end = BASE;
  const take = (bytes: number): number => {
    const at = top;
    top += Math.ceil(bytes / 16) * 16;
    if (top > end) throw new RangeError(`heat kernels: ${top - end} bytes more than reserved`);
    new Uint8Array(memory.buffer, at, top - at).fill(0);
    return at;
  };
  const arena: PennesArena = {
    reset(bytes) {
      top = BASE;
      end = BASE + bytes;
      const pages = Math.ceil(end / PAGE) - memory.buffer.byteLength / PAGE;
      if (pages > 0) memory.grow(pages);
    },
    f32: (count) => new Float32Array(memory.buffer, take(4 * count), count),
    f64: (count) => new Float64Array(memory.buffer, take(8 * count), count),
  };

  const split: PennesStep = (...args: Parameters<PennesStep>) => {
    const count = args[12];
    if (count < MIN_SPLIT || Atomics.load(words, WORD.ready) !== 1) return single(...args);
    const half = 4 * Math.floor(count / 8);
    for (let i = 0; i < 12; i++) words[WORD.pointers + i] = args[i] as number;
    words[WORD.split] = half;
    words[WORD.count] = count;
    words[WORD.nx] = args[13];
    words[WORD.nxy] = args[14];
    reals.set(args.slice(15));
    const generation = (Atomics.load(words, WORD.wake) + 1) | 0;
    Atomics.store(words, WORD.wake, generation);
    Atomics.notify(words, WORD.wake, 1);
    args[12] = half;
    const front = single(...args);
    if (claimBackHalf(words, generation)) stepBackHalf(single, control, generation);
    else awaitBackHalf(words, generation);
    // Each half's peak skips NaN, as the whole call's does, so the larger of the two is the whole's.
    return Math.max(control.peak[0] as number, front);
  };

  return {
    bioheat: {
      name: 'WebAssembly SIMD (f32), two threads',
      start(problem, rise, maxRise, dose) {
        const bytes = pennesBytes(rise.length, problem.grid.nx * problem.grid.ny);
        if (BASE + bytes > MAX_PAGES * PAGE) return fallback.start(problem, rise, maxRise, dose);
        return startPennes(arena, split, problem, rise, maxRise, dose);
      },
    },
    memory,
    helperReady: () => Atomics.load(words, WORD.ready) === 1,
    helped: () => Atomics.load(words, WORD.helped),
    close() {
      Atomics.store(words, WORD.quit, 1);
      Atomics.add(words, WORD.wake, 1);
      Atomics.notify(words, WORD.wake);
    },
  };
}

/** Waits for the helper's half of step `generation`: polled briefly (it runs alongside), then slept on. */
function awaitBackHalf(words: Int32Array, generation: number): void {
  const start = performance.now();
  let now = start;
  while (Atomics.load(words, WORD.done) !== generation) {
    now = performance.now();
    if (now - start < POLL_MS) continue;
    if (now - start > GIVE_UP_MS) throw new Error('The heat helper thread took a step and did not finish it.');
    const done = Atomics.load(words, WORD.done);
    if (done !== generation) Atomics.wait(words, WORD.done, done, 100);
  }
}
