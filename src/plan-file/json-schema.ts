import { toJsonSchema } from '@valibot/to-json-schema';
import { PLAN_FORMAT, PLAN_VERSION, planSchema } from './schema.ts';

/** Where the published JSON Schema of plan files lives in the repository (and is served by the app). */
export const PLAN_SCHEMA_PATH = 'public/schemas/fus-planner-plan.schema.json';

/**
 * The JSON Schema of the current plan format, generated from the valibot schema the app and the command line read
 * plans with (so the two cannot drift). Ranges and units are in each field's description; rules that span fields
 * (exactly one drive quantity, unique spot ids, a complete transducer) are checked when a plan is read.
 * @param phantomIds - the bundled cases a `phantom` medium may name
 * @returns the schema document
 */
export function planJsonSchema(phantomIds: readonly string[]): Record<string, unknown> {
  const schema = toJsonSchema(planSchema(phantomIds), { errorMode: 'ignore' }) as Record<string, unknown>;
  return {
    ...schema,
    $id: `https://fus-planner.invalid/schemas/${PLAN_FORMAT}-${PLAN_VERSION}.json`,
    title: `FUS Planner plan file, version ${PLAN_VERSION}`,
    description:
      'A focused-ultrasound plan: the case, the transducer and its drive, the sonication at the target, and the plan beyond it (spots, no-pass regions, element states, probes), tissue values and safety limits. SI units; each number’s unit is in its description.',
  };
}
