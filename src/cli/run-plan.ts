import type { PlanOutcome, PlanSpotOutcome } from '../engine/outcomes.ts';
import type { PlanRequest } from '../engine/requests.ts';
import { runPlan } from '../engine/run-plan.ts';
import type { PlanInput } from '../plan-file/schema.ts';
import { installNodeKernels } from './kernels.ts';
import { buildCase } from './medium.ts';
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
 * @returns the results document
 */
export async function runPlanFile(plan: Scenario, onProgress: (f: number) => void = () => {}): Promise<PlanResults> {
  installNodeKernels();
  const started = performance.now();
  const built = await buildCase(plan);
  const request = planRequestOf(plan, built.target, built.beamDirection);
  const outcome = runPlan(built.state, request, onProgress);
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
