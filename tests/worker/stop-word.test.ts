import { describe, expect, it } from 'vitest';
import { forgetKeptSonication } from '../../src/engine/acoustics-reuse.ts';
import { forgetPlanFields } from '../../src/engine/plan-fields.ts';
import { SonicationCancelled } from '../../src/physics/acoustic-field.ts';
import type { SonicationProgress } from '../../src/physics/snapshot.ts';
import { PRESETS } from '../../src/physics/transducer.ts';
import { runPlan } from '../../src/worker/ops/run-plan.ts';
import { sonicate } from '../../src/worker/ops/sonicate.ts';
import type { PlanRequest } from '../../src/worker/plan-protocol.ts';
import { isStopped, raiseStop, stoppable } from '../../src/worker/stop-word.ts';
import { loadBundledCase, sonicationAtDefaults } from '../fixtures/bundled-case.ts';

// Where the page shares memory with its workers, a cancel stops the engine in the worker instead of ending the
// worker: the engine reads the stop word at its progress reports. A worker lives on after a stopped run, so the run
// must leave nothing half-made behind: the next run computes what a fresh worker would.

const femur = await loadBundledCase('femur-shaft');
const request = sonicationAtDefaults(femur.summary.meta, PRESETS.clinicalBodyArray, {
  acousticPower: 40,
  duration: 4,
  cooling: 2,
  region: { size: 0.02, spacing: 0.001 },
});

/** A progress callback that raises the stop word at its `at`-th report whose fraction is at least `from`. */
function stopAt(word: Int32Array, ticket: number, from: number): { report: SonicationProgress; reports: number[] } {
  const reports: number[] = [];
  return {
    reports,
    report: (fraction) => {
      reports.push(fraction);
      if (fraction >= from) raiseStop(word, ticket);
    },
  };
}

describe('the stop word', () => {
  it('stops every call numbered up to the raised ticket, and none after it', () => {
    const word = new Int32Array(new SharedArrayBuffer(4));
    expect(isStopped(word, 1)).toBe(false);
    raiseStop(word, 3);
    expect([1, 2, 3, 4].map((ticket) => isStopped(word, ticket))).toEqual([true, true, true, false]);
    // Without a word or a ticket the reports pass as they are.
    const calls: number[] = [];
    stoppable((f: number) => calls.push(f), undefined, 1)(0.5);
    stoppable((f: number) => calls.push(f), word, undefined)(0.6);
    expect(calls).toEqual([0.5, 0.6]);
    expect(() => stoppable((f: number) => calls.push(f), word, 2)(0.7)).toThrow(SonicationCancelled);
    expect(calls).toEqual([0.5, 0.6]);
  });

  // Stopped in the march (its field half made) and in the heat (its field kept, its heat half made).
  it.each([
    ['in the march', 0.06],
    ['in the heat', 0.6],
  ])('stops a femur sonication %s, and the next sonication equals a fresh worker’s, voxel for voxel', (_, from) => {
    forgetKeptSonication(femur.state);
    const fresh = sonicate(femur.state, request, () => {});
    forgetKeptSonication(femur.state);
    const word = new Int32Array(new SharedArrayBuffer(4));
    const { report, reports } = stopAt(word, 1, from);
    expect(() => sonicate(femur.state, request, stoppable(report, word, 1))).toThrow(SonicationCancelled);
    // It ended at the report after the stop was raised: nothing ran to its end.
    expect(reports.at(-1)).toBeLessThan(1);
    expect(reports.filter((f) => f >= from).length).toBe(1);
    const after = sonicate(
      femur.state,
      request,
      stoppable(() => {}, word, 2),
    );
    expect(after.summary.peakTemperature).toBe(fresh.summary.peakTemperature);
    expect(after.summary.peakPressure).toBe(fresh.summary.peakPressure);
    expect(after.maxTemperature).toEqual(fresh.maxTemperature);
    expect(after.dose).toEqual(fresh.dose);
    expect(after.pressure).toEqual(fresh.pressure);
  });

  it('stops a plan in its second spot, and the same plan then gives what a fresh worker gives', async () => {
    const { meta } = femur.summary;
    const transducer = PRESETS.clinicalBodyArray;
    const plan: PlanRequest = {
      transducer,
      pose: {
        target: meta.defaultTarget,
        direction: meta.defaultBeamDirection,
        distance: transducer.radiusOfCurvature,
      },
      spacing: 0.001,
      spots: [0, 0.003].map((dz, i) => ({
        id: `s${i}`,
        focus: [meta.defaultTarget[0], meta.defaultTarget[1], meta.defaultTarget[2] + dz],
        acousticPower: 40,
        duration: 4,
        cooling: 2,
      })),
    };
    forgetPlanFields(femur.state);
    const fresh = await runPlan(femur.state, plan, () => {});
    forgetPlanFields(femur.state);
    const word = new Int32Array(new SharedArrayBuffer(4));
    const { report, reports } = stopAt(word, 1, 0.6);
    await expect(runPlan(femur.state, plan, stoppable(report, word, 1))).rejects.toThrow(SonicationCancelled);
    expect(reports.at(-1)).toBeLessThan(1);
    const after = await runPlan(
      femur.state,
      plan,
      stoppable(() => {}, word, 2),
    );
    expect(after.spots.map((s) => s.summary?.peakTemperature)).toEqual(
      fresh.spots.map((s) => s.summary?.peakTemperature),
    );
    expect(after.maxTemperature).toEqual(fresh.maxTemperature);
    expect(after.dose).toEqual(fresh.dose);
  });
});
