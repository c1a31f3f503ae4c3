import * as v from 'valibot';
import type { TissueOverrides } from '../engine/requests.ts';
import { sourceLayout } from '../engine/source-layout.ts';
import type { TissueId } from '../physics/tissue-ids.ts';
import type { TissueOverride } from '../physics/tissues.ts';
import { PRESETS, type SphericalArraySpec } from '../physics/transducer.ts';
import { PRESET_IDS } from './fields.ts';
import { migrate } from './migrate.ts';
import { type PlanInput, planSchema } from './schema.ts';

type Vec3 = [number, number, number];

/** The lists of a plan whose entries a user counts from 1, by what one entry is called. */
const LIST_ENTRIES: Record<string, string> = {
  spots: 'spot',
  noPass: 'no-pass region',
  probes: 'probe',
  freeBeams: 'free beam',
};
const LIST_ENTRY = /^planning\.(spots|noPass|probes|freeBeams)\.(\d+)(?:\.(.*))?$/;

/**
 * A dotted path in words a user reads, where the path is a known one: "planning.spots.0.focus.1" is "spot 1, focus,
 * y" (a walk read the path itself); the file's own name of the field is kept, so it can be found in the file.
 */
export function fieldInWords(field: string): string {
  const m = LIST_ENTRY.exec(field);
  if (!m) return field;
  const [, list, index, rest] = m as unknown as [string, string, string, string | undefined];
  const entry = `${LIST_ENTRIES[list]} ${Number(index) + 1}`;
  if (!rest) return entry;
  const words = rest.split('.').map((part, i, parts) => {
    // A point's coordinate by its axis: [x, y, z] in the file (a free beam is itself a point).
    const point = i === 0 ? list === 'freeBeams' : /^(focus|centre|point)$/.test(parts[i - 1] as string);
    return point && /^[012]$/.test(part) ? ('xyz'[Number(part)] as string) : part;
  });
  return [entry, ...words].join(', ');
}

/** A plan file that is refused; `field` is the dotted path of the offending value ('' for the whole file). */
export class PlanFileError extends Error {
  override name = 'PlanFileError';
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(field ? `${fieldInWords(field)}: ${reason}` : reason);
  }
}

/** Largest grid side in voxels: 101³ ≈ 1 M voxels keeps a run within memory and minutes. */
export const MAX_GRID_SIDE = 101;

export type DriveQuantity = 'acousticPower' | 'surfacePressure' | 'normalVelocity';

/** A checked plan: the input (migrated, defaults filled in) plus what it resolves to. */
export interface Plan {
  input: PlanInput;
  transducer: SphericalArraySpec;
  drive: { quantity: DriveQuantity; value: number };
  /** Unit vector of propagation, transducer → target; undefined = the phantom's default or +z. */
  beamDirection: Vec3 | undefined;
  /** the version the file was written in (older ones were migrated) */
  readVersion: number;
  /** where the file was read from (the command line), so a mesh medium's files resolve beside it */
  source?: string;
}

const GEOMETRY_KEYS = [
  'radiusOfCurvature',
  'aperture',
  'centralHoleDiameter',
  'elementCount',
  'elementDiameter',
  'frequency',
] as const;

function resolveTransducer(t: PlanInput['transducer']): SphericalArraySpec {
  const base: Partial<Record<(typeof GEOMETRY_KEYS)[number], number>> = t.preset ? { ...PRESETS[t.preset] } : {};
  for (const key of GEOMETRY_KEYS) {
    const value = t[key];
    if (value !== undefined) base[key] = value;
  }
  const missing = GEOMETRY_KEYS.filter((k) => base[k] === undefined);
  if (missing.length > 0) {
    throw new PlanFileError(
      `transducer.${missing[0]}`,
      `expected a number (give "preset": ${PRESET_IDS.map((p) => `"${p}"`).join(' or ')}, or all of ${GEOMETRY_KEYS.join(', ')})`,
    );
  }
  const spec = base as SphericalArraySpec;
  if (!(spec.aperture < 2 * spec.radiusOfCurvature)) {
    throw new PlanFileError('transducer.aperture', 'expected less than twice radiusOfCurvature (a cap, not a sphere)');
  }
  if (!(spec.centralHoleDiameter < spec.aperture)) {
    throw new PlanFileError('transducer.centralHoleDiameter', 'expected less than aperture');
  }
  try {
    sourceLayout(spec);
  } catch (error) {
    throw new PlanFileError('transducer', error instanceof Error ? error.message : String(error));
  }
  return spec;
}

function resolveDrive(d: PlanInput['drive']): Plan['drive'] {
  const given = (['acousticPower', 'surfacePressure', 'normalVelocity'] as const).filter((k) => d[k] !== undefined);
  const [quantity] = given;
  if (given.length !== 1 || quantity === undefined) {
    throw new PlanFileError(
      'drive',
      `expected exactly one of acousticPower [W], surfacePressure [Pa], normalVelocity [m/s] (got ${given.length})`,
    );
  }
  return { quantity, value: d[quantity] as number };
}

function unit(value: Vec3, field: string): Vec3 {
  const n = Math.hypot(...value);
  if (!(n > 0) || !Number.isFinite(n)) throw new PlanFileError(field, 'expected a non-zero vector');
  return [value[0] / n, value[1] / n, value[2] / n];
}

