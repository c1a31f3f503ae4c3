import type { VoxelGrid } from './grid.ts';
import { voxelCount } from './grid.ts';
import { scratchF64 } from './scratch.ts';
import type { TissueId } from './tissue-ids.ts';
import { BLOOD_SPECIFIC_HEAT, type Medium, TISSUES } from './tissues.ts';

/** Per-voxel thermal properties of the Pennes equation. */
export interface BioheatMedium {
  /** Volumetric heat capacity ρ·c_p [J/m³/K]. */
  readonly heatCapacity: Float64Array;
  /** Thermal conductivity k [W/m/K]. */
  readonly conductivity: Float64Array;
  /** Perfusion heat-sink coefficient w_b·c_b [W/m³/K]. */
  readonly perfusionHeat: Float64Array;
}

/**
 * 'dirichlet': ΔT = 0 one voxel beyond the grid faces (body temperature far away);
 * 'insulated': zero heat flux through the grid faces.
 */
export type BoundaryCondition = 'dirichlet' | 'insulated';

/** A prepared Pennes problem: precomputed face conductances and the stability limit. */
export interface BioheatProblem {
  readonly grid: VoxelGrid;
  readonly medium: BioheatMedium;
  readonly boundary: BoundaryCondition;
  /** Largest stable explicit step [s] (see stableTimeStep). */
  readonly maxTimeStep: number;
  /** Harmonic-mean conductance of the face between voxel v and its +x neighbour [W/m/K] (0 on the last face). */
  readonly faceX: Float64Array;
  readonly faceY: Float64Array;
  readonly faceZ: Float64Array;
  /** Σ conductance of grid-boundary faces of voxel v (Dirichlet only, else 0) [W/m/K]. */
  readonly boundaryConductance: Float64Array;
}

/** Temperature rise field ΔT = T − 37 °C [K] and time [s]. Advanced in place by advanceBioheat. */
export interface BioheatState {
  rise: Float64Array;
  /** Buffer for the next step; after a step it holds the previous field. */
  previous: Float64Array;
  time: number;
}

/** Options of one advanceBioheat call. */
export interface AdvanceOptions {
  /** Time step [s], must not exceed problem.maxTimeStep. */
  readonly dt: number;
  /** Number of steps. */
  readonly steps: number;
  /** Heat source q [W/m³] per voxel, or null for none (cooling). */
  readonly source: Float64Array | Float32Array | null;
  /** Called after every step with the state (state.previous holds the field before the step). */
  readonly onStep?: (state: BioheatState, dt: number) => void;
  /**
   * Dirichlet faces at a known, non-zero rise (a nested region inside a larger one): per voxel Σ over its boundary
   * faces of k_v·ΔT_ghost [W/m/K·K], read at every step (the caller may update it in `onStep`). Absent: ΔT = 0
   * beyond the faces.
   */
  readonly boundarySource?: Float64Array;
}

/**
 * PHYSICS.md §1.5 bound for a homogeneous medium on an isotropic grid:
 * Δt ≤ 1/[2D·3/Δx² + w_b c_b/(ρc)], D = k/(ρc).
 * @param diffusivity - D [m²/s]
 * @param perfusionRate - w_b c_b/(ρ c) [1/s]
 * @param spacing - Δx [m]
 * @returns Δt_max [s]
 */
export function stableTimeStepHomogeneous(diffusivity: number, perfusionRate: number, spacing: number): number {
  return 1 / ((6 * diffusivity) / (spacing * spacing) + perfusionRate);
}

/**
 * Build the per-voxel medium from a label volume.
 * @param labels - per-voxel index into `tissueTable`
 * @param tissueTable - tissue of each label value
 * @param medium - tissue properties (default TISSUES)
 * @returns heat capacity, conductivity and perfusion arrays (IT'IS values, see tissues.ts)
 */
