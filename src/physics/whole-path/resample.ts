import type { BeamLattice } from '../angular-spectrum/lattice.ts';
import { type VoxelGrid, voxelCount } from '../grid.ts';
import type { BeamFrame } from './frame.ts';
import { FacePressureSquared } from './lattice-heat.ts';

type Vec3 = readonly [number, number, number];

/**
 * A per-voxel lattice field: an array, or ⟨|p|²⟩ read on demand from the total field on the voxels' faces (a
 * lattice-sized Float64 array of it would take ≈ 150 MB).
 */
export type LatticeValues = ArrayLike<number> | FacePressureSquared;

/** The value of voxel v (small enough to be inlined where it is called: no closure call, no boxed number). */
function read(field: FacePressureSquared | undefined, array: ArrayLike<number> | undefined, v: number): number {
  return field ? field.at(v) : ((array as ArrayLike<number>)[v] as number);
}

/**
 * A lattice field on a world-aligned grid: for each voxel, the mean of `sub`³ trilinear samples spread over the
 * voxel (sub = 1: the value at the centre), 0 for a sample outside the lattice's voxel centres (the field is not
 * known there). Averaging keeps the heat a voxel receives close to the lattice's (the λ/2 fringes of a standing
 * wave are finer than a 0.8 mm voxel).
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
  const offsets = new Float64Array(sub);
  for (let s = 0; s < sub; s++) offsets[s] = ((s + 0.5) / sub - 0.5) * spacing;
  const weight = 1 / sub ** 3;
  const { u, v: vAxis, w } = frame;
  const { n, dx, dz, nz: lz, z0 } = lattice;
  const n2 = n * n;
  const field = values instanceof FacePressureSquared ? values : undefined;
  const array = field ? undefined : (values as ArrayLike<number>);
  // Beam coordinates of a world point p: ((p − o)·u, (p − o)·v, (p − o)·w), stepped along the grid's axes. One loop
  // with the interpolation written out: this runs millions of times per sonication, and a call per sample (taking
  // and returning doubles) allocated a boxed number for each.
  const o = frame.origin;
  let index = 0;
  for (let k = 0; k < nz; k++) {
    for (let j = 0; j < ny; j++) {
      for (let i = 0; i < nx; i++, index++) {
        const cx = origin[0] + i * spacing - o[0];
        const cy = origin[1] + j * spacing - o[1];
        const cz = origin[2] + k * spacing - o[2];
        let sum = 0;
        for (let sz = 0; sz < sub; sz++) {
          for (let sy = 0; sy < sub; sy++) {
            for (let sx = 0; sx < sub; sx++) {
              const px = cx + (offsets[sx] as number);
              const py = cy + (offsets[sy] as number);
              const pz = cz + (offsets[sz] as number);
              const x = px * u[0] + py * u[1] + pz * u[2];
              const y = px * vAxis[0] + py * vAxis[1] + pz * vAxis[2];
              const z = px * w[0] + py * w[1] + pz * w[2];
              const fi = x / dx + n / 2;
              const fj = y / dx + n / 2;
              const fk = (z - z0) / dz - 0.5;
              if (!(fi >= 0 && fj >= 0 && fk >= 0 && fi <= n - 1 && fj <= n - 1 && fk <= lz - 1)) {
                sum += 0;
                continue;
              }
              const li = Math.min(n - 2, Math.floor(fi));
              const lj = Math.min(n - 2, Math.floor(fj));
              const lk = Math.min(lz - 2, Math.floor(fk));
              const tx = fi - li;
              const ty = fj - lj;
              const tz = fk - lk;
              const v = li + n * (lj + n * lk);
              const c00 = read(field, array, v) * (1 - tx) + read(field, array, v + 1) * tx;
              const c10 = read(field, array, v + n) * (1 - tx) + read(field, array, v + n + 1) * tx;
              const c01 = read(field, array, v + n2) * (1 - tx) + read(field, array, v + n2 + 1) * tx;
              const c11 = read(field, array, v + n2 + n) * (1 - tx) + read(field, array, v + n2 + n + 1) * tx;
              sum += (c00 * (1 - ty) + c10 * ty) * (1 - tz) + (c01 * (1 - ty) + c11 * ty) * tz;
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
  // A grid of one voxel centred on the point, sampled once at its centre.
  const one: VoxelGrid = { nx: 1, ny: 1, nz: 1, spacing: lattice.dx, origin: [point[0], point[1], point[2]] };
  return resampleToGrid(lattice, frame, values, one, 1)[0] as number;
}
