import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PHANTOMS } from '../../src/cli/scenario.ts';
import { PLAN_SCHEMA_PATH, planJsonSchema } from '../../src/plan-file/json-schema.ts';
import { fieldInWords, PlanFileError, parsePlan } from '../../src/plan-file/parse.ts';
import { PLAN_FORMAT, PLAN_VERSION } from '../../src/plan-file/schema.ts';

// One plan file for the app and the command line (issue 11): every bundled plan and scenario reads, a scenario is a
// version 0 plan, a plan survives a trip through its file unchanged, and whatever else is refused with the field.

const ROOT = new URL('../../', import.meta.url);
const IDS = PHANTOMS.map((p) => p.id);
const read = (folder: string) =>
  readdirSync(new URL(folder, ROOT))
    .filter((f) => f.endsWith('.json'))
    .map((f) => [f, JSON.parse(readFileSync(new URL(`${folder}${f}`, ROOT), 'utf8'))] as const);

function refusal(json: unknown): PlanFileError {
  try {
    parsePlan(json, IDS);
  } catch (error) {
    if (error instanceof PlanFileError) return error;
    throw error;
  }
  throw new Error('the plan was accepted');
}

const minimal = () => ({
  format: PLAN_FORMAT,
  version: PLAN_VERSION,
  medium: { type: 'phantom', id: 'femur-shaft' },
  transducer: { preset: 'clinicalBodyArray' },
  drive: { acousticPower: 50 },
  sonication: { duration: 20, cooling: 30 },
});

describe('the bundled plans and scenarios', () => {
  it.each(read('public/plans/'))('%s is a version 1 plan with spots', (_, json) => {
    const plan = parsePlan(json, IDS);
    expect(plan.readVersion).toBe(1);
    expect(plan.input.planning?.spots.length).toBeGreaterThan(0);
  });

  it('there is one example plan per bundled case', () => {
    const cases = read('public/plans/').map(([, json]) => (json as { medium: { id: string } }).medium.id);
    expect(cases.sort()).toEqual([...IDS].sort());
  });

  it.each(read('public/scenarios/'))('%s (a command-line scenario) reads as a version 0 plan, migrated', (_, json) => {
    const plan = parsePlan(json, IDS);
    expect(plan.readVersion).toBe(0);
    expect(plan.input.format).toBe(PLAN_FORMAT);
    expect(plan.input.version).toBe(PLAN_VERSION);
    expect(plan.input.planning).toBeUndefined();
  });
});

