import type { CaseState } from '../engine/case.ts';
import { heatAlone } from '../engine/kernels/current.ts';
import type { PlanOutcome, PlanSpotOutcome } from '../engine/outcomes.ts';
import type { PlanRequest } from '../engine/requests.ts';
import { type PreparedPlan, preparePlan, runPlan, startPlan } from '../engine/run-plan.ts';
import { SpotClaims } from '../engine/spot-claims.ts';
import type { SpotAcoustics } from '../physics/whole-path/spot-acoustics.ts';
import type { PlanInput } from '../plan-file/schema.ts';
import { installNodeKernels } from './kernels.ts';
import { buildCase } from './medium.ts';
import { defaultThreads, PlanThread } from './plan-threads.ts';
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
 * The plan as a pipeline: this thread heats the spots in order while `helpers` threads march the next spots' fields
 * (plan-threads.ts); a spot no thread has taken when this one gets there, or one whose thread failed, is marched here.
 */
async function pipelinedPlan(
  state: CaseState,
  request: PlanRequest,
  prepared: PreparedPlan,
  ids: readonly string[],
  helpers: number,
  plan: Scenario,
  onProgress: (f: number) => void,
  log: ((line: string) => void) | undefined,
): Promise<PlanOutcome> {
  const claims = new SpotClaims<SpotAcoustics>(ids);
  const threads = Array.from({ length: helpers }, () => new PlanThread({ plan, request }));
  let finished = false;
  let failed = false;
  const said = (error: unknown) => {
    if (failed) return;
    failed = true;
    log?.(
      `a worker thread failed (${error instanceof Error ? error.message : String(error)}); its spots run on this one`,
    );
  };
  for (const thread of threads) {
    void (async () => {
      while (!finished) {
        const field = claims.takeNext((id) => thread.march(id));
        if (!field) break;
        // A thread that failed takes no more spots; the ones it took are marched by the primary.
        if (
          !(await field.then(
            () => true,
            () => false,
          ))
        )
          break;
      }
    })();
  }
  const running = startPlan(state, request, onProgress, prepared);
  try {
    for (let id = running.wanted; id !== undefined; id = running.wanted) {
      const field = running.keepsWanted ? undefined : claims.forPrimary(id);
      running.give(field ? await field.catch((error: unknown) => void said(error)) : undefined);
    }
    return running.finish();
  } finally {
    running.close();
    finished = true;
    for (const thread of threads) thread.close();
  }
}

/**
 * Runs a plan file's spots through the engine the app's worker calls (runPlan): dose and temperature carry over from
 * spot to spot, each spot judged (blocked, warning, valid) as in the app.
 * @param plan - a checked plan file with at least one spot
 * @param onProgress - 0..1
 * @param options - threads: how many threads run the plan's pipeline (default one per core; 1 = this thread
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
  const outcome =
    threads > 1 && ids.length > 1
      ? await heatAlone(() =>
          pipelinedPlan(built.state, request, prepared, ids, threads - 1, plan, onProgress, options.log),
        )
      : runPlan(built.state, request, onProgress, { prepared });
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
