import { readFileSync } from 'node:fs';
import { type LazySourceLayout, lazySourceLayout, radiatingArea } from '../engine/source-layout.ts';
import { TISSUES } from '../physics/tissues.ts';
import type { SphericalArraySpec } from '../physics/transducer.ts';
import { type Plan, PlanFileError, parsePlan } from '../plan-file/parse.ts';
import type { PlanInput } from '../plan-file/schema.ts';

/**
 * The file `npm run simulate` runs: a plan file (src/plan-file, the format the app saves), read from disk in Node.
 * A command-line scenario is a plan without `planning` (version 0, migrated when read). Format: src/cli/README.md.
 */

export { DEFAULT_GRID } from '../plan-file/fields.ts';
export {
  couplingTissueOf,
  type DriveQuantity,
  MAX_GRID_SIDE,
  PlanFileError as ScenarioError,
  planOverrides as scenarioOverrides,
} from '../plan-file/parse.ts';

interface CatalogueEntry {
  id: string;
  file: string;
  default: boolean;
}

/** The bundled phantoms (models/catalogue.json): the ids a `phantom` medium may name. */
export const PHANTOMS: readonly CatalogueEntry[] = JSON.parse(
  readFileSync(new URL('../../models/catalogue.json', import.meta.url), 'utf8'),
) as CatalogueEntry[];

/** A plan as written, with the defaults filled in (this is what the results echo). */
export type ScenarioInput = PlanInput;
/** A checked plan file. */
export type Scenario = Plan;

/**
 * Checks a parsed JSON value as a plan file (or a scenario, version 0).
 * @param json - the file's content after JSON.parse
 * @returns the plan with defaults and its resolved transducer, drive and beam direction
 * @throws PlanFileError (ScenarioError) naming the first offending field
 */
export function parseScenario(json: unknown): Scenario {
  return parsePlan(
    json,
    PHANTOMS.map((p) => p.id),
  );
}

/**
 * Reads and checks a scenario file.
 * @param path - file path
 * @throws ScenarioError for a missing, unreadable or non-JSON file, or an invalid scenario
 */
export function readScenario(path: string): Scenario {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new PlanFileError('', `cannot read plan file ${path}${code ? ` (${code})` : ''}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new PlanFileError('', `${path} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  return { ...parseScenario(json), source: path };
}

/** Characteristic acoustic impedance of the coupling water ρc [kg/m²/s] (TISSUES.water). */
export const WATER_IMPEDANCE = TISSUES.water.density * TISSUES.water.speedOfSound;

/**
 * The drive as the total acoustic power the core takes: W = ½ ρc u² A over the radiating area A (all elements on),
 * with u = p_s/(ρc) for a surface pressure; ρc of TISSUES.water (plane-wave radiation into the coupling water,
 * the same relation the core inverts).
 * @param drive - the scenario's drive quantity
 * @param spec - transducer
 * @param layout - its source layout, when the caller already built it (default: built here)
 * @returns power [W], normal velocity [m/s], surface pressure [Pa] and the radiating area [m²]
 */
export function driveToPower(
  drive: Scenario['drive'],
  spec: SphericalArraySpec,
  layout: LazySourceLayout = lazySourceLayout(spec),
  impedance: number = WATER_IMPEDANCE,
): { acousticPower: number; normalVelocity: number; surfacePressure: number; radiatingArea: number } {
  const area = radiatingArea(layout());
  let u: number;
  if (drive.quantity === 'acousticPower') u = Math.sqrt((2 * drive.value) / (impedance * area));
  else if (drive.quantity === 'surfacePressure') u = drive.value / impedance;
  else u = drive.value;
  const acousticPower = drive.quantity === 'acousticPower' ? drive.value : 0.5 * impedance * u * u * area;
  return { acousticPower, normalVelocity: u, surfacePressure: impedance * u, radiatingArea: area };
}
