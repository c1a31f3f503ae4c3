import { readFileSync } from 'node:fs';
import * as v from 'valibot';
import type { TissueOverrides } from '../engine/requests.ts';
import { type LazySourceLayout, lazySourceLayout, radiatingArea, sourceLayout } from '../engine/source-layout.ts';
import { TISSUE_IDS, type TissueId } from '../physics/tissue-ids.ts';
import { TISSUES, type TissueOverride } from '../physics/tissues.ts';
import { PRESETS, type SphericalArraySpec } from '../physics/transducer.ts';

/**
 * The scenario file of `npm run simulate` (format in src/cli/README.md): checked with valibot for shape, types and
 * ranges, then for the rules that span fields (a complete transducer, exactly one drive quantity). SI units.
 */

type Vec3 = [number, number, number];

/** A scenario the runner refuses; `field` is the dotted path of the offending value ('' for the whole file). */
export class ScenarioError extends Error {
  override name = 'ScenarioError';
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(field ? `${field}: ${reason}` : reason);
  }
}

interface CatalogueEntry {
  id: string;
  file: string;
  default: boolean;
}

/** The bundled phantoms (models/catalogue.json): the ids a `phantom` medium may name. */
export const PHANTOMS: readonly CatalogueEntry[] = JSON.parse(
  readFileSync(new URL('../../models/catalogue.json', import.meta.url), 'utf8'),
) as CatalogueEntry[];

/** Largest grid side in voxels: 101³ ≈ 1 M voxels keeps a run within memory and minutes. */
export const MAX_GRID_SIDE = 101;
/** The app's region (src/app/defaults.ts): a 40 mm cube of 0.8 mm voxels, about half a wavelength at 1 MHz. */
export const DEFAULT_GRID = { size: 0.04, spacing: 0.0008 } as const;

const PRESET_IDS = Object.keys(PRESETS) as (keyof typeof PRESETS)[];

/** A finite number in [min, max] (or (min, max] when `exclusiveMin`), with messages that state the bound. */
function bounded(min: number, max: number, exclusiveMin = false) {
  const lower = exclusiveMin ? `> ${min}` : `≥ ${min}`;
  return v.pipe(
    v.number(`expected a number ${lower}`),
    exclusiveMin ? v.gtValue(min, `expected a number ${lower}`) : v.minValue(min, `expected a number ${lower}`),
    v.maxValue(max, `expected a number ≤ ${max}`),
  );
}

/** A coordinate [m]: finite and within a metre of the case's origin (every bundled case fits in ±0.3 m). */
const coordinate = v.pipe(
  v.number('expected a number'),
  v.finite('expected a finite number'),
  v.minValue(-1, 'expected a coordinate ≥ -1 m'),
  v.maxValue(1, 'expected a coordinate ≤ 1 m'),
);
const vec3 = v.strictTuple([coordinate, coordinate, coordinate], 'expected [x, y, z], three numbers');
/** A direction: three finite numbers, not all zero (normalised by the runner). */
const direction = v.pipe(
  v.strictTuple(
    [v.pipe(v.number(), v.finite()), v.pipe(v.number(), v.finite()), v.pipe(v.number(), v.finite())],
    'expected [x, y, z], three finite numbers',
  ),
  v.check((d) => Math.hypot(...d) > 1e-9, 'expected a non-zero direction'),
);

const transducerSchema = v.strictObject(
  {
    preset: v.optional(v.picklist(PRESET_IDS, `expected one of ${PRESET_IDS.join(', ')}`)),
    radiusOfCurvature: v.optional(bounded(0, 1, true)),
    aperture: v.optional(bounded(0, 1, true)),
    centralHoleDiameter: v.optional(bounded(0, 1)),
    elementCount: v.optional(
      v.pipe(
        v.number('expected an integer from 1 to 4096'),
        v.integer('expected an integer from 1 to 4096'),
        v.minValue(1, 'expected an integer from 1 to 4096'),
        v.maxValue(4096, 'expected an integer from 1 to 4096'),
      ),
    ),
    elementDiameter: v.optional(bounded(0, 1, true)),
    frequency: v.optional(bounded(1e5, 1e7)),
  },
  'expected an object: { "preset": … } or the geometry fields',
);

const tissue = v.picklist(TISSUE_IDS, `expected one of ${TISSUE_IDS.join(', ')}`);

/**
 * Property values that replace a tissue's (SI; physics/tissues.ts): acoustic ρ [kg/m³], c [m/s], α0 [Np/m at
 * 1 MHz] and its power-law exponent y (α = α0·f[MHz]^y), the absorbed fraction α_abs/α, shear speed [m/s] and
 * attenuation [Np/m at 1 MHz] (a solid: cortical bone), and thermal c_p [J/kg/K], k [W/m/K], perfusion w_b
 * [kg/m³/s]. Reference water is { density: 1000, speedOfSound: 1500, attenuation0: 0 }.
 */
