import fc from 'fast-check';
import type { PlanState } from '../../src/app/plan-file.ts';
import { TISSUE_IDS } from '../../src/physics/tissue-ids.ts';
import { PRESETS } from '../../src/physics/transducer.ts';

type Vec3 = [number, number, number];

/** The bundled cases (models/catalogue.json). */
export const CASE_IDS = ['femur-shaft', 'iliac-wing', 'rib', 'bone-plate-validation'] as const;

const num = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
/** A coordinate in a case [m] (the UI allows ±1 m; the bundled cases fit in ±0.3 m). */
const coordinate = num(-0.3, 0.3);
export const point: fc.Arbitrary<Vec3> = fc.tuple(coordinate, coordinate, coordinate);

/** A unit vector, as the store's setBeamDirection leaves it. */
const direction: fc.Arbitrary<Vec3> = fc
  .tuple(num(-1, 1), num(-1, 1), num(-1, 1))
  .filter(([x, y, z]) => Math.hypot(x, y, z) > 0.1)
  .map(([x, y, z]) => {
    const n = Math.hypot(x, y, z);
    return [x / n, y / n, z / n] as Vec3;
  });

/** The presets, their frequency as typed (0.2–3 MHz), and the clinical array with fewer elements. */
const transducer = fc.oneof(
  fc
    .record({
      preset: fc.constantFrom(PRESETS.clinicalBodyArray, PRESETS.singleElementBowl),
      frequency: num(0.2e6, 3e6),
    })
    .map(({ preset, frequency }) => ({ ...preset, frequency })),
  fc.integer({ min: 16, max: 208 }).map((elementCount) => ({ ...PRESETS.clinicalBodyArray, elementCount })),
);

/** Property values in the plan format's ranges (src/plan-file/fields.ts `properties`). */
const PROPERTY_RANGES = {
  density: [900, 2000],
  speedOfSound: [300, 4000],
  attenuation0: [0, 300],
  attenuationExponent: [0, 3],
  absorptionFraction: [0, 1],
  shearSpeed: [0, 2000],
  shearAttenuation0: [0, 500],
  specificHeat: [1000, 4200],
  thermalConductivity: [0.1, 1],
  perfusion: [0, 20],
} as const;

const override = fc
  .record(
    Object.fromEntries(Object.entries(PROPERTY_RANGES).map(([k, [lo, hi]]) => [k, num(lo, hi)])) as Record<
      keyof typeof PROPERTY_RANGES,
      fc.Arbitrary<number>
    >,
    { requiredKeys: [] },
  )
  .filter((o) => Object.keys(o).length > 0);

const tissueOverrides = fc.dictionary(fc.constantFrom(...TISSUE_IDS), override, { maxKeys: 4 });

const id = fc.string({ minLength: 1, maxLength: 64 });

/** A random planning state the app can hold: every field within the ranges its panels accept. */
export const planState: fc.Arbitrary<PlanState> = transducer.chain((t) =>
  fc
    .record({
      target: point,
      beamDirection: direction,
      sonication: fc.record({ acousticPower: num(0.1, 500), duration: num(0.5, 120), cooling: num(0, 300) }),
      elementsOff: fc
        .uniqueArray(fc.integer({ min: 0, max: t.elementCount - 1 }), { maxLength: 12 })
        .map((a) => a.sort((x, y) => x - y)),
      autoSwitchOff: fc.boolean(),
      noPass: fc.uniqueArray(
        fc.record({
          id,
          kind: fc.constantFrom('sphere' as const, 'box' as const),
          centre: point,
          size: num(5e-4, 0.1),
        }),
        { selector: (r) => r.id, maxLength: 4 },
      ),
      spots: fc.uniqueArray(
        fc.record({
          id,
          focus: point,
          acousticPower: num(0.1, 500),
          duration: num(0.5, 120),
          cooling: num(0, 300),
        }),
        { selector: (s) => s.id, maxLength: 8 },
      ),
      pick: fc.nat(),
      freeBeamMode: fc.boolean(),
      freeBeams: fc.array(point, { maxLength: 5 }),
      targetSnap: fc.constantFrom('surface' as const, 'inside' as const),
      aberrationCorrection: fc.boolean(),
      probes: fc.uniqueArray(fc.record({ id, label: fc.string({ maxLength: 80 }), point }), {
        selector: (p) => p.id,
        maxLength: 4,
      }),
      tissueOverrides,
      safetyThresholds: fc.record({
        skinMaxTemperature: num(37, 100),
        boneSurfaceMaxTemperature: num(37, 100),
        criticalMaxDose: num(0.01, 1e6),
        maxEnergyPerSonication: num(1, 1e6),
        warnFraction: num(0, 0.99),
      }),
    })
    .map(({ pick, ...rest }): PlanState => {
      const chosen = rest.spots.length > 0 && pick % 3 !== 0 ? rest.spots[pick % rest.spots.length] : undefined;
      return { ...rest, transducer: t, selectedSpotId: chosen?.id };
    }),
);
