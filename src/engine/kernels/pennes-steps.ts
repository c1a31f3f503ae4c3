import { align } from '../../physics/angular-spectrum/slice-kernels.ts';
import type { BioheatProblem } from '../../physics/bioheat.ts';
import type { BioheatSteps } from '../../physics/bioheat-kernels.ts';
import type { MemoryArena } from './memory-arena.ts';

/**
 * src/wasm/assembly/bioheat.ts's pennesStep as a module exports it (byte offsets into its memory); also what a
 * split step over two threads offers (shared-heat.ts), with the same meaning and the same results.
 */
export type PennesStep = (
  rise: number,
  next: number,
  source: number,
  faceX: number,
  faceY: number,
  faceZ: number,
  boundary: number,
  boundarySource: number,
  perfusion: number,
  dtOverC: number,
  maximum: number,
  dose: number,
  count: number,
  nx: number,
  nxy: number,
  invDx2: number,
  dt: number,
  baseline: number,
  skipRise: number,
) => number;

/** Where a run's arrays go: a kernel module's memory (memory-arena.ts), reset for the run. */
export type PennesArena = Pick<MemoryArena, 'reset' | 'f32' | 'f64'>;

/** Bytes a run on a grid of `count` voxels, `plane` to a z-plane, takes in its arena. */
export function pennesBytes(count: number, plane: number): number {
  const padded = count + 2 * (plane + 8) + 4;
  return 11 * align(4 * padded) + align(8 * count) + 4096;
}

/**
 * Sets up a run's steps in a kernel module's memory (BioheatKernels.start): the problem's arrays padded (see
 * pennesStep in src/wasm/assembly/bioheat.ts), the starting rise, and the maxima and doses to continue.
 * @param arena - the module's memory
 * @param pennesStep - the step (the module's own, or split over two threads)
 * @returns the stepper
 */
export function startPennes(
  arena: PennesArena,
  pennesStep: PennesStep,
  problem: BioheatProblem,
  rise: ArrayLike<number>,
  maxRise: ArrayLike<number> | undefined,
  dose: ArrayLike<number> | undefined,
): BioheatSteps {
  const { nx, ny } = problem.grid;
  const count = rise.length;
  // Padding: a plane of voxels (and a SIMD width) on both sides, so every neighbour read is in bounds.
  const pad = nx * ny + 8;
  const padded = count + 2 * pad + 4;
  arena.reset(pennesBytes(count, nx * ny));
  // Padding included, every array starts at 0 (a neighbour read there must find 0).
  const field = (values?: ArrayLike<number>): Float32Array => {
    const a = arena.f32(padded);
    if (values) copyIn(a, pad, values, count);
    return a;
  };
  const arrays: PennesArrays = {
    faceX: field(problem.faceX),
    faceY: field(problem.faceY),
    faceZ: field(problem.faceZ),
    boundary: field(problem.boundaryConductance),
    perfusion: field(problem.medium.perfusionHeat),
    dtOverC: field(),
    source: field(),
    boundarySource: field(),
    now: field(rise),
    before: field(rise),
    maximum: field(maxRise ?? rise),
    doses: arena.f64(count),
  };
  if (dose) copyIn(arrays.doses, 0, dose, count);
  return new PennesSteps(pennesStep, problem, arrays, pad, count);
}

/** The kernels' Pennes arrays of a run, padded (see pennesStep in src/wasm/assembly/bioheat.ts). */
interface PennesArrays {
  readonly faceX: Float32Array;
  readonly faceY: Float32Array;
  readonly faceZ: Float32Array;
  readonly boundary: Float32Array;
  readonly perfusion: Float32Array;
  readonly dtOverC: Float32Array;
  readonly source: Float32Array;
  readonly boundarySource: Float32Array;
  now: Float32Array;
  before: Float32Array;
  readonly maximum: Float32Array;
  readonly doses: Float64Array;
}

/**
 * A thermal run's steps in the kernels. A class, not closures made per run: its methods are one set of functions
 * for every run, so V8 compiles them once instead of again in every sonication.
 */
