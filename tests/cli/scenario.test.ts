import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { driveToPower, parseScenario, readScenario, ScenarioError, WATER_IMPEDANCE } from '../../src/cli/scenario.ts';
import { EXIT, main } from '../../src/cli/simulate.ts';
import { bowlPatchCount, radiatingArea, sourceLayout } from '../../src/engine/source-layout.ts';
import { PRESETS } from '../../src/physics/transducer.ts';

const SCENARIOS = new URL('../../public/scenarios/', import.meta.url);

/** A small valid scenario; tests break one field at a time. */
function valid(): Record<string, unknown> {
  return {
    transducer: { preset: 'clinicalBodyArray' },
    drive: { acousticPower: 20 },
    medium: { type: 'homogeneous', tissue: 'muscle' },
    sonication: { duration: 2, cooling: 1 },
    grid: { size: 0.006, spacing: 0.001 },
  };
}

function refusal(json: unknown): ScenarioError {
  try {
    parseScenario(json);
  } catch (error) {
    if (error instanceof ScenarioError) return error;
    throw error;
  }
  throw new Error('the scenario was accepted');
}

describe('scenario parsing and validation', () => {
  it('fills in the defaults: cooling 0, the app grid, +z and the preset geometry', () => {
    const s = parseScenario({ ...valid(), sonication: { duration: 5 }, grid: undefined });
    expect(s.input.sonication.cooling).toBe(0);
    expect(s.input.grid).toEqual({ size: 0.04, spacing: 0.0008 });
    expect(s.beamDirection).toBeUndefined();
    expect(s.transducer).toEqual(PRESETS.clinicalBodyArray);
    expect(s.drive).toEqual({ quantity: 'acousticPower', value: 20 });
  });

  it('accepts explicit geometry, and a preset with overridden fields', () => {
    const explicit = {
      radiusOfCurvature: 0.1,
      aperture: 0.08,
      centralHoleDiameter: 0,
      elementCount: 64,
      elementDiameter: 0.006,
      frequency: 1.5e6,
    };
    expect(parseScenario({ ...valid(), transducer: explicit }).transducer).toEqual(explicit);
    const overridden = parseScenario({ ...valid(), transducer: { preset: 'singleElementBowl', frequency: 5e5 } });
    expect(overridden.transducer).toEqual({ ...PRESETS.singleElementBowl, frequency: 5e5 });
  });

  it('normalises the beam direction', () => {
    expect(parseScenario({ ...valid(), beamDirection: [0, 3, 4] }).beamDirection).toEqual([0, 0.6, 0.8]);
  });

  it.each([
    ['missing field', { ...valid(), transducer: undefined }, 'transducer', /required field is missing/],
    ['not an object field', { ...valid(), drive: 50 }, 'drive', /expected an object with one of/],
    [
      'missing nested field',
      { ...valid(), sonication: { cooling: 3 } },
      'sonication.duration',
      /required field is missing/,
    ],
    ['wrong type', { ...valid(), sonication: { duration: '20 s' } }, 'sonication.duration', /expected a number ≥ 0 s/],
    [
      'negative duration',
      { ...valid(), sonication: { duration: -1 } },
      'sonication.duration',
      /expected a number ≥ 0 s/,
    ],
    ['too long', { ...valid(), sonication: { duration: 1e4 } }, 'sonication.duration', /≤ 600/],
    [
      'a value written with its unit',
      { ...valid(), transducer: { preset: 'clinicalBodyArray', frequency: '1.5 MHz' } },
      'transducer.frequency',
      /^expected a number ≥ 100000 Hz, not the text "1\.5 MHz": the format's numbers are plain SI values in Hz, without a unit$/,
    ],
    [
      'unknown tissue',
      { ...valid(), medium: { type: 'homogeneous', tissue: 'brain' } },
      'medium.tissue',
      /expected one of water, skin/,
    ],
    [
      'unknown layer tissue',
      {
        ...valid(),
        medium: {
          type: 'layers',
          layers: [
            { tissue: 'fat', thickness: 0.01 },
            { tissue: 'x', thickness: 1e-3 },
          ],
        },
      },
      'medium.layers.1.tissue',
      /expected one of/,
    ],
    ['unknown medium type', { ...valid(), medium: { type: 'soup' } }, 'medium.type', /homogeneous, layers, phantom/],
    ['unknown phantom', { ...valid(), medium: { type: 'phantom', id: 'skull' } }, 'medium.id', /femur-shaft/],
    [
      'unknown preset',
      { ...valid(), transducer: { preset: 'exablate4000' } },
      'transducer.preset',
      /clinicalBodyArray/,
    ],
    [
      'incomplete geometry',
      { ...valid(), transducer: { radiusOfCurvature: 0.1, aperture: 0.08 } },
      'transducer.centralHoleDiameter',
      /expected a number/,
    ],
    [
      'non-integer count',
      { ...valid(), transducer: { preset: 'clinicalBodyArray', elementCount: 2.5 } },
      'transducer.elementCount',
      /integer/,
    ],
    ['two drives', { ...valid(), drive: { acousticPower: 20, normalVelocity: 0.1 } }, 'drive', /exactly one/],
    ['no drive', { ...valid(), drive: {} }, 'drive', /exactly one/],
    ['typo', { ...valid(), drive: { acousticPowr: 20 } }, 'drive.acousticPowr', /unknown field/],
    [
      'aberration switch not a boolean',
      { ...valid(), aberrationCorrection: 'yes' },
      'aberrationCorrection',
      /true or false/,
    ],
    ['short vector', { ...valid(), target: [0, 0] }, 'target.2', /expected a number/],
    ['not a vector', { ...valid(), target: 0.1 }, 'target', /\[x, y, z\]/],
    ['zero vector', { ...valid(), beamDirection: [0, 0, 0] }, 'beamDirection', /non-zero/],
    // JSON's 1e400 parses to Infinity: refused where it is read, never simulated into NaN.
    ['an infinite target', { ...valid(), target: [0, Number.POSITIVE_INFINITY, 0] }, 'target.1', /finite/],
    ['a target metres away', { ...valid(), target: [0, 2, 0] }, 'target.1', /≤ 1 m/],
    [
      'an infinite direction',
      { ...valid(), beamDirection: [0, 0, Number.NEGATIVE_INFINITY] },
      'beamDirection.2',
      /finite/,
    ],
    ['grid too fine', { ...valid(), grid: { size: 0.1, spacing: 0.0001 } }, 'grid', /at most 101/],
    [
      'layers past the transducer',
      { ...valid(), medium: { type: 'layers', layers: [{ tissue: 'fat', thickness: 0.2 }] } },
      'medium.layers',
      /before the transducer/,
    ],
    [
      // The clinical array: R 160 mm, aperture 120 mm, so its rim is 148.3 mm from the focus, its apex 160 mm.
      'layers past the rim of the bowl, short of its apex',
      {
        ...valid(),
        transducer: { preset: 'clinicalBodyArray' },
        medium: { type: 'layers', layers: [{ tissue: 'muscle', thickness: 0.155 }] },
      },
      'medium.layers',
      /155 mm reaches its rim, 148.3 mm from the focus/,
    ],
    ['not an object', [1, 2], '', /JSON object/],
  ])('refuses %s, naming the field', (_, json, field, message) => {
    const error = refusal(json);
    expect(error.field).toBe(field);
    expect(error.reason).toMatch(message);
    expect(error.message.startsWith(field ? `${field}: ` : '')).toBe(true);
  });

  it('converts velocity and surface pressure to power with W = ½ρc u² A over the radiating area', () => {
    const bowl = PRESETS.singleElementBowl;
    const area = radiatingArea(sourceLayout(bowl));
    // The patches tile the cap exactly: 2πRh.
    expect(area).toBeCloseTo(2 * Math.PI * 0.14 * (0.14 - Math.sqrt(0.14 ** 2 - 0.06 ** 2)), 12);
    const fromVelocity = driveToPower({ quantity: 'normalVelocity', value: 0.1 }, bowl);
    expect(fromVelocity.acousticPower).toBeCloseTo(0.5 * WATER_IMPEDANCE * 0.01 * area, 9);
    const fromPressure = driveToPower({ quantity: 'surfacePressure', value: WATER_IMPEDANCE * 0.1 }, bowl);
    expect(fromPressure.acousticPower).toBeCloseTo(fromVelocity.acousticPower, 9);
    const back = driveToPower({ quantity: 'acousticPower', value: fromVelocity.acousticPower }, bowl);
    expect(back.normalVelocity).toBeCloseTo(0.1, 12);
  });

  it('tiles a single-element bowl into λ/2 patches and keeps an array as its pistons', () => {
    expect(bowlPatchCount(PRESETS.singleElementBowl)).toBeGreaterThan(20000);
    const bowl = sourceLayout(PRESETS.singleElementBowl);
    expect(bowl.elementRadius).toBe(0);
    expect(Math.abs(bowl.count / bowlPatchCount(PRESETS.singleElementBowl) - 1)).toBeLessThan(0.05);
    const array = sourceLayout(PRESETS.clinicalBodyArray);
    expect(array.count).toBe(208);
    expect(array.elementRadius).toBe(0.003);
  });

  it('every example scenario in public/scenarios parses and validates', () => {
    const files = readdirSync(SCENARIOS).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThanOrEqual(6);
    for (const file of files) {
      const s = readScenario(new URL(file, SCENARIOS).pathname);
      expect(s.input.name, file).toBeTruthy();
    }
  });
});

