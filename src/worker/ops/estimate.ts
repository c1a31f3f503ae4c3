import type { Estimate } from '../plan-protocol.ts';
import { traceTransfer } from '../transfer.ts';

// The engine's estimate is already the plain data the app reads: the op only lists the buffers to move.
export { estimate } from '../../engine/estimate.ts';

/** The buffers of an estimate to transfer: its beam trace's. */
export function estimateTransfer(estimate: Estimate): ArrayBuffer[] {
  return traceTransfer(estimate.beams);
}
