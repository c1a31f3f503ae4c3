import { type ElementSet, placeElements } from '../geometry/transducer-pose.ts';
import { focusOf } from './focus.ts';
import type { BeamRequest } from './requests.ts';
import { type LazySourceLayout, lazySourceLayout } from './source-layout.ts';

type Vec3 = readonly [number, number, number];

/**
 * Diameter of one free beam's source [m]: a flat 20 mm piston aimed at the focus. Chosen so that (1) the point-
 * source-with-directivity Rayleigh model the core uses stays valid: the Fresnel distance a²/λ ≈ 67 mm at 1 MHz
 * in water is shorter than any sensible source–focus distance (the body array's 160 mm), so the focus is in the
 * piston's far field; (2) the beam is narrow (ka ≈ 42 at 1 MHz: −6 dB directivity half-angle
 * asin(2.215/ka) ≈ 3°), so it reads as one beam; (3) a few of them radiate a plausible power at a surface
 * intensity of a few W/cm². A teaching choice, not a device.
 */
export const FREE_BEAM_DIAMETER = 0.02;

/** A beam request, optionally with free beams instead of the array (PlanningBeamRequest carries them). */
export type SourceRequest = BeamRequest & { freeBeams?: readonly Vec3[] | undefined };

/** The sources of a request in the world, with their piston radius [m] (0 = bowl patches). */
export interface BeamSources {
  elements: ElementSet;
  elementRadius: number;
  kind: 'array' | 'free';
}

/**
 * The one place a request becomes sources, for every engine call (trace, estimate, sonicate, plan): the
 * transducer's elements placed at the pose, or, when `freeBeams` is a non-empty list, one FREE_BEAM_DIAMETER piston
 * at each of those points with its normal aimed at the focus (focusOf).
 * @param request - transducer, pose, focus and optional free beams
 * @param layout - the request's source layout, when the caller shares it with other steps (default: its own)
 * @returns world positions [m], normals and areas [m²], piston radius [m] and which kind of sources they are
 * @throws RangeError when a free beam sits on the focus
 */
export function beamSources(
  request: SourceRequest,
  layout: LazySourceLayout = lazySourceLayout(request.transducer),
): BeamSources {
  const free = request.freeBeams;
  if (!free || free.length === 0) {
    const local = layout();
    return { elements: placeElements(local, request.pose), elementRadius: local.elementRadius, kind: 'array' };
  }
  const focus = focusOf(request);
  const n = free.length;
  const positions = new Float64Array(3 * n);
  const normals = new Float64Array(3 * n);
  const radius = FREE_BEAM_DIAMETER / 2;
  const areas = new Float64Array(n).fill(Math.PI * radius * radius);
  free.forEach((p, e) => {
    const d = [focus[0] - p[0], focus[1] - p[1], focus[2] - p[2]];
    const length = Math.hypot(d[0] as number, d[1] as number, d[2] as number);
    if (!(length > 0)) throw new RangeError(`free beam ${e} sits on the focus`);
    for (let a = 0; a < 3; a++) {
      positions[3 * e + a] = p[a] as number;
      normals[3 * e + a] = (d[a] as number) / length;
    }
  });
  return { elements: { positions, normals, areas }, elementRadius: radius, kind: 'free' };
}
