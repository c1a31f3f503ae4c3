import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  DOSE_CEILING,
  largest,
  SonicationCancelled,
  type SonicationInput,
  simulateSonication,
} from '../../src/physics/sonication.ts';
import { absorptionAt, TISSUES, type TissueProperties } from '../../src/physics/tissues.ts';
import { ELEMENTS, LAYOUT, R, SPEC, waterThenMusclePaths } from './clinical-array.ts';

const SPACING = 0.5e-3;
const NX = 20;
const NZ = 40;
const MUSCLE_DEPTH = 0.03; // [m] of muscle in front of the focus on every element path

/** Homogeneous-muscle sonication of the clinical array, focused at its geometric focus. */
function muscleCase(overrides: Partial<SonicationInput> = {}): SonicationInput {
  const paths = waterThenMusclePaths(MUSCLE_DEPTH);
  const half = ((NX - 1) / 2) * SPACING;
  return {
    elements: ELEMENTS,
    frequency: SPEC.frequency,
    acousticPower: 60,
    focus: [0, 0, R],
    elementPaths: paths,
    grid: { nx: NX, ny: NX, nz: NZ, spacing: SPACING, origin: [-half, -half, R - ((NZ - 1) / 2) * SPACING] },
    labels: new Uint8Array(NX * NX * NZ),
    tissueTable: ['muscle', 'cortical_bone', 'bowel_gas'],
    duration: 10,
    cooling: 10,
    ...overrides,
  };
}

describe('simulateSonication: homogeneous muscle, clinical array at 60 W', () => {
  const input = muscleCase();
  const progress: number[] = [];
  const result = simulateSonication({ ...input, onProgress: (f) => progress.push(f) });

  test('peak |p| lies pre-focal within 3 mm of the focus (focal shift, grown by attenuation) and is MPa-scale', () => {
    const [x, y, z] = result.peakPressureLocation;
    console.info(
      `sonication: peak ${(result.peakPressure / 1e6).toFixed(2)} MPa at z − R = ${((z - R) * 1e3).toFixed(2)} mm, ` +
        `I = ${(result.focalIntensity / 1e4).toFixed(0)} W/cm², Tmax ${result.peakTemperature.toFixed(1)} °C, ` +
        `dose ${result.peakDose.toExponential(2)} min, ablated ${(result.ablationVolume * 1e9).toFixed(1)} mm³, ` +
        `dt ${result.timeStep.toFixed(3)} s`,
    );
    expect(Math.hypot(x, y, z - R)).toBeLessThan(3e-3);
    expect(z).toBeLessThan(R);
    expect(result.peakPressure).toBeGreaterThan(1e6);
    expect(result.peakPressure).toBeLessThan(2e7);
  });

  test('focal intensity is |p|²/(2ρc) of muscle at the peak voxel (1e-12)', () => {
    expect(result.focalIntensity).toBeCloseTo(result.peakPressure ** 2 / (2 * 1090 * 1588.4), 3);
  });

  test('temperature rises during heating and falls during cooling at the hottest voxel', () => {
    const t = result.time;
    const temp = result.hottestTemperature;
    const end = t.findIndex((s) => s >= input.duration - 1e-9);
    expect(temp[0]).toBeCloseTo(37, 12);
    for (let i = 1; i <= end; i++) expect(temp[i] as number).toBeGreaterThan(temp[i - 1] as number);
    for (let i = end + 1; i < t.length; i++) expect(temp[i] as number).toBeLessThan(temp[i - 1] as number);
    expect(t[t.length - 1]).toBeCloseTo(input.duration + input.cooling, 9);
    expect(Math.max(...temp)).toBeCloseTo(result.peakTemperature, 9);
    expect(result.peakTemperature).toBeGreaterThan(40);
  });

  test('dose is non-negative everywhere, largest where it is hottest, energy = P·t', () => {
    expect(Math.min(...result.dose)).toBeGreaterThanOrEqual(0);
    expect(result.peakDose).toBeGreaterThan(0);
    expect(result.energy).toBe(600);
    expect(result.activeElements).toBe(208);
    expect(result.timeStep).toBeLessThanOrEqual(0.25);
  });

  test('progress is monotone and reaches 1', () => {
    expect(progress.length).toBeGreaterThan(10);
    for (let i = 1; i < progress.length; i++)
      expect(progress[i] as number).toBeGreaterThanOrEqual(progress[i - 1] as number);
    expect(progress[progress.length - 1]).toBe(1);
  });

  test('switching half the elements off at the same power keeps the power and lowers the peak', () => {
    const active = new Uint8Array(LAYOUT.count).map((_, i) => (i % 2 === 0 ? 1 : 0));
    const half = simulateSonication({ ...input, elements: { ...input.elements, active }, cooling: 0 });
    expect(half.activeElements).toBe(104);
    expect(half.peakPressure).toBeLessThan(result.peakPressure);
  });
});

