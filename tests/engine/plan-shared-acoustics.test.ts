import { describe, expect, it } from 'vitest';
import type { PlanSpotRequest } from '../../src/engine/requests.ts';
import { planAcoustics, preparePlan, runPlan } from '../../src/engine/run-plan.ts';
import { PRESETS } from '../../src/physics/transducer.ts';
import { loadBundledCase } from '../fixtures/bundled-case.ts';

// A pool of workers shares a plan's spots out: each computes some spots' acoustics (planAcoustics) and the one that
// runs the plan takes them (runPlan's `precomputed`). The answer must not depend on where a spot was computed.

const femur = await loadBundledCase('femur-shaft');
const transducer = PRESETS.clinicalBodyArray;
const meta = femur.summary.meta;
const pose = {
  target: meta.defaultTarget,
  direction: meta.defaultBeamDirection,
  distance: transducer.radiusOfCurvature,
};
const spots: PlanSpotRequest[] = [-0.003, 0, 0.003].map((dz, i) => ({
  id: `s${i}`,
  focus: [meta.defaultTarget[0], meta.defaultTarget[1], meta.defaultTarget[2] + dz],
  acousticPower: 40,
  duration: 6,
  cooling: 4,
}));
const request = { transducer, pose, spacing: 0.001, spots };

describe('a plan whose spot acoustics were computed elsewhere', () => {
  const alone = runPlan(femur.state, request, () => {});
  // Two "workers", each with its own preparation, as separate workers would have.
  const first = planAcoustics(femur.state, request, ['s0'], () => {});
  const rest = planAcoustics(femur.state, request, ['s1', 's2'], () => {});
  const shared = runPlan(femur.state, request, () => {}, {
    prepared: preparePlan(femur.state, request),
    precomputed: { ...first, ...rest },
  });

  it('gives each worker exactly the spots it was asked for', () => {
    expect(Object.keys(first)).toEqual(['s0']);
    expect(Object.keys(rest)).toEqual(['s1', 's2']);
  });

  it('equals the plan computed in one place, voxel for voxel', () => {
    expect(shared.dose).toEqual(alone.dose);
    expect(shared.maxTemperature).toEqual(alone.maxTemperature);
    expect(shared.spots.map((s) => s.summary)).toEqual(alone.spots.map((s) => s.summary));
  });
});
