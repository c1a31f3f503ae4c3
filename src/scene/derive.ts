import { isosurface } from '../geometry/isosurface.ts';
import type { VoxelGrid } from '../geometry/tissue-model.ts';

/**
 * The heavy derivations of the results view as pure functions (run in derive.worker.ts, off the main thread, and
 * in Node tests): the dose surfaces of one frame with their vertex normals, ready to become BufferGeometry.
 */

/** An indexed triangle mesh with smooth vertex normals [m]. */
export interface SurfaceMesh {
  positions: Float32Array;
  normals: Float32Array;
  indices: Uint32Array;
}

/**
 * Area-weighted vertex normals of an indexed mesh, normalised (as three's computeVertexNormals does), so the main
 * thread only uploads them.
 */
export function vertexNormals(positions: Float32Array, indices: Uint32Array): Float32Array {
  const normals = new Float32Array(positions.length);
  for (let t = 0; t < indices.length; t += 3) {
    const a = 3 * (indices[t] as number);
    const b = 3 * (indices[t + 1] as number);
    const c = 3 * (indices[t + 2] as number);
    const ux = (positions[b] as number) - (positions[a] as number);
    const uy = (positions[b + 1] as number) - (positions[a + 1] as number);
    const uz = (positions[b + 2] as number) - (positions[a + 2] as number);
    const wx = (positions[c] as number) - (positions[a] as number);
    const wy = (positions[c + 1] as number) - (positions[a + 1] as number);
    const wz = (positions[c + 2] as number) - (positions[a + 2] as number);
    // The cross product's length is twice the triangle's area: larger faces weigh more.
    const nx = uy * wz - uz * wy;
    const ny = uz * wx - ux * wz;
    const nz = ux * wy - uy * wx;
    for (const v of [a, b, c]) {
      normals[v] = (normals[v] as number) + nx;
      normals[v + 1] = (normals[v + 1] as number) + ny;
      normals[v + 2] = (normals[v + 2] as number) + nz;
    }
  }
  for (let v = 0; v < normals.length; v += 3) {
    const n = Math.hypot(normals[v] as number, normals[v + 1] as number, normals[v + 2] as number);
    if (n > 0) {
      normals[v] = (normals[v] as number) / n;
      normals[v + 1] = (normals[v + 1] as number) / n;
      normals[v + 2] = (normals[v + 2] as number) / n;
    }
  }
  return normals;
}

/** log10 of a dose-like value, floored at 1e-6 so zero and negative values stay finite (NaN → −∞: outside). */
export function log10Dose(v: number): number {
  return v > 1e-6 ? Math.log10(v) : Number.isNaN(v) ? Number.NEGATIVE_INFINITY : -6;
}

/**
 * The surfaces where a dose field [CEM43 min] crosses each level [CEM43 min], interpolated on log10 CEM43 (dose
 * grows exponentially with temperature, so its logarithm is the smooth quantity), with vertex normals.
 */
export function doseSurfaces(dose: ArrayLike<number>, grid: VoxelGrid, levels: readonly number[]): SurfaceMesh[] {
  const log = new Float32Array(dose.length);
  for (let i = 0; i < dose.length; i++) log[i] = log10Dose(dose[i] as number);
  return levels.map((level) => {
    const { positions, indices } = isosurface(log, grid, Math.log10(level));
    return { positions, normals: vertexNormals(positions, indices), indices };
  });
}
