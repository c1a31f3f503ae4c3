import { describe, expect, it } from 'vitest';
import { estimate } from '../../src/engine/estimate.ts';
import { runSonication } from '../../src/engine/sonicate.ts';
import { lazySourceLayout } from '../../src/engine/source-layout.ts';
import { planningTraceRun, TRACED_BOWL_BEAMS } from '../../src/engine/trace-beams.ts';
import { PRESETS } from '../../src/physics/transducer.ts';
import { loadBundledCase } from '../fixtures/bundled-case.ts';

/*
 * The single-element research bowl in the app (issue: it gave 0.05 MPa and 37.0 °C at 50 W, "1 of 1 elements fire ·
 * aperture lost 100 %"): a bowl is one element whose ≈ 20 000 patches all fire together, traced through a sample.
 */
const femur = await loadBundledCase('femur-shaft');
const { meta } = femur.summary;
const bowl = PRESETS.singleElementBowl;
const pose = { target: meta.defaultTarget, direction: meta.defaultBeamDirection, distance: bowl.radiusOfCurvature };
// The app's mask has one entry per element of the spec: the bowl's one.
const elementsOn = Uint8Array.of(1);

describe('the single-element bowl preset on the femur case', () => {
  it(`fires every patch while tracing a sample of ${TRACED_BOWL_BEAMS} beams, with no aperture lost`, () => {
    const run = planningTraceRun(femur.state, { transducer: bowl, pose, elementsOn }, lazySourceLayout(bowl));
    expect(run.singleElement).toBe(true);
    expect(run.firing.length).toBeGreaterThan(10_000);
    expect(run.firing.every((f) => f === 1)).toBe(true);
    expect(run.trace.statuses.length).toBeGreaterThanOrEqual(TRACED_BOWL_BEAMS);
    expect(run.trace.statuses.length).toBeLessThan(2 * TRACED_BOWL_BEAMS);
    expect(run.trace.lostAperture).toBe(0);
    expect(run.trace.activeCount).toBe(run.trace.statuses.length);
  });

  it('switching its one element off switches the whole bowl off', () => {
    const run = planningTraceRun(
      femur.state,
      { transducer: bowl, pose, elementsOn: Uint8Array.of(0) },
      lazySourceLayout(bowl),
    );
    expect(run.firing.every((f) => f === 0)).toBe(true);
    expect(run.trace.lostAperture).toBe(1);
  });

  it('cannot steer: an electronic focus off its geometric focus is ignored', () => {
    const off: [number, number, number] = [pose.target[0] + 0.005, pose.target[1], pose.target[2]];
    const run = planningTraceRun(femur.state, { transducer: bowl, pose, focus: off }, lazySourceLayout(bowl));
    const steered = planningTraceRun(femur.state, { transducer: bowl, pose }, lazySourceLayout(bowl));
    expect(run.traced.paths).toEqual(steered.traced.paths);
  });

  it('at 50 W focuses megapascals and heats the lesion (estimate and full run agree within 15 %)', () => {
    const fast = estimate(femur.state, { transducer: bowl, pose, elementsOn, acousticPower: 50, duration: 20 });
    expect(fast.focalPressure).toBeGreaterThan(1e6);
    const full = runSonication(
      femur.state,
      {
        transducer: bowl,
        pose,
        elementsOn,
        acousticPower: 50,
        duration: 20,
        cooling: 0,
        region: { size: 0.02, spacing: 0.001 },
      },
      () => {},
    );
    expect(full.result.activeElements).toBeGreaterThan(10_000);
    const target = full.result.wholePath?.focusPressure as number;
    expect(target).toBeGreaterThan(1e6);
    expect(Math.abs(fast.focalPressure / target - 1)).toBeLessThan(0.15);
    expect(full.result.peakTemperature).toBeGreaterThan(45);
  });
});
