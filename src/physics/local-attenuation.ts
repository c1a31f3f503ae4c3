import type { VoxelGrid } from './grid.ts';

type Vec3 = readonly [number, number, number];

/**
 * Corrects the water-background field inside the simulated region for the tissues the beam crosses there.
 *
 * The element path factors (tissue-path.ts) carry each beam's losses from its element to the FOCUS. Points
 * beyond the focus (post-focal bone, marrow behind a lesion, anything behind gas) lie deeper and must lose more;
 * points in front of it lose less. Along the beam axis (unit vector `towardSource`, from the region toward the
 * array), the excess attenuation between a voxel and the edge of the region is
 *
 *     E(r) = ∫₀^{exit} α_excess(r + s·d) ds   [Np],   α_excess = α_tissue − α_water
 *
 * and the pressure at r is scaled by exp(−(E(r) − E(focus))). The integral follows the axis, not each element's
 * own ray: for the ≈ ±22° cone of a clinical array this is a planning-grade approximation (ray spread within a
 * few-cm region changes path lengths by < 1/cos 22° − 1 ≈ 8 %). Gas carries its blocking attenuation, so the
 * region behind bowel gas or lung is shadowed.
 *
 * @param grid - the simulated region
 * @param labels - per voxel, an index into `excessAttenuation`
 * @param excessAttenuation - per label, α_tissue − α_water at the working frequency [Np/m]
 * @param towardSource - unit vector from the focus toward the array
 * @param focus - the point the element path factors were evaluated to [m]
 * @returns per voxel, the amplitude factor exp(−(E(r) − E(focus))) (dimensionless)
 * @see PHYSICS.md §1.1 (layered attenuating path), §1.4
 */
export function localAttenuationCorrection(
  grid: VoxelGrid,
  labels: Uint8Array,
  excessAttenuation: Float64Array,
  towardSource: Vec3,
  focus: Vec3,
): Float64Array {
  const { nx, ny, nz, spacing, origin } = grid;
  // Half-voxel steps with the midpoint rule: exact for a slab crossed at any angle, to within half a voxel.
  const h = spacing / 2;
  const dx = towardSource[0] * h;
  const dy = towardSource[1] * h;
  const dz = towardSource[2] * h;
  const inv = 1 / spacing;

  const integral = (x0: number, y0: number, z0: number): number => {
    let x = x0 + dx / 2;
    let y = y0 + dy / 2;
    let z = z0 + dz / 2;
    let sum = 0;
    for (;;) {
      const i = Math.round((x - origin[0]) * inv);
      const j = Math.round((y - origin[1]) * inv);
      const k = Math.round((z - origin[2]) * inv);
      if (i < 0 || j < 0 || k < 0 || i >= nx || j >= ny || k >= nz) return sum * h;
      sum += excessAttenuation[labels[i + nx * (j + ny * k)] as number] as number;
      x += dx;
      y += dy;
      z += dz;
    }
  };

  const atFocus = integral(focus[0], focus[1], focus[2]);
  const out = new Float64Array(nx * ny * nz);
  let v = 0;
  for (let k = 0; k < nz; k++) {
    for (let j = 0; j < ny; j++) {
      for (let i = 0; i < nx; i++) {
        const e = integral(origin[0] + i * spacing, origin[1] + j * spacing, origin[2] + k * spacing);
        out[v++] = Math.exp(-(e - atFocus));
      }
    }
  }
  return out;
}
