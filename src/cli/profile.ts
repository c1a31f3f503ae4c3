import type { VoxelGrid } from '../geometry/tissue-model.ts';

type Vec3 = readonly [number, number, number];

/** |p| along the beam axis through the target, sampled inside the simulated region. */
export interface AxialProfile {
  /** Signed distance from the target along the propagation direction [m] (negative: toward the transducer). */
  offset: number[];
  /** Distance from the transducer apex, R + offset [m] (O'Neil's z). */
  distanceFromApex: number[];
  /** Pressure amplitude [Pa]. */
  pressure: number[];
}

/** Trilinear interpolation of a voxel field at a point inside the grid's box of voxel centres. */
function sample(grid: VoxelGrid, field: Float32Array, point: Vec3): number {
  const { nx, ny, nz, spacing, origin } = grid;
  const f = [(point[0] - origin[0]) / spacing, (point[1] - origin[1]) / spacing, (point[2] - origin[2]) / spacing];
  const n = [nx, ny, nz];
  const lo: number[] = [];
  const w: number[] = [];
  for (let a = 0; a < 3; a++) {
    const x = Math.min(Math.max(f[a] as number, 0), (n[a] as number) - 1);
    // Snap values within rounding of a voxel centre, so axis-aligned profiles are the voxel values exactly.
    const r = Math.round(x);
    const xs = Math.abs(x - r) < 1e-9 ? r : x;
    const i = Math.min(Math.floor(xs), (n[a] as number) - 2);
    lo.push(i);
    w.push(xs - i);
  }
  const [i, j, k] = lo as [number, number, number];
  const [wx, wy, wz] = w as [number, number, number];
  let sum = 0;
  for (let dz = 0; dz < 2; dz++) {
    for (let dy = 0; dy < 2; dy++) {
      for (let dx = 0; dx < 2; dx++) {
        const weight = (dx ? wx : 1 - wx) * (dy ? wy : 1 - wy) * (dz ? wz : 1 - wz);
        if (weight === 0) continue;
        sum += weight * (field[i + dx + nx * (j + dy + ny * (k + dz))] as number);
      }
    }
  }
  return sum;
}

/**
 * The on-axis pressure through the target across the simulated region, every grid spacing: trilinear
 * interpolation of the voxel |p| (the voxel values themselves when the beam runs along a grid axis and the target
 * is a voxel centre, as the region is centred on it).
 * @param grid - the region (at least 2 voxels per side)
 * @param pressure - |p| per voxel [Pa]
 * @param target - [m]
 * @param direction - unit propagation direction
 * @param radiusOfCurvature - R [m], for distanceFromApex
 * @returns profile, ordered from the transducer side
 */
export function axialProfile(
  grid: VoxelGrid,
  pressure: Float32Array,
  target: Vec3,
  direction: Vec3,
  radiusOfCurvature: number,
): AxialProfile {
  // The chord of the line target + s·direction inside the box of voxel centres (slab method).
  let sMin = Number.NEGATIVE_INFINITY;
  let sMax = Number.POSITIVE_INFINITY;
  const sides = [grid.nx, grid.ny, grid.nz];
  for (let a = 0; a < 3; a++) {
    const lo = grid.origin[a] as number;
    const hi = lo + ((sides[a] as number) - 1) * grid.spacing;
    const d = direction[a] as number;
    const t = target[a] as number;
    if (Math.abs(d) < 1e-12) continue;
    const s1 = (lo - t) / d;
    const s2 = (hi - t) / d;
    sMin = Math.max(sMin, Math.min(s1, s2));
    sMax = Math.min(sMax, Math.max(s1, s2));
  }
  const profile: AxialProfile = { offset: [], distanceFromApex: [], pressure: [] };
  const steps = Math.floor(-sMin / grid.spacing + 1e-9);
  for (let m = -steps; m * grid.spacing <= sMax + 1e-12; m++) {
    const s = m * grid.spacing;
    const point: Vec3 = [target[0] + s * direction[0], target[1] + s * direction[1], target[2] + s * direction[2]];
    profile.offset.push(s);
    profile.distanceFromApex.push(radiusOfCurvature + s);
    profile.pressure.push(sample(grid, pressure, point));
  }
  return profile;
}
