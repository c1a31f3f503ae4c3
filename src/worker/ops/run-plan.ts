import type { PlanOutcome } from '../plan-protocol.ts';
import { buffersOf, timeResolvedArrays } from '../transfer.ts';

// The engine's plan outcome is already the plain data the app reads: the op only lists the buffers to move.
export { runPlan } from '../../engine/run-plan.ts';

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
