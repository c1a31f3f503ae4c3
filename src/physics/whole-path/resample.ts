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
  const count = voxelCount(grid);
  const { nx, ny, spacing, origin } = grid;
  const offsets = new Float64Array(sub);
  for (let s = 0; s < sub; s++) offsets[s] = ((s + 0.5) / sub - 0.5) * spacing;
  const { u, v, w } = frame;
  const field = values instanceof FacePressureSquared ? values : undefined;
  const r: Resampling = {
    out: new Float64Array(count),
    offsets,
    sub,
    weight: 1 / sub ** 3,
    field,
    array: field ? undefined : (values as ArrayLike<number>),
    grid: [origin[0], origin[1], origin[2], spacing],
    beam: [frame.origin[0], frame.origin[1], frame.origin[2], u[0], u[1], u[2], v[0], v[1], v[2], w[0], w[1], w[2]],
    n: lattice.n,
    dx: lattice.dx,
    dz: lattice.dz,
    lz: lattice.nz,
    z0: lattice.z0,
  };
  // One flat loop over the voxels, the samples of each in a call: V8 compiles a long-running loop on the fly (OSR)
  // at the loop it is in, and in Chromium leaving such an inner loop throws the compiled code away (measured:
  // thousands of deoptimisations per sonication with the loops nested here). A flat loop is left once, and the
  // call, made for every voxel, is compiled as a whole.
  let i = 0;
  let j = 0;
  let k = 0;
  for (let index = 0; index < count; index++) {
    resampleVoxel(r, index, i, j, k);
    if (++i === nx) {
      i = 0;
      if (++j === ny) {
        j = 0;
        k++;
      }
    }
  }
  return r.out;
}

/** What resampleToGrid reads for every voxel (one object per call, one shape). */
interface Resampling {
  readonly out: Float64Array;
  readonly offsets: Float64Array;
  readonly sub: number;
  readonly weight: number;
  readonly field: FacePressureSquared | undefined;
  readonly array: ArrayLike<number> | undefined;
  /** the grid's origin and spacing [m] */
  readonly grid: readonly [number, number, number, number];
  /** the beam frame's origin [m] and axes u, v, w */
  readonly beam: readonly number[];
  readonly n: number;
  readonly dx: number;
  readonly dz: number;
  readonly lz: number;
  readonly z0: number;
}

/** Voxel (i, j, k) of resampleToGrid: the mean of its sub³ samples, written to r.out[index]. */
function resampleVoxel(r: Resampling, index: number, i: number, j: number, k: number): void {
  const { offsets, sub, field, array, n, dx, dz, lz, z0 } = r;
  const [gx, gy, gz, spacing] = r.grid;
  const b = r.beam;
  const n2 = n * n;
  // Beam coordinates of a world point p: ((p − o)·u, (p − o)·v, (p − o)·w), with the interpolation written out:
  // this runs millions of times per sonication, and a call per sample (taking and returning doubles) allocated a
  // boxed number for each.
  const cx = gx + i * spacing - (b[0] as number);
  const cy = gy + j * spacing - (b[1] as number);
  const cz = gz + k * spacing - (b[2] as number);
  const u0 = b[3] as number;
  const u1 = b[4] as number;
  const u2 = b[5] as number;
  const v0 = b[6] as number;
  const v1 = b[7] as number;
  const v2 = b[8] as number;
  const w0 = b[9] as number;
  const w1 = b[10] as number;
  const w2 = b[11] as number;
  let sum = 0;
  for (let sz = 0; sz < sub; sz++) {
    for (let sy = 0; sy < sub; sy++) {
      for (let sx = 0; sx < sub; sx++) {
        const px = cx + (offsets[sx] as number);
        const py = cy + (offsets[sy] as number);
        const pz = cz + (offsets[sz] as number);
        const x = px * u0 + py * u1 + pz * u2;
        const y = px * v0 + py * v1 + pz * v2;
        const z = px * w0 + py * w1 + pz * w2;
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
  r.out[index] = sum * r.weight;
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
