import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { runScenario } from '../../src/cli/run.ts';
import { readScenario } from '../../src/cli/scenario.ts';
import { PlannerPage } from './fixtures/planner-page.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

// The browser's worker and `npm run simulate` in Node run one core: on the default case the app shows the very
// numbers the headless runner writes for public/scenarios/femur-shaft.json (same inputs, src/app/defaults.ts).
test('the app’s default sonication reproduces `npm run simulate` on the femur scenario', async ({ page }) => {
  const headless = await runScenario(readScenario(join(ROOT, 'public/scenarios/femur-shaft.json')));
  const app = new PlannerPage(page);
  await app.open();
  await app.sonicate();
  await app.waitForRunStatus('done');
  const pairs: [string, number][] = [
    ['peak-pressure', headless.acoustic.peakPressure],
    ['intensity', headless.acoustic.peakIntensity],
    ['peak-temperature', headless.thermal.peakTemperature],
    ['thermal-dose', headless.thermal.peakDose],
  ];
  for (const [key, expected] of pairs) {
    // Same code, two JavaScript engines' Math: agreement to 1e-9 relative.
    expect(Math.abs((await app.resultSi(key)) / expected - 1), key).toBeLessThan(1e-9);
  }
});