describe('the command line (in process)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fus-cli-'));

  async function run(args: string[]): Promise<{ code: number; log: string }> {
    const lines: string[] = [];
    const code = await main(args, (line) => lines.push(line));
    return { code, log: lines.join('\n') };
  }

  it('refuses a missing file, a non-JSON file and an invalid scenario with exit code 2', async () => {
    const missing = await run([join(dir, 'nope.json')]);
    expect(missing.code).toBe(EXIT.refused);
    expect(missing.log).toMatch(/cannot read plan file .*ENOENT/);

    const notJson = join(dir, 'not.json');
    writeFileSync(notJson, '{ "transducer": ');
    const broken = await run([notJson]);
    expect(broken.code).toBe(EXIT.refused);
    expect(broken.log).toMatch(/not valid JSON/);

    const invalid = join(dir, 'invalid.json');
    writeFileSync(invalid, JSON.stringify({ ...valid(), sonication: { duration: -5 } }));
    const refused = await run([invalid, '--out', join(dir, 'never.json')]);
    expect(refused.code).toBe(EXIT.refused);
    // The format's bound, then the narrower range the app's planner takes (a file written for it must keep to it).
    expect(refused.log).toBe(
      'scenario refused: sonication.duration: expected a number ≥ 0 s; the planner takes 0.5 to 120 s',
    );
  });

  it('refuses bad usage with exit code 2', async () => {
    expect((await run([])).code).toBe(EXIT.refused);
    expect((await run(['a.json', 'b.json'])).code).toBe(EXIT.refused);
    expect((await run(['a.json', '--bogus'])).code).toBe(EXIT.refused);
  });

  it('finishes a run outside the model with exit 0, but flags it in the results and on stderr', async () => {
    const scenario = join(dir, 'boiling.json');
    const out = join(dir, 'boiling-results.json');
    writeFileSync(scenario, JSON.stringify({ ...valid(), drive: { acousticPower: 3000 } }));
    const { code, log } = await run([scenario, '--out', out]);
    expect(code).toBe(EXIT.ok);
    const results = JSON.parse(readFileSync(out, 'utf8'));
    expect(results.thermal.peakTemperature).toBeGreaterThan(100);
    expect(results.validity.boiling).toBe(true);
    expect(log).toMatch(/outside the model: The tissue reaches \d+ °C/);
  });

  it('flags a target in the water bath, outside the body', async () => {
    const scenario = join(dir, 'in-water.json');
    const out = join(dir, 'in-water-results.json');
    const femur = { type: 'phantom', id: 'femur-shaft' };
    writeFileSync(scenario, JSON.stringify({ ...valid(), medium: femur, target: [0, 0.5, 0] }));
    const { code, log } = await run([scenario, '--out', out]);
    expect(code).toBe(EXIT.ok);
    const results = JSON.parse(readFileSync(out, 'utf8'));
    expect(results.validity.focusOutsideBody).toBe(true);
    expect(log).toMatch(/outside the model: The focus is in the water bath/);
  });

  it('writes the results file', async () => {
    const scenario = join(dir, 'small.json');
    const out = join(dir, 'small-results.json');
    writeFileSync(scenario, JSON.stringify(valid()));
    const { code, log } = await run([scenario, '--out', out]);
    expect(code).toBe(EXIT.ok);
    expect(log).toMatch(/peak \|p\|/);
    const results = JSON.parse(readFileSync(out, 'utf8'));
    expect(results.format).toBe('fus-planner-results/1');
    expect(results.scenario.drive).toEqual({ acousticPower: 20 });
  });
});
