import type { PennesStep } from './pennes-steps.ts';

/**
 * The words through which two threads step one Pennes grid in shared WebAssembly memory (shared-heat.ts, the
 * stepping thread; heat-helper.ts, the helper). The stepping thread does the front half of each step and opens the
 * back half; whoever claims it first does it — the helper, or the stepping thread itself when the helper has not
 * woken by the time its own half is done — so a helper that is slow to wake (its core busy) never holds a step up.
 *
 * Halves end on a multiple of four voxels (one SIMD group), so every voxel gets exactly the operations of a
 * single call over the whole grid: one thread or two, the run gives the same bits (tests/engine/shared-heat.test.ts).
 */

/** Byte address of the control block in the heat module's memory (below its arena, above its static data). */
export const CONTROL_AT = 32768;
/** The control block's size [bytes]. */
export const CONTROL_BYTES = 256;

/** Int32 word indices in the control block. */
export const WORD = {
  /** Generation of the latest step opened (the helper waits on this word). */
  wake: 0,
  /** Generation of the latest step whose back half was claimed. */
  claim: 1,
  /** Generation of the latest step whose back half is done (the stepping thread waits on this word). */
  done: 2,
  /** 1 once the helper has instantiated the module and listens. */
  ready: 3,
  /** 1 asks the helper to end. */
  quit: 4,
  /** First voxel of the back half. */
  split: 5,
  count: 6,
  nx: 7,
  nxy: 8,
  /** The step's twelve byte addresses, in pennesStep's order (rise … dose). */
  pointers: 9,
  /** Back halves the helper has done, for the benchmark and the tests. */
  helped: 21,
  /** The back half's peak rise (a Float32 in an Int32 slot). */
  peak: 24,
  /** Four Float64 (invDx2, dt, baseline, skipRise) from this word on. */
  reals: 32,
} as const;

/**
 * This thread's instance of src/wasm/build/heat.wasm over the shared memory. The module keeps no state: no globals,
 * no stack in memory, and its one data segment (the constant table of its Math.exp, below CONTROL_AT) is written
 * again, with the same bytes, by each instance.
 * @returns its Pennes step
 */
export function instantiateHeat(bytes: BufferSource, memory: WebAssembly.Memory): PennesStep {
  const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), {
    env: {
      memory,
      abort: () => {
        throw new Error('the heat kernel aborted');
      },
    },
  });
  return instance.exports.pennesStep as PennesStep;
}

/** Typed views of the control block. */
export interface HeatControl {
  readonly words: Int32Array;
  readonly peak: Float32Array;
  readonly reals: Float64Array;
}

/** @returns the control block's views over a shared memory */
export function heatControl(memory: WebAssembly.Memory): HeatControl {
  const buffer = memory.buffer;
  return {
    words: new Int32Array(buffer, CONTROL_AT, CONTROL_BYTES / 4),
    peak: new Float32Array(buffer, CONTROL_AT + 4 * WORD.peak, 1),
    reals: new Float64Array(buffer, CONTROL_AT + 4 * WORD.reals, 4),
  };
}

/**
 * Claims the back half of step `generation` (compare-and-swap: exactly one thread wins it).
 * @returns whether this thread is to do it
 */
export function claimBackHalf(words: Int32Array, generation: number): boolean {
  return Atomics.compareExchange(words, WORD.claim, generation - 1, generation) === generation - 1;
}

/**
 * Does the back half of the step the control block describes, then publishes its peak and marks it done.
 * @param pennesStep - this thread's instance of the step
 * @param generation - the step's generation, claimed by this thread
 */
export function stepBackHalf(pennesStep: PennesStep, control: HeatControl, generation: number): void {
  const { words, reals } = control;
  const split = words[WORD.split] as number;
  const at = (i: number, size: number): number => {
    const base = words[WORD.pointers + i] as number;
    return base === 0 ? 0 : base + size * split;
  };
  control.peak[0] = pennesStep(
    at(0, 4),
    at(1, 4),
    at(2, 4),
    at(3, 4),
    at(4, 4),
    at(5, 4),
    at(6, 4),
    at(7, 4),
    at(8, 4),
    at(9, 4),
    at(10, 4),
    at(11, 8),
    (words[WORD.count] as number) - split,
    words[WORD.nx] as number,
    words[WORD.nxy] as number,
    reals[0] as number,
    reals[1] as number,
    reals[2] as number,
    reals[3] as number,
  );
  Atomics.store(words, WORD.done, generation);
  Atomics.notify(words, WORD.done);
}
