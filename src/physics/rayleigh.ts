import { besselJ1 } from './special-functions.ts';

/**
 * Point sources (array elements or bowl patches) for the Rayleigh–Sommerfeld sum. All arrays are indexed by
 * element n; vectors are packed xyz (length 3N).
 */
export interface RayleighSources {
  /** Element centroids [m], 3N. */
  readonly positions: Float64Array;
  /** Unit normals pointing into the propagation medium, 3N (only used for the piston directivity). */
  readonly normals: Float64Array;
  /** Radiating areas ΔS_n [m²], N. */
  readonly areas: Float64Array;
  /** Complex normal-velocity amplitude u_n, real part [m/s], N. */
  readonly velocityRe: Float64Array;
  /** Complex normal-velocity amplitude u_n, imaginary part [m/s], N. */
  readonly velocityIm: Float64Array;
  /** Optional complex per-element gain g_n, real part [-] (default 1): tissue-path transmission, loss, phase. */
  readonly gainRe?: Float64Array;
  /** Optional complex per-element gain g_n, imaginary part [-] (default 0). */
  readonly gainIm?: Float64Array;
  /**
   * Piston radius b [m] for the far-field directivity 2J1(kb sinθ)/(kb sinθ); 0 (default) treats every element as
   * a point patch with D = 1 (use for bowl tiling). With b > 0 the baffled piston radiates into its front
   * half-space only (cosθ ≤ 0 contributes nothing).
   */
  readonly elementRadius?: number;
}

/** Homogeneous propagation medium of the Rayleigh sum. */
export interface RayleighMedium {
  /** ρ [kg/m³] */
  readonly density: number;
  /** c [m/s] */
  readonly speedOfSound: number;
  /** Amplitude attenuation α [Np/m] at the working frequency (0 = lossless). */
  readonly attenuation: number;
}

/**
 * One Rayleigh sum as data: everything `RayleighKernel.pressure` takes but its outputs. It lets a host that computes
 * asynchronously (WebGPU) evaluate the sums an engine call will ask for before the call, and serve them during it.
 */
export interface RayleighSum {
  readonly sources: RayleighSources;
  readonly medium: RayleighMedium;
  /** f [Hz] */
  readonly frequency: number;
  /** evaluation points [m], packed xyz (3M) */
  readonly points: Float64Array;
}

/**
 * Where a Rayleigh sum runs: this module's Float64 JavaScript (the reference), or the engine's WebAssembly SIMD
 * kernel (f32, several times faster; same contract as rayleighPressure over all points).
 */
export interface RayleighKernel {
  readonly name: string;
  pressure(
    sources: RayleighSources,
    medium: RayleighMedium,
    frequency: number,
    points: Float64Array,
    outRe: Float64Array,
    outIm: Float64Array,
  ): void;
}

/** The JavaScript reference kernel. */
export const jsRayleigh: RayleighKernel = {
  name: 'JavaScript (Float64)',
  pressure: (sources, medium, frequency, points, outRe, outIm) =>
    rayleighPressure(sources, medium, frequency, points, outRe, outIm),
};

/** Half-open range of evaluation-point indices, so callers can evaluate in chunks (progress, cancellation). */
export interface PointRange {
  readonly start: number;
  readonly end: number;
}

const TWO_OVER_PI = 2 / Math.PI;
const QUADRANT_SIGN = new Float64Array([1, 1, -1, -1]);
/** π/2 split into a high part exact in 33 bits and the remainder (Cody–Waite), so x − n·π/2 loses no digits. */
const PIO2_HI = 1.5707963267341256;
const PIO2_LO = Math.PI / 2 - PIO2_HI;
const S3 = -1 / 6;
const S5 = 1 / 120;
const S7 = -1 / 5040;
const S9 = 1 / 362880;
const S11 = -1 / 39916800;
const C2 = -1 / 2;
const C4 = 1 / 24;
const C6 = -1 / 720;
const C8 = 1 / 40320;
const C10 = -1 / 3628800;
const C12 = 1 / 479001600;

/** 2 J1(x)/x for |x| ≤ 3 straight from A&S 9.4.4 (a polynomial in x², so no 0/0 at the axis). */
function jincSmall(x: number): number {
  const t = (x / 3) * (x / 3);
  return (
    1 + t * (-1.1249997 + t * (0.42187146 + t * (-0.07908578 + t * (0.00886638 + t * (-0.00063522 + t * 0.00002218)))))
  );
}

function at(a: Float64Array, i: number): number {
  return a[i] as number;
}

/**
 * Evaluate the discretised Rayleigh–Sommerfeld integral
 * p(r) = (i k ρ c / 2π) Σ_n u_n ΔS_n D_n(θ_n) g_n exp(−i k R_n − α R_n)/R_n   (time convention exp(+iωt))
 * at many points, writing the complex pressure [Pa] into preallocated outputs.
 *
 * The per-element constant factors are folded into one complex coefficient before the loop, so the hot loop does
 * one sqrt, one exp and one sincos per element-point pair and allocates nothing.
 *
 * @param sources - elements / patches, velocities and gains
 * @param medium - homogeneous medium {ρ, c, α}
 * @param frequency - f [Hz]
 * @param points - evaluation points [m], packed xyz (3M)
 * @param outRe - real part of p [Pa] (length ≥ M); entries in `range` are overwritten
 * @param outIm - imaginary part of p [Pa]
 * @param range - optional subset of point indices (default all)
 * @see PHYSICS.md §1.1; O'Neil HT (1949) J Acoust Soc Am 21:516.
 * @example
 * rayleighPressure(src, { density: 1000, speedOfSound: 1500, attenuation: 0 }, 1e6, pts, re, im);
 */
