import { Box3 } from 'three';
import { poseFrame } from '../geometry/transducer-pose.ts';
import { focalSpot } from '../physics/estimate.ts';
import { TISSUES } from '../physics/tissues.ts';
import type { CaseState } from './case.ts';
import type { SpotGridRequest } from './requests.ts';

type Vec3 = [number, number, number];

/** Default cap on the spot count: clinical bone treatments use ≈ 10–30 sonications per lesion (PHYSICS.md §3 [R]). */
export const DEFAULT_MAX_SPOTS = 30;

/** A lattice of candidate spots: integer coordinates (i, j, k) along (u, v, w) from the centre, spacing s. */
interface Lattice {
  spacing: number;
  points: { i: number; j: number; k: number; at: Vec3 }[];
}

/** How "Cover the lesion" laid its spots, so a trainee can see how many sonications the lesion really needs. */
export interface SpotLayout {
  /** spot centres [m], in delivery order */
  centres: Vec3[];
  /** the lattice's spacing [m]: the focal width, or larger when more than `maxSpots` would fit at it */
  spacing: number;
  /** the −6 dB lateral focal width in water [m] (the spacing asked for when none is given) */
  focalWidth: number;
  /** spots at the spacing asked for (the focal width by default), before the cap */
  fullCount: number;
  /** the cap on the spot count */
  maxSpots: number;
}

/**
 * Spot centres covering a lesion part (spotLayout's centres).
 * @param state - the loaded case
 * @param request - lesion part, spacing [m], spot cap, transducer and beam direction
 * @returns spot centres [m] in delivery order; empty when the case has no such lesion part
 */
export function spotGrid(state: CaseState, request: SpotGridRequest): Vec3[] {
  return spotLayout(state, request).centres;
}

/**
 * Spot centres covering a lesion part: a simple cubic lattice (spacing = request.spacing, default the −6 dB
 * lateral focal width 1.41 λR/D of the transducer in water, PHYSICS.md §3), centred on the part's bounding-box
 * centre, aligned with the beam axis when `direction` is given (world axes otherwise), clipped to the lesion
 * (lattice points where the TissueModel's tissue is 'lesion', inside the part's bounding box). When more than
 * `maxSpots` (default 30) points fit, the spacing grows (bisection, to 0.5 %) until the lattice fits, so the spots
 * still span the whole lesion rather than its first layers. A cubic lattice uses the lateral width axially too: the
 * focal zone is ≈ 7× longer than wide, so this overlaps heating along the axis (conservative for coverage).
 * Delivery order: layer by layer along the axis (deepest first when `direction` is given, so earlier spots do not
 * heat the path of later ones; lowest z first otherwise), serpentine within a layer (rows alternate direction).
 * @param state - the loaded case
 * @param request - lesion part, spacing [m], spot cap, transducer and beam direction
 * @returns the centres [m] in delivery order (none when the case has no such lesion part), their spacing, and the
 *   count the lesion would take at the spacing asked for
 */
export function spotLayout(state: CaseState, request: SpotGridRequest): SpotLayout {
  const part = request.lesionPart
    ? state.loaded.parts.find((p) => p.name === request.lesionPart)
    : state.loaded.parts.find((p) => p.tissue === 'lesion');
  const spot = focalSpot(
    request.transducer.frequency,
    request.transducer.radiusOfCurvature,
    request.transducer.aperture,
    TISSUES.water.speedOfSound,
  );
  const maxSpots = Math.max(1, Math.floor(request.maxSpots ?? DEFAULT_MAX_SPOTS));
  const s0 = request.spacing ?? spot.lateralWidth6dB;
  if (!(s0 > 0)) throw new RangeError('spotGrid: spacing must be positive');
  const layout = (centres: Vec3[], spacing: number, fullCount: number): SpotLayout => ({
    centres,
    spacing,
    focalWidth: spot.lateralWidth6dB,
    fullCount,
    maxSpots,
  });
  if (!part) return layout([], s0, 0);
  const box = new Box3().setFromBufferAttribute(part.geometry.getAttribute('position') as never);
  const centre: Vec3 = [(box.min.x + box.max.x) / 2, (box.min.y + box.max.y) / 2, (box.min.z + box.max.z) / 2];
  const { u, v, w } = request.direction
    ? poseFrame({ target: centre, direction: request.direction, distance: 0 })
    : { u: [1, 0, 0] as const, v: [0, 1, 0] as const, w: [0, 0, 1] as const };
  const axes = [u, v, w];
  // Half-extent of the box along each lattice axis.
  const half: Vec3 = [0, 0, 0];
  for (const cx of [box.min.x, box.max.x])
    for (const cy of [box.min.y, box.max.y])
      for (const cz of [box.min.z, box.max.z]) {
        const d: Vec3 = [cx - centre[0], cy - centre[1], cz - centre[2]];
        axes.forEach((a, n) => {
          half[n] = Math.max(half[n] as number, Math.abs(d[0] * a[0] + d[1] * a[1] + d[2] * a[2]));
        });
      }
  const inLesion = (p: Vec3): boolean =>
    p[0] >= box.min.x &&
    p[0] <= box.max.x &&
    p[1] >= box.min.y &&
    p[1] <= box.max.y &&
    p[2] >= box.min.z &&
    p[2] <= box.max.z &&
    state.model.tissueAt(p) === 'lesion';
  const lattice = (spacing: number): Lattice => {
    const [mi, mj, mk] = half.map((h) => Math.floor(h / spacing)) as Vec3;
    const points: Lattice['points'] = [];
    for (let k = -mk; k <= mk; k++)
      for (let j = -mj; j <= mj; j++)
        for (let i = -mi; i <= mi; i++) {
          const at: Vec3 = [0, 0, 0];
          for (let a = 0; a < 3; a++) {
            at[a] =
              (centre[a] as number) + spacing * (i * (u[a] as number) + j * (v[a] as number) + k * (w[a] as number));
          }
          if (inLesion(at)) points.push({ i, j, k, at });
        }
    return { spacing, points };
  };
  let best = lattice(s0);
  const fullCount = best.points.length;
  if (best.points.length > maxSpots) {
    let lo = s0;
    let hi = 2 * Math.max(...half, s0);
    best = lattice(hi);
    while (hi / lo > 1.005) {
      const mid = Math.sqrt(lo * hi);
      const candidate = lattice(mid);
      if (candidate.points.length <= maxSpots) {
        hi = mid;
        best = candidate;
      } else lo = mid;
    }
  }
  if (best.points.length === 0) return layout([centre].filter(inLesion), best.spacing, fullCount);
  // Delivery order: layers along w (deepest first with a beam direction), serpentine rows within a layer.
  const deepestFirst = request.direction !== undefined;
  const sorted = [...best.points].sort((a, b) => (deepestFirst ? b.k - a.k : a.k - b.k) || a.j - b.j || a.i - b.i);
  const ordered: Vec3[] = [];
  let line: Vec3[] = [];
  let row = 0;
  sorted.forEach((p, n) => {
    line.push(p.at);
    const after = sorted[n + 1];
    if (after === undefined || after.k !== p.k || after.j !== p.j) {
      ordered.push(...(row % 2 === 0 ? line : line.reverse()));
      line = [];
      row++;
    }
  });
  return layout(ordered, best.spacing, fullCount);
}
