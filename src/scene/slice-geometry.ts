import type { VoxelGrid } from '../geometry/tissue-model.ts';

/** Normal axis of a slice plane: 0 = x, 1 = y, 2 = z. */
export type SliceAxis = 0 | 1 | 2;

/**
 * The in-plane axes of a slice: texel (u, v) of an x-slice is voxel (·, u, v), of a y-slice (u, ·, v), of a
 * z-slice (u, v, ·). u runs along the first in-plane axis, v along the second.
 */
export const IN_PLANE: Record<SliceAxis, readonly [SliceAxis, SliceAxis]> = { 0: [1, 2], 1: [0, 2], 2: [0, 1] };

function size(grid: VoxelGrid, axis: SliceAxis): number {
  return axis === 0 ? grid.nx : axis === 1 ? grid.ny : grid.nz;
}

/** Width (along u) and height (along v) of a slice in texels. */
export function sliceSize(grid: VoxelGrid, axis: SliceAxis): [number, number] {
  const [a, b] = IN_PLANE[axis];
  return [size(grid, a), size(grid, b)];
}

/** Index of the voxel layer nearest to the world coordinate `coordinate` along `axis`, clamped to the grid. */
export function sliceIndex(grid: VoxelGrid, axis: SliceAxis, coordinate: number): number {
  const n = size(grid, axis);
  const k = Math.round((coordinate - grid.origin[axis]) / grid.spacing);
  return Number.isFinite(k) ? Math.min(n - 1, Math.max(0, k)) : Math.floor(n / 2);
}

/** Extent of the grid's voxels along an axis [m]: from the first voxel's face to the last one's. */
export function gridExtent(grid: VoxelGrid, axis: SliceAxis): [number, number] {
  const lo = grid.origin[axis] - grid.spacing / 2;
  return [lo, lo + size(grid, axis) * grid.spacing];
}

/**
 * The values of voxel layer `index` across `axis` as a width × height image, row-major by v (texel (u, v) at
 * v·width + u; see IN_PLANE). Writes into `out` when it is given and large enough.
 */
export function extractSlice(
  field: ArrayLike<number>,
  grid: VoxelGrid,
  axis: SliceAxis,
  index: number,
  out?: Float32Array,
): Float32Array {
  const [w, h] = sliceSize(grid, axis);
  const result = out && out.length >= w * h ? out : new Float32Array(w * h);
  const { nx, ny } = grid;
  const sx = 1;
  const sy = nx;
  const sz = nx * ny;
  const strides = [sx, sy, sz];
  const [a, b] = IN_PLANE[axis];
  const base = index * (strides[axis] as number);
  const su = strides[a] as number;
  const sv = strides[b] as number;
  for (let v = 0; v < h; v++) {
    const row = base + v * sv;
    for (let u = 0; u < w; u++) result[v * w + u] = field[row + u * su] as number;
  }
  return result;
}

/**
 * Contour lines of a width × height image at `level` (marching squares on the two triangles of every cell, split
 * along the (0,0)–(1,1) diagonal, so there is no ambiguous case). Texels are samples at integer (u, v); outside the
 * image counts as below the level, so the contours of a region touching the edge close along the edge, as the
 * isosurface caps close at the grid's faces. A texel is inside when its value ≥ level (NaN is outside).
 * Returns segments as [u0, v0, u1, v1, …] in texel coordinates.
 */
export function contourLines(values: ArrayLike<number>, width: number, height: number, level: number): Float32Array {
  const out: number[] = [];
  const at = (u: number, v: number): number => {
    if (u < 0 || v < 0 || u >= width || v >= height) return Number.NEGATIVE_INFINITY;
    const x = values[v * width + u] as number;
    return Number.isNaN(x) ? Number.NEGATIVE_INFINITY : x;
  };
  // Point on the edge between an inside sample (ui, vi, a) and an outside one (uo, vo, b).
  const cross = (ui: number, vi: number, a: number, uo: number, vo: number, b: number) => {
    let t = (a - level) / (a - b);
    if (!(t >= 0)) t = 0;
    if (t > 1) t = 1;
    out.push(ui + (uo - ui) * t, vi + (vo - vi) * t);
  };
  const us = [0, 0, 0];
  const vs = [0, 0, 0];
  const fs = [0, 0, 0];
  const triangle = () => {
    const in0 = (fs[0] as number) >= level;
    const in1 = (fs[1] as number) >= level;
    const in2 = (fs[2] as number) >= level;
    const n = +in0 + +in1 + +in2;
    if (n === 0 || n === 3) return;
    // The lone vertex (inside when n = 1, outside when n = 2) and the two others.
    const lone = n === 1 ? (in0 ? 0 : in1 ? 1 : 2) : !in0 ? 0 : !in1 ? 1 : 2;
    for (const other of [(lone + 1) % 3, (lone + 2) % 3]) {
      const [i, o] = n === 1 ? [lone, other] : [other, lone];
      cross(us[i] as number, vs[i] as number, fs[i] as number, us[o] as number, vs[o] as number, fs[o] as number);
    }
  };
  for (let v = -1; v < height; v++) {
    for (let u = -1; u < width; u++) {
      const f00 = at(u, v);
      const f10 = at(u + 1, v);
      const f11 = at(u + 1, v + 1);
      const f01 = at(u, v + 1);
      const inside = +(f00 >= level) + +(f10 >= level) + +(f11 >= level) + +(f01 >= level);
      if (inside === 0 || inside === 4) continue;
      us[0] = u;
      vs[0] = v;
      fs[0] = f00;
      us[1] = u + 1;
      vs[1] = v;
      fs[1] = f10;
      us[2] = u + 1;
      vs[2] = v + 1;
      fs[2] = f11;
      triangle();
      us[1] = u + 1;
      vs[1] = v + 1;
      fs[1] = f11;
      us[2] = u;
      vs[2] = v + 1;
      fs[2] = f01;
      triangle();
    }
  }
  return new Float32Array(out);
}
