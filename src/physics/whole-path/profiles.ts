import type { BeamLattice } from '../angular-spectrum/lattice.ts';
import type { Planes } from '../angular-spectrum/slice-kernels.ts';

/** |p| along a line through the focal spot's peak, sampled where the field is computed (lattice faces or columns). */
export interface Profile {
  /** position along the line, beam frame [m] (z for the axial profile, x or y for the lateral ones) */
  position: number[];
  /** |p| [Pa] */
  pressure: number[];
}

/**
 * Profiles through the focal spot's peak (focalSpotVoxel: the largest |p| in the target's tissue within the spot
 * around the target, not the path's peak, which a standing wave on a bone or the skin can hold) and the −6 dB
 * (half-pressure) sizes of the focal spot.
 */
export interface FocalProfiles {
  /** along the beam, through the spot peak's column */
  axial: Profile;
  /** across the beam along x and y, through the spot's peak, on its face */
  lateralX: Profile;
  lateralY: Profile;
  /**
   * full widths at half the spot's peak pressure [m] (NaN when the profile does not fall to half within the
   * lattice); the axial one on the profile's envelope (|p|² averaged over half a wavelength), so the fringes of a
   * standing wave in front of a reflector do not pass for the focal spot; the lateral ones on the field's
   * band-limited interpolation between the λ/2 samples (bandLimitedMagnitude)
   */
  axialWidth6dB: number;
  lateralWidth6dBX: number;
  lateralWidth6dBY: number;
}

/**
 * Full width where |p| ≥ max/2 around the profile's maximum.
 * @param profile - samples, evenly spaced
 * @param magnitudeAt - |p| between the samples [Pa] at a position [m], exact where known (bandLimitedMagnitude):
 *   the maximum and both crossings are then found on it. Without it the maximum is the parabola through the top
 *   three samples and the crossings linear — fine for the axial profile (λ/4 apart, ≥ 10 samples across the spot),
 *   5 % low across a deep bowl's spot, only ≈ 1.7 lateral samples (λ/2) wide.
 * @param around - the sample the spot's maximum is taken at (default: the profile's largest), e.g. the focal spot's
 *   face when a reflector's standing wave elsewhere on the line is higher
 * @returns width [m], NaN if either side stays above half
 */
export function halfMaximumWidth(
  profile: Profile,
  magnitudeAt?: (position: number) => number,
  around?: number,
): number {
  const p = profile.pressure;
  const x = profile.position;
  let top = around ?? 0;
  if (around === undefined) for (let i = 1; i < p.length; i++) if ((p[i] as number) > (p[top] as number)) top = i;
  const half = (magnitudeAt ? refinedMaximum(magnitudeAt, profile, top) : parabolicMaximum(p, top)) / 2;
  const crossing = (from: number, step: number): number => {
    for (let i = from; i + step >= 0 && i + step < p.length; i += step) {
      const a = p[i] as number;
      const b = p[i + step] as number;
      if (b < half) {
        const xa = x[i] as number;
        const xb = x[i + step] as number;
        if (magnitudeAt && a >= half) return bisect((s) => magnitudeAt(s) - half, xa, xb);
        const t = (a - half) / (a - b);
        return xa + t * (xb - xa);
      }
    }
    return Number.NaN;
  };
  return Math.abs(crossing(top, 1) - crossing(top, -1));
}

/** The vertex of the parabola through samples top − 1, top, top + 1 (the top sample at the profile's ends). */
function parabolicMaximum(p: readonly number[], top: number): number {
  const b = p[top] as number;
  if (top === 0 || top === p.length - 1) return b;
  const a = p[top - 1] as number;
  const c = p[top + 1] as number;
  const curvature = a - 2 * b + c;
  return curvature < 0 ? Math.max(b, b - (a - c) ** 2 / (8 * curvature)) : b;
}

/** The largest of magnitudeAt within a sample of the top sample (golden-section search), at least the sample's. */
function refinedMaximum(magnitudeAt: (position: number) => number, profile: Profile, top: number): number {
  const x = profile.position;
  let lo = x[Math.max(0, top - 1)] as number;
  let hi = x[Math.min(x.length - 1, top + 1)] as number;
  const g = (Math.sqrt(5) - 1) / 2;
  let c = hi - g * (hi - lo);
  let d = lo + g * (hi - lo);
  let fc = magnitudeAt(c);
  let fd = magnitudeAt(d);
  for (let it = 0; it < 60; it++) {
    if (fc > fd) {
      hi = d;
      d = c;
      fd = fc;
      c = hi - g * (hi - lo);
      fc = magnitudeAt(c);
    } else {
      lo = c;
      c = d;
      fc = fd;
      d = lo + g * (hi - lo);
      fd = magnitudeAt(d);
    }
  }
  return Math.max(profile.pressure[top] as number, fc, fd);
}

