import { describe, expect, it } from 'vitest';
import { voxelCount } from '../../src/physics/grid.ts';
import { nearestVoxel } from '../../src/physics/time-resolved.ts';
import { PRESETS } from '../../src/physics/transducer.ts';
import { runPlan } from '../../src/worker/ops/run-plan.ts';
import { sonicate } from '../../src/worker/ops/sonicate.ts';
import type { PlanRequest } from '../../src/worker/plan-protocol.ts';
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
  const without = timed(() => sonicate(femur.state, DEFAULT, () => {}, 'node'));
  const hottest = without.value.summary.peakTemperatureLocation;
  const probe: Vec3 = [target[0] + 0.004, target[1], target[2]];
  const withResults = timed(() =>
    sonicate(
      femur.state,
      { ...DEFAULT, results: { probes: [hottest, probe], probeLabels: ['hottest', ''] } },
      () => {},
      'node',
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

describe('time-resolved results of a plan', () => {
  const side: Vec3 = meta.defaultBeamDirection[0] === 0 ? [1, 0, 0] : [0, 0, 1];
  const second = target.map((x, a) => x + 0.004 * (side[a] as number)) as Vec3;
  const request: PlanRequest = {
    transducer,
    pose,
    spots: [
      { id: 'a', focus: target, acousticPower: 50, duration: 6, cooling: 4 },
      { id: 'b', focus: second, acousticPower: 50, duration: 6, cooling: 5 },
    ],
    spacing: 0.0015,
  };
  const plain = runPlan(femur.state, request, () => {});
  const plan = runPlan(femur.state, { ...request, results: { frameInterval: 5, spotFoci: true } }, () => {});

  it('no results request: no series or frames', () => {
    expect(plain.series).toBeUndefined();
    expect(plain.frames).toBeUndefined();
  });

  it('the series spans the whole plan (spots and cooling); frames every 5 s and at the end', () => {
    const { series, frames } = plan;
    if (!series || !frames) throw new Error('nothing recorded');
    expect(series.labels).toEqual(['focus', 'spot b']);
    expect(series.points).toEqual([target, second]);
    expect(series.time).toEqual(plan.time);
    expect(series.time[0]).toBe(0);
    expect(series.time.at(-1)).toBeCloseTo(21, 9);
    expect(Array.from(frames.time)).toEqual([0, 5, 10, 15, 20, 21].map((t) => expect.closeTo(t, 9)));
    const steps = series.time.length;
    const voxels = voxelCount(plan.grid);
    for (let p = 0; p < 2; p++) {
      const v = nearestVoxel(plan.grid, series.points[p] as Vec3);
      expect(series.dose[p * steps + steps - 1]).toBe(plan.dose[v]);
      for (let s = 1; s < steps; s++) {
        expect(series.dose[p * steps + s] as number).toBeGreaterThanOrEqual(series.dose[p * steps + s - 1] as number);
      }
    }
    expect(frames.dose.subarray((frames.time.length - 1) * voxels)).toEqual(plan.dose);
    // The second spot's focus heats during the second spot (starts at 10 s).
    const b = series.temperature.subarray(steps, 2 * steps);
    const startB = series.time.findIndex((t) => t >= 10);
    expect(Math.max(...b.subarray(startB))).toBeGreaterThan(Math.max(...b.subarray(0, startB)) + 5);
  });
});
