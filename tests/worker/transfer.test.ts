import { describe, expect, it } from 'vitest';
import { PRESETS } from '../../src/physics/transducer.ts';
import { estimate, estimateTransfer } from '../../src/worker/ops/estimate.ts';
import { runPlan, runPlanTransfer } from '../../src/worker/ops/run-plan.ts';
import { sonicate, sonicateTransfer } from '../../src/worker/ops/sonicate.ts';
import { traceBeamsForPlanning, traceBeamsTransfer } from '../../src/worker/ops/trace-beams.ts';
import { loadBundledCase } from '../fixtures/bundled-case.ts';

// The ops' transfer lists: every typed array the app reads moves (detached here afterwards) and no buffer is listed
// twice (postMessage would throw a DataCloneError). structuredClone applies the same rules in Node.
const femur = await loadBundledCase('femur-shaft');
const { meta } = femur.summary;
const transducer = PRESETS.clinicalBodyArray;
const pose = { target: meta.defaultTarget, direction: meta.defaultBeamDirection, distance: 0.16 };
const probe: [number, number, number] = [meta.defaultTarget[0] + 0.003, meta.defaultTarget[1], meta.defaultTarget[2]];

function moves(outcome: object, transfer: ArrayBuffer[], arrays: ArrayBufferView[]): void {
  expect(new Set(transfer).size).toBe(transfer.length);
  structuredClone(outcome, { transfer });
  for (const a of arrays) expect(a.byteLength).toBe(0);
}

describe('the ops list the buffers they transfer', () => {
  it('sonicate: the voxel fields, the hottest-voxel history and the time-resolved results', () => {
    const request = {
      transducer,
      pose,
      acousticPower: 30,
      duration: 1,
      cooling: 0,
      region: { size: 0.006, spacing: 0.001 },
      results: { probes: [probe] },
    };
    const o = sonicate(femur.state, request, () => {});
    const { series, frames } = o;
    if (!series || !frames) throw new Error('no time-resolved results');
    const arrays = [o.maxTemperature, o.dose, o.pressure, o.heatSource, o.time, o.hottestTemperature];
    arrays.push(series.time, series.temperature, series.dose, frames.time, frames.temperature, frames.dose);
    moves(o, sonicateTransfer(o), arrays);
  });

  it('trace and estimate: positions, statuses and the firing mask', () => {
    const trace = traceBeamsForPlanning(femur.state, { transducer, pose });
    moves(trace, traceBeamsTransfer(trace), [trace.elementPositions, trace.statuses, trace.firing]);
    const e = estimate(femur.state, { transducer, pose, acousticPower: 30, duration: 10 });
    moves(e, estimateTransfer(e), [e.beams.elementPositions, e.beams.statuses, e.beams.firing]);
  });

  it('runPlan: the accumulated fields and histories', async () => {
    const spot = { id: 'a', focus: [...meta.defaultTarget] as [number, number, number], acousticPower: 30 };
    const plan = await runPlan(
      femur.state,
      { transducer, pose, spots: [{ ...spot, duration: 1, cooling: 0 }], spacing: 0.002 },
      () => {},
    );
    moves(plan, runPlanTransfer(plan), [plan.maxTemperature, plan.dose, plan.time, plan.peakTemperature]);
  });
});