export function bioheatMediumFromLabels(
  labels: Uint8Array,
  tissueTable: readonly TissueId[],
  medium: Medium = TISSUES,
): BioheatMedium {
  const n = labels.length;
  const heatCapacity = new Float64Array(n);
  const conductivity = new Float64Array(n);
  const perfusionHeat = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    const id = tissueTable[labels[v] as number];
    if (id === undefined) {
      throw new RangeError(`bioheatMediumFromLabels: label ${labels[v]} at voxel ${v} is not in the tissue table`);
    }
    const t = medium[id];
    heatCapacity[v] = t.thermalDensity * t.specificHeat;
    conductivity[v] = t.thermalConductivity;
    perfusionHeat[v] = t.perfusion * BLOOD_SPECIFIC_HEAT;
  }
  return { heatCapacity, conductivity, perfusionHeat };
}

function harmonic(a: number, b: number): number {
  return a + b > 0 ? (2 * a * b) / (a + b) : 0;
}

/**
 * Precompute face conductances and the stability limit.
 *
 * Stability: FTCS stays positive (and hence stable and non-oscillating) when for every voxel
 * Δt·[Σ_faces k_f/(ρc Δx²) + w_b c_b/(ρc)] ≤ 1. In a homogeneous medium Σ k_f = 6k and this is exactly the
 * PHYSICS.md §1.5 bound; with harmonic-mean faces a face next to a better conductor can reach 2k, so the
 * per-voxel sum (not 6·max D) is the correct generalisation.
 * @param grid - grid
 * @param medium - per-voxel properties
 * @param boundary - boundary condition
 * @returns prepared problem
 * @see PHYSICS.md §1.5; Pennes HH (1948) J Appl Physiol 1:93.
 */
export function prepareBioheat(grid: VoxelGrid, medium: BioheatMedium, boundary: BoundaryCondition): BioheatProblem {
  const { nx, ny, nz } = grid;
  const n = voxelCount(grid);
  const k = medium.conductivity;
  const faceX = scratchF64(n);
  const faceY = scratchF64(n);
  const faceZ = scratchF64(n);
  const boundaryConductance = scratchF64(n);
  const sx = 1;
  const sy = nx;
  const sz = nx * ny;
  let rateMax = 0;
  // Flat loops over the voxels, (i, j, kk) followed along: no inner loop to leave (src/physics/CONTEXT.md, "Loops").
  let i = 0;
  let j = 0;
  let kk = 0;
  for (let v = 0; v < n; v++) {
    const kv = k[v] as number;
    if (i < nx - 1) faceX[v] = harmonic(kv, k[v + sx] as number);
    if (j < ny - 1) faceY[v] = harmonic(kv, k[v + sy] as number);
    if (kk < nz - 1) faceZ[v] = harmonic(kv, k[v + sz] as number);
    const boundaryFaces =
      (i === 0 ? 1 : 0) +
      (i === nx - 1 ? 1 : 0) +
      (j === 0 ? 1 : 0) +
      (j === ny - 1 ? 1 : 0) +
      (kk === 0 ? 1 : 0) +
      (kk === nz - 1 ? 1 : 0);
    boundaryConductance[v] = boundary === 'dirichlet' ? boundaryFaces * kv : 0;
    if (++i === nx) {
      i = 0;
      if (++j === ny) {
        j = 0;
        kk++;
      }
    }
  }
  const dx2 = grid.spacing * grid.spacing;
  i = 0;
  j = 0;
  kk = 0;
  for (let v = 0; v < n; v++) {
    let sum = (faceX[v] as number) + (faceY[v] as number) + (faceZ[v] as number) + (boundaryConductance[v] as number);
    if (i > 0) sum += faceX[v - sx] as number;
    if (j > 0) sum += faceY[v - sy] as number;
    if (kk > 0) sum += faceZ[v - sz] as number;
    const rate = (sum / dx2 + (medium.perfusionHeat[v] as number)) / (medium.heatCapacity[v] as number);
    if (rate > rateMax) rateMax = rate;
    if (++i === nx) {
      i = 0;
      if (++j === ny) {
        j = 0;
        kk++;
      }
    }
  }
  const maxTimeStep = rateMax > 0 ? 1 / rateMax : Number.POSITIVE_INFINITY;
  return { grid, medium, boundary, maxTimeStep, faceX, faceY, faceZ, boundaryConductance };
}

