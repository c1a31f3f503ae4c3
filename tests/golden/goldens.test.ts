import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/cli/run.ts';
import { readScenario } from '../../src/cli/scenario.ts';
import { GOLDEN_SCENARIOS, type Headline, headlineOf } from './headline.ts';

/*
 * Golden numbers: every headline figure of every example scenario (one per bundled case, the bowl in water and a
 * layered path) is pinned. The core is deterministic, so any change of a model, a tissue value or a default shows
 * here as a failure naming the number; when the change is deliberate, `npm run golden` rewrites the files and the
 * diff is reviewed with the change. Tolerance: 1e-6 relative (1e-9 absolute for numbers near zero), far below any
 * physical change (a 1 % change of cortical attenuation moves the bone figures by ≈ 1e-2).
 */
const root = new URL('../../', import.meta.url);

describe('golden numbers of the example scenarios (npm run golden regenerates them)', () => {
  for (const name of GOLDEN_SCENARIOS) {
    it(`${name}: every headline number equals its golden value (1e-6 relative)`, async () => {
      const golden = JSON.parse(readFileSync(new URL(`tests/golden/${name}.json`, root), 'utf8')) as {
        headline: Headline;
      };
      const scenario = readScenario(fileURLToPath(new URL(`public/scenarios/${name}.json`, root)));
      const headline = headlineOf(await runScenario(scenario));
      expect(Object.keys(headline).sort()).toEqual(Object.keys(golden.headline).sort());
      for (const [key, expected] of Object.entries(golden.headline)) {
        const actual = headline[key] as number;
        const allowed = 1e-9 + 1e-6 * Math.abs(expected);
        expect(Math.abs(actual - expected), `${name} ${key}: ${actual} vs golden ${expected}`).toBeLessThanOrEqual(
          allowed,
        );
      }
    });
  }
});
