import type { BeamLattice } from './lattice.ts';
import type { Planes } from './slice-kernels.ts';

type Vec3 = [number, number, number];

/**
 * Local propagation direction of a field at column (i, j) of a slice, from the lateral phase gradient:
 * k_x ≈ arg(p(i+1)·p*(i−1))/(2dx) (exact for a plane wave with |k_x| dx < π/2, i.e. within 30° at λ/2 sampling),
 * k_z = ±√(k² − k_⊥²). Away from the focus a focused wave is locally a ray, so this is its ray direction; at the
 * focus it is the mean direction of the converging rays.
 * @param field - the slice, two planes of n² values
 * @param lattice - lattice (n, dx)
 * @param i - column x index
 * @param j - column y index
 * @param k - wavenumber of the medium [rad/m]
 * @param direction - +1 for a wave going toward +z, −1 toward −z
 * @param out - receives the unit vector (beam frame)
 * @returns out
 */
export function localDirection(
  field: Planes,
  lattice: BeamLattice,
  i: number,
  j: number,
  k: number,
  direction: number,
  out: Vec3,
): Vec3 {
  const n = lattice.n;
  const ip = i + 1 < n ? i + 1 : i;
  const im = i > 0 ? i - 1 : i;
  const jp = j + 1 < n ? j + 1 : j;
  const jm = j > 0 ? j - 1 : j;
  // e^{−i k·r}: the phase decreases along the propagation, so k_x = −∂φ/∂x.
  let kx = ip > im ? -phaseStep(field, ip + n * j, im + n * j) / ((ip - im) * lattice.dx) : 0;
  let ky = jp > jm ? -phaseStep(field, i + n * jp, i + n * jm) / ((jp - jm) * lattice.dx) : 0;
  const limit = 0.99 * k;
  // Math.hypot allocates in V8 (its arguments, for every column crossed): it is called only near the limit, where
  // it decides, and the sum of squares below (1 − 10⁻⁶)·limit² cannot round to a length above the limit.
  if (kx * kx + ky * ky > 0.999999 * limit * limit) {
    const lateral = Math.hypot(kx, ky);
    if (lateral > limit) {
      kx *= limit / lateral;
      ky *= limit / lateral;
    }
  }
  const kz = direction * Math.sqrt(Math.max(0, k * k - kx * kx - ky * ky));
  out[0] = kx / k;
  out[1] = ky / k;
  out[2] = kz / k;
  return out;
}

/** arg(p_a · conj(p_b)): the phase step between two columns of a slice. */
function phaseStep(field: Planes, a: number, b: number): number {
  const aRe = field.re[a] as number;
  const aIm = field.im[a] as number;
  const bRe = field.re[b] as number;
  const bIm = field.im[b] as number;
  return Math.atan2(aIm * bRe - aRe * bIm, aRe * bRe + aIm * bIm);
}

/**
 * Normal of the interface between voxel slices `from` and `to` at column (i, j), from the labels: the gradient of
 * the indicator "label = label at (i, j, to)" over the 3 × 3 columns around (i, j) in both slices (a Sobel-like
 * stencil), pointing into the `to` medium. Used where the geometry did not supply the exact surface normal.
 * @param labels - lattice labels, n²·nz
 * @param lattice - lattice
 * @param i - column x index
 * @param j - column y index
 * @param from - voxel slice the wave leaves
 * @param to - voxel slice the wave enters (from ± 1)
 * @param out - receives the unit normal (beam frame)
 * @returns out
 */
export function labelNormal(
  labels: Uint8Array,
  lattice: BeamLattice,
  i: number,
  j: number,
  from: number,
  to: number,
  out: Vec3,
): Vec3 {
  const n = lattice.n;
  const target = labels[i + n * j + n * n * to] as number;
  // No closure and no array per call: this runs for every column a curved surface crosses.
  let gx = 0;
  let gy = 0;
  let gz = 0;
  for (let s = 0; s < 2; s++) {
    const kk = s === 0 ? from : to;
    for (let d = -1; d <= 1; d++) {
      const w = d === 0 ? 2 : 1;
      gx += w * (isLabel(labels, n, target, i + 1, j + d, kk) - isLabel(labels, n, target, i - 1, j + d, kk));
      gy += w * (isLabel(labels, n, target, i + d, j + 1, kk) - isLabel(labels, n, target, i + d, j - 1, kk));
    }
  }
  for (let dj = -1; dj <= 1; dj++) {
    for (let di = -1; di <= 1; di++) {
      const w = (di === 0 ? 2 : 1) * (dj === 0 ? 2 : 1);
      gz += w * (isLabel(labels, n, target, i + di, j + dj, to) - isLabel(labels, n, target, i + di, j + dj, from));
    }
  }
  // Per unit length: lateral differences span 2dx (weights sum 8 over two slices), axial ones dz (weights sum 16).
  gx /= 8 * 2 * lattice.dx;
  gy /= 8 * 2 * lattice.dx;
  gz = (gz / 16 / lattice.dz) * Math.sign(to - from);
  const norm = Math.hypot(gx, gy, gz);
  if (!(norm > 0)) {
    out[0] = 0;
    out[1] = 0;
    out[2] = Math.sign(to - from);
    return out;
  }
  out[0] = gx / norm;
  out[1] = gy / norm;
  out[2] = gz / norm;
  return out;
}

/** 1 where the label at column (ii, jj) of slice kk, clamped into the lattice, is `target`, else 0. */
function isLabel(labels: Uint8Array, n: number, target: number, ii: number, jj: number, kk: number): number {
  const ci = Math.min(n - 1, Math.max(0, ii));
  const cj = Math.min(n - 1, Math.max(0, jj));
  return labels[ci + n * cj + n * n * kk] === target ? 1 : 0;
}