const propertiesSchema = v.strictObject(
  {
    density: v.optional(bounded(1, 5000, true)),
    speedOfSound: v.optional(bounded(100, 6000, true)),
    attenuation0: v.optional(bounded(0, 10000)),
    attenuationExponent: v.optional(bounded(0, 3)),
    absorptionFraction: v.optional(bounded(0, 1)),
    shearSpeed: v.optional(bounded(0, 4000)),
    shearAttenuation0: v.optional(bounded(0, 10000)),
    specificHeat: v.optional(bounded(100, 10000, true)),
    thermalConductivity: v.optional(bounded(0, 10, true)),
    perfusion: v.optional(bounded(0, 100)),
  },
  'expected an object of property values (density, speedOfSound, attenuation0, …)',
);
const tissuesSchema = v.record(tissue, propertiesSchema, 'expected an object { "<tissue>": { …properties } }');
const phantomIds = PHANTOMS.map((p) => p.id);

const mediumSchema = v.variant(
  'type',
  [
    v.strictObject({ type: v.literal('homogeneous'), tissue }),
    v.strictObject({
      type: v.literal('layers'),
      layers: v.pipe(
        v.array(
          v.strictObject({ tissue, thickness: bounded(0, 0.5, true), properties: v.optional(propertiesSchema) }),
          'expected an array of layers',
        ),
        v.minLength(1, 'expected at least one layer'),
        v.maxLength(32, 'expected at most 32 layers'),
      ),
    }),
    v.strictObject({
      type: v.literal('phantom'),
      id: v.picklist(phantomIds, `expected one of ${phantomIds.join(', ')}`),
    }),
  ],
  'expected "type" to be one of homogeneous, layers, phantom',
);

const scenarioSchema = v.strictObject(
  {
    name: v.optional(v.string('expected a string')),
    description: v.optional(v.string('expected a string')),
    transducer: transducerSchema,
    drive: v.strictObject(
      {
        acousticPower: v.optional(bounded(0, 5000)),
        surfacePressure: v.optional(bounded(0, 5e6)),
        normalVelocity: v.optional(bounded(0, 5)),
      },
      'expected an object with one of acousticPower [W], surfacePressure [Pa], normalVelocity [m/s]',
    ),
    medium: mediumSchema,
    tissues: v.optional(tissuesSchema),
    fieldModel: v.optional(
      v.picklist(['whole-path', 'focal-ray'], 'expected "whole-path" or "focal-ray"'),
      'whole-path',
    ),
    target: v.optional(vec3),
    beamDirection: v.optional(direction),
    aberrationCorrection: v.optional(v.boolean('expected true or false'), true),
    sonication: v.strictObject(
      { duration: bounded(0, 600), cooling: v.optional(bounded(0, 600), 0) },
      'expected an object { duration, cooling }',
    ),
    grid: v.optional(
      v.strictObject(
        {
          size: v.optional(bounded(0, 0.1, true), DEFAULT_GRID.size),
          spacing: v.optional(bounded(5e-5, 5e-3), DEFAULT_GRID.spacing),
        },
        'expected an object { size, spacing }',
      ),
      { ...DEFAULT_GRID },
    ),
  },
  'expected a JSON object',
);

/** A scenario as written, with the defaults filled in (this is what the results echo). */
export type ScenarioInput = v.InferOutput<typeof scenarioSchema>;

export type DriveQuantity = 'acousticPower' | 'surfacePressure' | 'normalVelocity';

/** A checked scenario: the input plus what it resolves to. */
export interface Scenario {
  input: ScenarioInput;
  transducer: SphericalArraySpec;
  drive: { quantity: DriveQuantity; value: number };
  /** Unit vector of propagation, transducer → target; undefined = the phantom's default or +z. */
  beamDirection: Vec3 | undefined;
}

const GEOMETRY_KEYS = [
  'radiusOfCurvature',
  'aperture',
  'centralHoleDiameter',
  'elementCount',
  'elementDiameter',
  'frequency',
] as const;

function resolveTransducer(t: ScenarioInput['transducer']): SphericalArraySpec {
  const base: Partial<Record<(typeof GEOMETRY_KEYS)[number], number>> = t.preset ? { ...PRESETS[t.preset] } : {};
  for (const key of GEOMETRY_KEYS) {
    const value = t[key];
    if (value !== undefined) base[key] = value;
  }
  const missing = GEOMETRY_KEYS.filter((k) => base[k] === undefined);
  if (missing.length > 0) {
    throw new ScenarioError(
      `transducer.${missing[0]}`,
      `expected a number (give "preset": ${PRESET_IDS.map((p) => `"${p}"`).join(' or ')}, or all of ${GEOMETRY_KEYS.join(', ')})`,
    );
  }
  const spec = base as SphericalArraySpec;
  if (!(spec.aperture < 2 * spec.radiusOfCurvature)) {
    throw new ScenarioError('transducer.aperture', 'expected less than twice radiusOfCurvature (a cap, not a sphere)');
  }
  if (!(spec.centralHoleDiameter < spec.aperture)) {
    throw new ScenarioError('transducer.centralHoleDiameter', 'expected less than aperture');
  }
  try {
    sourceLayout(spec);
  } catch (error) {
    throw new ScenarioError('transducer', error instanceof Error ? error.message : String(error));
  }
  return spec;
}

