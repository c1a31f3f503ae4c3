import * as v from 'valibot';
import { TISSUE_IDS } from '../physics/tissue-ids.ts';
import { PRESETS } from '../physics/transducer.ts';

/**
 * The fields of a plan file, as valibot schemas: types, ranges and, in each description, the unit (SI throughout).
 * The descriptions become the published JSON Schema's (json-schema.ts), so a reader of the file or of the schema
 * sees the unit of every number.
 */

/**
 * What the planner's own fields take [SI] (src/ui/plan-helpers.ts RULES reads these): narrower than the format, whose
 * wider ranges serve the command line's research cases.
 */
export const PLANNER_RANGES = {
  acousticPower: { min: 0.1, max: 500 },
  duration: { min: 0.5, max: 120 },
  cooling: { min: 0, max: 300 },
} as const;

/**
 * A finite number in [min, max] (or (min, max] when `exclusiveMin`), with messages that state the bound.
 * @param planner - the narrower range the planner's field takes, said after the bound: a walk read "≥ 0 W", wrote
 * 0 W, and was then refused against 0.1–500 W
 */
export function bounded(
  min: number,
  max: number,
  description: string,
  exclusiveMin = false,
  planner?: { min: number; max: number },
) {
  // The limits in the field's unit, from the description's "[unit]" (a walk read "expected a number ≤ 10000000").
  const unit = /\[([^\]]+)\]$/.exec(description)?.[1];
  const inUnit = (x: number) => (unit && unit !== '-' ? `${x} ${unit}` : `${x}`);
  const app = planner ? `; the planner takes ${planner.min} to ${inUnit(planner.max)}` : '';
  const lower = `${exclusiveMin ? `> ${inUnit(min)}` : `≥ ${inUnit(min)}`}${app}`;
  return v.pipe(
    v.number((issue) =>
      // A value typed with its unit (a held-out check wrote "frequency": "1.5 MHz" and read only the range).
      typeof issue.input === 'string'
        ? `expected a number ${lower}, not the text ${JSON.stringify(issue.input)}: the format's numbers are plain SI values${unit && unit !== '-' ? ` in ${unit}` : ''}, without a unit`
        : `expected a number ${lower}`,
    ),
    v.finite(`expected a finite number ${lower}`),
    exclusiveMin ? v.gtValue(min, `expected a number ${lower}`) : v.minValue(min, `expected a number ${lower}`),
    v.maxValue(max, `expected a number ≤ ${inUnit(max)}${app}`),
    v.description(description),
    // −0 reads as 0: JSON writes both as 0, so a plan must not depend on the sign of a zero.
    v.transform((x: number) => x + 0),
  );
}

/** A coordinate [m]: finite and within a metre of the case's origin (every bundled case fits in ±0.3 m). */
const coordinate = v.pipe(
  v.number('expected a number'),
  v.finite('expected a finite number'),
  v.minValue(-1, 'expected a coordinate ≥ -1 m'),
  v.maxValue(1, 'expected a coordinate ≤ 1 m'),
  v.transform((x: number) => x + 0),
);

/** A point [m] in the case's frame. */
export function point(description: string) {
  return v.pipe(
    v.strictTuple([coordinate, coordinate, coordinate], 'expected [x, y, z], three numbers'),
    v.description(`${description} [m], [x, y, z] in the case's frame`),
  );
}

const component = v.pipe(
  v.number('expected a number'),
  v.finite('expected a finite number'),
  v.transform((x: number) => x + 0),
);
/** A direction: three finite numbers, not all zero (normalised when read). */
export const direction = v.pipe(
  v.strictTuple([component, component, component], 'expected [x, y, z], three finite numbers'),
  v.check((d) => Math.hypot(...d) > 1e-9, 'expected a non-zero direction'),
  v.description(
    'direction the beam travels, transducer → target, [x, y, z] (normalised when read); a phantom’s default is its file’s',
  ),
);

export const PRESET_IDS = Object.keys(PRESETS) as (keyof typeof PRESETS)[];

export const transducer = v.pipe(
  v.strictObject(
    {
      preset: v.optional(v.picklist(PRESET_IDS, `expected one of ${PRESET_IDS.join(', ')}`)),
      radiusOfCurvature: v.optional(bounded(0, 1, 'radius of curvature R, the geometric focal length [m]', true)),
      aperture: v.optional(bounded(0, 1, 'aperture, the cap’s projected outer diameter [m]', true)),
      centralHoleDiameter: v.optional(bounded(0, 1, 'diameter of the central opening, projected [m]')),
      elementCount: v.optional(
        v.pipe(
          v.number('expected an integer from 1 to 4096'),
          v.integer('expected an integer from 1 to 4096'),
          v.minValue(1, 'expected an integer from 1 to 4096'),
          v.maxValue(4096, 'expected an integer from 1 to 4096'),
          v.description('elements N (1: a single-element bowl)'),
        ),
      ),
      elementDiameter: v.optional(bounded(0, 1, 'diameter of each piston element [m]', true)),
      frequency: v.optional(bounded(1e5, 1e7, 'working frequency [Hz]')),
    },
    'expected an object: { "preset": … } or the geometry fields',
  ),
  v.description('the transducer: a preset, its fields replaced by any given, or every geometry field'),
);

