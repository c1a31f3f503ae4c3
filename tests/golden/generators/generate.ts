/**
 * Regenerates tests/golden/*.json: runs every example scenario through `npm run simulate`'s runner and stores its
 * headline numbers. Run `npm run golden` after a deliberate change of the model or a tissue value, and review the
 * diff: every changed number is a change users will see.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runScenario } from '../../../src/cli/run.ts';
import { readScenario } from '../../../src/cli/scenario.ts';
import { GOLDEN_SCENARIOS, headlineOf } from '../headline.ts';

const root = new URL('../../../', import.meta.url);
for (const name of GOLDEN_SCENARIOS) {
  const scenario = readScenario(fileURLToPath(new URL(`public/scenarios/${name}.json`, root)));
  const results = await runScenario(scenario);
  const file = new URL(`tests/golden/${name}.json`, root);
  writeFileSync(
    file,
    `${JSON.stringify({ scenario: `public/scenarios/${name}.json`, headline: headlineOf(results) }, null, 2)}\n`,
  );
  console.log(`${name}: ${results.runTime.total.toFixed(1)} s → ${fileURLToPath(file)}`);
}
