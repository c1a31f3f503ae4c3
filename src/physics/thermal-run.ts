import { advanceBioheat, type BioheatProblem, type BioheatState, createBioheatState } from './bioheat.ts';
import type { BioheatKernels } from './bioheat-kernels.ts';
import { accumulateDose } from './thermal-dose.ts';
import type { TimeResolvedRecorder } from './time-resolved.ts';

/** Heating then cooling, each with its own (stable) step. */
export interface ThermalSchedule {
  readonly heatingSteps: number;
  readonly heatingDt: number;
  readonly coolingSteps: number;
  readonly coolingDt: number;
}

/** What to record during a run. */
export interface ThermalRecorders {
  /** Max ΔT over time per voxel [K], updated in place (optional). */
  readonly maxRise?: Float64Array;
  /** CEM43 per voxel [min], accumulated in place (optional). */
  readonly dose?: Float64Array;
  /** Voxels whose ΔT(t) is recorded. */
  readonly probes: Int32Array;
  /** ΔT history, probes.length × (steps + 1), probe-major [K]. */
  readonly history: Float64Array;
  /**
   * Called between chunks with the fraction done (0..1) and the hottest rise any voxel has reached in this run's
   * steps so far [K] (exact: the maximum of every step's peak).
   */
  readonly onChunk?: (fraction: number, peakRise: number) => void;
  /**
   * State to continue (advanced in place), e.g. the end of a previous sonication of a sequence. Absent: the run
   * starts from ΔT = 0.
   */
  readonly state?: BioheatState;
  /** Spatial max of ΔT at each step, steps + 1 entries [K] (optional). */
  readonly peakHistory?: Float64Array;
  /** Heat budget, accumulated in place (optional; one extra pass over the voxels per step). */
  readonly budget?: HeatBudget;
  /**
   * Time-resolved recording (optional): point series at every step and region frames, written after each step's
   * dose; `firstStep` is this run's step 0 in the recorder's timeline (a sequence's spots follow one another).
   */
  readonly timeResolved?: { readonly recorder: TimeResolvedRecorder; readonly firstStep: number };
  /** Dirichlet faces at a known rise, e.g. from an enclosing coarser region (see BoundaryDriver). */
  readonly boundary?: BoundaryDriver;
  /** Called after every step (after dose and records), e.g. to sample the field for a nested region. */
  readonly afterStep?: (state: StepView) => void;
  /** Step in these kernels (WebAssembly, f32) instead of JavaScript (Float64, the reference). */
  readonly kernels?: BioheatKernels;
}

/** The state a per-step callback sees: the rise now and before the step (views while kernels step), and the time. */
export interface StepView {
  readonly rise: ArrayLike<number>;
  readonly previous: ArrayLike<number>;
  readonly time: number;
}

/**
 * Time-varying Dirichlet values on a region's faces: `source` is advanceBioheat's boundarySource, and
 * `update(time)` refreshes it for the step that starts at `time` [s] (state.time, continuous over a sequence).
 */
export interface BoundaryDriver {
  readonly source: Float64Array;
  /** the voxels whose entries `update` writes (the rest stay 0) */
  readonly voxels: Int32Array;
  update(time: number): void;
}

/**
 * Energy bookkeeping of a run [J]. For the explicit scheme the discrete balance
 * deposited = Δstored + perfusionLoss + boundaryLoss holds to round-off: interior face fluxes cancel in pairs,
 * and each step's losses are evaluated at the field the step starts from, as in advanceBioheat.
 */
export interface HeatBudget {
  /** Σ_steps dt Σ_v q_v V [J]. */
  deposited: number;
  /** Σ_steps dt Σ_v w_b c_b ΔT_v V [J]. */
  perfusionLoss: number;
  /** Σ_steps dt Σ_v G_v ΔT_v Δx (Dirichlet faces, G = boundary conductance) [J]; 0 when insulated. */
  boundaryLoss: number;
}

/**
 * @returns a zeroed heat budget
 */
export function createHeatBudget(): HeatBudget {
  return { deposited: 0, perfusionLoss: 0, boundaryLoss: 0 };
}

