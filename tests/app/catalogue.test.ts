import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CASE_INFO, CASES } from '../../src/app/catalogue.ts';
import { DEFAULT_SONICATION } from '../../src/app/defaults.ts';

interface Scenario {
  drive: { acousticPower: number };
  sonication: { duration: number; cooling: number };
}

const scenario = (id: string): Scenario =>
  JSON.parse(readFileSync(new URL(`../../public/scenarios/${id}.json`, import.meta.url), 'utf8')) as Scenario;

describe('each case opens with its own sonication', () => {
  it('every bundled case has one, and words for its axes', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(4);
    for (const c of CASES) {
      expect(c.info.sonication, c.id).toBeDefined();
      expect(c.info.axisWords, c.id).toBeDefined();
    }
  });

  it('that of its example scenario, so `npm run simulate` on it gives what the app shows', () => {
    for (const id of Object.keys(CASE_INFO)) {
      const s = scenario(id);
      expect(CASE_INFO[id]?.sonication, id).toEqual({
        acousticPower: s.drive.acousticPower,
        duration: s.sonication.duration,
        cooling: s.sonication.cooling,
      });
    }
    expect(CASE_INFO['femur-shaft']?.sonication).toEqual({ ...DEFAULT_SONICATION });
    // The bone plate in water: a few watts, not the thigh's 50 W (684 °C).
    expect(CASE_INFO['bone-plate-validation']?.sonication?.acousticPower).toBeLessThan(10);
  });
});
