import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CASES, DEFAULT_CASE_ID } from '../../src/app/catalogue.ts';
import { DEFAULT_REGION, DEFAULT_SONICATION, DEFAULT_TRANSDUCER } from '../../src/app/defaults.ts';
import { readScenario } from '../../src/cli/scenario.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

describe('the femur example scenario is the app’s default sonication', () => {
  const scenario = readScenario(join(ROOT, 'public/scenarios/femur-shaft.json'));

  it('same case, transducer, power, timing and region as the app', () => {
    expect(DEFAULT_CASE_ID).toBe('femur-shaft');
    expect(CASES.map((c) => c.id)).toContain('femur-shaft');
    expect(scenario.input.medium).toEqual({ type: 'phantom', id: DEFAULT_CASE_ID });
    expect(scenario.transducer).toEqual(DEFAULT_TRANSDUCER);
    expect(scenario.drive).toEqual({ quantity: 'acousticPower', value: DEFAULT_SONICATION.acousticPower });
    expect(scenario.input.sonication).toEqual({
      duration: DEFAULT_SONICATION.duration,
      cooling: DEFAULT_SONICATION.cooling,
    });
    expect(scenario.input.grid).toEqual(DEFAULT_REGION);
    expect(scenario.input.target).toBeUndefined();
    expect(scenario.beamDirection).toBeUndefined();
  });
});
