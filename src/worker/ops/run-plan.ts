import type { CaseState } from '../../engine/case.ts';
import type { PlanRequest } from '../../engine/requests.ts';
import { type PreparedPlan, planAcoustics, preparePlan, runPlan as runPlanOnEngine } from '../../engine/run-plan.ts';
import type { SonicationProgress } from '../../physics/snapshot.ts';
import type { SpotAcoustics } from '../../physics/whole-path/spot-acoustics.ts';
import type { PlanOutcome } from '../plan-protocol.ts';
import { buffersOf, timeResolvedArrays } from '../transfer.ts';

export { spotAcousticsTransfer } from '../transfer.ts';

/**
 * The plan ops. A pool shares a plan's spots out (planAcoustics on every worker, then runPlan on one with the
 * others' acoustics), so each worker keeps its last preparation: the worker that computed some acoustics reuses it
 * to run the plan instead of rasterising the lattice again.
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
 * @param state - the loaded case
 * @param request - the plan
 * @param onProgress - 0..1
 * @param precomputed - acoustics of some spots from other workers, by spot id
 * @returns the plan's outcome
 */
export function runPlan(
  state: CaseState,
  request: PlanRequest,
  onProgress: SonicationProgress,
  precomputed: Readonly<Record<string, SpotAcoustics>> = {},
): PlanOutcome {
  const outcome = runPlanOnEngine(state, request, onProgress, { prepared: prepared(state, request), precomputed });
  // The plan is done: its lattice need not stay in memory until the next one.
  last = undefined;
  return outcome;
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
