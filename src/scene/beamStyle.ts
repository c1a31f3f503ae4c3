import { BEAM_STATUS_CODES } from '../geometry/beam-status.ts';
import { BEAM_COLOURS } from '../style/palette.ts';
import type { PlanningBeamTrace } from '../worker/plan-protocol.ts';
import type { BeamTrace } from '../worker/protocol.ts';

/**
 * Beam status colours (PRODUCT.md) for statuses the palette may not list yet: the palette wins when it has the
 * status. clear cyan, bone orange, gas red, critical and no-pass red dashed, beyond the critical angle purple,
 * switched off grey.
 */
const FALLBACK_COLOURS: Record<string, string> = {
  clear: '#22d3ee',
  bone: '#f59e0b',
  gas: '#ef4444',
  critical: '#ef4444',
  angle: '#a855f7',
  nopass: '#ef4444',
  off: '#9ca3af',
};

/** Statuses drawn dashed. */
export const DASHED_STATUSES: ReadonlySet<string> = new Set(['critical', 'nopass']);

export function beamColour(status: string): string {
  return (BEAM_COLOURS as Readonly<Record<string, string>>)[status] ?? FALLBACK_COLOURS[status] ?? '#22d3ee';
}

/**
 * Statuses that matter to the plan and are drawn wide over everything (BeamLines): every one but clear and
 * switched off. Red ones (gas, critical, no-pass) are the widest.
 */
export function drawnOnTop(status: string): boolean {
  return status !== 'clear' && status !== 'off';
}

/** Screen width of a beam drawn on top [CSS px]. */
export function onTopWidth(status: string): number {
  return status === 'gas' || status === 'critical' || status === 'nopass' ? 2.5 : 2;
}

/** Line opacity: switched-off beams faint, clear beams light (there are many), the warnings stronger. */
export function beamOpacity(status: string): number {
  if (status === 'off') return 0.14;
  if (status === 'clear') return 0.55;
  return 0.75;
}

/** The status name for a code of BEAM_STATUS_CODES (codes another module appends read through the same list). */
export function statusName(code: number): string {
  return (BEAM_STATUS_CODES as readonly string[])[code] ?? 'clear';
}

/**
 * Per element, the status to draw: the traced status, or 'off' for an element that will not fire (the planning
 * trace's firing mask when present, otherwise the elements switched off by hand). A transducer with sources inside
 * the body cannot fire at all (state/selectors.ts transducerInBodyBlocker): every beam is drawn off, not cyan.
 */
export function elementStatuses(
  trace: BeamTrace & Partial<Pick<PlanningBeamTrace, 'firing' | 'inTissue'>>,
  elementsOff: readonly number[],
): string[] {
  if ((trace.inTissue ?? 0) > 0) return Array.from(trace.statuses, () => 'off');
  const off = new Set(elementsOff);
  const out: string[] = [];
  for (let e = 0; e < trace.statuses.length; e++) {
    const firing = trace.firing ? trace.firing[e] !== 0 : !off.has(e);
    out.push(firing ? statusName(trace.statuses[e] ?? 0) : 'off');
  }
  return out;
}
