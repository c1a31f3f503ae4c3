import { describe, expect, it } from 'vitest';
import type { PlanRequest } from '../../src/engine/requests.ts';
import { runPlan } from '../../src/engine/run-plan.ts';
import { voxelCount } from '../../src/physics/grid.ts';
import { nearestVoxel } from '../../src/physics/time-resolved.ts';
import { PRESETS } from '../../src/physics/transducer.ts';
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
