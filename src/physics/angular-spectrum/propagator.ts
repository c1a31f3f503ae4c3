import { binWavenumber } from '../fft2.ts';
import type { AcousticMaterial } from './materials.ts';

/**
 * Angular-spectrum propagator of one homogeneous medium over a distance dz, H(k_x, k_y) = exp(−i k_z dz) with
 * k_z = √(k̃² − k_x² − k_y²), k̃ = ω/c − iα the complex wavenumber of a lossy medium (time convention e^{+iωt}).
 * The branch has Re k_z ≥ 0 and Im k_z ≤ 0, so propagating components turn in phase and lose α/cosθ per metre
 * (the exact oblique path loss), and evanescent ones (k_⊥ > ω/c) decay. Exact for a homogeneous medium at any dz.
 *
 * @param material - the reference medium
 * @param omega - angular frequency [rad/s]
 * @param n - points per side
 * @param dx - lateral spacing [m]
 * @param dz - step [m]
 * @returns interleaved complex H, n² bins in FFT order (row-major: index kx + n·ky)
 * @see Vyas & Christensen, IEEE TUFFC 59(6):1093, 2012; PHYSICS.md §5
 */
export function propagator(material: AcousticMaterial, omega: number, n: number, dx: number, dz: number): Float64Array {
  const kRe = omega / material.speedOfSound;
  const kIm = -material.attenuation;
  // k̃² = (kRe + i kIm)²
  const k2Re = kRe * kRe - kIm * kIm;
  const k2Im = 2 * kRe * kIm;
  const h = new Float64Array(2 * n * n);
  const kx = Float64Array.from({ length: n }, (_, i) => binWavenumber(i, n, dx));
  for (let j = 0; j < n; j++) {
    const ky2 = (kx[j] as number) ** 2;
    for (let i = 0; i < n; i++) {
      const aRe = k2Re - (kx[i] as number) ** 2 - ky2;
      const aIm = k2Im;
      // principal square root, then pick the branch with Im ≤ 0
      const modulus = Math.hypot(aRe, aIm);
      let zRe = Math.sqrt(Math.max(0, (modulus + aRe) / 2));
      let zIm = Math.sign(aIm) * Math.sqrt(Math.max(0, (modulus - aRe) / 2));
      if (aIm === 0 && aRe < 0) zIm = -Math.sqrt(-aRe);
      if (zIm > 0) {
        zRe = -zRe;
        zIm = -zIm;
      }
      // exp(−i k_z dz) = exp(zIm·dz)·(cos(zRe dz) − i sin(zRe dz))
      const amplitude = Math.exp(zIm * dz);
      const phase = zRe * dz;
      const b = 2 * (i + n * j);
      h[b] = amplitude * Math.cos(phase);
      h[b + 1] = -amplitude * Math.sin(phase);
    }
  }
  return h;
}

/**
 * Per-column absorbing weight of the lateral margin, applied once per step so that energy leaving the beam is
 * damped instead of wrapping around the periodic FFT domain. 1 inside; in the outer `margin` columns on each side
 * it falls as 1 − (1 − edge)·s², s = 0 → 1 across the margin, to `edge` at the boundary.
 * @param n - points per side
 * @param margin - columns per side in the absorbing layer
 * @param edge - per-step weight at the outermost column (0 < edge ≤ 1)
 * @returns n² weights, row-major (i + n·j)
 */
export function absorbingTaper(n: number, margin: number, edge: number): Float64Array {
  const w1 = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const depth = Math.max(margin - i, i - (n - 1 - margin), 0);
    const s = margin > 0 ? depth / margin : 0;
    w1[i] = 1 - (1 - edge) * s * s;
  }
  const w = new Float64Array(n * n);
  for (let j = 0; j < n; j++) for (let i = 0; i < n; i++) w[i + n * j] = (w1[i] as number) * (w1[j] as number);
  return w;
}
