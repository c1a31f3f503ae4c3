import * as v from 'valibot';
import * as f from './fields.ts';

/** The `format` of a plan file. */
export const PLAN_FORMAT = 'fus-planner-plan';
/** The current version; older files are migrated forward when read (migrate.ts). */
export const PLAN_VERSION = 1;
/** The units every number of a plan file is in, written into each file so a reader never has to guess. */
export const PLAN_UNITS =
  'SI: m, s, Hz, W, Pa, m/s, kg/m³, Np/m, J/kg/K, W/m/K, kg/m³/s; temperatures °C, thermal doses CEM43 min';

/**
 * A plan file (version 1): the case, the transducer and how it is driven, the sonication at the target, and the plan
 * beyond it (spots, no-pass regions, element states, probes), tissue values and safety limits. `npm run simulate`
 * runs it (the spots as a plan when there are any, else one sonication); the app saves and opens it. A scenario file
 * of the command line is a plan without `planning` (version 0, migrated when read).
 * @param phantomIds - the bundled cases a `phantom` medium may name
 * @returns the schema
 */
export function planSchema(phantomIds: readonly string[]) {
  return v.strictObject(
    {
      format: v.pipe(v.literal(PLAN_FORMAT, `expected "${PLAN_FORMAT}"`), v.description('what this file is')),
      version: v.pipe(
        v.literal(PLAN_VERSION, `expected ${PLAN_VERSION}`),
        v.description('the format version (older ones are migrated when read)'),
      ),
      units: v.optional(v.pipe(v.string(), v.description(PLAN_UNITS)), PLAN_UNITS),
      name: v.optional(v.string('expected a string')),
      description: v.optional(v.string('expected a string')),
      medium: f.medium(phantomIds),
      transducer: f.transducer,
      drive: f.drive,
      tissues: v.optional(f.tissues),
      fieldModel: v.optional(
        v.pipe(
          v.picklist(['whole-path', 'focal-ray'], 'expected "whole-path" or "focal-ray"'),
          v.description('the field model: the whole beam path (default) or the focal region with ray gains'),
        ),
        'whole-path',
      ),
      target: v.optional(f.point('the target, the transducer’s geometric focus; a phantom’s default is its file’s')),
      beamDirection: v.optional(f.direction),
      aberrationCorrection: v.optional(
        v.pipe(v.boolean('expected true or false'), v.description('correct the element phases for the tissue')),
        true,
      ),
      sonication: f.sonication,
      grid: f.grid,
      planning: v.optional(f.planning),
      safety: v.optional(f.safety),
    },
    'expected a JSON object',
  );
}

/** A plan as written, with the defaults filled in (the results echo it). */
export type PlanInput = v.InferOutput<ReturnType<typeof planSchema>>;
/** The plan beyond one sonication, with its defaults. */
export type PlanningInput = NonNullable<PlanInput['planning']>;
