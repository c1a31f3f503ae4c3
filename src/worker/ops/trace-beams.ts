import type { PlanningBeamTrace } from '../plan-protocol.ts';
import { traceTransfer } from '../transfer.ts';

// The engine's trace is already the plain data the app reads: the op only lists the buffers to move.
export { traceBeamsForPlanning } from '../../engine/trace-beams.ts';

/** The buffers of a planning trace to transfer. */
export function traceBeamsTransfer(trace: PlanningBeamTrace): ArrayBuffer[] {
  return traceTransfer(trace);
}
