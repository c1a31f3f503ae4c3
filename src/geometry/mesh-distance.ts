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
  let best = Number.POSITIVE_INFINITY;
  for (let t = 0; t < triangles; t++) {
    const a = vertex(t, 0);
    const b = vertex(t, 1);
    const c = vertex(t, 2);
    const longest = Math.max(distance(a, b), distance(b, c), distance(c, a));
    const parts = Math.max(1, Math.ceil(longest / step));
    for (let i = 0; i <= parts; i++) {
      for (let j = 0; j <= parts - i; j++) {
        const s = i / parts;
        const r = j / parts;
        const q = 1 - s - r;
        const d = boxDistance(
          [q * a[0] + s * b[0] + r * c[0], q * a[1] + s * b[1] + r * c[1], q * a[2] + s * b[2] + r * c[2]],
          box,
        );
        if (d < best) {
          best = d;
          if (best === 0) return 0;
        }
      }
    }
  }
  return best;
}

function distance(a: Vec3, b: Vec3): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
}

/** Distance from a point to a box (0 inside). */
export function boxDistance(p: Vec3, box: LocalBox): number {
  let sum = 0;
  for (let axis = 0; axis < 3; axis++) {
    const x = p[axis] as number;
    const below = (box.lo[axis] as number) - x;
    const above = x - (box.hi[axis] as number);
    const d = Math.max(0, below, above);
    sum += d * d;
  }
  return Math.sqrt(sum);
}
