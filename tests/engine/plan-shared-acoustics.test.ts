import { describe, expect, it } from 'vitest';
import { forgetPlanFields, planFields } from '../../src/engine/plan-fields.ts';
import type { PlanSpotRequest } from '../../src/engine/requests.ts';
import { planAcoustics, preparePlan, runPlan } from '../../src/engine/run-plan.ts';
import { simulateSequence } from '../../src/physics/sequence.ts';
import type { HeatSnapshot } from '../../src/physics/snapshot.ts';
import { TISSUES } from '../../src/physics/tissues.ts';
import { PRESETS } from '../../src/physics/transducer.ts';
import { runCoarse } from '../../src/physics/whole-path/coarse-run.ts';
import {
  sequenceAcoustics,
  sequenceCoarseGrid,
  simulateWholePathSequence,
} from '../../src/physics/whole-path/sequence.ts';
import { coarseSchedule } from '../../src/physics/whole-path/sonication.ts';
import type { SpotAcoustics } from '../../src/physics/whole-path/spot-acoustics.ts';
import { spotAcousticsTransfer } from '../../src/worker/transfer.ts';
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
  // Two "workers", each with its own preparation and nothing kept from a plan before, as separate workers would have.
  forgetPlanFields(femur.state);
  const first = planAcoustics(femur.state, request, ['s0'], () => {});
  forgetPlanFields(femur.state);
  const rest = planAcoustics(femur.state, request, ['s1', 's2'], () => {});
  forgetPlanFields(femur.state);
  const heat: HeatSnapshot[] = [];
  const fractions: number[] = [];
  const shared = runPlan(
    femur.state,
    request,
    (fraction, snapshot) => {
      fractions.push(fraction);
      if (snapshot?.stage === 'heat') heat.push(snapshot);
    },
    { prepared: preparePlan(femur.state, request), precomputed: { ...first, ...rest } },
  );

  it('gives each worker exactly the spots it was asked for', () => {
    expect(Object.keys(first)).toEqual(['s0']);
    expect(Object.keys(rest)).toEqual(['s1', 's2']);
  });

  it('tells, while it heats, which spot of the list heats and its hottest temperature, ending at its summary’s', () => {
    expect(new Set(heat.map((h) => h.spot?.count))).toEqual(new Set([3]));
    expect([...new Set(heat.map((h) => h.spot?.index))]).toEqual([0, 1, 2]);
    shared.spots.forEach((spot, index) => {
      const own = heat.filter((h) => h.spot?.index === index);
      expect(own.length).toBeGreaterThan(5);
      expect(own.every((h) => h.time >= 0 && h.time <= 6 + 4 + 1e-9)).toBe(true);
      expect(own.every((h, i) => i === 0 || h.peakTemperature >= (own[i - 1] as HeatSnapshot).peakTemperature)).toBe(
        true,
      );
      expect(own.at(-1)?.peakTemperature).toBeCloseTo(spot.summary.peakTemperature, 9);
    });
  });

  it('with every field given, counts each spot’s field as done when it is given, and never goes back', () => {
    const steps = fractions.slice(1).map((f, i) => f - (fractions[i] as number));
    expect(Math.min(...steps)).toBeGreaterThanOrEqual(0);
    // A spot's field is 60 % of its third of the 95 % after the preparation: no step is larger than that.
    expect(Math.max(...steps)).toBeLessThanOrEqual((0.95 * 0.6) / 3 + 1e-9);
    expect(Math.max(...steps)).toBeGreaterThan((0.95 * 0.6) / 3 - 1e-9);
    expect(fractions.at(-1)).toBe(1);
  });

  it('equals the plan computed in one place, voxel for voxel', () => {
    expect(shared.dose).toEqual(alone.dose);
    expect(shared.maxTemperature).toEqual(alone.maxTemperature);
    expect(shared.spots.map((s) => s.summary)).toEqual(alone.spots.map((s) => s.summary));
  });
});

