import { describe, expect, test } from 'vitest';
import { type SequenceInput, type SonicationSpot, simulateSequence } from '../../src/physics/sequence.ts';
import { simulateSonication } from '../../src/physics/sonication.ts';
import { nearestVoxel, selectFrameSteps } from '../../src/physics/time-resolved.ts';
import { ELEMENTS, R, SPEC, waterThenMusclePaths } from './clinical-array.ts';

type Vec3 = [number, number, number];

const H = 0.5e-3;
const NX = 12;
const NZ = 24;
const PATHS = waterThenMusclePaths(0.03);
const HALF = ((NX - 1) / 2) * H;
const GRID = { nx: NX, ny: NX, nz: NZ, spacing: H, origin: [-HALF, -HALF, R - ((NZ - 1) / 2) * H] as Vec3 };
const VOXELS = NX * NX * NZ;

function region(overrides: Partial<SequenceInput> = {}): SequenceInput {
  return {
    elements: ELEMENTS,
    frequency: SPEC.frequency,
    grid: GRID,
    labels: new Uint8Array(VOXELS),
    tissueTable: ['muscle'],
    maxTimeStep: 0.2,
    ...overrides,
  };
}
const FOCUS: Vec3 = [0, 0, R];
const spot = (duration: number, cooling: number, focus: Vec3 = FOCUS): SonicationSpot => ({
  focus,
  elementPaths: PATHS,
  acousticPower: 80,
  duration,
  cooling,
});
const PROBE: Vec3 = [1e-3, 0, R + 2e-3];
const OUTSIDE: Vec3 = [0.05, 0, R];

describe('time-resolved recording (physics)', () => {
  const plain = simulateSonication({ ...region(), ...spot(3, 2.2) });
  const recorded = simulateSonication({
    ...region(),
    ...spot(3, 2.2),
    record: {
      points: [FOCUS, PROBE, plain.peakTemperatureLocation, OUTSIDE],
      labels: ['focus', 'probe', 'hottest', 'outside'],
      frameInterval: 1,
    },
  });
  const steps = recorded.time.length;

  test('recording changes none of the run’s fields; no request, no series or frames', () => {
    expect(plain.series).toBeUndefined();
    expect(plain.frames).toBeUndefined();
    expect(recorded.maxTemperature).toEqual(plain.maxTemperature);
    expect(recorded.dose).toEqual(plain.dose);
    expect(recorded.hottestTemperature).toEqual(plain.hottestTemperature);
  });

  test('series: every step; the hottest-voxel row equals the existing hottest history (Float32)', () => {
    const series = recorded.series;
    if (!series) throw new Error('no series');
    expect(series.time).toEqual(recorded.time);
    expect(series.labels).toEqual(['focus', 'probe', 'hottest', 'outside']);
    expect(series.temperature.length).toBe(4 * steps);
    for (let s = 0; s < steps; s++) {
      expect(series.temperature[2 * steps + s]).toBeCloseTo(recorded.hottestTemperature[s] as number, 4);
    }
    // Points outside the region read NaN.
    expect(Number.isNaN(series.temperature[3 * steps])).toBe(true);
    expect(Number.isNaN(series.dose[4 * steps - 1])).toBe(true);
  });

  test('dose series non-decreasing; last = the dose field at the nearest voxel', () => {
    const series = recorded.series;
    if (!series) throw new Error('no series');
    for (let p = 0; p < 3; p++) {
      for (let s = 1; s < steps; s++) {
        expect(series.dose[p * steps + s] as number).toBeGreaterThanOrEqual(series.dose[p * steps + s - 1] as number);
      }
      const v = nearestVoxel(GRID, series.points[p] as Vec3);
      const last = series.dose[p * steps + steps - 1] as number;
      expect(Math.abs(last - (recorded.dose[v] as number))).toBeLessThanOrEqual(1e-5 * Math.max(1, last));
      expect(series.temperature[p * steps + steps - 1]).toBe(recorded.finalTemperature[v]);
    }
    expect(series.dose[steps - 1] as number).toBeGreaterThan(0);
  });

  test('frames: first, every 1 s, last; the last frame = the final temperature and the dose field', () => {
    const frames = recorded.frames;
    if (!frames) throw new Error('no frames');
    // 3 s heating at 0.2 s, 2.2 s cooling at 0.2 s: t = 0, 1, 2, 3, 4, 5, then the last step at 5.2 s.
    expect(Array.from(frames.time)).toEqual([0, 1, 2, 3, 4, 5, 5.2].map((t) => expect.closeTo(t, 9)));
    for (const t of frames.time) expect(Array.from(recorded.time)).toContain(t);
    const n = frames.time.length;
    expect(frames.temperature.length).toBe(n * VOXELS);
    const last = frames.temperature.subarray((n - 1) * VOXELS);
    expect(last).toEqual(recorded.finalTemperature);
    expect(frames.dose.subarray((n - 1) * VOXELS)).toEqual(recorded.dose);
    expect(frames.temperature.subarray(0, VOXELS).every((t) => t === 37)).toBe(true);
    for (let f = 0; f < n; f++) {
      for (let v = 0; v < VOXELS; v++) {
        if ((frames.temperature[f * VOXELS + v] as number) > (recorded.maxTemperature[v] as number)) {
          throw new Error(`frame ${f} voxel ${v} above the max temperature`);
        }
      }
    }
  });

  test('frame selection: step 0, first step at or after each multiple, last; cap doubles the interval', () => {
    const times = Float64Array.from([0, 0.7, 1.4, 2.1, 2.8, 3.5]);
    expect(Array.from(selectFrameSteps(times, 1))).toEqual([0, 2, 3, 5]);
    expect(Array.from(selectFrameSteps(Float64Array.of(0), 2))).toEqual([0]);
    expect(() => selectFrameSteps(times, 0)).toThrow(RangeError);
    const capped = simulateSonication({
      ...region(),
      ...spot(3, 2.2),
      record: { points: [FOCUS], labels: ['focus'], frameInterval: 0.2, maxFrameBytes: 10 * VOXELS * 8 },
    });
    expect(capped.frames?.time.length).toBeLessThanOrEqual(10);
  });

  test('sequence: series over the whole timeline; last frame = finalTemperature; two spots’ doses add', () => {
    const other: Vec3 = [2e-3, 0, R];
    const run = simulateSequence(
      {
        ...region(),
        record: { points: [FOCUS, other], labels: ['focus', 'spot 2'], frameInterval: 2 },
      },
      [spot(2, 1), spot(2, 1.4, other)],
    );
    const series = run.series;
    const frames = run.frames;
    if (!series || !frames) throw new Error('nothing recorded');
    expect(series.time).toEqual(run.time);
    expect(series.time.at(-1)).toBeCloseTo(6.4, 9);
    const steps = run.time.length;
    for (let p = 0; p < 2; p++) {
      for (let s = 1; s < steps; s++) {
        expect(series.dose[p * steps + s] as number).toBeGreaterThanOrEqual(series.dose[p * steps + s - 1] as number);
      }
      const v = nearestVoxel(GRID, series.points[p] as Vec3);
      expect(series.dose[p * steps + steps - 1]).toBe(run.dose[v]);
    }
    expect(Array.from(frames.time)).toEqual([0, 2, 4, 6, 6.4].map((t) => expect.closeTo(t, 9)));
    expect(frames.temperature.subarray((frames.time.length - 1) * VOXELS)).toEqual(run.finalTemperature);
    const bare = simulateSequence(region(), [spot(2, 1), spot(2, 1.4, other)]);
    expect(bare.series).toBeUndefined();
    expect(bare.dose).toEqual(run.dose);
  });
});