function resolveDrive(d: ScenarioInput['drive']): Scenario['drive'] {
  const given = (['acousticPower', 'surfacePressure', 'normalVelocity'] as const).filter((k) => d[k] !== undefined);
  const [quantity] = given;
  if (given.length !== 1 || quantity === undefined) {
    throw new ScenarioError(
      'drive',
      `expected exactly one of acousticPower [W], surfacePressure [Pa], normalVelocity [m/s] (got ${given.length})`,
    );
  }
  return { quantity, value: d[quantity] as number };
}

function unit(value: Vec3, field: string): Vec3 {
  const n = Math.hypot(...value);
  if (!(n > 0) || !Number.isFinite(n)) throw new ScenarioError(field, 'expected a non-zero vector');
  return [value[0] / n, value[1] / n, value[2] / n];
}

/** An issue's message, except that an object's own message is replaced for a missing or an unknown key. */
function reasonOf(issue: v.BaseIssue<unknown>): string {
  const keyIssue = issue.type === 'strict_object' && (issue.path?.length ?? 0) > 0;
  if (keyIssue && issue.received === 'undefined') return 'required field is missing';
  if (keyIssue && issue.expected === 'never') return 'unknown field';
  return issue.message;
}

/**
 * Checks a parsed JSON value as a scenario.
 * @param json - the file's content after JSON.parse
 * @returns the scenario with defaults and its resolved transducer, drive and beam direction
 * @throws ScenarioError naming the first offending field
 */
export function parseScenario(json: unknown): Scenario {
  // valibot's object schemas take arrays as objects; a scenario is a JSON object at the top.
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new ScenarioError('', 'expected a JSON object');
  }
  const parsed = v.safeParse(scenarioSchema, json, { abortEarly: true });
  if (!parsed.success) {
    const [issue] = parsed.issues;
    const path = issue ? (v.getDotPath(issue) ?? '') : '';
    throw new ScenarioError(path, issue ? reasonOf(issue) : 'invalid scenario');
  }
  const input = parsed.output;
  const transducer = resolveTransducer(input.transducer);
  const drive = resolveDrive(input.drive);
  const beamDirection = input.beamDirection ? unit(input.beamDirection, 'beamDirection') : undefined;
  if (input.medium.type === 'layers') {
    const total = input.medium.layers.reduce((sum, layer) => sum + layer.thickness, 0);
    if (!(total < transducer.radiusOfCurvature)) {
      throw new ScenarioError(
        'medium.layers',
        `expected the layers to end before the transducer: Σ thickness ${total} m ≥ radiusOfCurvature`,
      );
    }
  }
  scenarioOverrides(input);
  const side = Math.max(3, Math.round(input.grid.size / input.grid.spacing) | 1);
  if (side > MAX_GRID_SIDE) {
    throw new ScenarioError('grid', `expected at most ${MAX_GRID_SIDE} voxels per side (size/spacing gives ${side})`);
  }
  return { input, transducer, drive, beamDirection };
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
    throw new ScenarioError('', `cannot read scenario file ${path}${code ? ` (${code})` : ''}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ScenarioError('', `${path} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  return parseScenario(json);
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

/** The given values of a properties object (valibot leaves absent optional keys undefined). */
function defined(values: Record<string, number | undefined>): TissueOverride {
  return Object.fromEntries(Object.entries(values).filter(([, x]) => x !== undefined)) as TissueOverride;
}

/**
 * The tissue overrides of a scenario: its `tissues`, then each layer's `properties` on its tissue.
 * @param input - the scenario as parsed
 * @returns per tissue, the values that replace the table's
 * @throws ScenarioError when two layers give one tissue different values
 */
export function scenarioOverrides(input: ScenarioInput): TissueOverrides {
  const overrides: TissueOverrides = {};
  for (const [id, values] of Object.entries(input.tissues ?? {})) overrides[id as TissueId] = defined(values);
  if (input.medium.type === 'layers') {
    const seen = new Map<TissueId, string>();
    input.medium.layers.forEach((layer, i) => {
      if (!layer.properties) return;
      const key = JSON.stringify(layer.properties);
      const before = seen.get(layer.tissue);
      if (before !== undefined && before !== key) {
        throw new ScenarioError(
          `medium.layers.${i}.properties`,
          `layers of one tissue (${layer.tissue}) must share their properties: give this layer another tissue`,
        );
      }
      seen.set(layer.tissue, key);
      overrides[layer.tissue] = { ...overrides[layer.tissue], ...defined(layer.properties) };
    });
  }
  return overrides;
}

/**
 * The medium the transducer radiates into: the tissue of a homogeneous scenario, else the water bath.
 * @param input - the scenario
 * @returns its tissue id
 */
export function couplingTissueOf(input: ScenarioInput): TissueId {
  return input.medium.type === 'homogeneous' ? input.medium.tissue : 'water';
}
