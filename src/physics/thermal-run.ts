import { advanceBioheat, type BioheatProblem, createBioheatState } from './bioheat.ts';
import { accumulateDose } from './thermal-dose.ts';

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
  /** Called between chunks with the fraction done (0..1). */
  readonly onChunk?: (fraction: number) => void;
}

/** Skip dose below this temperature [°C]: < 0.004 CEM43/min there (see accumulateDose). */
const DOSE_SKIP_BELOW = 39;
/** Chunks per run for progress and cancellation checks. */
const CHUNKS = 30;

/**
 * Run a heating/cooling schedule from ΔT = 0, recording max ΔT, dose and probe histories.
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
  const state = createBioheatState(problem.grid);
  const totalSteps = schedule.heatingSteps + schedule.coolingSteps;
  const stride = totalSteps + 1;
  const probes = rec.probes;
  let step = 0;
  const record = (): void => {
    for (let p = 0; p < probes.length; p++) {
      rec.history[p * stride + step] = state.rise[probes[p] as number] as number;
    }
  };
  record();
  const onStep = (): void => {
    step++;
    record();
    const maxRise = rec.maxRise;
    if (maxRise) {
      const rise = state.rise;
      for (let v = 0; v < rise.length; v++) {
        const r = rise[v] as number;
        if (r > (maxRise[v] as number)) maxRise[v] = r;
      }
    }
  };
  const chunk = Math.max(1, Math.ceil(totalSteps / CHUNKS));
  const phases = [
    { steps: schedule.heatingSteps, dt: schedule.heatingDt, source: source as Float64Array | null },
    { steps: schedule.coolingSteps, dt: schedule.coolingDt, source: null },
  ];
  for (const phase of phases) {
    let done = 0;
    while (done < phase.steps) {
      const n = Math.min(chunk, phase.steps - done);
      const dose = rec.dose;
      advanceBioheat(problem, state, {
        dt: phase.dt,
        steps: n,
        source: phase.source,
        onStep: (s, dt) => {
          if (dose) accumulateDose(dose, s.previous, s.rise, dt, 37, DOSE_SKIP_BELOW);
          onStep();
        },
      });
      done += n;
      rec.onChunk?.(step / Math.max(1, totalSteps));
    }
  }
}
