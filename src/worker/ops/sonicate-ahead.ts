import { sonicationKey } from '../../engine/acoustic-key.ts';
import type { CaseState } from '../../engine/case.ts';
import type { RayleighKernel } from '../../physics/rayleigh.ts';
import type { SonicationProgress, SonicationSnapshot } from '../../physics/snapshot.ts';
import { SONICATION_FIELD_SHARE, type SonicateRequest, type SonicationOutcome } from '../protocol.ts';
import { prepare, sonicate } from './sonicate.ts';

/**
 * The sonication computed ahead: while the user reads the estimate, the worker that sonicates runs the sonication
 * the settings describe, field and heat, and keeps its outcome here; the Sonicate that follows with the same
 * request takes it instead of computing (a click a second later answers at once, and the first click after the
 * load meets a worker whose code is already compiled and whose pages are already touched). Any other Sonicate
 * runs as it would have, on the field kept by the preparation when only the power or the times differ.
 */
let ahead: { key: string; outcome: SonicationOutcome } | undefined;

/**
 * Computes the sonication of `request` ahead and keeps it (replacing any kept before).
 * @param state - the loaded case
 * @param request - the sonication as the settings stand
 * @param onProgress - the field on [0, SONICATION_FIELD_SHARE], then the heat with its snapshots
 * @param rayleigh - the Rayleigh kernel (GPU-served sums), as for sonicate
 * @returns false when that very sonication is kept already
 */
export function sonicateAhead(
  state: CaseState,
  request: SonicateRequest,
  onProgress: SonicationProgress,
  rayleigh?: RayleighKernel,
): boolean {
  const key = sonicationKey(request);
  if (ahead?.key === key) return false;
  ahead = undefined;
  const started = performance.now();
  prepare(state, request, (fraction) => onProgress(SONICATION_FIELD_SHARE * fraction), rayleigh);
  const heat = (fraction: number, snapshot?: SonicationSnapshot) =>
    onProgress(SONICATION_FIELD_SHARE + (1 - SONICATION_FIELD_SHARE) * fraction, snapshot);
  const outcome = sonicate(state, request, heat, rayleigh);
  ahead = { key, outcome: { ...outcome, elapsedMs: performance.now() - started, computedAhead: 'ready' } };
  return true;
}

/**
 * The outcome computed ahead for exactly this request, handed over once (its arrays are transferred); any other
 * request lets it go, since the settings it was computed for are gone.
 * @param request - the Sonicate's request
 * @returns the outcome, or undefined to compute
 */
export function takeAhead(request: SonicateRequest): SonicationOutcome | undefined {
  const kept = ahead;
  ahead = undefined;
  return kept && kept.key === sonicationKey(request) ? kept.outcome : undefined;
}

/** Lets the outcome computed ahead go (a new case, a plan: its memory is wanted). */
export function dropAhead(): void {
  ahead = undefined;
}
