import { PLAN_FORMAT, PLAN_VERSION } from './schema.ts';

/**
 * Older plan files, moved forward one version at a time. Version 0 is the command line's scenario file (no
 * `format`, no `version`, no `planning`): it becomes a version 1 plan unchanged otherwise. A new version adds its step
 * here and keeps every older file readable.
 */
const STEPS: Record<number, (json: Record<string, unknown>) => Record<string, unknown>> = {
  0: (json) => ({ format: PLAN_FORMAT, version: 1, ...json }),
};

export type Migrated =
  | { ok: true; value: Record<string, unknown>; from: number }
  | { ok: false; field: string; reason: string };

/**
 * @param json - a parsed plan file (a JSON object)
 * @returns the file at the current version, and the version it was written in; or why it cannot be read
 */
export function migrate(json: Record<string, unknown>): Migrated {
  const hasFormat = 'format' in json;
  if (hasFormat && json.format !== PLAN_FORMAT) {
    return { ok: false, field: 'format', reason: `expected "${PLAN_FORMAT}" (this is not a FUS Planner plan)` };
  }
  const version = hasFormat ? json.version : 0;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    return { ok: false, field: 'version', reason: `expected an integer version from 0 to ${PLAN_VERSION}` };
  }
  if (version > PLAN_VERSION) {
    return {
      ok: false,
      field: 'version',
      reason: `this plan is version ${version}, written by a newer FUS Planner (this one reads up to ${PLAN_VERSION})`,
    };
  }
  let value = json;
  for (let step = version; step < PLAN_VERSION; step++) {
    const next = STEPS[step];
    if (!next) return { ok: false, field: 'version', reason: `no migration from version ${step}` };
    value = next(value);
  }
  return { ok: true, value, from: version };
}
