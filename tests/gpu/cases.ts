import type { RayleighSum } from '../../src/physics/rayleigh.ts';
import { layoutSphericalArray, PRESETS, subdivideBowl } from '../../src/physics/transducer.ts';

/*
 * The sums the WebGPU kernel is checked and timed on, shared by the Node tests, the Chromium spec's page
 * (tests/e2e/fixtures/gpu-field-page.ts) and the bench. Sources sit on a cap whose apex is the origin, facing +z; the
 * focus is at z = R.
 */

/** Deterministic numbers in [−1, 1). */
function noise(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 31 - 1;
  };
}

/** A box of points around the focus: nx × ny × nz at `spacing` [m], centred on (0, 0, zc). */
export function boxPoints(nx: number, ny: number, nz: number, spacing: number, zc: number): Float64Array {
  const points = new Float64Array(3 * nx * ny * nz);
  let p = 0;
  for (let k = 0; k < nz; k++)
    for (let j = 0; j < ny; j++)
      for (let i = 0; i < nx; i++, p++) {
        points[3 * p] = (i - (nx - 1) / 2) * spacing;
        points[3 * p + 1] = (j - (ny - 1) / 2) * spacing;
        points[3 * p + 2] = zc + (k - (nz - 1) / 2) * spacing;
      }
  return points;
}

/**
 * The clinical array (208 pistons of 3 mm radius: directivity on) with scattered drive, complex per-element gains
 * (a tissue path), a few silent elements, in lossy water.
 * @param points - where to evaluate
 */
export function arraySum(points: Float64Array): RayleighSum {
  const spec = PRESETS.clinicalBodyArray;
  const layout = layoutSphericalArray(spec);
  const r = noise(7);
  const n = layout.count;
  const velocityRe = Float64Array.from({ length: n }, (_, e) => (e % 23 === 0 ? 0 : 0.1 + 0.02 * r()));
  const velocityIm = Float64Array.from({ length: n }, (_, e) => (e % 23 === 0 ? 0 : 0.03 * r()));
  const gainRe = Float64Array.from({ length: n }, () => 0.7 + 0.2 * r());
  const gainIm = Float64Array.from({ length: n }, () => 0.3 * r());
  return {
    sources: { ...layout, velocityRe, velocityIm, gainRe, gainIm },
    medium: { density: 994, speedOfSound: 1482.3, attenuation: 2.5 },
    frequency: spec.frequency,
    points,
  };
}

/**
 * The research bowl (R 140 mm, D 120 mm, 1 MHz) tiled into about `patches` point patches (no directivity), uniform
 * velocity 0.1 m/s, lossless water: the O'Neil case.
 * @param patches - approximate patch count
 * @param points - where to evaluate
 */
export function bowlSum(patches: number, points: Float64Array): RayleighSum {
  const spec = PRESETS.singleElementBowl;
  const layout = subdivideBowl(spec.radiusOfCurvature, spec.aperture, patches);
  return {
    sources: {
      ...layout,
      elementRadius: 0,
      velocityRe: new Float64Array(layout.count).fill(0.1),
      velocityIm: new Float64Array(layout.count),
    },
    medium: { density: 1000, speedOfSound: 1500, attenuation: 0 },
    frequency: spec.frequency,
    points,
  };
}

/** How far a field is from its reference. */
export interface FieldError {
  /** ‖p − p_ref‖₂ / ‖p_ref‖₂ over every point, complex */
  relativeL2: number;
  /** max |p − p_ref| over the reference's peak |p_ref| */
  maxOverPeak: number;
}

/**
 * @param re - Re p [Pa]
 * @param im - Im p [Pa]
 * @param refRe - reference Re p [Pa]
 * @param refIm - reference Im p [Pa]
 * @returns the relative L2 error and the worst point's error relative to the peak
 */
export function fieldError(
  re: ArrayLike<number>,
  im: ArrayLike<number>,
  refRe: ArrayLike<number>,
  refIm: ArrayLike<number>,
): FieldError {
  let diff = 0;
  let norm = 0;
  let worst = 0;
  let peak = 0;
  for (let p = 0; p < refRe.length; p++) {
    const dr = (re[p] as number) - (refRe[p] as number);
    const di = (im[p] as number) - (refIm[p] as number);
    const d2 = dr * dr + di * di;
    const r2 = (refRe[p] as number) ** 2 + (refIm[p] as number) ** 2;
    diff += d2;
    norm += r2;
    worst = Math.max(worst, d2);
    peak = Math.max(peak, r2);
  }
  return { relativeL2: Math.sqrt(diff / norm), maxOverPeak: Math.sqrt(worst / peak) };
}

/**
 * The tolerances of the f32 GPU kernel against the Float64 reference. f32 carries 24 bits: positions of ≈ 0.2 m are
 * rounded by ≈ 7e-9 m, i.e. k·δr ≈ 3e-5 rad of phase per term at 1 MHz, and k R ≈ 600 rad is itself rounded by
 * ≈ 3e-5 rad; the WebAssembly kernel, with the same arithmetic, stays within 1e-5 of the peak (tests/engine).
 * Errors of that size per term, incoherent over the sum, give ≈ 1e-5 relative: the bounds below leave 10× room.
 */
export const GPU_TOLERANCE = { relativeL2: 1e-4, maxOverPeak: 1e-3 } as const;