export function rayleighPressure(
  sources: RayleighSources,
  medium: RayleighMedium,
  frequency: number,
  points: Float64Array,
  outRe: Float64Array,
  outIm: Float64Array,
  range?: PointRange,
): void {
  const n = sources.areas.length;
  const k = (2 * Math.PI * frequency) / medium.speedOfSound;
  const prefactor = (k * medium.density * medium.speedOfSound) / (2 * Math.PI);
  const b = sources.elementRadius ?? 0;
  const kb = k * b;
  const alpha = medium.attenuation;

  // Fold i·k·ρ·c/2π · u_n · ΔS_n · g_n into one complex coefficient per element, dropping silent elements.
  const ex = new Float64Array(n);
  const ey = new Float64Array(n);
  const ez = new Float64Array(n);
  const nx = new Float64Array(n);
  const ny = new Float64Array(n);
  const nz = new Float64Array(n);
  const cRe = new Float64Array(n);
  const cIm = new Float64Array(n);
  let m = 0;
  for (let e = 0; e < n; e++) {
    const uRe = at(sources.velocityRe, e);
    const uIm = at(sources.velocityIm, e);
    const gRe = sources.gainRe ? at(sources.gainRe, e) : 1;
    const gIm = sources.gainIm ? at(sources.gainIm, e) : 0;
    const wRe = uRe * gRe - uIm * gIm;
    const wIm = uRe * gIm + uIm * gRe;
    if (wRe === 0 && wIm === 0) {
      continue;
    }
    const s = prefactor * at(sources.areas, e);
    // multiply by i: (a + ib)·i = −b + ia
    cRe[m] = -wIm * s;
    cIm[m] = wRe * s;
    ex[m] = at(sources.positions, 3 * e);
    ey[m] = at(sources.positions, 3 * e + 1);
    ez[m] = at(sources.positions, 3 * e + 2);
    nx[m] = at(sources.normals, 3 * e);
    ny[m] = at(sources.normals, 3 * e + 1);
    nz[m] = at(sources.normals, 3 * e + 2);
    m++;
  }

  const start = range?.start ?? 0;
  const end = range?.end ?? points.length / 3;
  for (let p = start; p < end; p++) {
    const px = at(points, 3 * p);
    const py = at(points, 3 * p + 1);
    const pz = at(points, 3 * p + 2);
    let sumRe = 0;
    let sumIm = 0;
    for (let e = 0; e < m; e++) {
      const dx = px - at(ex, e);
      const dy = py - at(ey, e);
      const dz = pz - at(ez, e);
      const r2 = dx * dx + dy * dy + dz * dz;
      const r = Math.sqrt(r2);
      let amplitude = 1 / r;
      if (kb > 0) {
        const cosTheta = (dx * at(nx, e) + dy * at(ny, e) + dz * at(nz, e)) / r;
        if (cosTheta <= 0) {
          continue;
        }
        const sinTheta = Math.sqrt(Math.max(0, 1 - cosTheta * cosTheta));
        const x = kb * sinTheta;
        amplitude *= x <= 3 ? jincSmall(x) : (2 * besselJ1(x)) / x;
      }
      if (alpha > 0) {
        amplitude *= Math.exp(-alpha * r);
      }
      // exp(−i k r) via an inlined sincos: Cody–Waite reduction to |y| ≤ π/4 and Taylor polynomials (error
      // < 1e-11, far below the sum's discretisation error); about 2× faster than Math.sin + Math.cos here.
      const x = k * r;
      const quadrant = Math.floor(x * TWO_OVER_PI + 0.5);
      const y = x - quadrant * PIO2_HI - quadrant * PIO2_LO;
      const y2 = y * y;
      const sy = y * (1 + y2 * (S3 + y2 * (S5 + y2 * (S7 + y2 * (S9 + y2 * S11)))));
      const cy = 1 + y2 * (C2 + y2 * (C4 + y2 * (C6 + y2 * (C8 + y2 * (C10 + y2 * C12)))));
      // Quadrant q: sin x = ±(sy or cy), cos x = ±(cy or sy); a sign table avoids unpredictable branches.
      const q = quadrant & 3;
      const odd = q & 1;
      const sinX = (odd ? cy : sy) * (QUADRANT_SIGN[q] as number);
      const cosX = (odd ? sy : cy) * (QUADRANT_SIGN[(q + 1) & 3] as number);
      const cosP = cosX * amplitude;
      const sinP = -sinX * amplitude;
      const aRe = at(cRe, e);
      const aIm = at(cIm, e);
      sumRe += aRe * cosP - aIm * sinP;
      sumIm += aRe * sinP + aIm * cosP;
    }
    outRe[p] = sumRe;
    outIm[p] = sumIm;
  }
}

/**
 * Magnitudes |p| from complex parts.
 * @param re - real part [Pa]
 * @param im - imaginary part [Pa]
 * @param out - optional output (length ≥ re.length)
 * @returns |p| [Pa]
 */
export function magnitude(re: Float64Array, im: Float64Array, out = new Float64Array(re.length)): Float64Array {
  for (let i = 0; i < re.length; i++) {
    out[i] = Math.hypot(at(re, i), at(im, i));
  }
  return out;
}
