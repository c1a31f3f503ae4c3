import { describe, expect, it } from 'vitest';
import { traceBeamsForPlanning } from '../../src/engine/trace-beams.ts';
import { PRESETS } from '../../src/physics/transducer.ts';
import { sonicate } from '../../src/worker/ops/sonicate.ts';
import { loadBundledCase } from '../fixtures/bundled-case.ts';

// The op's encoding agrees with the engine's judgement (the judging itself is tested in tests/engine/planning.test.ts).
const transducer = PRESETS.clinicalBodyArray;
const N = transducer.elementCount;
const iliac = await loadBundledCase('iliac-wing');
const iliacPose = {
  target: iliac.summary.meta.defaultTarget,
  direction: iliac.summary.meta.defaultBeamDirection,
  distance: transducer.radiusOfCurvature,
};

describe('sonicate op judges its beams like the plan', () => {
  it('with the automatic rule on the iliac wing, the gas and critical beams do not fire', () => {
    const request = {
      transducer,
      pose: iliacPose,
      autoSwitchOff: true,
      acousticPower: 30,
      duration: 1,
      cooling: 0,
      region: { size: 0.01, spacing: 0.001 },
    };
    const trace = traceBeamsForPlanning(iliac.state, request);
    const outcome = sonicate(iliac.state, request, () => {});
    expect(trace.counts.gas + trace.counts.critical).toBeGreaterThan(0);
    expect(outcome.summary.activeElements).toBe(trace.activeCount);
    expect(outcome.summary.activeElements).toBe(N - trace.counts.gas - trace.counts.critical);
  });
});