/** An issue's message, except that an object's own message is replaced for a missing or an unknown key. */
function reasonOf(issue: v.BaseIssue<unknown>): string {
  const keyIssue = issue.type === 'strict_object' && (issue.path?.length ?? 0) > 0;
  if (keyIssue && issue.received === 'undefined') return 'required field is missing';
  if (keyIssue && issue.expected === 'never') return 'unknown field';
  return issue.message;
}

/** The rules that span fields of the plan beyond one sonication. */
function checkPlanning(input: PlanInput, transducer: SphericalArraySpec): void {
  const p = input.planning;
  if (!p) return;
  const spotIds = new Set<string>();
  p.spots.forEach((spot, i) => {
    if (spotIds.has(spot.id))
      throw new PlanFileError(`planning.spots.${i}.id`, `expected a unique id ("${spot.id}" twice)`);
    spotIds.add(spot.id);
  });
  if (p.selectedSpotId !== undefined && !spotIds.has(p.selectedSpotId)) {
    throw new PlanFileError('planning.selectedSpotId', 'expected the id of one of the spots');
  }
  p.elementsOff.forEach((e, i) => {
    if (e >= transducer.elementCount) {
      throw new PlanFileError(`planning.elementsOff.${i}`, `expected an element index < ${transducer.elementCount}`);
    }
  });
}

/**
 * Checks a parsed JSON value as a plan file, migrating older versions (a command-line scenario is version 0).
 * @param json - the file's content after JSON.parse
 * @param phantomIds - the bundled cases a `phantom` medium may name
 * @returns the plan with defaults and its resolved transducer, drive and beam direction
 * @throws PlanFileError naming the first offending field
 */
export function parsePlan(json: unknown, phantomIds: readonly string[]): Plan {
  // valibot's object schemas take arrays as objects; a plan is a JSON object at the top.
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new PlanFileError('', 'expected a JSON object');
  }
  const migrated = migrate(json as Record<string, unknown>);
  if (!migrated.ok) throw new PlanFileError(migrated.field, migrated.reason);
  const parsed = v.safeParse(planSchema(phantomIds), migrated.value, { abortEarly: true });
  if (!parsed.success) {
    const [issue] = parsed.issues;
    const path = issue ? (v.getDotPath(issue) ?? '') : '';
    throw new PlanFileError(path, issue ? reasonOf(issue) : 'invalid plan');
  }
  const input = parsed.output;
  const transducer = resolveTransducer(input.transducer);
  const drive = resolveDrive(input.drive);
  const beamDirection = input.beamDirection ? unit(input.beamDirection, 'beamDirection') : undefined;
  if (input.medium.type === 'layers') {
    const total = input.medium.layers.reduce((sum, layer) => sum + layer.thickness, 0);
    // The bowl's rim is its part nearest the focus: layers reaching past it put its edge elements in tissue and the
    // rest in water (a held-out check's 155 mm of muscle under a 148 mm rim ran with no word).
    const half = transducer.aperture / 2;
    const rim = Math.sqrt(Math.max(0, transducer.radiusOfCurvature ** 2 - half * half));
    if (!(total < rim)) {
      const mm = (x: number) => `${Number((x * 1e3).toFixed(1))} mm`;
      throw new PlanFileError(
        'medium.layers',
        `expected the layers to end before the transducer: Σ thickness ${mm(total)} reaches its rim, ${mm(rim)} ` +
          'from the focus (√(R² − (aperture/2)²)), so its edge elements would sit in tissue; make the layers ' +
          'thinner, or use a homogeneous medium for an array in tissue',
      );
    }
  }
  planOverrides(input);
  checkPlanning(input, transducer);
  const side = Math.max(3, Math.round(input.grid.size / input.grid.spacing) | 1);
  if (side > MAX_GRID_SIDE) {
    throw new PlanFileError('grid', `expected at most ${MAX_GRID_SIDE} voxels per side (size/spacing gives ${side})`);
  }
  return { input, transducer, drive, beamDirection, readVersion: migrated.from };
}

/** The given values of a properties object (valibot leaves absent optional keys undefined). */
function defined(values: Record<string, number | undefined>): TissueOverride {
  return Object.fromEntries(Object.entries(values).filter(([, x]) => x !== undefined)) as TissueOverride;
}

/**
 * The tissue overrides of a plan: its `tissues`, then each layer's `properties` on its tissue.
 * @param input - the plan as parsed
 * @returns per tissue, the values that replace the table's
 * @throws PlanFileError when two layers give one tissue different values
 */
export function planOverrides(input: PlanInput): TissueOverrides {
  const overrides: TissueOverrides = {};
  for (const [id, values] of Object.entries(input.tissues ?? {})) overrides[id as TissueId] = defined(values);
  if (input.medium.type === 'layers') {
    const seen = new Map<TissueId, string>();
    input.medium.layers.forEach((layer, i) => {
      if (!layer.properties) return;
      const key = JSON.stringify(layer.properties);
      const before = seen.get(layer.tissue);
      if (before !== undefined && before !== key) {
        throw new PlanFileError(
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
 * The medium the transducer radiates into: the tissue of a homogeneous plan, else the water bath.
 * @param input - the plan
 * @returns its tissue id
 */
export function couplingTissueOf(input: PlanInput): TissueId {
  return input.medium.type === 'homogeneous' ? input.medium.tissue : 'water';
}
