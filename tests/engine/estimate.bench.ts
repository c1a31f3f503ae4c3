import { bench, describe } from 'vitest';
import { estimate } from '../../src/engine/estimate.ts';
import { traceBeamsForPlanning } from '../../src/engine/trace-beams.ts';
import { PRESETS } from '../../src/physics/transducer.ts';
import { loadBundledCase } from '../fixtures/bundled-case.ts';

// The live estimate must answer within ≈ 50 ms while the user drags (208-element array, 2-core machine).
// Measured by `npm run bench`, not asserted in a test.
const transducer = PRESETS.clinicalBodyArray;
const cases = {
  femur: await loadBundledCase('femur-shaft'),
  iliac: await loadBundledCase('iliac-wing'),
};

for (const [name, c] of Object.entries(cases)) {
  const { meta } = c.summary;
  const pose = { target: meta.defaultTarget, direction: meta.defaultBeamDirection, distance: 0.16 };
  const noPass = [{ id: 'np', kind: 'sphere' as const, centre: meta.defaultTarget, size: 0.001 }];
  describe(`${name}, 208 elements`, () => {
    bench('planning trace only', () => {
      traceBeamsForPlanning(c.state, { transducer, pose, noPass, autoSwitchOff: true });
    });
    bench('estimate (trace + focal Rayleigh + Gaussian ΔT + steering loss)', () => {
      estimate(c.state, { transducer, pose, noPass, autoSwitchOff: true, acousticPower: 50, duration: 20 });
    });
  });
}
