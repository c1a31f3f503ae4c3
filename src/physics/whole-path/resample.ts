import type { BeamLattice } from '../angular-spectrum/lattice.ts';
import { type VoxelGrid, voxelCount } from '../grid.ts';
import { type BeamFrame, toBeam } from './frame.ts';

type Vec3 = readonly [number, number, number];

/** A per-voxel lattice field: an array, or an accessor for a field derived on demand. */
export type LatticeValues = ArrayLike<number> | ((v: number) => number);

/**
 * Trilinear value of a per-voxel lattice field at a beam-frame point (x, y, z) [m]; 0 outside the lattice's voxel
 * centres (the field is not known there).
 * @param lattice - lattice
 * @param values - per lattice voxel
 * @param x - lateral [m]
 * @param y - lateral [m]
 * @param z - axial [m]
 * @returns interpolated value
 */
export function sampleLattice(lattice: BeamLattice, values: LatticeValues, x: number, y: number, z: number): number {
  const { n, dx, dz, nz, z0 } = lattice;
  const fi = x / dx + n / 2;
  const fj = y / dx + n / 2;
  const fk = (z - z0) / dz - 0.5;
  if (!(fi >= 0 && fj >= 0 && fk >= 0 && fi <= n - 1 && fj <= n - 1 && fk <= nz - 1)) return 0;
  const i = Math.min(n - 2, Math.floor(fi));
  const j = Math.min(n - 2, Math.floor(fj));
  const k = Math.min(nz - 2, Math.floor(fk));
  const tx = fi - i;
  const ty = fj - j;
  const tz = fk - k;
  const n2 = n * n;
  const read = typeof values === 'function' ? values : (v: number) => values[v] as number;
  const at = (a: number, b: number, c: number): number => read(i + a + n * (j + b) + n2 * (k + c));
  const c00 = at(0, 0, 0) * (1 - tx) + at(1, 0, 0) * tx;
  const c10 = at(0, 1, 0) * (1 - tx) + at(1, 1, 0) * tx;
  const c01 = at(0, 0, 1) * (1 - tx) + at(1, 0, 1) * tx;
  const c11 = at(0, 1, 1) * (1 - tx) + at(1, 1, 1) * tx;
  return (c00 * (1 - ty) + c10 * ty) * (1 - tz) + (c01 * (1 - ty) + c11 * ty) * tz;
}

/**
 * A lattice field on a world-aligned grid: for each voxel, the mean of `sub`³ trilinear samples spread over the
 * voxel (sub = 1: the value at the centre). Averaging keeps the heat a voxel receives close to the lattice's
 * (the λ/2 fringes of a standing wave are finer than a 0.8 mm voxel).
 * @param lattice - lattice
 * @param frame - the lattice's beam frame
 * @param values - per lattice voxel
 * @param grid - world grid
 * @param sub - samples per voxel side
 * @returns per grid voxel
 */
export function resampleToGrid(
  lattice: BeamLattice,
  frame: BeamFrame,
  values: LatticeValues,
  grid: VoxelGrid,
  sub: number,
): Float64Array {
  const out = new Float64Array(voxelCount(grid));
  const { nx, ny, nz, spacing, origin } = grid;
  const offsets: number[] = [];
  for (let s = 0; s < sub; s++) offsets.push(((s + 0.5) / sub - 0.5) * spacing);
  const weight = 1 / sub ** 3;
  let v = 0;
  for (let k = 0; k < nz; k++) {
    for (let j = 0; j < ny; j++) {
      for (let i = 0; i < nx; i++, v++) {
        const cx = origin[0] + i * spacing;
        const cy = origin[1] + j * spacing;
        const cz = origin[2] + k * spacing;
        let sum = 0;
        for (const oz of offsets) {
          for (const oy of offsets) {
            for (const ox of offsets) {
              const p = toBeam(frame, [cx + ox, cy + oy, cz + oz]);
              sum += sampleLattice(lattice, values, p[0], p[1], p[2]);
            }
          }
        }
        out[v] = sum * weight;
      }
    }
  }
  return out;
}

/**
 * @param lattice - lattice
 * @param frame - beam frame
 * @param values - per lattice voxel
 * @param point - world point [m]
 * @returns the trilinear value there (0 outside the lattice)
 */
export function sampleLatticeAt(lattice: BeamLattice, frame: BeamFrame, values: LatticeValues, point: Vec3): number {
  const p = toBeam(frame, point);
  return sampleLattice(lattice, values, p[0], p[1], p[2]);
}
