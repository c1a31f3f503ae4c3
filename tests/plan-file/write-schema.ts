/**
 * Writes the published JSON Schema of plan files (npm run plan-schema). tests/plan-file/json-schema.test.ts fails
 * when the committed file differs from what the valibot schema generates.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PHANTOMS } from '../../src/cli/scenario.ts';
import { PLAN_SCHEMA_PATH, planJsonSchema } from '../../src/plan-file/json-schema.ts';

const text = `${JSON.stringify(planJsonSchema(PHANTOMS.map((p) => p.id)), null, 2)}\n`;
const file = fileURLToPath(new URL(`../../${PLAN_SCHEMA_PATH}`, import.meta.url));
writeFileSync(file, text);
// Laid out as the project's formatter lays out JSON, so `npm run lint` passes on the written file.
execFileSync('npx', ['biome', 'format', '--write', file], { stdio: 'ignore' });
console.log(`wrote ${PLAN_SCHEMA_PATH}`);
