import { type FocalSpot, focalSpot } from '../physics/estimate.ts';
import { TISSUES } from '../physics/tissues.ts';
import type { BeamSources } from './beam-sources.ts';
import { focusOf } from './focus.ts';
import type { BeamRequest } from './requests.ts';

/** What the focal spot depends on: the transducer and where it focuses. */
type SpotRequest = Pick<BeamRequest, 'transducer' | 'focus' | 'pose'>;

type Vec3 = [number, number, number];

/**
 * The focal spot the estimate assumes: the array's (paraxial, water, R and aperture of the spec); for free beams,
 * a cap with the same spread: R = mean source–focus distance, D = twice the largest distance of a source from the
 * mean beam axis through the focus (at least one beam's diameter).
 * @param request - transducer and focus
 * @param sources - the request's sources (beamSources)
 * @returns the focal spot's size [m]
 */
export function spotOf(request: SpotRequest, sources: BeamSources): FocalSpot {
  const f = request.transducer.frequency;
  const c = TISSUES.water.speedOfSound;
  if (sources.kind === 'array')
    return focalSpot(f, request.transducer.radiusOfCurvature, request.transducer.aperture, c);
  const focus = focusOf(request);
  const p = sources.elements.positions;
  const n = p.length / 3;
  let meanR = 0;
  for (let e = 0; e < n; e++) {
    const d = [0, 1, 2].map((a) => (p[3 * e + a] as number) - (focus[a] as number));
    meanR += Math.hypot(d[0] as number, d[1] as number, d[2] as number) / n;
  }
  const axis = beamAxis(request, sources);
  let spread = 2 * sources.elementRadius;
  for (let e = 0; e < n; e++) {
    const d = [0, 1, 2].map((a) => (p[3 * e + a] as number) - (focus[a] as number));
    const along = d.reduce((sum, x, a) => sum + x * (axis[a] as number), 0);
    const lateral = Math.sqrt(Math.max(0, d.reduce((sum, x) => sum + x * x, 0) - along * along));
    spread = Math.max(spread, 2 * lateral);
  }
  return focalSpot(f, meanR, spread, c);
}

/**
 * The beam's direction at the focus: the mean of the unit vectors from the focus to the sources (the array's axis
 * for a symmetric array; the free beams' mean direction otherwise).
 * @param request - the focus
 * @param sources - the request's sources (beamSources)
 * @returns a unit vector from the focus toward the sources
 */
export function beamAxis(request: SpotRequest, sources: BeamSources): Vec3 {
  const focus = focusOf(request);
  const p = sources.elements.positions;
  const axis: Vec3 = [0, 0, 0];
  for (let e = 0; e < p.length / 3; e++) {
    const d = [0, 1, 2].map((a) => (p[3 * e + a] as number) - (focus[a] as number));
    const r = Math.hypot(d[0] as number, d[1] as number, d[2] as number) || 1;
    for (let a = 0; a < 3; a++) axis[a] = (axis[a] as number) + (d[a] as number) / r;
  }
  const norm = Math.hypot(...axis) || 1;
  return [axis[0] / norm, axis[1] / norm, axis[2] / norm];
}