class PennesSteps implements BioheatSteps {
  rise: Float32Array;
  previous: Float32Array;
  readonly dose: Float64Array;
  peak = Number.NEGATIVE_INFINITY;
  private heating = false;
  private lastDt = Number.NaN;
  private withBoundary = false;

  constructor(
    private readonly pennesStep: PennesStep,
    private readonly problem: BioheatProblem,
    private readonly a: PennesArrays,
    private readonly pad: number,
    private readonly count: number,
  ) {
    this.rise = this.view(a.now);
    this.previous = this.view(a.before);
    this.dose = a.doses;
    for (let v = pad; v < pad + count; v++) if ((a.now[v] as number) > this.peak) this.peak = a.now[v] as number;
  }

  private view(array: Float32Array): Float32Array {
    return array.subarray(this.pad, this.pad + this.count);
  }

  /** The byte address of voxel 0 of a padded array. */
  private at(array: Float32Array): number {
    return array.byteOffset + 4 * this.pad;
  }

  setSource(q: ArrayLike<number> | null): void {
    this.heating = q !== null;
    if (q) copyIn(this.a.source, this.pad, q, this.count);
  }

  setBoundary(values: ArrayLike<number>, voxels: Int32Array): void {
    this.withBoundary = true;
    const target = this.a.boundarySource;
    const pad = this.pad;
    for (let i = 0; i < voxels.length; i++) {
      const v = voxels[i] as number;
      target[pad + v] = values[v] as number;
    }
  }

  step(dt: number, skipRise: number): void {
    const { a, pad, count, problem } = this;
    if (dt !== this.lastDt) {
      const heatCapacity = problem.medium.heatCapacity;
      for (let v = 0; v < count; v++) a.dtOverC[pad + v] = dt / (heatCapacity[v] as number);
      this.lastDt = dt;
    }
    const { nx, ny } = problem.grid;
    // The new rise goes into `before`, the maxima and doses are updated in the same pass.
    const stepPeak = this.pennesStep(
      this.at(a.now),
      this.at(a.before),
      this.heating ? this.at(a.source) : 0,
      this.at(a.faceX),
      this.at(a.faceY),
      this.at(a.faceZ),
      this.at(a.boundary),
      this.withBoundary ? this.at(a.boundarySource) : 0,
      this.at(a.perfusion),
      this.at(a.dtOverC),
      this.at(a.maximum),
      a.doses.byteOffset,
      count,
      nx,
      nx * ny,
      1 / (problem.grid.spacing * problem.grid.spacing),
      dt,
      37,
      skipRise,
    );
    // Swap, as advanceBioheat does.
    [a.now, a.before] = [a.before, a.now];
    this.rise = this.view(a.now);
    this.previous = this.view(a.before);
    this.peak = stepPeak;
  }

  finish(
    out: { [index: number]: number },
    outMax?: { [index: number]: number },
    outDose?: { [index: number]: number },
  ): void {
    copyOut(out, this.view(this.a.now));
    if (outMax) copyOut(outMax, this.view(this.a.maximum));
    if (outDose) copyOut(outDose, this.a.doses);
  }
}

/**
 * values[0..count) into target from `offset`, rounded as an assignment rounds (f64 → f32 to nearest): a typed
 * array's own `set` where the lengths match (a native copy; a loop cost 6–12 ms per thermal run on the femur grids),
 * else element by element.
 */
function copyIn(target: Float32Array | Float64Array, offset: number, values: ArrayLike<number>, count: number): void {
  if (values.length === count) {
    target.set(values, offset);
    return;
  }
  for (let v = 0; v < count; v++) target[offset + v] = values[v] as number;
}

/** A run's array back into the caller's (a typed array's `set` when it is one, else element by element). */
function copyOut(target: { [index: number]: number }, source: Float32Array | Float64Array): void {
  if (target instanceof Float64Array || target instanceof Float32Array) {
    target.set(source);
    return;
  }
  for (let v = 0; v < source.length; v++) target[v] = source[v] as number;
}
