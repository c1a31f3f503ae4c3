import { describe, expect, test } from 'vitest';
import { type SonicationInput, simulateSonication } from '../../src/physics/sonication.ts';
import type { TissueId } from '../../src/physics/tissue-ids.ts';
import { type PathSegment, pathFactors } from '../../src/physics/tissue-path.ts';
import { TISSUES } from '../../src/physics/tissues.ts';
import { ELEMENTS, LAYOUT, R, SPEC } from './clinical-array.ts';

const DEG = Math.PI / 180;

/** T_p = 2 Z2 cosθi/(Z2 cosθi + Z1 cosθt), Snell sinθt = sinθi·c2/c1 (PHYSICS.md §1.7), written out here. */
function closedForm(from: TissueId, to: TissueId, incidence: number): number {
  const a = TISSUES[from];
  const b = TISSUES[to];
  const z1 = a.density * a.speedOfSound;
  const z2 = b.density * b.speedOfSound;
  const sinT = (Math.sin(incidence) * b.speedOfSound) / a.speedOfSound;
  if (sinT >= 1) return 0;
  const cosT = Math.sqrt(1 - sinT * sinT);
  return (2 * z2 * Math.cos(incidence)) / (z2 * Math.cos(incidence) + z1 * cosT);
}

describe('pathFactors: oblique incidence', () => {
  test('water → muscle at 30° then muscle → cortical at 15°: product of closed-form T_p (1e-12)', () => {
    const path: PathSegment[] = [
      { tissue: 'water', length: 0.1 },
      { tissue: 'muscle', length: 0.02, cosIncidence: Math.cos(30 * DEG) },
      { tissue: 'cortical_bone', length: 0.003, cosIncidence: Math.cos(15 * DEG) },
    ];
    const expected = closedForm('water', 'muscle', 30 * DEG) * closedForm('muscle', 'cortical_bone', 15 * DEG);
    const f = pathFactors(path, 1e6);
    expect(Math.abs(f.transmission / expected - 1)).toBeLessThan(1e-12);
    expect(f.beyondCriticalAngle).toBe(false);
    // Oblique differs from normal incidence here (by ≈ 7 %), so the test sees the angle.
    const normal = pathFactors(
      path.map(({ tissue, length }) => ({ tissue, length })),
      1e6,
    );
    expect(Math.abs(normal.transmission / f.transmission - 1)).toBeGreaterThan(0.02);
  });

  test('cosIncidence = 1 (or absent) is the normal-incidence product exactly', () => {
    const path: PathSegment[] = [
      { tissue: 'water', length: 0.1 },
      { tissue: 'skin', length: 0.002, cosIncidence: 1 },
      { tissue: 'fat', length: 0.01 },
    ];
    const zs = (['water', 'skin', 'fat'] as const).map((t) => TISSUES[t].density * TISSUES[t].speedOfSound);
    const [zw, zs1, zf] = zs as [number, number, number];
    expect(pathFactors(path, 1e6).transmission).toBeCloseTo(((2 * zs1) / (zw + zs1)) * ((2 * zf) / (zs1 + zf)), 14);
  });

  test('entering cortical bone at 40° (θc = arcsin(c_muscle/c_bone) ≈ 26.9°) transmits nothing and is flagged', () => {
    const thetaC = Math.asin(TISSUES.muscle.speedOfSound / TISSUES.cortical_bone.speedOfSound);
    expect(thetaC / DEG).toBeCloseTo(26.87, 1);
    const path = (deg: number): PathSegment[] => [
      { tissue: 'water', length: 0.1 },
      { tissue: 'muscle', length: 0.02, cosIncidence: 1 },
      { tissue: 'cortical_bone', length: 0.003, cosIncidence: Math.cos(deg * DEG) },
      { tissue: 'marrow', length: 0.005, cosIncidence: Math.cos(deg * DEG) },
    ];
    const beyond = pathFactors(path(40), 1e6);
    expect(beyond.transmission).toBe(0);
    expect(beyond.beyondCriticalAngle).toBe(true);
    const below = pathFactors(path(26), 1e6);
    expect(below.transmission).toBeGreaterThan(0);
    expect(below.beyondCriticalAngle).toBe(false);
  });
});

/** Water-filled region around the geometric focus; water has no excess attenuation, so the region correction is 1. */
function waterCase(paths: PathSegment[][], overrides: Partial<SonicationInput> = {}): SonicationInput {
  const n = 11;
  const h = 0.5e-3;
  const half = ((n - 1) / 2) * h;
  return {
    elements: ELEMENTS,
    frequency: SPEC.frequency,
    acousticPower: 60,
    focus: [0, 0, R],
    elementPaths: paths,
    grid: { nx: n, ny: n, nz: n, spacing: h, origin: [-half, -half, R - half] },
    labels: new Uint8Array(n ** 3),
    tissueTable: ['water'],
    duration: 0.5,
    cooling: 0,
    ...overrides,
  };
}
const FOCUS_VOXEL = 5 + 11 * (5 + 11 * 5);

function distance(n: number): number {
  const p = LAYOUT.positions;
  return Math.hypot(p[3 * n] as number, p[3 * n + 1] as number, (p[3 * n + 2] as number) - R);
}

