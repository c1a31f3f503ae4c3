/**
 * Regular voxel grid shared by the acoustic and thermal fields. Voxel (i, j, k) has its centre at
 * origin + spacing·(i, j, k) and linear index i + nx·(j + ny·k).
 */
export interface VoxelGrid {
  readonly nx: number;
  readonly ny: number;
  readonly nz: number;
  /** Isotropic voxel size [m]. */
  readonly spacing: number;
  /** Centre of voxel (0, 0, 0) [m]. */
  readonly origin: readonly [number, number, number];
}

/**
 * @param grid - grid
 * @returns number of voxels nx·ny·nz
 */
export function voxelCount(grid: VoxelGrid): number {
  return grid.nx * grid.ny * grid.nz;
}

/**
 * Centre of a voxel from its linear index.
 * @param grid - grid
 * @param index - i + nx·(j + ny·k)
 * @returns centre [m]
 */
export function voxelCentre(grid: VoxelGrid, index: number): [number, number, number] {
  const i = index % grid.nx;
  const j = Math.floor(index / grid.nx) % grid.ny;
  const k = Math.floor(index / (grid.nx * grid.ny));
  return [grid.origin[0] + i * grid.spacing, grid.origin[1] + j * grid.spacing, grid.origin[2] + k * grid.spacing];
}

/**
 * All voxel centres, packed xyz.
 * @param grid - grid
 * @returns centres [m], 3·nx·ny·nz
 */
export function voxelCentres(grid: VoxelGrid): Float64Array {
  const out = new Float64Array(3 * voxelCount(grid));
  let v = 0;
  for (let k = 0; k < grid.nz; k++) {
    for (let j = 0; j < grid.ny; j++) {
      for (let i = 0; i < grid.nx; i++) {
        out[3 * v] = grid.origin[0] + i * grid.spacing;
        out[3 * v + 1] = grid.origin[1] + j * grid.spacing;
        out[3 * v + 2] = grid.origin[2] + k * grid.spacing;
        v++;
      }
    }
  }
  return out;
}

/**
 * The largest value on a grid's outermost layer of voxels (e.g. how hot the edge of a simulated volume became).
 * @param grid - the grid
 * @param values - one per voxel
 * @returns the maximum over the six faces' voxels (0 if all are below 0)
 */
export function edgeMax(grid: VoxelGrid, values: ArrayLike<number>): number {
  const { nx, ny, nz } = grid;
  let max = 0;
  for (let k = 0; k < nz; k++) {
    const kEdge = k === 0 || k === nz - 1;
    for (let j = 0; j < ny; j++) {
      const jEdge = kEdge || j === 0 || j === ny - 1;
      // Inside the shell only the first and last voxel of the row are on the edge.
      const step = jEdge ? 1 : Math.max(1, nx - 1);
      for (let i = 0; i < nx; i += step) {
        const v = values[i + nx * (j + ny * k)] as number;
        if (v > max) max = v;
      }
    }
  }
  return max;
}