describe('refusals name the field', () => {
  it.each([
    ['another format', { ...minimal(), format: 'something-else' }, 'format', /not a FUS Planner plan/],
    ['a newer version', { ...minimal(), version: 7 }, 'version', /newer FUS Planner/],
    ['a version that is no integer', { ...minimal(), version: 'one' }, 'version', /integer version/],
    [
      'two spots with one id',
      {
        ...minimal(),
        planning: {
          spots: [
            { id: 'a', focus: [0, 0, 0], acousticPower: 10, duration: 1, cooling: 1 },
            { id: 'a', focus: [0, 0, 0.001], acousticPower: 10, duration: 1, cooling: 1 },
          ],
        },
      },
      'planning.spots.1.id',
      /unique id/,
    ],
    [
      'a selected spot that is not one',
      { ...minimal(), planning: { selectedSpotId: 'x' } },
      'planning.selectedSpotId',
      /one of the spots/,
    ],
    [
      'an element the array has not',
      { ...minimal(), planning: { elementsOff: [208] } },
      'planning.elementsOff.0',
      /< 208/,
    ],
    [
      'an infinite spot focus',
      {
        ...minimal(),
        planning: {
          spots: [{ id: 'a', focus: [0, Number.POSITIVE_INFINITY, 0], acousticPower: 1, duration: 1, cooling: 1 }],
        },
      },
      'planning.spots.0.focus.1',
      /finite/,
    ],
    ['an unknown case', { ...minimal(), medium: { type: 'phantom', id: 'elbow' } }, 'medium.id', /expected one of/],
    // The limits in the field's unit (a walk read "expected a number ≤ 10000000").
    [
      'a power past the format’s limit',
      { ...minimal(), drive: { acousticPower: 6000 } },
      'drive.acousticPower',
      // …and the narrower range the planner's power field takes, so the two never disagree.
      /≤ 5000 W; the planner takes 0\.1 to 500 W$/,
    ],
    [
      'a heating time past the format’s limit',
      { ...minimal(), sonication: { duration: 700, cooling: 30 } },
      'sonication.duration',
      /≤ 600 s; the planner takes 0\.5 to 120 s$/,
    ],
    [
      'a negative cooling time',
      { ...minimal(), sonication: { duration: 20, cooling: -1 } },
      'sonication.cooling',
      /≥ 0 s; the planner takes 0 to 300 s$/,
    ],
    [
      'a frequency past the format’s limit',
      { ...minimal(), transducer: { ...minimal().transducer, frequency: 2e7 } },
      'transducer.frequency',
      /≤ 10000000 Hz$/,
    ],
    [
      'a skin limit below body temperature',
      {
        ...minimal(),
        safety: {
          skinMaxTemperature: 20,
          boneSurfaceMaxTemperature: 50,
          criticalMaxDose: 30,
          maxEnergyPerSonication: 3000,
          warnFraction: 0.2,
        },
      },
      'safety.skinMaxTemperature',
      /≥ 37/,
    ],
  ])('refuses %s', (_, json, field, reason) => {
    const error = refusal(json);
    expect(error.field).toBe(field);
    expect(error.reason).toMatch(reason);
  });

  it('anything else at all is either a plan or refused as one, never another error (fast-check)', () => {
    fc.assert(
      fc.property(fc.anything(), (json) => {
        try {
          parsePlan(json, IDS);
        } catch (error) {
          expect(error).toBeInstanceOf(PlanFileError);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a valid plan with any one field broken is refused as a plan, never crashes (fast-check)', () => {
    const base = minimal() as Record<string, unknown>;
    fc.assert(
      fc.property(fc.constantFrom(...Object.keys(base)), fc.jsonValue(), (key, value) => {
        try {
          parsePlan({ ...base, [key]: value }, IDS);
        } catch (error) {
          expect(error).toBeInstanceOf(PlanFileError);
        }
      }),
      { numRuns: 300 },
    );
  });
});

/** Random valid plans: every section, every optional field sometimes present. */
const coordinate = fc.double({ min: -0.3, max: 0.3, noNaN: true });
const pointArb = fc.tuple(coordinate, coordinate, coordinate);
const idArb = fc.string({ minLength: 1, maxLength: 12 });
const planArb = fc
  .record(
    {
      name: fc.string(),
      drive: fc.oneof(
        fc.record({ acousticPower: fc.double({ min: 0, max: 5000, noNaN: true }) }),
        fc.record({ surfacePressure: fc.double({ min: 0, max: 5e6, noNaN: true }) }),
        fc.record({ normalVelocity: fc.double({ min: 0, max: 5, noNaN: true }) }),
      ),
      target: pointArb,
      beamDirection: fc.tuple(fc.constant(0.3), fc.double({ min: -1, max: 1, noNaN: true }), fc.constant(-0.2)),
      aberrationCorrection: fc.boolean(),
      sonication: fc.record({
        duration: fc.double({ min: 0, max: 600, noNaN: true }),
        cooling: fc.double({ min: 0, max: 600, noNaN: true }),
      }),
      tissues: fc.dictionary(
        fc.constantFrom('muscle', 'cortical_bone', 'water'),
        fc.record({ density: fc.double({ min: 900, max: 2000, noNaN: true }) }, { requiredKeys: [] }),
      ),
      planning: fc.record(
        {
          elementsOff: fc.uniqueArray(fc.integer({ min: 0, max: 207 }), { maxLength: 5 }),
          autoSwitchOff: fc.boolean(),
          noPass: fc.array(
            fc.record({
              id: idArb,
              kind: fc.constantFrom('sphere' as const, 'box' as const),
              centre: pointArb,
              size: fc.double({ min: 0.001, max: 0.05, noNaN: true }),
            }),
            { maxLength: 3 },
          ),
          freeBeamMode: fc.boolean(),
          freeBeams: fc.array(pointArb, { maxLength: 3 }),
          spots: fc.uniqueArray(
            fc.record({
              id: idArb,
              focus: pointArb,
              acousticPower: fc.double({ min: 0, max: 500, noNaN: true }),
              duration: fc.double({ min: 0, max: 60, noNaN: true }),
              cooling: fc.double({ min: 0, max: 60, noNaN: true }),
            }),
            { maxLength: 6, selector: (s) => s.id },
          ),
          probes: fc.array(fc.record({ id: idArb, label: fc.string({ maxLength: 20 }), point: pointArb }), {
            maxLength: 3,
          }),
          targetSnap: fc.constantFrom('surface' as const, 'inside' as const),
        },
        { requiredKeys: [] },
      ),
      safety: fc.record({
        skinMaxTemperature: fc.double({ min: 37, max: 100, noNaN: true }),
        boneSurfaceMaxTemperature: fc.double({ min: 37, max: 100, noNaN: true }),
        criticalMaxDose: fc.double({ min: 0, max: 1000, noNaN: true }),
        maxEnergyPerSonication: fc.double({ min: 0, max: 1e5, noNaN: true }),
        warnFraction: fc.double({ min: 0, max: 1, noNaN: true }),
      }),
    },
    { requiredKeys: ['drive', 'sonication'] },
  )
  .map((fields) => ({ ...minimal(), ...fields }));

describe('plan → file → plan is lossless', () => {
  it('random valid plans read back equal after a trip through JSON text (fast-check)', () => {
    fc.assert(
      fc.property(planArb, (plan) => {
        const first = parsePlan(plan, IDS);
        const text = JSON.stringify(first.input);
        const second = parsePlan(JSON.parse(text), IDS);
        expect(second.input).toEqual(first.input);
        expect(second.drive).toEqual(first.drive);
        // What was written is what is read (as JSON holds it: −0 is 0): every spot, no-pass region and tissue value.
        const asJson = (x: unknown) => (x === undefined ? undefined : JSON.parse(JSON.stringify(x)));
        expect(second.input.planning?.spots ?? []).toEqual(asJson(plan.planning?.spots) ?? []);
        expect(second.input.planning?.noPass ?? []).toEqual(asJson(plan.planning?.noPass) ?? []);
        expect(second.input.tissues).toEqual(asJson(plan.tissues));
      }),
      { numRuns: 200 },
    );
  });
});

describe('the published JSON Schema', () => {
  it(`${PLAN_SCHEMA_PATH} is what the valibot schema generates (npm run plan-schema rewrites it)`, () => {
    const committed = JSON.parse(readFileSync(new URL(PLAN_SCHEMA_PATH, ROOT), 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(planJsonSchema(IDS))));
  });

  it('states the unit of the numbers it describes', () => {
    const text = readFileSync(new URL(PLAN_SCHEMA_PATH, ROOT), 'utf8');
    for (const unit of ['[m]', '[W]', '[s]', '[Hz]', '[kg/m³]', '[°C]', '[CEM43 min]']) expect(text).toContain(unit);
  });
});

// A walk read "planning.spots.0.cooling: expected a number ≥ 0 s": the path of the file, not words a user reads.
describe('a refused plan file names the field in words', () => {
  const withSpot = (spot: Record<string, unknown>) => ({
    ...minimal(),
    planning: { spots: [{ id: 'a', focus: [0, 0, 0], acousticPower: 40, duration: 20, cooling: 10, ...spot }] },
  });

  it('a spot’s field is "spot 1, cooling", keeping the file’s own name of the field', () => {
    const error = refusal(withSpot({ cooling: -1 }));
    expect(error.field).toBe('planning.spots.0.cooling');
    expect(error.message).toMatch(/^spot 1, cooling: expected a number ≥ 0 s/);
  });

  it('a coordinate of a spot’s focus is named by its axis', () => {
    expect(refusal(withSpot({ focus: [0, 'here', 0] })).message).toMatch(/^spot 1, focus, y: /);
  });

  it('a path it does not know is left as the file spells it', () => {
    expect(refusal({ ...minimal(), drive: { acousticPower: -1 } }).message).toMatch(/^drive\.acousticPower: /);
  });
});

describe('fieldInWords', () => {
  it('counts the entries of a plan’s lists from 1 and names a point’s coordinate by its axis', () => {
    expect(fieldInWords('planning.spots.2.acousticPower')).toBe('spot 3, acousticPower');
    expect(fieldInWords('planning.noPass.0.centre.2')).toBe('no-pass region 1, centre, z');
    expect(fieldInWords('planning.probes.1')).toBe('probe 2');
    expect(fieldInWords('planning.freeBeams.0.1')).toBe('free beam 1, y');
    expect(fieldInWords('transducer.frequency')).toBe('transducer.frequency');
  });
});