/**
 * Largest stable explicit time step of a problem.
 * @param problem - prepared problem
 * @returns Δt_max [s]
 */
export function stableTimeStep(problem: BioheatProblem): number {
  return problem.maxTimeStep;
}

/**
 * @param grid - grid
 * @returns a zero temperature-rise state at t = 0
 */
export function createBioheatState(grid: VoxelGrid): BioheatState {
  const n = voxelCount(grid);
  return { rise: scratchF64(n), previous: scratchF64(n), time: 0 };
}

/**
 * Advance ΔT by `steps` explicit FTCS steps of
 * ρc ∂ΔT/∂t = ∇·(k∇ΔT) − w_b c_b ΔT + q.
 * Solving for the rise over the 37 °C baseline removes the metabolic heat Q_m, which the baseline balances.
 * @param problem - prepared problem
 * @param state - state, advanced in place
 * @param options - dt [s], steps, source q [W/m³] (null = off), per-step callback
 * @throws RangeError if dt exceeds the stability limit
 * @see PHYSICS.md §1.5
 * @example
 * advanceBioheat(problem, state, { dt: 0.2, steps: 100, source: q });   // heat 20 s
 * advanceBioheat(problem, state, { dt: 0.2, steps: 300, source: null }); // cool 60 s
 */
export function advanceBioheat(problem: BioheatProblem, state: BioheatState, options: AdvanceOptions): void {
  const { dt, steps, source, onStep, boundarySource } = options;
  if (!(dt > 0) || dt > problem.maxTimeStep * (1 + 1e-12)) {
    throw new RangeError(
      `advanceBioheat: dt = ${dt} s is outside (0, ${problem.maxTimeStep} s], the explicit stability limit`,
    );
  }
  const { nx, ny, nz } = problem.grid;
  const sy = nx;
  const sz = nx * ny;
  const invDx2 = 1 / (problem.grid.spacing * problem.grid.spacing);
  const { faceX, faceY, faceZ, boundaryConductance } = problem;
  const { heatCapacity, perfusionHeat } = problem.medium;
  for (let s = 0; s < steps; s++) {
    const t = state.rise;
    const out = state.previous;
    let v = 0;
    for (let kk = 0; kk < nz; kk++) {
      for (let j = 0; j < ny; j++) {
        for (let i = 0; i < nx; i++, v++) {
          const tv = t[v] as number;
          let flux = -(boundaryConductance[v] as number) * tv;
          if (boundarySource) flux += boundarySource[v] as number;
          if (i < nx - 1) flux += (faceX[v] as number) * ((t[v + 1] as number) - tv);
          if (i > 0) flux += (faceX[v - 1] as number) * ((t[v - 1] as number) - tv);
          if (j < ny - 1) flux += (faceY[v] as number) * ((t[v + sy] as number) - tv);
          if (j > 0) flux += (faceY[v - sy] as number) * ((t[v - sy] as number) - tv);
          if (kk < nz - 1) flux += (faceZ[v] as number) * ((t[v + sz] as number) - tv);
          if (kk > 0) flux += (faceZ[v - sz] as number) * ((t[v - sz] as number) - tv);
          let rhs = flux * invDx2 - (perfusionHeat[v] as number) * tv;
          if (source !== null) rhs += source[v] as number;
          out[v] = tv + (dt * rhs) / (heatCapacity[v] as number);
        }
      }
    }
    state.previous = t;
    state.rise = out;
    state.time += dt;
    onStep?.(state, dt);
  }
}
