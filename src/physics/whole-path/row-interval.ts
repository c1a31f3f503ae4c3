/**
 * The columns i of one lattice row whose centres lie in the box: an interval, since the row is a straight line and
 * the box convex. Solved on the line with a margin of one column, then settled by `inFine` at both ends.
 * @param row - world position of the row's x = 0 point [m]
 * @param u - the row's direction (world, unit)
 * @param dx - column spacing [m]
 * @param n - columns (column i at x = (i − n/2)·dx)
 * @param lo - the box's low corner (world) [m]
 * @param hi - the box's high corner [m]
 * @param inFine - the caller's exact rule for "column i is inside" (monotone along the row on each axis, so the
 *   columns it accepts form one interval)
 * @returns [first, last] (first > last: none)
 */
export function rowInterval(
  row: { x0: number; y0: number; z0: number },
  u: readonly [number, number, number],
  dx: number,
  n: number,
  lo: readonly number[],
  hi: readonly number[],
  inFine: (i: number) => boolean,
): [number, number] {
  // Points are start + x·u with x = (i − n/2)·dx; intersect x with each slab.
  let xMin = Number.NEGATIVE_INFINITY;
  let xMax = Number.POSITIVE_INFINITY;
  const start = [row.x0, row.y0, row.z0];
  for (let a = 0; a < 3; a++) {
    const s = start[a] as number;
    const d = u[a] as number;
    if (Math.abs(d) < 1e-12) {
      // Parallel to the slab (the coordinate moves < 1e-12·n·dx along the row): out if clearly out, else settled
      // by inFine below, which alone decides a point on the slab's face.
      if (s < (lo[a] as number) - dx || s > (hi[a] as number) + dx) return [1, 0];
      continue;
    }
    const t0 = ((lo[a] as number) - s) / d;
    const t1 = ((hi[a] as number) - s) / d;
    xMin = Math.max(xMin, Math.min(t0, t1));
    xMax = Math.min(xMax, Math.max(t0, t1));
  }
  if (xMin > xMax) return [1, 0];
  let first = Math.max(0, Math.floor(xMin / dx + n / 2) - 1);
  let last = Math.min(n - 1, Math.ceil(xMax / dx + n / 2) + 1);
  while (first <= last && !inFine(first)) first++;
  while (last >= first && !inFine(last)) last--;
  return [first, last];
}

/**
 * @returns whether (px, py, pz) lies in the box [lo, hi] (faces included)
 */
export function inBox(px: number, py: number, pz: number, lo: readonly number[], hi: readonly number[]): boolean {
  return (
    px >= (lo[0] as number) &&
    px <= (hi[0] as number) &&
    py >= (lo[1] as number) &&
    py <= (hi[1] as number) &&
    pz >= (lo[2] as number) &&
    pz <= (hi[2] as number)
  );
}
