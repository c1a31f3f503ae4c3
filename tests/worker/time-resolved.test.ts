import { describe, expect, it } from 'vitest';
import { voxelCount } from '../../src/physics/grid.ts';
import { nearestVoxel } from '../../src/physics/time-resolved.ts';
import { PRESETS } from '../../src/physics/transducer.ts';
import { sonicate } from '../../src/worker/ops/sonicate.ts';
import type { SonicateRequest, SonicationOutcome } from '../../src/worker/protocol.ts';
import { loadBundledCase } from '../fixtures/bundled-case.ts';

type Vec3 = [number, number, number];

const femur = await loadBundledCase('femur-shaft');
const { meta } = femur.summary;
const transducer = PRESETS.clinicalBodyArray;
const pose = {
  target: meta.defaultTarget,
  direction: meta.defaultBeamDirection,
  distance: transducer.radiusOfCurvature,
};
const target = meta.defaultTarget as Vec3;
const mb = (bytes: number) => (bytes / 1e6).toFixed(1);

/** The app's default sonication (src/app/defaults.ts): 50 W, 20 s + 30 s, 40 mm region at 0.8 mm. */
const DEFAULT: SonicateRequest = {
  transducer,
  pose,
  acousticPower: 50,
  duration: 20,
  cooling: 30,
  region: { size: 0.04, spacing: 0.0008 },
};

function timed<T>(run: () => T): { value: T; ms: number } {
  const started = performance.now();
  const value = run();
  return { value, ms: performance.now() - started };
}

describe('time-resolved results from the worker ops (femur default)', () => {
  const without = timed(() => sonicate(femur.state, DEFAULT, () => {}));
  const hottest = without.value.summary.peakTemperatureLocation;
  const probe: Vec3 = [target[0] + 0.004, target[1], target[2]];
  const withResults = timed(() =>
    sonicate(
      femur.state,
      { ...DEFAULT, results: { probes: [hottest, probe], probeLabels: ['hottest', ''] } },
      () => {},
    ),
  );
  const outcome: SonicationOutcome = withResults.value;
  const series = outcome.series;
  const frames = outcome.frames;
  const voxels = voxelCount(outcome.grid);
  const steps = outcome.time.length;

  it('no results request: no series, no frames; results do not change the fields', () => {
    expect(without.value.series).toBeUndefined();
    expect(without.value.frames).toBeUndefined();
    expect('series' in without.value).toBe(false);
    expect(outcome.maxTemperature).toEqual(without.value.maxTemperature);
    expect(outcome.dose).toEqual(without.value.dose);
    const frameBytes = (frames?.temperature.byteLength ?? 0) + (frames?.dose.byteLength ?? 0);
    const seriesBytes = (series?.temperature.byteLength ?? 0) + (series?.dose.byteLength ?? 0);
    console.info(
      `femur default (${voxels} voxels, ${steps} steps): without results ${without.ms.toFixed(0)} ms, ` +
        `with ${withResults.ms.toFixed(0)} ms; frames ${frames?.time.length} = ${mb(frameBytes)} MB, ` +
        `series ${(seriesBytes / 1e3).toFixed(1)} kB`,
    );
  });

  it('series: focus first, default and given labels, every bioheat step', () => {
    if (!series) throw new Error('no series');
    expect(series.labels).toEqual(['focus', 'hottest', 'probe 2']);
    expect(series.points[0]).toEqual(target);
    expect(series.time).toEqual(outcome.time);
    expect(series.temperature.length).toBe(3 * steps);
    // The focus heats well above body temperature.
    expect(Math.max(...series.temperature.subarray(0, steps))).toBeGreaterThan(60);
  });

  it('series at the hottest voxel = the outcome’s hottest-voxel history (Float32)', () => {
    if (!series) throw new Error('no series');
    for (let s = 0; s < steps; s++) {
      expect(series.temperature[steps + s]).toBeCloseTo(outcome.hottestTemperature[s] as number, 4);
    }
  });

  it('dose series non-decreasing, last = dose field at the nearest voxel (1e-5)', () => {
    if (!series) throw new Error('no series');
    for (let p = 0; p < 3; p++) {
      for (let s = 1; s < steps; s++) {
        if ((series.dose[p * steps + s] as number) < (series.dose[p * steps + s - 1] as number)) {
          throw new Error(`dose decreases at point ${p}, step ${s}`);
        }
      }
      const v = nearestVoxel(outcome.grid, series.points[p] as Vec3);
      const last = series.dose[p * steps + steps - 1] as number;
      expect(Math.abs(last - (outcome.dose[v] as number))).toBeLessThanOrEqual(1e-5 * Math.max(1, last));
    }
    expect(series.dose[steps - 1] as number).toBeGreaterThan(240);
  });

  it('frames: 0, 2, …, 50 s; the last = the end of the run; none above maxTemperature', () => {
    if (!frames || !series) throw new Error('no frames');
    expect(frames.time.length).toBe(26);
    frames.time.forEach((t, f) => {
      expect(t).toBeCloseTo(2 * f, 9);
      expect(Array.from(outcome.time)).toContain(t);
    });
    const last = (frames.time.length - 1) * voxels;
    expect(frames.dose.subarray(last)).toEqual(outcome.dose);
    // The last frame is the final temperature: it matches the series' last value at every recorded point.
    for (let p = 0; p < 3; p++) {
      const v = nearestVoxel(outcome.grid, series.points[p] as Vec3);
      expect(frames.temperature[last + v]).toBe(series.temperature[p * steps + steps - 1]);
      expect(frames.temperature[v]).toBe(37);
    }
    let above = 0;
    for (let f = 0; f < frames.time.length; f++) {
      for (let v = 0; v < voxels; v++) {
        if ((frames.temperature[f * voxels + v] as number) > (outcome.maxTemperature[v] as number)) above++;
      }
    }
    expect(above).toBe(0);
  });
});
