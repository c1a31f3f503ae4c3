import type { BioheatProblem } from './bioheat.ts';

/**
 * Where the Pennes steps of a thermal run happen: the WebAssembly SIMD kernels of src/engine/kernels (f32), set up
 * per run. Without them, runThermalSchedule steps in JavaScript (Float64, `advanceBioheat`), the reference the
 * kernels are checked and benchmarked against.
 */
export interface BioheatKernels {
  readonly name: string;
  /**
   * Sets up the steps of a run: the problem's per-voxel arrays, the starting rise, and the maxima and doses to
   * continue, copied into the kernels' memory (which the kernels then own until the next start).
   * @param problem - the prepared problem
   * @param rise - ΔT to start from [K]
   * @param maxRise - max ΔT so far [K], continued (or undefined: not kept)
   * @param dose - CEM43 so far [min], continued (or undefined: not kept)
   * @returns the stepper
   */
  start(
    problem: BioheatProblem,
    rise: ArrayLike<number>,
    maxRise: ArrayLike<number> | undefined,
    dose: ArrayLike<number> | undefined,
  ): BioheatSteps;
}

/** The state of a run in the kernels' memory, advanced one step at a time. */
export interface BioheatSteps {
  /** ΔT now [K] (a view; valid until the kernels start another run) */
  readonly rise: Float32Array;
  /** ΔT before the last step [K] */
  readonly previous: Float32Array;
  /** CEM43 so far [min] (a view; all zero when the run keeps none) */
  readonly dose: Float64Array;
  /** The largest ΔT now [K] (the maximum of `rise`, found by the step that made it; −∞ for no voxels) */
  readonly peak: number;
  /** The heat source of the next steps [W/m³], or null for none (cooling). */
  setSource(q: ArrayLike<number> | null): void;
  /** Dirichlet faces at a known rise: copies `source` at the listed voxels (a BoundaryDriver's). */
  setBoundary(source: ArrayLike<number>, voxels: Int32Array): void;
  /**
   * One explicit step with the maximum rise, the dose (exact CEM43 of the linear ramp; voxels that stay below
   * `skipRise` over the baseline are skipped) and the peak.
   * @param dt - [s]
   * @param skipRise - [K]
   */
  step(dt: number, skipRise: number): void;
  /** Copies the state back out: the rise, and the maxima and doses when kept. */
  finish(
    rise: { [index: number]: number },
    maxRise?: { [index: number]: number },
    dose?: { [index: number]: number },
  ): void;
}
