import type { PlanRequest, SonicateRequest } from './requests.ts';

/**
 * What a sonication asks of the heat alone: changing these leaves the acoustic field as it was, up to the power's
 * scale (physics/whole-path/scaled-acoustics.ts). Every other field of a request — and any field added later —
 * counts as acoustic, so an unknown change costs a march rather than reusing a wrong field.
 */
const HEAT_ONLY: ReadonlySet<string> = new Set(['acousticPower', 'duration', 'cooling', 'results']);

/**
 * The request's acoustic identity: a canonical text of every field but HEAT_ONLY (object keys sorted, typed arrays
 * as lists), so two requests built apart compare equal when their beams, pose, region and tissues are the same.
 * Pure and light: the app computes it too, to ask for a field only when the beams changed (app/prepare-field.ts).
 * @param request - the request
 * @returns the key
 */
export function acousticKey(request: SonicateRequest): string {
  return canonical(withoutHeat(request));
}

/**
 * A sonication's whole identity: every field, heat included, as acousticKey writes it. Two requests with the same
 * key give the same outcome, so a sonication computed ahead may stand for the one a click asks for.
 * @param request - the request
 * @returns the key
 */
export function sonicationKey(request: SonicateRequest): string {
  return canonical(request);
}

/**
 * A plan's acoustic identity: as acousticKey, and of each spot only its focus (its id, power and times are the
 * heat's). The spots' foci stay in it because together they size the plan's region and lattice, which every spot's
 * field lives on.
 * @param request - the plan
 * @returns the key
 */
export function planAcousticKey(request: PlanRequest): string {
  return canonical({ ...withoutHeat(request), spots: request.spots.map((spot) => spot.focus) });
}

function withoutHeat(request: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(request).filter(([name]) => !HEAT_ONLY.has(name)));
}

/**
 * JSON with object keys sorted and typed arrays as lists: one text for equal values built apart.
 * @param value - plain data
 * @returns the text
 */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_name, item: unknown) => {
    if (ArrayBuffer.isView(item)) return Array.from(item as unknown as ArrayLike<number>);
    if (item && typeof item === 'object' && !Array.isArray(item)) {
      return Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    }
    return item;
  });
}