describe('simulateSonication: cancellation, gas and bone', () => {
  test('isCancelled → throws SonicationCancelled', () => {
    let calls = 0;
    expect(() => simulateSonication({ ...muscleCase(), isCancelled: () => ++calls > 5 })).toThrow(SonicationCancelled);
  });

  test('gas voxels get neither pressure nor heat', () => {
    const input = muscleCase({ duration: 2, cooling: 0 });
    input.labels.fill(2, 0, NX * NX * 5);
    const result = simulateSonication(input);
    for (let v = 0; v < NX * NX * 5; v++) {
      expect(result.heatSource[v]).toBe(0);
      expect(result.pressure[v]).toBe(0);
    }
  });

  test('the hottest-voxel history is the same whether recorded in the first pass or by the re-run (1e-12)', () => {
    const input = muscleCase({ duration: 3, cooling: 2 });
    const first = simulateSonication(input);
    const rerun = simulateSonication({ ...input, historyProbes: 0 });
    expect(rerun.peakTemperatureLocation).toEqual(first.peakTemperatureLocation);
    expect(rerun.hottestTemperature.length).toBe(first.hottestTemperature.length);
    first.hottestTemperature.forEach((t, i) => {
      expect(rerun.hottestTemperature[i]).toBeCloseTo(t, 12);
    });
  });

  test('extreme doses saturate at DOSE_CEILING instead of overflowing to Infinity', () => {
    const input = muscleCase({ acousticPower: 400, duration: 10, cooling: 0 });
    input.labels.fill(1);
    const result = simulateSonication(input);
    expect(result.peakTemperature).toBeGreaterThan(200);
    expect(Number.isFinite(result.peakDose)).toBe(true);
    expect(result.peakDose).toBeLessThanOrEqual(DOSE_CEILING);
    expect(result.dose.every(Number.isFinite)).toBe(true);
  });

  test('bone at the focus heats more than muscle at the same focal pressure', () => {
    const muscle = simulateSonication(muscleCase({ cooling: 0 }));
    const boneInput = muscleCase({ cooling: 0 });
    boneInput.labels.fill(1);
    const bone = simulateSonication(boneInput);
    // The voxel just past the focus (z = R + ¼ mm): the in-region attenuation correction differs between the two
    // media by exp(−Δα·¼ mm) ≈ 1.2 % there, so the pressures agree within 2 %.
    const atFocus = NX / 2 + NX * (NX / 2 + NX * (NZ / 2));
    const pBone = bone.pressure[atFocus] as number;
    const pMuscle = muscle.pressure[atFocus] as number;
    expect(Math.abs(pBone / pMuscle - 1)).toBeLessThan(0.02);
    const rise = (r: typeof bone) => (r.maxTemperature[atFocus] as number) - 37;
    console.info(`bone vs muscle at the same focal |p|: ΔT ${rise(bone).toFixed(1)} vs ${rise(muscle).toFixed(1)} K`);
    // q = α_abs·|p|²/(ρc) (PHYSICS.md §1.4) in each medium, to 1e-6.
    const perP2 = (t: TissueProperties) => absorptionAt(t, SPEC.frequency) / (t.density * t.speedOfSound);
    const expectedRatio = (perP2(TISSUES.cortical_bone) / perP2(TISSUES.muscle)) * (pBone / pMuscle) ** 2;
    const ratio = (bone.heatSource[atFocus] as number) / (muscle.heatSource[atFocus] as number);
    expect(Math.abs(ratio / expectedRatio - 1)).toBeLessThan(1e-6);
    expect(ratio).toBeGreaterThan(2);
    expect(rise(bone)).toBeGreaterThan(1.5 * rise(muscle));
  });
});

describe('largest: the k-th largest value without sorting every voxel', () => {
  test('equals what an ascending sort puts at length − k, for any values and k (fewer values: the smallest)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { minLength: 1, maxLength: 300 }),
        fc.integer({ min: 1, max: 320 }),
        (values, k) => {
          const a = Float64Array.from(values);
          const sorted = Float64Array.from(a).sort();
          // ±0 compare equal (the heap may keep either): the picks `rate ≥ threshold` are the same.
          expect(largest(a, k) === (sorted[Math.max(0, a.length - k)] as number)).toBe(true);
        },
      ),
    );
  });

  test('with many ties and a NaN (placed last, as the sort does)', () => {
    const ties = Float64Array.from({ length: 1000 }, (_, i) => i % 7);
    expect(largest(ties, 64)).toBe(Float64Array.from(ties).sort()[1000 - 64]);
    const withNaN = Float64Array.from([3, Number.NaN, 1, 2]);
    expect(largest(withNaN, 1)).toBeNaN();
    expect(largest(withNaN, 2)).toBe(3);
  });
});