describe('a plan run again with other powers and times', () => {
  // Four times every power: the rescaled fields equal fresh marches bit for bit (doubling is exact), so the second
  // run must equal a plan marched afresh at those powers.
  const stronger = { ...request, spots: spots.map((s) => ({ ...s, acousticPower: 4 * s.acousticPower, cooling: 2 })) };
  forgetPlanFields(femur.state);
  // A pool's worker computes its spots, keeps them and transfers what it hands over (emptying those buffers here).
  const handed = planAcoustics(femur.state, request, ['s0', 's1', 's2'], () => {});
  const buffers = spotAcousticsTransfer(handed);
  structuredClone(buffers, { transfer: buffers });
  runPlan(femur.state, request, () => {});
  const kept = planFields(femur.state, stronger);
  const keptEverySpot = spots.every((s) => kept.get(stronger.spots.find((t) => t.id === s.id) ?? s) !== undefined);
  const again = runPlan(femur.state, stronger, () => {});
  forgetPlanFields(femur.state);
  const fresh = runPlan(femur.state, stronger, () => {});

  it('keeps every spot’s field from the first run, for the same foci and beams', () => {
    expect(keptEverySpot).toBe(true);
  });

  it('equals a plan that marched every field afresh', () => {
    expect(again.dose).toEqual(fresh.dose);
    expect(again.maxTemperature).toEqual(fresh.maxTemperature);
    expect(again.spots.map((s) => s.summary)).toEqual(fresh.spots.map((s) => s.summary));
  });

  it('keeps nothing for a plan whose foci moved', () => {
    const moved = {
      ...request,
      spots: spots.map((s) => ({ ...s, focus: [s.focus[0], s.focus[1], s.focus[2] + 1e-3] })),
    };
    expect(planFields(femur.state, moved as typeof request).get(moved.spots[0] as PlanSpotRequest)).toBeUndefined();
  });
});

describe('a plan heated spot by spot as its fields come', () => {
  // The plan's pipeline (WholePathSequence) runs each spot's coarse period, then the fine heat of the spot before:
  // the fine run reads the coarse ghost faces only up to its own time, so this must equal, to the bit, the whole
  // coarse run first and the fine run after it (the order before the pipeline), composed here from the same parts.
  const prepared = preparePlan(femur.state, request);
  const setup = prepared.setup;
  if (!setup) throw new Error('the femur plan runs on the whole path');
  const input = { ...prepared.input, couplingTissue: setup.coupling, wholePath: setup.wholePath };
  const coarse = sequenceCoarseGrid(input);
  const indices = prepared.spots.map((_, s) => s);
  const acoustics = sequenceAcoustics(input, prepared.spots, indices, coarse);
  const piped = simulateWholePathSequence(input, prepared.spots, acoustics);
  const coarseRun = runCoarse(
    coarse,
    prepared.spots.map((spot, s) => ({
      heat: (acoustics[s] as SpotAcoustics).coarseHeat,
      schedule: coarseSchedule(coarse, spot.duration, spot.cooling),
    })),
    {
      grid: input.grid,
      labels: input.labels,
      tissueTable: input.tissueTable,
      medium: input.medium ?? TISSUES,
      frame: setup.wholePath.frame,
      ...(input.thermalMedium ? { conductivity: input.thermalMedium.conductivity } : {}),
    },
    () => {},
    () => {},
    input.bioheatKernels,
  );
  const whole = simulateSequence(
    {
      ...input,
      fieldOf: (s) => (acoustics[s] as SpotAcoustics).fine,
      boundaryDriver: coarseRun.ghosts.driver(input.grid),
    },
    prepared.spots,
  );

  it('equals the whole coarse run first, then the fine run, voxel for voxel', () => {
    expect(piped.maxTemperature).toEqual(whole.maxTemperature);
    expect(piped.dose).toEqual(whole.dose);
    expect(piped.spots.map((s) => s.peakTemperature)).toEqual(whole.spots.map((s) => s.peakTemperature));
  });
});