describe('simulateSonication: elements beyond the critical angle', () => {
  test('odd elements entering bone at 40° add nothing at the focus: field = even elements alone (1e-6 of peak, Float32)', () => {
    const bonePath = (n: number, deg: number): PathSegment[] => [
      { tissue: 'water', length: distance(n) - 0.025 },
      { tissue: 'muscle', length: 0.02, cosIncidence: 1 },
      { tissue: 'cortical_bone', length: 0.002, cosIncidence: Math.cos(deg * DEG) },
      { tissue: 'muscle', length: 0.003, cosIncidence: 1 },
    ];
    const paths = Array.from({ length: LAYOUT.count }, (_, n) => bonePath(n, n % 2 === 1 ? 40 : 20));
    const flagged = simulateSonication(waterCase(paths));
    expect(flagged.elementsBeyondCriticalAngle).toBe(LAYOUT.count / 2);
    expect(flagged.activeElements).toBe(LAYOUT.count);
    // Alternative: switch the odd elements off. Same power over half the area → velocity × √(A_all/A_even).
    const active = Uint8Array.from({ length: LAYOUT.count }, (_, n) => (n % 2 === 0 ? 1 : 0));
    const off = simulateSonication(waterCase(paths, { elements: { ...waterCase(paths).elements, active } }));
    expect(off.elementsBeyondCriticalAngle).toBe(0);
    let areaAll = 0;
    let areaEven = 0;
    LAYOUT.areas.forEach((a, n) => {
      areaAll += a;
      if (n % 2 === 0) areaEven += a;
    });
    const scale = Math.sqrt(areaEven / areaAll);
    expect(Math.abs(flagged.powerBeyondCriticalAngle / (60 * (1 - areaEven / areaAll)) - 1)).toBeLessThan(1e-12);
    let worst = 0;
    for (let v = 0; v < flagged.pressure.length; v++) {
      const e = (off.pressure[v] as number) * scale;
      worst = Math.max(worst, Math.abs((flagged.pressure[v] as number) - e) / off.peakPressure);
    }
    console.info(`critical angle: flagged field vs even-only × √(A_even/A_all): ${worst.toExponential(1)} of peak`);
    expect(worst).toBeLessThan(1e-6); // Float32 fields
  });
});

describe('simulateSonication: aberration correction', () => {
  // A cortical layer 1 mm thick on the axis and 5 mm at the rim (quadratic in the lateral distance, like a curved
  // cortex): the excess path phase k_w(c_w/c_bone − 1)·d spans ≈ 2.4 rad/mm × 4 mm ≈ 9.6 rad across the aperture.
  const xs = Array.from({ length: LAYOUT.count }, (_, n) => LAYOUT.positions[3 * n] as number);
  const rho = Array.from({ length: LAYOUT.count }, (_, n) =>
    Math.hypot(LAYOUT.positions[3 * n] as number, LAYOUT.positions[3 * n + 1] as number),
  );
  const rhoMax = Math.max(...rho);
  const paths = xs.map((_, n): PathSegment[] => {
    const bone = 1e-3 + 4e-3 * ((rho[n] as number) / rhoMax) ** 2;
    return [
      { tissue: 'water', length: distance(n) - 0.03 },
      { tissue: 'muscle', length: 0.03 - bone - 0.01, cosIncidence: 1 },
      { tissue: 'cortical_bone', length: bone, cosIncidence: 1 },
      { tissue: 'marrow', length: 0.01, cosIncidence: 1 },
    ];
  });
  const corrected = simulateSonication(waterCase(paths));
  const explicit = simulateSonication(waterCase(paths, { aberrationCorrection: true }));
  const uncorrected = simulateSonication(waterCase(paths, { aberrationCorrection: false }));

  test('default = aberrationCorrection: true, exactly', () => {
    expect(explicit.pressure).toEqual(corrected.pressure);
  });

  test('focal |p| with correction ≥ without, and without it loses > 30 % (geometric phases defocus)', () => {
    const pc = corrected.pressure[FOCUS_VOXEL] as number;
    const pu = uncorrected.pressure[FOCUS_VOXEL] as number;
    console.info(
      `aberration: |p(focus)| corrected ${(pc / 1e6).toFixed(3)} MPa, uncorrected ${(pu / 1e6).toFixed(3)} MPa ` +
        `(ratio ${(pu / pc).toFixed(3)}); grid peak ${(corrected.peakPressure / 1e6).toFixed(3)} vs ` +
        `${(uncorrected.peakPressure / 1e6).toFixed(3)} MPa`,
    );
    expect(pc).toBeGreaterThanOrEqual(pu);
    expect(pu / pc).toBeLessThan(0.7);
    expect(corrected.peakPressure).toBeGreaterThan(uncorrected.peakPressure);
  });

  test('with uniform path phases, the switch changes nothing (1e-6 of peak, Float32)', () => {
    const uniform = xs.map((_, n): PathSegment[] => [
      { tissue: 'water', length: distance(n) - 0.02 },
      { tissue: 'muscle', length: 0.02 },
    ]);
    const a = simulateSonication(waterCase(uniform));
    const b = simulateSonication(waterCase(uniform, { aberrationCorrection: false }));
    // Equal path lengths in muscle → the same extra phase on every element: a global phase, |p| unchanged.
    let worst = 0;
    for (let v = 0; v < a.pressure.length; v++) {
      worst = Math.max(worst, Math.abs((a.pressure[v] as number) - (b.pressure[v] as number)) / a.peakPressure);
    }
    expect(worst).toBeLessThan(1e-6);
  });
});
