import type { CaseState } from '../../engine/case.ts';
import { planFields } from '../../engine/plan-fields.ts';
import type { PlanRequest } from '../../engine/requests.ts';
import { type PreparedPlan, planAcoustics, preparePlan, startPlan } from '../../engine/run-plan.ts';
import type { SonicationProgress } from '../../physics/snapshot.ts';
import type { SpotAcoustics } from '../../physics/whole-path/spot-acoustics.ts';
import type { PlanOutcome } from '../plan-protocol.ts';
import { buffersOf, timeResolvedArrays } from '../transfer.ts';

export { spotAcousticsTransfer } from '../transfer.ts';

/**
 * The plan ops. A pool shares a plan's spots out: one worker runs the plan, the others compute spots' acoustics
 * (planAcoustics, one spot a call) that reach it as they finish; so each worker keeps its last preparation between
 * calls instead of rasterising the lattice again.
 */
let last: { state: CaseState; key: string; prepared: PreparedPlan } | undefined;

function prepared(state: CaseState, request: PlanRequest): PreparedPlan {
  // Everything but the recording shapes the preparation.
  const key = JSON.stringify({ ...request, results: undefined }, (_, value: unknown) =>
    ArrayBuffer.isView(value) ? Array.from(value as Uint8Array) : value,
  );
  if (last?.state !== state || last.key !== key) last = { state, key, prepared: preparePlan(state, request) };
  return last.prepared;
}

/**
 * Runs a plan spot by spot. In a pool, `fieldOf` brings each spot's acoustics as another worker finishes them
 * (undefined: no other worker took that spot, so it is computed here); the fields this worker keeps from the last
 * run of the same plan are never asked for.
 * @param state - the loaded case
 * @param request - the plan
 * @param onProgress - 0..1
 * @param fieldOf - the pool's spot acoustics, by spot id (absent: every field is computed here)
 * @returns the plan's outcome
 */
export async function runPlan(
  state: CaseState,
  request: PlanRequest,
  onProgress: SonicationProgress,
  fieldOf?: (id: string) => Promise<SpotAcoustics | undefined>,
): Promise<PlanOutcome> {
  const plan = startPlan(state, request, onProgress, prepared(state, request));
  try {
    for (let id = plan.wanted; id !== undefined; id = plan.wanted) {
      plan.give(fieldOf && !plan.keepsWanted ? await fieldOf(id) : undefined);
    }
    return plan.finish();
  } finally {
    plan.close();
    // The plan is done: its lattice need not stay in memory until the next one.
    last = undefined;
  }
}

/**
 * @param state - the loaded case
 * @param request - the plan
 * @returns the ids of the spots whose fields this worker keeps from the last run of the same plan
 */
export function keptPlanSpots(state: CaseState, request: PlanRequest): string[] {
  const kept = planFields(state, request);
  return request.spots.filter((spot) => kept.has(spot)).map((spot) => spot.id);
}

/** Lets go of the plan preparation kept between planAcoustics calls (a pool's helper whose share is done). */
export function releasePlan(): void {
  last = undefined;
}

/**
 * @param state - the loaded case
 * @param request - the plan
 * @param ids - the spots this worker computes
 * @param keep - keep the preparation for this worker's runPlan of the same request (else free its memory)
 * @param onProgress - 0..1
 * @returns their acoustics by spot id
 */
export function spotAcousticsOp(
  state: CaseState,
  request: PlanRequest,
  ids: readonly string[],
  keep: boolean,
  onProgress: (fraction: number) => void,
): Record<string, SpotAcoustics> {
  const acoustics = planAcoustics(state, request, ids, onProgress, prepared(state, request));
  if (!keep) last = undefined;
  return acoustics;
}

/** The buffers of a plan outcome to transfer: the accumulated fields and time histories. */
export function runPlanTransfer(outcome: PlanOutcome): ArrayBuffer[] {
  return buffersOf([
    outcome.maxTemperature,
    outcome.dose,
    outcome.time,
    outcome.peakTemperature,
    ...timeResolvedArrays(outcome),
  ]);
}
