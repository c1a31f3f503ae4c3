import { describe, expect, test } from 'vitest';
import {
  type BowlSource,
  focalGain,
  oneilAxialMagnitude,
  oneilAxialPressure,
  oneilFocalPlaneMagnitude,
} from '../../src/physics/oneil.ts';
import { magnitude, rayleighPressure } from '../../src/physics/rayleigh.ts';
import { jinc } from '../../src/physics/special-functions.ts';
import { capDepth, PRESETS, subdivideBowl } from '../../src/physics/transducer.ts';

/** k-Wave `focusedBowlONeil` documentation case (PHYSICS.md §4.2). */
const BOWL: BowlSource = {
  radiusOfCurvature: PRESETS.singleElementBowl.radiusOfCurvature,
  aperture: PRESETS.singleElementBowl.aperture,
  frequency: PRESETS.singleElementBowl.frequency,
  velocity: 0.1,
  density: 1000,
  speedOfSound: 1500,
};
const WATER = { density: 1000, speedOfSound: 1500, attenuation: 0 };
const WAVELENGTH = BOWL.speedOfSound / BOWL.frequency;
const R = BOWL.radiusOfCurvature;

/** |p| on the axis at the given z from a Rayleigh sum over `patches` bowl patches. */
function rayleighAxial(patches: number, zs: readonly number[], attenuation = 0): Float64Array {
  const layout = subdivideBowl(R, BOWL.aperture, patches);
  const points = new Float64Array(3 * zs.length);
  zs.forEach((z, i) => {
    points[3 * i + 2] = z;
  });
  const re = new Float64Array(zs.length);
  const im = new Float64Array(zs.length);
  const velocityRe = new Float64Array(layout.count).fill(BOWL.velocity);
  const velocityIm = new Float64Array(layout.count);
  rayleighPressure({ ...layout, velocityRe, velocityIm }, { ...WATER, attenuation }, BOWL.frequency, points, re, im);
  return magnitude(re, im);
}

function range(start: number, end: number, step: number): number[] {
  const out: number[] = [];
  for (let z = start; z <= end + 1e-12; z += step) out.push(z);
  return out;
}

/** Worst relative error where the exact |p| exceeds 10 % of its axial peak. */
function worstAxialError(patches: number, zs: readonly number[]): number {
  const exact = zs.map((z) => oneilAxialMagnitude(BOWL, z));
  const peak = Math.max(...exact);
  const approx = rayleighAxial(patches, zs);
  let worst = 0;
  exact.forEach((e, i) => {
    if (e > 0.1 * peak) worst = Math.max(worst, Math.abs((approx[i] as number) - e) / e);
  });
  return worst;
}

// Axial window covering every point where |p| > 10 % of the peak (checked by the first test).
const AXIAL = range(0.07, 0.2, 0.2e-3);

describe("O'Neil exact solution (PHYSICS.md §1.2)", () => {
  test('focal pressure p(R) = ρ0 c0 u0 k h = 8.488 MPa for the k-Wave doc bowl (within 0.01 %)', () => {
    expect(capDepth(R, BOWL.aperture / 2)).toBeCloseTo(13.509e-3, 6);
    expect(focalGain(BOWL)).toBeCloseTo(56.586, 3);
    expect(Math.abs(oneilAxialMagnitude(BOWL, R) / 8.488e6 - 1)).toBeLessThan(1e-4);
  });

  test('the stable form equals the textbook form 2/(1 − z/R)·sin(k d/2) away from the focus (1e-9 relative)', () => {
    const k = (2 * Math.PI * BOWL.frequency) / BOWL.speedOfSound;
    const a = BOWL.aperture / 2;
    const h = capDepth(R, a);
    for (const z of [0.03, 0.1, 0.13, 0.15, 0.25]) {
      const d = Math.sqrt((z - h) ** 2 + a * a) - z;
      const textbook = Math.abs(((1000 * 1500 * 0.1 * 2) / (1 - z / R)) * Math.sin((k * d) / 2));
      const p = oneilAxialPressure(BOWL, z);
      expect(Math.abs(Math.hypot(p.re, p.im) / textbook - 1)).toBeLessThan(1e-9);
    }
  });

  test('the axial window 70–200 mm contains every point where |p| > 10 % of the peak', () => {
    const peak = oneilAxialMagnitude(BOWL, R);
    for (const z of range(0.005, 0.3, 0.5e-3)) {
      if (z < 0.07 || z > 0.2) expect(oneilAxialMagnitude(BOWL, z)).toBeLessThan(0.1 * peak);
    }
  });
});

