type Vec3 = readonly [number, number, number];

/**
 * A region beams must not cross: a sphere (size = radius) or an axis-aligned cube (size = half the side), [m].
 * Structurally the same as `NoPassRegion` of worker/plan-protocol.ts, so geometry does not import the worker.
 */
export interface NoPassShape {
  kind: 'sphere' | 'box';
  centre: Vec3;
  size: number;
}

/**
 * Exact test: does the closed segment a → b meet the closed ball |x − c| ≤ r? The closest point of the segment to
 * c is a + t(b − a) with t = clamp(((c − a)·(b − a))/|b − a|², 0, 1); the segment meets the ball iff its
 * distance to c is ≤ r (touching counts).
 * @param a - segment start [m]
 * @param b - segment end [m]
 * @param centre - ball centre [m]
 * @param radius - ball radius [m]
 * @returns true when they meet
 */
export function segmentMeetsSphere(a: Vec3, b: Vec3, centre: Vec3, radius: number): boolean {
  const d = [b[0] - a[0], b[1] - a[1], b[2] - a[2]] as const;
  const m = [centre[0] - a[0], centre[1] - a[1], centre[2] - a[2]] as const;
  const dd = d[0] * d[0] + d[1] * d[1] + d[2] * d[2];
  const t = dd > 0 ? Math.min(1, Math.max(0, (m[0] * d[0] + m[1] * d[1] + m[2] * d[2]) / dd)) : 0;
  const x = m[0] - t * d[0];
  const y = m[1] - t * d[1];
  const z = m[2] - t * d[2];
  return x * x + y * y + z * z <= radius * radius;
}

/**
 * Exact test (slab method): does the closed segment a → b meet the closed axis-aligned box
 * |x_i − c_i| ≤ h_i? Intersects the parameter interval [0, 1] with each slab's entry/exit interval; a segment
 * parallel to a slab must lie within it. Touching counts.
 * @param a - segment start [m]
 * @param b - segment end [m]
 * @param centre - box centre [m]
 * @param half - half-extents per axis [m] (a cube: the same three times)
 * @returns true when they meet
 */
export function segmentMeetsBox(a: Vec3, b: Vec3, centre: Vec3, half: Vec3): boolean {
  let t0 = 0;
  let t1 = 1;
  for (let i = 0; i < 3; i++) {
    const lo = (centre[i] as number) - (half[i] as number);
    const hi = (centre[i] as number) + (half[i] as number);
    const start = a[i] as number;
    const d = (b[i] as number) - start;
    if (d === 0) {
      if (start < lo || start > hi) return false;
      continue;
    }
    let enter = (lo - start) / d;
    let exit = (hi - start) / d;
    if (enter > exit) [enter, exit] = [exit, enter];
    if (enter > t0) t0 = enter;
    if (exit < t1) t1 = exit;
    if (t0 > t1) return false;
  }
  return true;
}

/**
 * Does the segment a → b meet the no-pass region?
 * @param a - segment start [m]
 * @param b - segment end [m]
 * @param region - sphere or cube
 * @returns true when they meet
 */
export function segmentMeetsNoPass(a: Vec3, b: Vec3, region: NoPassShape): boolean {
  return region.kind === 'sphere'
    ? segmentMeetsSphere(a, b, region.centre, region.size)
    : segmentMeetsBox(a, b, region.centre, [region.size, region.size, region.size]);
}
