import type { SonicateRequest } from './requests.ts';

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
  const acoustic = Object.fromEntries(Object.entries(request).filter(([name]) => !HEAT_ONLY.has(name)));
  return JSON.stringify(acoustic, (_name, value: unknown) => {
    if (ArrayBuffer.isView(value)) return Array.from(value as unknown as ArrayLike<number>);
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      return Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    }
    return value;
  });
}
