/**
 * The beam-aligned lattice of the whole-path acoustic model, in the beam frame: x and y lateral, z along the beam
 * (from the transducer toward the target), origin at the transducer's geometric focus.
 *
 * - Lateral: n × n columns (n a power of two, for the FFT) at spacing dx; column (i, j) sits at
 *   x = (i − n/2)·dx, y = (j − n/2)·dx, so the beam axis passes through column (n/2, n/2).
 * - Axial: nz voxels of thickness dz between the faces z_f = z0 + f·dz, f = 0..nz; face 0 is the input plane.
 *   Voxel k spans faces k and k + 1, centre z0 + (k + ½)dz. Tissue interfaces lie on faces.
 * - Voxel (i, j, k) has linear index i + n·(j + n·k); column c = i + n·j.
 */
export interface BeamLattice {
  /** lateral points per side (power of two) */
  readonly n: number;
  /** lateral spacing [m] */
  readonly dx: number;
  /** voxels along the axis */
  readonly nz: number;
  /** axial spacing [m] */
  readonly dz: number;
  /** axial coordinate of face 0, the input plane [m] (beam frame, focus at 0) */
  readonly z0: number;
}

/**
 * @param lattice - the lattice
 * @param i - column index along x
 * @returns x of the column [m]
 */
export function columnX(lattice: BeamLattice, i: number): number {
  return (i - lattice.n / 2) * lattice.dx;
}

/**
 * @param lattice - the lattice
 * @param k - voxel index along z
 * @returns z of the voxel centre [m]
 */
export function voxelZ(lattice: BeamLattice, k: number): number {
  return lattice.z0 + (k + 0.5) * lattice.dz;
}

/**
 * @param lattice - the lattice
 * @returns number of voxels n²·nz
 */
export function latticeVoxels(lattice: BeamLattice): number {
  return lattice.n * lattice.n * lattice.nz;
}
