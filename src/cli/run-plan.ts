import type { PlanOutcome, PlanSpotOutcome } from '../engine/outcomes.ts';
import type { PlanRequest } from '../engine/requests.ts';
import { planAcoustics, preparePlan, runPlan } from '../engine/run-plan.ts';
import type { SpotAcoustics } from '../physics/whole-path/spot-acoustics.ts';
import type { PlanInput } from '../plan-file/schema.ts';
import { installNodeKernels } from './kernels.ts';
import { buildCase } from './medium.ts';
import { acousticsOnThread, dealSpots, defaultThreads } from './plan-threads.ts';
import { coreInfo, POWER_CONVENTION } from './run.ts';
import { couplingTissueOf, type Scenario, scenarioOverrides } from './scenario.ts';

type Vec3 = [number, number, number];

export const PLAN_RESULTS_FORMAT = 'fus-planner-plan-results/1';

/** The results of a plan file run by `npm run simulate` (its spots in order, dose accumulating). SI units. */
export interface PlanResults {
  format: string;
  plan: PlanInput;
  core: ReturnType<typeof coreInfo>;
  setup: {
    target: Vec3;
    beamDirection: Vec3;
    /** the plan's region (every spot plus a margin) */
    grid: { nx: number; ny: number; nz: number; spacing: number; origin: Vec3 };
    drive: { powerConvention: string; couplingTissue: string };
  };
  /** each spot in the file's order: its status, the reasons, when it started, and its figures */
  spots: PlanSpotOutcome[];
  thermal: {
    /** [s] and the hottest temperature of the region then [°C] */
    time: number[];
    peakTemperatureHistory: number[];
    peakTemperature: number;
    peakDose: number;
  };
  /** per tissue and region over the whole plan, and the critical structures it did not reach */
  doses: PlanOutcome['doses'];
  validity: PlanOutcome['validity'];
  runTime: { total: number };
}

/**
 * The request the app's Run plan sends for the same plan (src/app/planning-requests.ts `planRequest`): one pose,
 * the planning context, the spots and the region's spacing.
 * @param plan - a checked plan file with spots
 * @param target - the resolved target [m]
 * @param beamDirection - the resolved propagation direction (transducer → target)
 * @returns the engine's plan request
 */
export function planRequestOf(plan: Scenario, target: Vec3, beamDirection: Vec3): PlanRequest {
  const { input, transducer } = plan;
  const planning = input.planning;
  if (!planning) throw new RangeError('planRequestOf: the plan has no spots');
  const overrides = scenarioOverrides(input);
  const request: PlanRequest = {
    transducer,
    pose: {
      target,
      direction: [0 - beamDirection[0], 0 - beamDirection[1], 0 - beamDirection[2]],
      distance: transducer.radiusOfCurvature,
    },
    noPass: planning.noPass,
    autoSwitchOff: planning.autoSwitchOff,
    aberrationCorrection: input.aberrationCorrection,
    spots: planning.spots.map((s) => ({ ...s, focus: [...s.focus] as Vec3 })),
    spacing: input.grid.spacing,
    fieldModel: input.fieldModel,
  };
  if (Object.keys(overrides).length > 0) request.tissueOverrides = overrides;
  if (planning.freeBeamMode && planning.freeBeams.length > 0) request.freeBeams = planning.freeBeams;
  else {
    const on = new Uint8Array(transducer.elementCount).fill(1);
    for (const e of planning.elementsOff) on[e] = 0;
    request.elementsOn = on;
  }
  return request;
}

/**
 * Runs a plan file's spots through the engine the app's worker calls (runPlan): dose and temperature carry over from
 * spot to spot, each spot judged (blocked, warning, valid) as in the app.
 * @param plan - a checked plan file with at least one spot
 * @param onProgress - 0..1
 * @param options - threads: how many threads share the spots' acoustics (default one per core; 1 = this thread
 *   alone); log: where a thread's failure is said (its spots then run here)
 * @returns the results document
 */
export async function runPlanFile(
  plan: Scenario,
  onProgress: (f: number) => void = () => {},
  options: { threads?: number; log?: (line: string) => void } = {},
): Promise<PlanResults> {
  installNodeKernels();
  const started = performance.now();
  const built = await buildCase(plan);
  const request = planRequestOf(plan, built.target, built.beamDirection);
  const prepared = preparePlan(built.state, request);
  const threads = Math.max(1, Math.floor(options.threads ?? defaultThreads()));
  const ids = prepared.setup ? prepared.delivered.map((j) => j.spot.id) : [];
  let precomputed: Record<string, SpotAcoustics> = {};
  let report = onProgress;
  if (threads > 1 && ids.length > 1) {
    // The acoustics are most of a plan's time: shared out, they take about half of it; the heat runs once, here.
    const [mine = [], ...theirs] = dealSpots(ids, threads);
    const others = theirs
      .filter((share) => share.length > 0)
      .map((share) =>
        acousticsOnThread({ plan, request, ids: share }).catch((error: unknown) => {
          options.log?.(
            `a worker thread failed (${error instanceof Error ? error.message : String(error)}); its spots run on this one`,
          );
          return {};
        }),
      );
    precomputed = planAcoustics(built.state, request, mine, (f) => onProgress(0.5 * f), prepared);
    for (const part of await Promise.all(others)) Object.assign(precomputed, part);
    report = (f) => onProgress(0.5 + 0.5 * f);
  }
  const outcome = runPlan(built.state, request, report, { prepared, precomputed });
  const coupling = couplingTissueOf(plan.input);
  const g = outcome.grid;
  let peakDose = 0;
  for (const d of outcome.dose) if (d > peakDose) peakDose = d;
  return {
    format: PLAN_RESULTS_FORMAT,
    plan: plan.input,
    core: coreInfo(request.fieldModel ?? 'whole-path'),
    setup: {
      target: built.target,
      beamDirection: built.beamDirection,
      grid: { nx: g.nx, ny: g.ny, nz: g.nz, spacing: g.spacing, origin: [...g.origin] as Vec3 },
      drive: { powerConvention: POWER_CONVENTION, couplingTissue: coupling },
    },
    spots: outcome.spots,
    thermal: {
      time: Array.from(outcome.time),
      peakTemperatureHistory: Array.from(outcome.peakTemperature),
      peakTemperature: Math.max(...outcome.peakTemperature),
      peakDose,
    },
    doses: outcome.doses,
    validity: outcome.validity,
    runTime: { total: (performance.now() - started) / 1000 },
  };
}
