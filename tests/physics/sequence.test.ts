import { describe, expect, test } from 'vitest';
import { type SequenceInput, type SonicationSpot, simulateSequence } from '../../src/physics/sequence.ts';
import { simulateSonication } from '../../src/physics/sonication.ts';
import { ELEMENTS, R, SPEC, waterThenMusclePaths } from './clinical-array.ts';

const H = 0.5e-3;
const NX = 16;
const NZ = 32;
const PATHS = waterThenMusclePaths(0.03);

function region(overrides: Partial<SequenceInput> = {}): SequenceInput {
  const half = ((NX - 1) / 2) * H;
  return {
    elements: ELEMENTS,
    frequency: SPEC.frequency,
    grid: { nx: NX, ny: NX, nz: NZ, spacing: H, origin: [-half, -half, R - ((NZ - 1) / 2) * H] },
    labels: new Uint8Array(NX * NX * NZ),
    tissueTable: ['muscle'],
    // 0.2 s divides every duration below, so the step is the same in all runs.
    maxTimeStep: 0.2,
    ...overrides,
  };
}
const spot = (duration: number, cooling: number, acousticPower = 60): SonicationSpot => ({
  focus: [0, 0, R],
  elementPaths: PATHS,
  acousticPower,
  duration,
  cooling,
});

function worstRelative(a: ArrayLike<number>, b: ArrayLike<number>, floor: number): number {
  let worst = 0;
  for (let v = 0; v < a.length; v++) {
    const e = b[v] as number;
    worst = Math.max(worst, Math.abs((a[v] as number) - e) / Math.max(Math.abs(e), floor));
  }
  return worst;
}