describe("Rayleigh sum over a tiled bowl vs O'Neil", () => {
  test('on-axis |p| within 1 % wherever |p| > 10 % of the axial peak (30 000 patches)', () => {
    const worst = worstAxialError(30000, AXIAL);
    console.info(`O'Neil axial worst relative error, 30k patches: ${(worst * 100).toFixed(3)} %`);
    expect(worst).toBeLessThan(0.01);
  });

  test('on-axis peak position within λ/10 of the exact (pre-focal) peak', () => {
    const fine = range(R - 1e-3, R + 0.5e-3, 0.005e-3);
    const exact = fine.map((z) => oneilAxialMagnitude(BOWL, z));
    const approx = rayleighAxial(30000, fine);
    const zExact = fine[exact.indexOf(Math.max(...exact))] as number;
    const zApprox = fine[approx.indexOf(Math.max(...approx))] as number;
    console.info(`O'Neil peak at ${(zExact * 1e3).toFixed(3)} mm, Rayleigh ${(zApprox * 1e3).toFixed(3)} mm`);
    expect(zExact).toBeLessThan(R);
    expect(Math.abs(zApprox - zExact)).toBeLessThan(WAVELENGTH / 10);
  });

  test('the error falls as patches increase (2k → 5k → 15k: each step at least 2× smaller)', () => {
    const errors = [2000, 5000, 15000].map((p) => worstAxialError(p, AXIAL));
    console.info(`O'Neil axial error vs patches 2k/5k/15k: ${errors.map((e) => (e * 100).toFixed(2)).join(' / ')} %`);
    expect(errors[1]).toBeLessThan((errors[0] as number) / 2);
    expect(errors[2]).toBeLessThan((errors[1] as number) / 2);
  });

  test('focal gain |p(R)|/(ρ0 c0 u0) from the Rayleigh sum equals k h (within 0.1 %)', () => {
    const [p] = rayleighAxial(30000, [R]);
    const gain = (p as number) / (BOWL.density * BOWL.speedOfSound * BOWL.velocity);
    expect(Math.abs(gain / focalGain(BOWL) - 1)).toBeLessThan(1e-3);
  });

  test('focal-plane lateral profile vs paraxial 2J1(x)/x: within 2 % of the peak out to the 2nd null', () => {
    const layout = subdivideBowl(R, BOWL.aperture, 30000);
    const rs = range(0, 4e-3, 0.05e-3);
    const points = new Float64Array(3 * rs.length);
    rs.forEach((r, i) => {
      points[3 * i] = r;
      points[3 * i + 2] = R;
    });
    const re = new Float64Array(rs.length);
    const im = new Float64Array(rs.length);
    const velocityRe = new Float64Array(layout.count).fill(BOWL.velocity);
    rayleighPressure(
      { ...layout, velocityRe, velocityIm: new Float64Array(layout.count) },
      WATER,
      BOWL.frequency,
      points,
      re,
      im,
    );
    const p = magnitude(re, im);
    const peak = oneilFocalPlaneMagnitude(BOWL, 0);
    let worst = 0;
    rs.forEach((r, i) => {
      worst = Math.max(worst, Math.abs((p[i] as number) - oneilFocalPlaneMagnitude(BOWL, r)) / peak);
    });
    console.info(`lateral profile worst |Δp|/p_peak: ${(worst * 100).toFixed(2)} %`);
    expect(worst).toBeLessThan(0.02);
    // −6 dB full width ≈ 1.41 λ R/D (PHYSICS.md §1.2), within 5 %.
    const half = rs.find((_, i) => (p[i] as number) < 0.5 * (p[0] as number)) as number;
    expect(Math.abs((2 * half) / ((1.41 * WAVELENGTH * R) / BOWL.aperture) - 1)).toBeLessThan(0.05);
  });
});

describe('homogeneous attenuation', () => {
  test('focal |p| with α = 10 Np/m is exp(−α R) times the lossless value (within 0.5 %)', () => {
    const alpha = 10;
    const [lossy] = rayleighAxial(5000, [R], alpha);
    const [lossless] = rayleighAxial(5000, [R], 0);
    const ratio = (lossy as number) / (lossless as number);
    expect(Math.abs(ratio / Math.exp(-alpha * R) - 1)).toBeLessThan(0.005);
  });

  test('a single point source decays as exp(−α d)/d (within 0.5 %)', () => {
    const alpha = 8;
    const one = new Float64Array([1]);
    const src = {
      positions: new Float64Array(3),
      normals: new Float64Array([0, 0, 1]),
      areas: new Float64Array([1e-6]),
      velocityRe: one,
      velocityIm: new Float64Array(1),
    };
    const points = new Float64Array([0, 0, 0.02, 0, 0, 0.1]);
    const re = new Float64Array(2);
    const im = new Float64Array(2);
    rayleighPressure(src, { ...WATER, attenuation: alpha }, 1e6, points, re, im);
    const p = magnitude(re, im);
    const expected = (Math.exp(-alpha * 0.08) * 0.02) / 0.1;
    expect(Math.abs((p[1] as number) / (p[0] as number) / expected - 1)).toBeLessThan(0.005);
  });
});

describe('piston directivity', () => {
  test('a single piston (b = 3 mm) at 0–40° follows 2J1(kb sinθ)/(kb sinθ) (1e-6) and is silent behind', () => {
    const b = 3e-3;
    const k = (2 * Math.PI) / WAVELENGTH;
    const angles = [0, 0.05, 0.1, 0.2, 0.35, 0.7];
    const points = new Float64Array(3 * (angles.length + 1));
    angles.forEach((a, i) => {
      points[3 * i] = 0.1 * Math.sin(a);
      points[3 * i + 2] = 0.1 * Math.cos(a);
    });
    points[3 * angles.length + 2] = -0.1; // behind the baffle
    const re = new Float64Array(angles.length + 1);
    const im = new Float64Array(angles.length + 1);
    rayleighPressure(
      {
        positions: new Float64Array(3),
        normals: new Float64Array([0, 0, 1]),
        areas: new Float64Array([Math.PI * b * b]),
        velocityRe: new Float64Array([1]),
        velocityIm: new Float64Array(1),
        elementRadius: b,
      },
      WATER,
      1e6,
      points,
      re,
      im,
    );
    const p = magnitude(re, im);
    angles.forEach((a, i) => {
      expect(Math.abs((p[i] as number) / (p[0] as number) - Math.abs(jinc(k * b * Math.sin(a))))).toBeLessThan(1e-6);
    });
    expect(p[angles.length]).toBe(0);
  });
});
