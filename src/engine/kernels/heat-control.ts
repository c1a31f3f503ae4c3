import type { PennesStep } from './pennes-steps.ts';

/**
 * The words through which two threads step one Pennes grid in shared WebAssembly memory (shared-heat.ts, the
 * stepping thread; heat-helper.ts, the helper). A step is cut into chunks of whole SIMD groups; the stepping thread
 * takes chunks from the front and the helper from the back, one compare-and-swap each, until they meet. A helper
 * that wakes late (its core busy) leaves more chunks to the stepping thread instead of holding the step up, and each
 * thread keeps to its own end of the grid from step to step, so its data stays in its own cache.
 *
 * Chunks end on a multiple of four voxels (one SIMD group), so every voxel gets exactly the operations of a single
 * call over the whole grid: one thread or two, the run gives the same bits (tests/engine/shared-heat.test.ts).
 */

/** Byte address of the control block in the heat module's memory (below its arena, above its static data). */
export const CONTROL_AT = 32768;
/** The control block's size [bytes]. */
export const CONTROL_BYTES = 256;

/** Int32 word indices in the control block. */
export const WORD = {
  /** Generation of the latest step opened (the helper waits on this word). */
  wake: 0,
  /** The chunks not yet taken: the next from the front in the low 16 bits, the end of those left in the high. */
  claim: 1,
  /** Chunks of the current step done by either thread (the stepping thread waits on this word). */
  completed: 2,
  /** 1 once the helper has instantiated the module and listens. */
  ready: 3,
  /** 1 asks the helper to end. */
  quit: 4,
  /** Voxels per chunk (a multiple of 4; the last chunk holds the rest). */
  chunk: 5,
  count: 6,
  nx: 7,
  nxy: 8,
  /** The step's twelve byte addresses, in pennesStep's order (rise … dose). */
  pointers: 9,
  /** Chunks the helper has done, for the benchmark and the tests. */
  helped: 21,
  /** The largest peak rise of the helper's chunks this step (a Float32 in an Int32 slot). */
  peak: 24,
  /** Four Float64 (invDx2, dt, baseline, skipRise) from this word on. */
  reals: 32,
} as const;

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

/** The claim word of a step of `chunks` chunks, none taken. */
export function allChunks(chunks: number): number {
  return chunks << 16;
}

/**
 * Takes the next chunk from the front (the stepping thread) or the back (the helper).
 * @returns its index, or −1 when none is left
 */
export function takeChunk(words: Int32Array, fromBack: boolean): number {
  for (;;) {
    const claim = Atomics.load(words, WORD.claim);
    const front = claim & 0xffff;
    const end = claim >>> 16;
    if (front >= end) return -1;
    const next = fromBack ? ((end - 1) << 16) | front : (end << 16) | (front + 1);
    if (Atomics.compareExchange(words, WORD.claim, claim, next) === claim) return fromBack ? end - 1 : front;
  }
}

/**
 * Steps chunk `index` of the step the control block describes.
 * @param pennesStep - this thread's instance of the step
 * @returns the chunk's peak rise
 */
export function stepChunk(pennesStep: PennesStep, control: HeatControl, index: number): number {
  const { words, reals } = control;
  const chunk = words[WORD.chunk] as number;
  const first = index * chunk;
  const at = (i: number, size: number): number => {
    const base = words[WORD.pointers + i] as number;
    return base === 0 ? 0 : base + size * first;
  };
  return pennesStep(
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
    Math.min(chunk, (words[WORD.count] as number) - first),
    words[WORD.nx] as number,
    words[WORD.nxy] as number,
    reals[0] as number,
    reals[1] as number,
    reals[2] as number,
    reals[3] as number,
  );
}
