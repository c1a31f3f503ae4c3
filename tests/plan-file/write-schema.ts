/**
 * Writes the published JSON Schema of plan files (npm run plan-schema). tests/plan-file/json-schema.test.ts fails
 * when the committed file differs from what the valibot schema generates.
 */
import { writeFileSync } from 'node:fs';
import { PHANTOMS } from '../../src/cli/scenario.ts';
import { PLAN_SCHEMA_PATH, planJsonSchema } from '../../src/plan-file/json-schema.ts';

const text = `${JSON.stringify(planJsonSchema(PHANTOMS.map((p) => p.id)), null, 2)}\n`;
writeFileSync(new URL(`../../${PLAN_SCHEMA_PATH}`, import.meta.url), text);
console.log(`wrote ${PLAN_SCHEMA_PATH}`);