/**
 * Heat stored in a rise field, Σ ρc ΔT V.
 * @param problem - prepared problem (heat capacities, grid)
 * @param rise - ΔT [K]
 * @returns stored heat over the 37 °C baseline [J]
 */
export function storedHeat(problem: BioheatProblem, rise: Float64Array): number {
  const c = problem.medium.heatCapacity;
  let sum = 0;
  for (let v = 0; v < rise.length; v++) sum += (c[v] as number) * (rise[v] as number);
  return sum * problem.grid.spacing ** 3;
}

function addToBudget(
  budget: HeatBudget,
  problem: BioheatProblem,
  before: ArrayLike<number>,
  source: Float64Array | null,
  dt: number,
  boundarySource: Float64Array | undefined,
): void {
  const w = problem.medium.perfusionHeat;
  const g = problem.boundaryConductance;
  let perfusion = 0;
  let boundary = 0;
  let deposited = 0;
  for (let v = 0; v < before.length; v++) {
    const r = before[v] as number;
    perfusion += (w[v] as number) * r;
    boundary += (g[v] as number) * r - (boundarySource ? (boundarySource[v] as number) : 0);
    if (source !== null) deposited += source[v] as number;
  }
  const h = problem.grid.spacing;
  budget.perfusionLoss += dt * perfusion * h ** 3;
  // Face flux G·ΔT/Δx² per unit volume × Δx³.
  budget.boundaryLoss += dt * boundary * h;
  budget.deposited += dt * deposited * h ** 3;
}

/**
 * Equal steps no longer than `maxDt` covering each phase exactly.
 * @param duration - heating [s]
 * @param cooling - cooling [s]
 * @param maxDt - largest allowed step [s]
 * @returns the schedule
 */
export function scheduleFor(duration: number, cooling: number, maxDt: number): ThermalSchedule {
  const heatingSteps = Math.ceil(duration / maxDt - 1e-9);
  const coolingSteps = Math.ceil(cooling / maxDt - 1e-9);
  return {
    heatingSteps,
    heatingDt: heatingSteps > 0 ? duration / heatingSteps : maxDt,
    coolingSteps,
    coolingDt: coolingSteps > 0 ? cooling / coolingSteps : maxDt,
  };
}

/** Skip dose below this temperature [°C]: < 0.004 CEM43/min there (see accumulateDose). */
const DOSE_SKIP_BELOW = 39;
/** Chunks per run for progress and cancellation checks. */
const CHUNKS = 30;

/**
 * Run a heating/cooling schedule from ΔT = 0 (or from `rec.state`), recording max ΔT, dose and probe histories.
 * @param problem - prepared Pennes problem
 * @param source - q [W/m³] during heating
 * @param schedule - steps and dt of each phase
 * @param rec - recorders
 */