describe('simulateSequence', () => {
  test('one spot = simulateSonication (fields equal, 1e-12)', () => {
    const base = region();
    const one = simulateSequence(base, [spot(4, 2)]);
    const single = simulateSonication({ ...base, ...spot(4, 2) });
    expect(worstRelative(one.maxTemperature, single.maxTemperature, 1)).toBeLessThan(1e-12);
    expect(worstRelative(one.dose, single.dose, 1e-12)).toBeLessThan(1e-12);
    expect(one.peakTemperature).toBeCloseTo(single.peakTemperature, 10);
    expect(one.spots[0]?.peakPressure).toBe(single.peakPressure);
    expect(one.lesionCoverage).toBe(single.lesionCoverage);
    expect(one.time.length).toBe(single.time.length);
    expect(one.peakTemperatureHistory.at(-1)).toBeLessThan(one.peakTemperature);
  });

  test('two 4-s spots with 0 s between = one 8-s sonication (dose and max T, 1e-9 relative)', () => {
    const base = region();
    const pair = simulateSequence(base, [spot(4, 0), spot(4, 0)]);
    const long = simulateSonication({ ...base, ...spot(8, 0) });
    const doseError = worstRelative(pair.dose, long.dose, 1e-6);
    const tError = worstRelative(pair.maxTemperature, long.maxTemperature, 1);
    console.info(
      `sequence 4+4 s vs 8 s: dose ${doseError.toExponential(1)}, max T ${tError.toExponential(1)} relative`,
    );
    expect(doseError).toBeLessThan(1e-9);
    expect(tError).toBeLessThan(1e-9);
    expect(Math.abs(pair.peakDose / long.peakDose - 1)).toBeLessThan(1e-9);
    expect(pair.spots[1]?.startTime).toBe(4);
    expect(pair.spots[1]?.startTemperature).toBeGreaterThan(40);
    expect(pair.energy).toBe(long.energy);
    expect(pair.time.at(-1)).toBeCloseTo(8, 12);
  });

  test('120 s cooling between: spot 2 peaks within its residual ΔT of a single spot, doses add within 4^δ', () => {
    const base = region();
    const single = simulateSonication({ ...base, ...spot(4, 120) });
    const pair = simulateSequence(base, [spot(4, 120), spot(4, 120)]);
    const second = pair.spots[1];
    if (!second) throw new Error('missing spot');
    // Pennes is linear with constant properties: during spot 2, ΔT = ΔT_single(t − t2) + the free decay of the
    // residual field, which (discrete maximum principle, FTCS within its positivity bound) stays in [0, δ],
    // δ = the residual max rise when spot 2 starts.
    const delta = second.startTemperature - 37;
    const excess = second.peakTemperature - single.peakTemperature;
    console.info(
      `sequence after 120 s: residual δ ${delta.toFixed(4)} K, peak 2 − peak 1 ${excess.toFixed(4)} K, ` +
        `dose ${pair.peakDose.toFixed(2)} vs 2 × ${single.peakDose.toFixed(2)} min ` +
        `(${((pair.peakDose / (2 * single.peakDose) - 1) * 100).toFixed(2)} %)`,
    );
    expect(delta).toBeLessThan(0.5);
    expect(excess).toBeGreaterThanOrEqual(-1e-9);
    expect(excess).toBeLessThanOrEqual(delta + 1e-9);
    // Dose rate R^(43−T) grows by at most 4× per kelvin (R = 0.25 below 43 °C), so per voxel
    // 2 D_single ≤ D_pair ≤ (1 + 4^δ) D_single; + 0.01 min absolute for the < 39 °C skip in accumulateDose
    // (< 0.004 CEM43/min over 4 min), and 1e-6 relative for the Float32 fields.
    for (let v = 0; v < pair.dose.length; v++) {
      const d = single.dose[v] as number;
      const p = pair.dose[v] as number;
      expect(p).toBeGreaterThanOrEqual(2 * d * (1 - 1e-6) - 1e-12);
      expect(p).toBeLessThanOrEqual((1 + 4 ** delta) * d * (1 + 1e-6) + 0.01);
    }
    expect(pair.ablationVolume).toBeGreaterThanOrEqual(single.ablationVolume);
  });

  test('the heat budget is kept only when asked (it costs a pass over the voxels per step)', () => {
    expect(simulateSequence(region(), [spot(1, 1)]).heatBudget).toBeUndefined();
  });

  test('energy: deposited = stored + perfusion loss (insulated) or + boundary loss (Dirichlet), 1e-10', () => {
    for (const boundary of ['insulated', 'dirichlet'] as const) {
      const run = simulateSequence({ ...region({ boundary }), heatBudget: true }, [spot(3, 5), spot(2, 4, 80)]);
      const b = run.heatBudget as NonNullable<typeof run.heatBudget>;
      const residual = Math.abs(b.deposited - b.stored - b.perfusionLoss - b.boundaryLoss) / b.deposited;
      console.info(
        `heat budget (${boundary}): deposited ${b.deposited.toFixed(4)} J, stored ${b.stored.toFixed(4)}, ` +
          `perfusion ${b.perfusionLoss.toFixed(4)}, boundary ${b.boundaryLoss.toFixed(4)}; residual ${residual.toExponential(1)}`,
      );
      expect(residual).toBeLessThan(1e-10);
      if (boundary === 'insulated') expect(b.boundaryLoss).toBe(0);
      else expect(b.boundaryLoss).toBeGreaterThan(0);
    }
  });

  test('deposited heat = Σ q V × duration of each spot (Float32 q, 1e-6)', () => {
    const run = simulateSequence({ ...region(), heatBudget: true }, [spot(3, 1), spot(2, 1, 80)]);
    let expected = 0;
    for (const [duration, power] of [
      [3, 60],
      [2, 80],
    ] as const) {
      const s = simulateSonication({ ...region(), ...spot(duration, 0, power) });
      expected += s.heatSource.reduce((sum, q) => sum + q, 0) * H ** 3 * duration;
    }
    expect(Math.abs((run.heatBudget?.deposited as number) / expected - 1)).toBeLessThan(1e-6);
  });
});