export const tissue = v.picklist(TISSUE_IDS, `expected one of ${TISSUE_IDS.join(', ')}`);

/**
 * Property values that replace a tissue's (SI; physics/tissues.ts). Reference water is
 * { density: 1000, speedOfSound: 1500, attenuation0: 0 }.
 */
export const properties = v.strictObject(
  {
    density: v.optional(bounded(1, 5000, 'density ρ [kg/m³]', true)),
    speedOfSound: v.optional(bounded(100, 6000, 'speed of sound c [m/s]', true)),
    attenuation0: v.optional(bounded(0, 10000, 'amplitude attenuation α0 at 1 MHz [Np/m]')),
    attenuationExponent: v.optional(bounded(0, 3, 'power-law exponent y: α = α0·f[MHz]^y [-]')),
    absorptionFraction: v.optional(bounded(0, 1, 'absorbed fraction α_abs/α [-]')),
    shearSpeed: v.optional(bounded(0, 4000, 'shear-wave speed (a solid: cortical bone) [m/s]')),
    shearAttenuation0: v.optional(bounded(0, 10000, 'shear attenuation at 1 MHz [Np/m]')),
    specificHeat: v.optional(bounded(100, 10000, 'specific heat c_p [J/kg/K]', true)),
    thermalConductivity: v.optional(bounded(0, 10, 'thermal conductivity k [W/m/K]', true)),
    perfusion: v.optional(bounded(0, 100, 'blood perfusion w_b [kg/m³/s]')),
  },
  'expected an object of property values (density, speedOfSound, attenuation0, …)',
);

export const tissues = v.pipe(
  v.record(tissue, properties, 'expected an object { "<tissue>": { …properties } }'),
  v.description('tissue property values that replace the built-in table’s, per tissue (SI)'),
);

const length3 = v.strictTuple(
  [
    bounded(0, 0.2, 'semi-axis [m]', true),
    bounded(0, 0.2, 'semi-axis [m]', true),
    bounded(0, 0.2, 'semi-axis [m]', true),
  ],
  'expected [a, b, c], three semi-axes',
);

/** A case made from mesh files (issue 12): the files, how to read them, and what to add around them. */
const importedMesh = v.strictObject({
  type: v.literal('mesh'),
  parts: v.pipe(
    v.array(
      v.strictObject({
        file: v.pipe(
          v.string('expected a file name'),
          v.minLength(1, 'expected a file name'),
          v.description('a mesh file (STL, OBJ, PLY, glTF/GLB), relative to the plan file'),
        ),
        unit: v.optional(v.picklist(['m', 'cm', 'mm'], 'expected "m", "cm" or "mm"')),
        tissue: v.optional(tissue),
        label: v.optional(v.pipe(v.string(), v.maxLength(40))),
      }),
      'expected an array of parts',
    ),
    v.minLength(1, 'expected at least one part'),
    v.maxLength(32, 'expected at most 32 parts'),
  ),
  up: v.optional(v.picklist(['+x', '-x', '+y', '-y', '+z', '-z'], 'expected one of +x, -x, +y, -y, +z, -z'), '+y'),
  recentre: v.optional(v.boolean('expected true or false'), true),
  envelope: v.optional(
    v.strictObject({
      muscle: bounded(0, 0.2, 'muscle around the bone [m]'),
      fat: bounded(0, 0.2, 'fat over the muscle [m]'),
      skin: bounded(0, 0.02, 'skin over the fat [m]'),
    }),
  ),
  lesion: v.optional(v.strictObject({ centre: point('the lesion’s centre, after placement'), radii: length3 })),
});

/**
 * @param phantomIds - the bundled cases a `phantom` medium may name
 * @returns the medium (the case) of a plan
 */