export function runThermalSchedule(
  problem: BioheatProblem,
  source: Float64Array,
  schedule: ThermalSchedule,
  rec: ThermalRecorders,
): void {
  if (rec.kernels) {
    runInKernels(problem, source, schedule, rec, rec.kernels);
    return;
  }
  const state = rec.state ?? createBioheatState(problem.grid);
  const totalSteps = schedule.heatingSteps + schedule.coolingSteps;
  const stride = totalSteps + 1;
  const probes = rec.probes;
  let step = 0;
  const peakHistory = rec.peakHistory;
  const timeResolved = rec.timeResolved;
  const record = (): void => {
    if (timeResolved) timeResolved.recorder.record(timeResolved.firstStep + step, state.rise, rec.dose);
    for (let p = 0; p < probes.length; p++) {
      rec.history[p * stride + step] = state.rise[probes[p] as number] as number;
    }
    if (peakHistory) {
      let peak = Number.NEGATIVE_INFINITY;
      for (const r of state.rise) if (r > peak) peak = r;
      peakHistory[step] = peak;
    }
  };
  record();
  let peakRise = Number.NEGATIVE_INFINITY;
  const wantsPeak = rec.onChunk !== undefined;
  const onStep = (): void => {
    step++;
    record();
    const maxRise = rec.maxRise;
    if (!maxRise && !wantsPeak) return;
    const rise = state.rise;
    let peak = Number.NEGATIVE_INFINITY;
    for (let v = 0; v < rise.length; v++) {
      const r = rise[v] as number;
      if (r > peak) peak = r;
      if (maxRise && r > (maxRise[v] as number)) maxRise[v] = r;
    }
    if (peak > peakRise) peakRise = peak;
  };
  const chunk = Math.max(1, Math.ceil(totalSteps / CHUNKS));
  const boundary = rec.boundary;
  boundary?.update(state.time);
  const phases = [
    { steps: schedule.heatingSteps, dt: schedule.heatingDt, source: source as Float64Array | null },
    { steps: schedule.coolingSteps, dt: schedule.coolingDt, source: null },
  ];
  for (const phase of phases) {
    let done = 0;
    while (done < phase.steps) {
      const n = Math.min(chunk, phase.steps - done);
      const dose = rec.dose;
      const budget = rec.budget;
      advanceBioheat(problem, state, {
        dt: phase.dt,
        steps: n,
        source: phase.source,
        ...(boundary ? { boundarySource: boundary.source } : {}),
        onStep: (s, dt) => {
          if (budget) addToBudget(budget, problem, s.previous, phase.source, dt, boundary?.source);
          if (dose) accumulateDose(dose, s.previous, s.rise, dt, 37, DOSE_SKIP_BELOW);
          onStep();
          rec.afterStep?.(s);
          boundary?.update(s.time);
        },
      });
      done += n;
      rec.onChunk?.(step / Math.max(1, totalSteps), peakRise);
    }
  }
}

/**
 * runThermalSchedule with the steps in kernels: the same schedule, records and callbacks, read from the kernels'
 * views; the state, maxima and doses are copied in at the start and back out at the end.
 */
function runInKernels(
  problem: BioheatProblem,
  source: Float64Array,
  schedule: ThermalSchedule,
  rec: ThermalRecorders,
  kernels: BioheatKernels,
): void {
  const state = rec.state ?? createBioheatState(problem.grid);
  const steps = kernels.start(problem, state.rise, rec.maxRise, rec.dose);
  const totalSteps = schedule.heatingSteps + schedule.coolingSteps;
  const stride = totalSteps + 1;
  const { probes, peakHistory, timeResolved, boundary, budget } = rec;
  let time = state.time;
  let step = 0;
  let peakRise = Number.NEGATIVE_INFINITY;
  const view = {
    get rise() {
      return steps.rise;
    },
    get previous() {
      return steps.previous;
    },
    get time() {
      return time;
    },
  };
  const record = (): void => {
    if (timeResolved) timeResolved.recorder.record(timeResolved.firstStep + step, steps.rise, steps.dose);
    for (let p = 0; p < probes.length; p++) rec.history[p * stride + step] = steps.rise[probes[p] as number] as number;
    if (peakHistory) peakHistory[step] = steps.peak;
  };
  record();
  boundary?.update(time);
  const chunk = Math.max(1, Math.ceil(totalSteps / CHUNKS));
  const skipRise = DOSE_SKIP_BELOW - 37;
  const phases = [
    { steps: schedule.heatingSteps, dt: schedule.heatingDt, source: source as Float64Array | null },
    { steps: schedule.coolingSteps, dt: schedule.coolingDt, source: null },
  ];
  for (const phase of phases) {
    steps.setSource(phase.source);
    for (let i = 0; i < phase.steps; i++) {
      if (boundary) steps.setBoundary(boundary.source, boundary.voxels);
      steps.step(phase.dt, skipRise);
      if (steps.peak > peakRise) peakRise = steps.peak;
      if (budget) addToBudget(budget, problem, steps.previous, phase.source, phase.dt, boundary?.source);
      time += phase.dt;
      step++;
      record();
      rec.afterStep?.(view);
      boundary?.update(time);
      if (step % chunk === 0 || step === totalSteps) rec.onChunk?.(step / Math.max(1, totalSteps), peakRise);
    }
  }
  steps.finish(state.rise, rec.maxRise, rec.dose);
  state.time = time;
}
