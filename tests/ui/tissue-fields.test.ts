import { describe, expect, it } from 'vitest';
import { TISSUE_IDS } from '../../src/physics/tissue-ids.ts';
import { perfusionFromHtr, TISSUES } from '../../src/physics/tissues.ts';
import {
  describeOverrides,
  effectiveTissue,
  equivalentOf,
  fieldsOf,
  formatTissueValue,
  parseTissueValue,
  shortLabel,
  TISSUE_FIELDS,
  type TissueField,
} from '../../src/ui/tissue-fields.ts';

const field = (key: TissueField['key']) => TISSUE_FIELDS.find((f) => f.key === key) as TissueField;
const bone = TISSUES.cortical_bone;
const parse = (text: string, key: TissueField['key'], tissue = bone) => parseTissueValue(text, field(key), tissue);
const value = (text: string, key: TissueField['key'], tissue = bone) => {
  const p = parse(text, key, tissue);
  if (!p.ok) throw new Error(p.error);
  return p.value;
};

describe('tissue fields', () => {
  it('accept every built-in value of every tissue, and read back what they show', () => {
    for (const id of TISSUE_IDS) {
      for (const f of fieldsOf(id)) {
        const v = TISSUES[id][f.key];
        expect(f.check(v, TISSUES[id]), `${id}.${f.key}`).toBe('');
        const back = parseTissueValue(formatTissueValue(v, f), f, TISSUES[id]);
        expect(back.ok && Math.abs(back.value / (v || 1) - (v === 0 ? 0 : 1)), `${id}.${f.key}`).toBeLessThan(1e-5);
      }
    }
  });

  it('offer the shear values only for a solid', () => {
    expect(fieldsOf('cortical_bone').map((f) => f.key)).toContain('shearSpeed');
    expect(fieldsOf('muscle').map((f) => f.key)).not.toContain('shearSpeed');
    expect(fieldsOf('muscle')).toHaveLength(8);
  });

  it('read values typed with units (mathjs at the edge)', () => {
    expect(value('1.9 g/cm^3', 'density')).toBeCloseTo(1900, 9);
    expect(value('1.9 g/cm³', 'density')).toBeCloseTo(1900, 9);
    expect(value('3.5 km/s', 'speedOfSound')).toBeCloseTo(3500, 9);
    expect(value('1.3 kJ/(kg K)', 'specificHeat')).toBeCloseTo(1300, 9);
    expect(value('0.32 W/m/K', 'thermalConductivity')).toBeCloseTo(0.32, 12);
    expect(value('1908', 'density')).toBe(1908);
    expect(parse('3 m/s', 'density')).toEqual({ ok: false, error: '"3 m/s" is not in units of kg/m³.' });
  });

  it('read attenuations in Np or dB per length, meaning at 1 MHz', () => {
    expect(value('54.55 Np/m', 'attenuation0')).toBe(54.55);
    expect(value('4.74 dB/cm', 'attenuation0')).toBeCloseTo(54.575, 2);
    expect(value('4.74 dB/cm/MHz', 'attenuation0')).toBeCloseTo(54.575, 2);
    expect(value('0.5455 Np/cm', 'attenuation0')).toBeCloseTo(54.55, 9);
    expect(equivalentOf(54.55, field('attenuation0'), bone)).toBe('4.74 dB/cm');
    expect(parse('5 W', 'attenuation0').ok).toBe(false);
  });

  it("read perfusion in kg/m³/s or as IT'IS's heat-transfer rate with the tissue's density", () => {
    const muscle = TISSUES.muscle;
    expect(value('0.7 kg/m^3/s', 'perfusion', muscle)).toBeCloseTo(0.7, 12);
    expect(value('36.7 mL/min/kg', 'perfusion', muscle)).toBeCloseTo(muscle.perfusion, 12);
    expect(equivalentOf(muscle.perfusion, field('perfusion'), muscle)).toBe('36.7 mL/min/kg');
    // A changed density changes the conversion, as the engine's withOverrides does.
    const denser = effectiveTissue('muscle', { muscle: { density: 2180 } });
    expect(value('36.7 mL/min/kg', 'perfusion', denser)).toBeCloseTo(perfusionFromHtr(36.7, 2180), 12);
  });

  it('refuse impossible values with the reason', () => {
    expect(parse('-1', 'absorptionFraction')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/between 0 and 1/),
    });
    expect(parse('1.2', 'absorptionFraction').ok).toBe(false);
    expect(value('16 %', 'absorptionFraction')).toBeCloseTo(0.16, 12);
    expect(parse('0 kg/m^3', 'density')).toMatchObject({ ok: false, error: expect.stringMatching(/greater than 0/) });
    expect(parse('-3 m/s', 'speedOfSound').ok).toBe(false);
    expect(parse('-1 Np/m', 'attenuation0')).toMatchObject({ ok: false, error: expect.stringMatching(/negative/) });
    expect(parse('-1', 'perfusion').ok).toBe(false);
    expect(parse('3', 'attenuationExponent').ok).toBe(false);
    // A shear wave is slower than the compressional one: √3/2 · 3514.9 = 3044 m/s.
    expect(parse('3100 m/s', 'shearSpeed')).toMatchObject({ ok: false, error: expect.stringMatching(/slower/) });
    expect(value('0', 'shearSpeed')).toBe(0);
    expect(parse('1700 m/s', 'speedOfSound')).toMatchObject({ ok: false, error: expect.stringMatching(/faster/) });
    expect(parse('abc', 'density').ok).toBe(false);
    expect(parse('', 'density')).toEqual({ ok: false, error: 'Enter a value.' });
  });

  it('refuse values far outside every tissue, saying why', () => {
    expect(parse('10 kg/m^3', 'density')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^Only 100 to 25000/),
    });
    expect(value('1.2', 'density', TISSUES.lung)).toBe(1.2);
    expect(parse('50 W/m/K', 'thermalConductivity').ok).toBe(false);
  });

  it('describe changed values in plain words', () => {
    expect(describeOverrides({ cortical_bone: { absorptionFraction: 0.16, density: 2000 } })).toEqual([
      'Cortical bone: density 2000 kg/m³, absorbed fraction 0.16',
    ]);
    expect(describeOverrides({})).toEqual([]);
    expect(TISSUE_FIELDS.map(shortLabel)).toEqual([
      'density',
      'speed of sound',
      'attenuation at 1 MHz',
      'attenuation exponent',
      'absorbed fraction',
      'specific heat',
      'thermal conductivity',
      'blood perfusion',
      'shear-wave speed',
      'shear attenuation at 1 MHz',
    ]);
  });
});