export function medium(phantomIds: readonly string[]) {
  return v.pipe(
    v.variant(
      'type',
      [
        v.strictObject({ type: v.literal('homogeneous'), tissue }),
        v.strictObject({
          type: v.literal('layers'),
          layers: v.pipe(
            v.array(
              v.strictObject({
                tissue,
                thickness: bounded(0, 0.5, 'layer thickness along the beam [m]', true),
                properties: v.optional(properties),
              }),
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
        importedMesh,
      ],
      'expected "type" to be one of homogeneous, layers, phantom, mesh',
    ),
    v.description(
      'the case: a bundled phantom, imported mesh files, or planar layers / one tissue (the last two: command line only)',
    ),
  );
}

export const drive = v.pipe(
  v.strictObject(
    {
      acousticPower: v.optional(bounded(0, 5000, 'total acoustic power [W]', false, PLANNER_RANGES.acousticPower)),
      surfacePressure: v.optional(bounded(0, 5e6, 'surface pressure p = ρc·u [Pa]')),
      normalVelocity: v.optional(bounded(0, 5, 'normal velocity u [m/s]')),
    },
    'expected an object with one of acousticPower [W], surfacePressure [Pa], normalVelocity [m/s]',
  ),
  v.description('the drive, exactly one quantity; W = ½·ρc·u²·A over the radiating area, p = ρc·u (coupling water)'),
);

export const sonication = v.pipe(
  v.strictObject(
    {
      duration: bounded(0, 600, 'heating time [s]', false, PLANNER_RANGES.duration),
      cooling: v.optional(bounded(0, 600, 'cooling time after it [s]', false, PLANNER_RANGES.cooling), 0),
    },
    'expected an object { duration, cooling }',
  ),
  v.description('the sonication at the target (and the default of a new spot)'),
);

/** The app's region: a 40 mm cube of 0.8 mm voxels, about half a wavelength at 1 MHz (src/app/defaults.ts). */
export const DEFAULT_GRID = { size: 0.04, spacing: 0.0008 } as const;

export const grid = v.pipe(
  v.optional(
    v.strictObject(
      {
        size: v.optional(
          bounded(0, 0.1, 'side of the focal region, a cube centred on the target [m]', true),
          DEFAULT_GRID.size,
        ),
        spacing: v.optional(bounded(5e-5, 5e-3, 'voxel size [m]'), DEFAULT_GRID.spacing),
      },
      'expected an object { size, spacing }',
    ),
    { ...DEFAULT_GRID },
  ),
  v.description('the focal region of a sonication and the voxel size of a plan’s region'),
);

const id = v.pipe(v.string('expected a string'), v.minLength(1, 'expected a non-empty id'), v.maxLength(64));

export const spot = v.strictObject({
  id,
  focus: point('the spot’s electronic focus'),
  acousticPower: bounded(0, 5000, 'acoustic power [W]', false, PLANNER_RANGES.acousticPower),
  duration: bounded(0, 600, 'heating time [s]', false, PLANNER_RANGES.duration),
  cooling: bounded(0, 600, 'cooling time after it, before the next spot [s]', false, PLANNER_RANGES.cooling),
});

export const noPass = v.strictObject({
  id,
  kind: v.picklist(['sphere', 'box'], 'expected "sphere" or "box"'),
  centre: point('centre of the region'),
  size: bounded(0, 0.2, 'sphere: radius; box: half the side of an axis-aligned cube [m]', true),
});

export const probe = v.strictObject({
  id,
  label: v.pipe(v.string('expected a string'), v.maxLength(80)),
  point: point('where temperature and dose are followed'),
});

const elementIndex = v.pipe(
  v.number('expected an element index'),
  v.integer('expected an integer element index'),
  v.minValue(0, 'expected an element index ≥ 0'),
  v.maxValue(4095, 'expected an element index ≤ 4095'),
);

export const planning = v.pipe(
  v.strictObject(
    {
      elementsOff: v.optional(v.array(elementIndex, 'expected an array of element indices'), []),
      autoSwitchOff: v.optional(v.boolean('expected true or false'), false),
      noPass: v.optional(v.array(noPass, 'expected an array of no-pass regions'), []),
      freeBeamMode: v.optional(v.boolean('expected true or false'), false),
      freeBeams: v.optional(v.array(point('a free beam’s source'), 'expected an array of points'), []),
      spots: v.optional(v.array(spot, 'expected an array of spots'), []),
      selectedSpotId: v.optional(id),
      probes: v.optional(v.array(probe, 'expected an array of probes'), []),
      targetSnap: v.optional(v.picklist(['surface', 'inside'], 'expected "surface" or "inside"'), 'inside'),
    },
    'expected an object { spots, noPass, elementsOff, … }',
  ),
  v.description(
    'the plan beyond one sonication: spots (run in order, dose accumulating), no-pass regions, element states, probes',
  ),
);

export const safety = v.pipe(
  v.strictObject(
    {
      skinMaxTemperature: bounded(37, 100, 'skin, maximum temperature [°C]'),
      boneSurfaceMaxTemperature: bounded(
        37,
        100,
        'bone surface more than 5 mm from the focus, maximum temperature [°C]',
      ),
      criticalMaxDose: bounded(0, 1e6, 'critical structures, maximum thermal dose [CEM43 min]'),
      maxEnergyPerSonication: bounded(0, 1e6, 'energy per sonication [J]'),
      warnFraction: bounded(0, 1, 'a value within this fraction below a limit warns [-]'),
    },
    'expected an object of the safety limits',
  ),
  v.description('the safety dashboard’s limits'),
);