/** The root of f between a and b, where f(a) ≥ 0 > f(b), by bisection to 1e-12 of the bracket. */
function bisect(f: (s: number) => number, a: number, b: number): number {
  let lo = a;
  let hi = b;
  for (let it = 0; it < 60; it++) {
    const mid = (lo + hi) / 2;
    if (f(mid) >= 0) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/**
 * |p| anywhere along a line of the lattice, from its complex samples: the trigonometric polynomial through them
 * (the samples' discrete Fourier series). The march's field is a sum of the lattice's plane waves, all of them
 * propagating (|k_x| ≤ k, so λ/2 sampling is at Nyquist or finer) and periodic over the lattice, so this is
 * exact for it, and for any band-limited focus: 2J1(x)/x across, sinc along. Linear interpolation of |p| instead
 * is off by up to ±10 % of the −6 dB width when the spot is two samples wide.
 * @param re - real part of the samples [Pa]
 * @param im - imaginary part [Pa]
 * @param start - position of the first sample [m]
 * @param spacing - between samples [m]
 * @returns |p| at a position [m] along the line
 */
export function bandLimitedMagnitude(
  re: readonly number[],
  im: readonly number[],
  start: number,
  spacing: number,
): (position: number) => number {
  const n = re.length;
  // Fourier coefficients c_m = (1/n) Σ_j s_j e^{−2πi m j/n}, modes m = −⌊n/2⌋ … ⌈n/2⌉ − 1.
  const modes = Array.from({ length: n }, (_, k) => (k < Math.ceil(n / 2) ? k : k - n));
  const cRe = new Float64Array(n);
  const cIm = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    let sr = 0;
    let si = 0;
    for (let j = 0; j < n; j++) {
      const angle = (-2 * Math.PI * (modes[k] as number) * j) / n;
      const cos = Math.cos(angle);
      const sin = Math.sin(angle);
      sr += (re[j] as number) * cos - (im[j] as number) * sin;
      si += (re[j] as number) * sin + (im[j] as number) * cos;
    }
    cRe[k] = sr / n;
    cIm[k] = si / n;
  }
  return (position: number): number => {
    const t = (position - start) / spacing;
    let sr = 0;
    let si = 0;
    for (let k = 0; k < n; k++) {
      const m = modes[k] as number;
      // The Nyquist mode of an even count is split evenly between ±n/2, a cosine: real samples stay real.
      if (2 * m === -n) {
        const cos = Math.cos(Math.PI * t);
        sr += (cRe[k] as number) * cos;
        si += (cIm[k] as number) * cos;
        continue;
      }
      const angle = (2 * Math.PI * m * t) / n;
      const cos = Math.cos(angle);
      const sin = Math.sin(angle);
      sr += (cRe[k] as number) * cos - (cIm[k] as number) * sin;
      si += (cRe[k] as number) * sin + (cIm[k] as number) * cos;
    }
    return Math.hypot(sr, si);
  };
}

/** Where the focal spot is looked for: an ellipsoid around the target, long along the beam (beam frame). */
export interface FocalWindow {
  /** the target [m, beam frame] */
  target: readonly [number, number, number];
  /** unit vector along the beam there (beam frame) */
  axis: readonly [number, number, number];
  /** half its length along the beam and half its width across [m] */
  halfLength: number;
  halfWidth: number;
}

/**
 * The voxel of the focal spot's peak: the largest face |p| among the lattice voxels that carry the target voxel's
 * label and whose centre lies in the spot's search region. The path's own peak can sit elsewhere — on the standing wave in
 * front of a bone (2 MPa against 0.4 MPa at a focus behind it) or in the skin, 36 mm before a 0.5 MHz focus still
 * inside its −6 dB length — and profiles through it would measure that, not the spot aimed at.
 * @param field - total complex field per face (marchField)
 * @param lattice - lattice
 * @param labels - per lattice voxel
 * @param spot - the region around the target the spot is looked for in
 * @returns the voxel (as latticeHeat's peakVoxel: its lower or upper face holds the maximum); the target's voxel
 *   when no voxel qualifies, -1 when the target lies outside the lattice
 */
export function focalSpotVoxel(field: Planes, lattice: BeamLattice, labels: Uint8Array, spot: FocalWindow): number {
  const { n, nz, dx, dz, z0 } = lattice;
  const n2 = n * n;
  const [tx, ty, tz] = spot.target;
  const ti = Math.round(tx / dx + n / 2);
  const tj = Math.round(ty / dx + n / 2);
  const tk = Math.floor((tz - z0) / dz);
  if (ti < 0 || ti >= n || tj < 0 || tj >= n || tk < 0 || tk >= nz) return -1;
  const targetVoxel = ti + n * (tj + n * tk);
  const label = labels[targetVoxel] as number;
  const { re, im } = field;
  const [ax, ay, az] = spot.axis;
  // The region's bounding box in voxels (the ellipsoid's extent along each axis, a voxel more).
  const reach = (a: number, pad: number) =>
    Math.sqrt((spot.halfLength * a) ** 2 + spot.halfWidth ** 2 * (1 - a * a)) + pad;
  const ri = Math.ceil(reach(ax, dx) / dx);
  const rj = Math.ceil(reach(ay, dx) / dx);
  const rk = Math.ceil(reach(az, dz) / dz);
  let best = -1;
  let best2 = -1;
  for (let k = Math.max(0, tk - rk); k <= Math.min(nz - 1, tk + rk); k++) {
    const z = z0 + (k + 0.5) * dz - tz;
    for (let j = Math.max(0, tj - rj); j <= Math.min(n - 1, tj + rj); j++) {
      const y = (j - n / 2) * dx - ty;
      for (let i = Math.max(0, ti - ri); i <= Math.min(n - 1, ti + ri); i++) {
        const v = i + n * (j + n * k);
        if (labels[v] !== label) continue;
        const x = (i - n / 2) * dx - tx;
        const along = x * ax + y * ay + z * az;
        const across2 = Math.max(0, x * x + y * y + z * z - along * along);
        if ((along / spot.halfLength) ** 2 + across2 / spot.halfWidth ** 2 > 1) continue;
        const lower = (re[v] as number) ** 2 + (im[v] as number) ** 2;
        const upper = (re[v + n2] as number) ** 2 + (im[v + n2] as number) ** 2;
        const p2 = Math.max(lower, upper);
        if (p2 > best2) {
          best2 = p2;
          best = v;
        }
      }
    }
  }
  return best < 0 ? targetVoxel : best;
}

/**
 * Axial and lateral |p| profiles through a lattice voxel's peak face sample — the focal spot's (focalSpotVoxel) —
 * and the −6 dB sizes (issue: results with axial and lateral profiles through the peak). Exact lattice samples, no
 * interpolation: on the beam axis of an unsteered array the axial profile is the field on the axis itself. The
 * lateral widths are read on the field's band-limited interpolation between the samples (bandLimitedMagnitude).
 * @param field - total complex field per face (marchField)
 * @param lattice - lattice
 * @param peakVoxel - voxel whose face holds the spot's peak
 * @param wavelength - the coupling medium's wavelength [m], for the axial envelope
 * @returns profiles and widths
 */
export function focalProfiles(
  field: Planes,
  lattice: BeamLattice,
  peakVoxel: number,
  wavelength: number,
): FocalProfiles {
  const { n, nz, dx, dz, z0 } = lattice;
  const n2 = n * n;
  const magnitude = (face: number, column: number): number => {
    const a = face * n2 + column;
    return Math.hypot(field.re[a] as number, field.im[a] as number);
  };
  const i0 = peakVoxel % n;
  const j0 = Math.floor(peakVoxel / n) % n;
  const k0 = Math.floor(peakVoxel / n2);
  const column = i0 + n * j0;
  // The peak sits on one of the voxel's two faces.
  const face = magnitude(k0, column) >= magnitude(k0 + 1, column) ? k0 : k0 + 1;
  const axial: Profile = { position: [], pressure: [] };
  for (let f = 0; f <= nz; f++) {
    axial.position.push(z0 + f * dz);
    axial.pressure.push(magnitude(f, column));
  }
  const lateralX: Profile = { position: [], pressure: [] };
  const lateralY: Profile = { position: [], pressure: [] };
  const complexX = { re: [] as number[], im: [] as number[] };
  const complexY = { re: [] as number[], im: [] as number[] };
  for (let i = 0; i < n; i++) {
    const ax = face * n2 + i + n * j0;
    const ay = face * n2 + i0 + n * i;
    lateralX.position.push((i - n / 2) * dx);
    lateralX.pressure.push(magnitude(face, i + n * j0));
    complexX.re.push(field.re[ax] as number);
    complexX.im.push(field.im[ax] as number);
    lateralY.position.push((i - n / 2) * dx);
    lateralY.pressure.push(magnitude(face, i0 + n * i));
    complexY.re.push(field.re[ay] as number);
    complexY.im.push(field.im[ay] as number);
  }
  const start = (-n / 2) * dx;
  return {
    axial,
    lateralX,
    lateralY,
    // Around the spot's face: a bone's front face on the same line may be higher (its length then runs into it).
    axialWidth6dB: halfMaximumWidth(envelope(axial, wavelength / 2), undefined, face),
    lateralWidth6dBX: halfMaximumWidth(lateralX, bandLimitedMagnitude(complexX.re, complexX.im, start, dx)),
    lateralWidth6dBY: halfMaximumWidth(lateralY, bandLimitedMagnitude(complexY.re, complexY.im, start, dx)),
  };
}

/** √ of the running mean of |p|² over a span [m] (centred, truncated at the ends). */
function envelope(profile: Profile, span: number): Profile {
  const step = Math.abs((profile.position[1] ?? 1) - (profile.position[0] ?? 0));
  const half = Math.max(0, Math.round(span / step / 2));
  const p = profile.pressure;
  const pressure = p.map((_, i) => {
    let sum = 0;
    let count = 0;
    for (let j = Math.max(0, i - half); j <= Math.min(p.length - 1, i + half); j++) {
      sum += (p[j] as number) ** 2;
      count++;
    }
    return Math.sqrt(sum / count);
  });
  return { position: profile.position, pressure };
}
