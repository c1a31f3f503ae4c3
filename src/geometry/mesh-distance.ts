import type { BufferGeometry } from 'three';

type Vec3 = readonly [number, number, number];

/** An axis-aligned box in some local frame [m]. */
export interface LocalBox {
  readonly lo: Vec3;
  readonly hi: Vec3;
}

/**
 * The shortest distance from a triangle mesh to a box, 0 when they touch or overlap. Each triangle is sampled on a
 * barycentric grid whose points are at most `step` apart, so the answer is never below the true distance and at
 * most about `step` above it.
 * @param geometry - the mesh (world coordinates), indexed or not
 * @param toLocal - world point → the box's frame (a rigid motion, so distances are kept)
 * @param box - the box in its frame
 * @param step - sampling distance on the surface [m]
 * @returns the distance [m]
 */
export function meshDistanceToBox(
  geometry: BufferGeometry,
  toLocal: (p: Vec3) => Vec3,
  box: LocalBox,
  step: number,
): number {
  const position = geometry.getAttribute('position');
  const index = geometry.getIndex();
  const triangles = (index ? index.count : position.count) / 3;
  const vertex = (t: number, corner: number): Vec3 => {
    const v = index ? index.getX(3 * t + corner) : 3 * t + corner;
    return toLocal([position.getX(v), position.getY(v), position.getZ(v)]);
  };
  // Compared squared (√ is monotone, so the least distance is the root of the least square), and a triangle whose
  // bounding box is already farther than the best so far is not sampled: none of its points can be nearer.
  let best2 = Number.POSITIVE_INFINITY;
  const point: [number, number, number] = [0, 0, 0];
  for (let t = 0; t < triangles; t++) {
    const a = vertex(t, 0);
    const b = vertex(t, 1);
    const c = vertex(t, 2);
    if (triangleBoundsDistance(a, b, c, box) > Math.sqrt(best2) + BOUNDS_MARGIN) continue;
    const longest = Math.max(distance(a, b), distance(b, c), distance(c, a));
    const parts = Math.max(1, Math.ceil(longest / step));
    for (let i = 0; i <= parts; i++) {
      for (let j = 0; j <= parts - i; j++) {
        const s = i / parts;
        const r = j / parts;
        const q = 1 - s - r;
        point[0] = q * a[0] + s * b[0] + r * c[0];
        point[1] = q * a[1] + s * b[1] + r * c[1];
        point[2] = q * a[2] + s * b[2] + r * c[2];
        const d2 = boxDistanceSquared(point, box);
        if (d2 < best2) {
          best2 = d2;
          if (best2 === 0) return 0;
        }
      }
    }
  }
  return Math.sqrt(best2);
}

/**
 * Slack on the bounding-box test [m]: a sample q·a + s·b + r·c may round a few ulps outside its triangle's box, so
 * a triangle is skipped only when its box is farther than the best by more than that.
 */
const BOUNDS_MARGIN = 1e-9;

/** Distance from a triangle's bounding box to the box: no point of the triangle is nearer. */
function triangleBoundsDistance(a: Vec3, b: Vec3, c: Vec3, box: LocalBox): number {
  let sum = 0;
  for (let axis = 0; axis < 3; axis++) {
    const lo = Math.min(a[axis] as number, b[axis] as number, c[axis] as number);
    const hi = Math.max(a[axis] as number, b[axis] as number, c[axis] as number);
    const d = Math.max(0, (box.lo[axis] as number) - hi, lo - (box.hi[axis] as number));
    sum += d * d;
  }
  return Math.sqrt(sum);
}

function distance(a: Vec3, b: Vec3): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
}

/** Distance from a point to a box (0 inside). */
export function boxDistance(p: Vec3, box: LocalBox): number {
  return Math.sqrt(boxDistanceSquared(p, box));
}

function boxDistanceSquared(p: Vec3, box: LocalBox): number {
  let sum = 0;
  for (let axis = 0; axis < 3; axis++) {
    const x = p[axis] as number;
    const below = (box.lo[axis] as number) - x;
    const above = x - (box.hi[axis] as number);
    const d = Math.max(0, below, above);
    sum += d * d;
  }
  return sum;
}
