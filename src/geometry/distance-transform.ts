import type { VoxelGrid } from './tissue-model.ts';

/**
 * Exact Euclidean distance from every voxel centre to the nearest voxel of a set [m] (0 inside it), by the
 * separable squared-distance transform of Felzenszwalb & Huttenlocher (Theory of Computing 8:415, 2012): a 1D lower
 * envelope of parabolas along x, then y, then z. O(voxels).
 * @param inside - 1 for the voxels of the set
 * @param grid - the grid (isotropic spacing)
 * @returns distance per voxel [m]; Infinity everywhere when the set is empty
 */
export function distanceTransform(inside: Uint8Array, grid: VoxelGrid): Float32Array {
  const { nx, ny, nz, spacing } = grid;
  const n = nx * ny * nz;
  const d = new Float64Array(n);
  for (let v = 0; v < n; v++) d[v] = inside[v] ? 0 : Number.POSITIVE_INFINITY;
  const longest = Math.max(nx, ny, nz);
  const f = new Float64Array(longest);
  const out = new Float64Array(longest);
  const hull = new Int32Array(longest);
  const cut = new Float64Array(longest + 1);
  const pass = (count: number, lines: number, start: (line: number) => number, stride: number) => {
    for (let line = 0; line < lines; line++) {
      const s = start(line);
      for (let i = 0; i < count; i++) f[i] = d[s + i * stride] as number;
      envelope(f, count, out, hull, cut);
      for (let i = 0; i < count; i++) d[s + i * stride] = out[i] as number;
    }
  };
  pass(nx, ny * nz, (line) => line * nx, 1);
  pass(ny, nx * nz, (line) => (line % nx) + nx * ny * Math.floor(line / nx), nx);
  pass(nz, nx * ny, (line) => line, nx * ny);
  const result = new Float32Array(n);
  for (let v = 0; v < n; v++) result[v] = Math.sqrt(d[v] as number) * spacing;
  return result;
}

/** The 1D squared distance transform of f (in voxel units) into out: min over q of (p − q)² + f(q). */
function envelope(f: Float64Array, n: number, out: Float64Array, hull: Int32Array, cut: Float64Array): void {
  let k = -1;
  for (let q = 0; q < n; q++) {
    const fq = f[q] as number;
    if (fq === Number.POSITIVE_INFINITY) continue;
    let s = Number.NEGATIVE_INFINITY;
    while (k >= 0) {
      const r = hull[k] as number;
      s = (fq + q * q - ((f[r] as number) + r * r)) / (2 * (q - r));
      if (s > (cut[k] as number)) break;
      k--;
    }
    k++;
    hull[k] = q;
    cut[k] = k === 0 ? Number.NEGATIVE_INFINITY : s;
  }
  if (k < 0) {
    out.fill(Number.POSITIVE_INFINITY, 0, n);
    return;
  }
  cut[k + 1] = Number.POSITIVE_INFINITY;
  let j = 0;
  for (let p = 0; p < n; p++) {
    while ((cut[j + 1] as number) < p) j++;
    const r = hull[j] as number;
    out[p] = (p - r) * (p - r) + (f[r] as number);
  }
}
