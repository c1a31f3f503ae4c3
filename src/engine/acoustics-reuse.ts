import { scaledAcoustics } from '../physics/whole-path/scaled-acoustics.ts';
import type { PathAcoustics } from '../physics/whole-path/sonication.ts';
import { acousticKey } from './acoustic-key.ts';
import type { CaseState } from './case.ts';
import { kernels } from './kernels/current.ts';
import type { SonicateRequest } from './requests.ts';

/**
 * Where a kept field came from: computed ahead while the user was still setting up (prepareSonication), or by the
 * last sonication.
 */
export type KeptOrigin = 'prepared' | 'last-run';

/** The labelled lattice and region of a request, and its field at the power it was computed for. */
export interface KeptSonication<Setup> {
  readonly origin: KeptOrigin;
  /** what the field depends on (acousticKey: the request but its heat-only fields; and the kernels that marched it) */
  readonly key: string;
  readonly slices: unknown;
  /** the labelled whole path and focal region (engine/sonicate.ts builds them) */
  readonly setup: Setup;
  readonly field: PathAcoustics;
  /** the acoustic power the field was computed at [W] */
  readonly power: number;
}

/** The last sonication of each case (per worker: a sonication runs on the pool's first). */
const kept = new WeakMap<CaseState, KeptSonication<unknown>>();

function keptFor(state: CaseState, request: SonicateRequest): KeptSonication<unknown> | undefined {
  const last = kept.get(state);
  if (!last || last.slices !== kernels().slices || last.key !== acousticKey(request)) return undefined;
  const ratio = request.acousticPower / last.power;
  return ratio > 0 && Number.isFinite(ratio) ? last : undefined;
}

/**
 * Whether the next sonication of `request` will reuse the kept field (so a host need not prepare its sums).
 * @param state - the case
 * @param request - the request
 * @returns true when reusableSonication would return a field
 */
export function willReuseField(state: CaseState, request: SonicateRequest): boolean {
  return keptFor(state, request) !== undefined;
}

/**
 * The last sonication's setup and field, when `request` differs from it only in power, time or what is recorded:
 * the field comes back scaled to the request's power. Changing the Trainee's most common knob (power, duration)
 * then costs the heat alone — about half a sonication on the femur default.
 * @param state - the case
 * @param request - the new request
 * @returns the kept setup and the field at the request's power, or undefined (march again)
 */
export function reusableSonication<Setup>(
  state: CaseState,
  request: SonicateRequest,
): { setup: Setup; field: PathAcoustics; origin: KeptOrigin } | undefined {
  const last = keptFor(state, request) as KeptSonication<Setup> | undefined;
  if (!last) return undefined;
  // Always new arrays: a run hands its field's arrays on to the outcome, whose buffers the worker transfers away.
  const field = { ...last.field, acoustics: scaledAcoustics(last.field.acoustics, request.acousticPower / last.power) };
  return { setup: last.setup, field, origin: last.origin };
}

/**
 * Keeps a sonication's setup and field for the next request of the same case (only the last: a field is tens of
 * MB on the bundled cases).
 * @param state - the case
 * @param request - the request the field was computed for
 * @param setup - the labelled lattice and region
 * @param field - the field at request.acousticPower
 * @param origin - computed ahead ('prepared') or by a sonication ('last-run')
 */
export function keepSonication<Setup>(
  state: CaseState,
  request: SonicateRequest,
  setup: Setup,
  field: PathAcoustics,
  origin: KeptOrigin,
): void {
  kept.set(state, {
    origin,
    key: acousticKey(request),
    slices: kernels().slices,
    setup,
    // A copy: the run that computed the field hands its arrays on to the outcome, which the worker transfers away.
    field: { ...field, acoustics: scaledAcoustics(field.acoustics, 1) },
    power: request.acousticPower,
  });
}

/**
 * The labelled focal region and whole path of the last sonication of each case, by what they depend on (labelsKey
 * in sonicate.ts: where the sources are, the focus, the region, the frequency and the tissues). Labelling them
 * (voxelising the region and the beam-aligned lattice through the anatomy) is ≈ 0.1 s of a femur sonication, and a
 * new beam pattern from the same pose (the aberration correction toggled, elements switched on or off) needs the
 * same labels: its field is marched anew on them. A run reads them and changes nothing in them (as the kept
 * sonication above, whose setup they are).
 */
const keptLabelling = new WeakMap<CaseState, { key: string; labels: unknown }>();

/**
 * @param state - the case
 * @param key - what the labels depend on
 * @returns the labels kept for that key, or undefined (label again)
 */
export function keptLabels<Labels>(state: CaseState, key: string): Labels | undefined {
  const last = keptLabelling.get(state);
  return last?.key === key ? (last.labels as Labels) : undefined;
}

/**
 * Keeps a sonication's labelled region and path for the next sonication of the same geometry (only the last).
 * @param state - the case
 * @param key - what the labels depend on
 * @param labels - the labelled region and path
 */
export function keepLabels<Labels>(state: CaseState, key: string, labels: Labels): void {
  keptLabelling.set(state, { key, labels });
}

/**
 * Lets go of a case's kept sonication and labels (their memory; or a benchmark that must march and label every
 * run).
 * @param state - the case
 */
export function forgetKeptSonication(state: CaseState): void {
  kept.delete(state);
  keptLabelling.delete(state);
}
