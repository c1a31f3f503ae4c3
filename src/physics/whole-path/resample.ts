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
  const v = i + n * (j + n * k);
  const n2 = n * n;
  // No closures here: this runs millions of times per sonication.
  let a000: number;
  let a100: number;
  let a010: number;
  let a110: number;
  let a001: number;
  let a101: number;
  let a011: number;
  let a111: number;
  if (typeof values === 'function') {
    a000 = values(v);
    a100 = values(v + 1);
    a010 = values(v + n);
    a110 = values(v + n + 1);
    a001 = values(v + n2);
    a101 = values(v + n2 + 1);
    a011 = values(v + n2 + n);
    a111 = values(v + n2 + n + 1);
  } else {
    a000 = values[v] as number;
    a100 = values[v + 1] as number;
    a010 = values[v + n] as number;
    a110 = values[v + n + 1] as number;
    a001 = values[v + n2] as number;
    a101 = values[v + n2 + 1] as number;
    a011 = values[v + n2 + n] as number;
    a111 = values[v + n2 + n + 1] as number;
  }
  const c00 = a000 * (1 - tx) + a100 * tx;
  const c10 = a010 * (1 - tx) + a110 * tx;
  const c01 = a001 * (1 - tx) + a101 * tx;
  const c11 = a011 * (1 - tx) + a111 * tx;
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
  const { u, v: vAxis, w } = frame;
  // Beam coordinates of a world point p: ((p − o)·u, (p − o)·v, (p − o)·w), stepped along the grid's axes.
  const o = frame.origin;
  let index = 0;
  for (let k = 0; k < nz; k++) {
    for (let j = 0; j < ny; j++) {
      for (let i = 0; i < nx; i++, index++) {
        const cx = origin[0] + i * spacing - o[0];
        const cy = origin[1] + j * spacing - o[1];
        const cz = origin[2] + k * spacing - o[2];
        let sum = 0;
        for (const oz of offsets) {
          for (const oy of offsets) {
            for (const ox of offsets) {
              const px = cx + ox;
              const py = cy + oy;
              const pz = cz + oz;
              sum += sampleLattice(
                lattice,
                values,
                px * u[0] + py * u[1] + pz * u[2],
                px * vAxis[0] + py * vAxis[1] + pz * vAxis[2],
                px * w[0] + py * w[1] + pz * w[2],
              );
            }
          }
        }
        out[index] = sum * weight;
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
