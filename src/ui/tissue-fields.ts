import { unit as parseUnit, type Unit } from 'mathjs';
import type { TissueId } from '../physics/tissue-ids.ts';
import { perfusionFromHtr, TISSUES, type TissueProperties, withOverrides } from '../physics/tissues.ts';
import type { TissueKey, TissueOverrides } from '../state/tissue-overrides.ts';
import { TISSUE_NAMES } from '../style/palette.ts';
import type { QuantityParse } from './quantity.ts';

/**
 * The advanced tissue settings' fields: what each property is called, its unit, what may be typed and why a value
 * is refused. Pure (no React), so tests/ui checks it in Node. Every value is shown and stored in SI; the display unit
 * is the SI one, so a bare number means it.
 */

/** How a field reads typed text besides a bare number. */
type Reading =
  /** mathjs with units of the same dimension as `si` (g/cm^3, km/s, J/(kg K)) */
  | 'unit'
  /** Np or dB per m, cm or mm, meaning at 1 MHz (optionally written "/MHz") */
  | 'attenuation'
  /** a plain number or a percentage */
  | 'fraction'
  /** a plain number */
  | 'number'
  /** kg/m³/s, or an IT'IS heat-transfer rate in mL/min/kg converted with the tissue's density */
  | 'perfusion';

export interface TissueField {
  key: TissueKey;
  /** plain words and the usual symbol */
  label: string;
  /** display unit ('' for a pure number) */
  unit: string;
  /** mathjs spelling of the SI unit (reading 'unit' and 'perfusion') */
  si?: string;
  reading: Reading;
  /** only for tissues modelled as elastic solids (cortical bone) */
  solidOnly?: boolean;
  /**
   * Why a value cannot be used, in plain words ('' = it can): physically impossible values, and values so far
   * outside every tissue that the model would not hold or would take impractically long.
   */
  check(value: number, tissue: TissueProperties): string;
}

/** dB per neper of amplitude: 20/ln 10. */
const DB_PER_NEPER = 20 / Math.LN10;
/** Bulk modulus ρ(c² − 4/3·c_t²) > 0 requires the shear speed below √3/2 of the compressional one. */
const MAX_SHEAR_TO_SOUND = Math.sqrt(3) / 2;

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;
const ATTENUATION = /^([-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?)\s*(Np|dB)\s*\/\s*(m|cm|mm)(?:\s*\/\s*MHz)?$/i;
const PERCENT = /^([-+]?(?:\d+\.?\d*|\.\d+))\s*%$/;

/** A number as a message or a field shows it: at most 6 significant figures, no padding zeros. */
export function plainNumber(value: number): string {
  return String(Number(value.toPrecision(6)));
}

function outside(value: number, min: number, max: number, unit: string, why: string): string {
  return value < min || value > max
    ? `Only ${plainNumber(min)} to ${plainNumber(max)}${unit ? ` ${unit}` : ''}: ${why}.`
    : '';
}

/** The fields, in the order the panel lists them. */
export const TISSUE_FIELDS: readonly TissueField[] = [
  {
    key: 'density',
    label: 'Density ρ',
    unit: 'kg/m³',
    si: 'kg/m^3',
    reading: 'unit',
    check: (v, t) =>
      v <= 0
        ? 'A density must be greater than 0.'
        : outside(
            v,
            t.isGas ? 0.1 : 100,
            25_000,
            'kg/m³',
            t.isGas
              ? 'gases lie near 1.2 kg/m³'
              : 'tissues lie between 900 and 2000 kg/m³, and the density also sets the heat capacity, which below 100 kg/m³ would make the heating very slow to compute',
          ),
  },
  {
    key: 'speedOfSound',
    label: 'Speed of sound c',
    unit: 'm/s',
    si: 'm/s',
    reading: 'unit',
    check: (v, t) =>
      v <= 0
        ? 'A speed of sound must be greater than 0.'
        : t.shearSpeed > 0 && t.shearSpeed >= MAX_SHEAR_TO_SOUND * v
          ? `Must be above ${plainNumber(t.shearSpeed / MAX_SHEAR_TO_SOUND)} m/s: a solid's compressional wave is faster than its shear wave (${plainNumber(t.shearSpeed)} m/s) by at least 2/√3.`
          : outside(v, 100, 8000, 'm/s', 'air is 343 m/s and bone about 3500 m/s; the grid is set by the wavelength'),
  },
  {
    key: 'attenuation0',
    label: 'Attenuation α0 at 1 MHz',
    unit: 'Np/m',
    reading: 'attenuation',
    check: (v) =>
      v < 0
        ? 'An attenuation cannot be negative: the wave would grow as it travels.'
        : outside(v, 0, 2000, 'Np/m', 'the gas classes already use 1000 Np/m to stop the wave entirely'),
  },
  {
    key: 'attenuationExponent',
    label: 'Attenuation exponent y (α = α0·f^y, f in MHz)',
    unit: '',
    reading: 'number',
    check: (v) =>
      v < 0 || v >= 3
        ? 'The exponent must be at least 0 and below 3 (a power law is physical only there; tissues are near 1, water 2).'
        : '',
  },
  {
    key: 'absorptionFraction',
    label: 'Absorbed fraction (of the attenuation that heats)',
    unit: '',
    reading: 'fraction',
    check: (v) =>
      v < 0 || v > 1
        ? 'The absorbed fraction must be between 0 and 1: the heat cannot be less than none or more than all of the sound lost.'
        : '',
  },
  {
    key: 'specificHeat',
    label: 'Specific heat c_p',
    unit: 'J/kg/K',
    si: 'J/(kg K)',
    reading: 'unit',
    check: (v) =>
      v <= 0
        ? 'A specific heat must be greater than 0.'
        : outside(
            v,
            300,
            10_000,
            'J/kg/K',
            'tissues lie between 1000 and 4200 J/kg/K, and a smaller one would make the heating very slow to compute',
          ),
  },
  {
    key: 'thermalConductivity',
    label: 'Thermal conductivity k',
    unit: 'W/m/K',
    si: 'W/(m K)',
    reading: 'unit',
    check: (v) =>
      v <= 0
        ? 'A thermal conductivity must be greater than 0.'
        : outside(
            v,
            0.01,
            5,
            'W/m/K',
            'tissues lie between 0.2 and 0.6 W/m/K, and a larger one would make the heating very slow to compute',
          ),
  },
  {
    key: 'perfusion',
    label: 'Blood perfusion w_b',
    unit: 'kg/m³/s',
    si: 'kg/(m^3 s)',
    reading: 'perfusion',
    check: (v) =>
      v < 0
        ? 'Blood perfusion cannot be negative.'
        : outside(v, 0, 100, 'kg/m³/s', 'about 5000 mL/min/kg, more than any organ'),
  },
  {
    key: 'shearSpeed',
    label: 'Shear-wave speed c_t (0 = a fluid)',
    unit: 'm/s',
    si: 'm/s',
    reading: 'unit',
    solidOnly: true,
    check: (v, t) =>
      v < 0
        ? 'A shear speed cannot be negative (0 treats the bone as a fluid).'
        : v >= MAX_SHEAR_TO_SOUND * t.speedOfSound
          ? `Must be below ${plainNumber(MAX_SHEAR_TO_SOUND * t.speedOfSound)} m/s: a shear wave is slower than the compressional wave (${plainNumber(t.speedOfSound)} m/s) by at least √3/2.`
          : '',
  },
  {
    key: 'shearAttenuation0',
    label: 'Shear attenuation at 1 MHz',
    unit: 'Np/m',
    reading: 'attenuation',
    solidOnly: true,
    check: (v) =>
      v < 0
        ? 'An attenuation cannot be negative: the wave would grow as it travels.'
        : outside(v, 0, 5000, 'Np/m', 'bone measures about 100–250 Np/m'),
  },
];

/** The fields of one tissue: the shear ones only for a solid. */
export function fieldsOf(tissue: TissueId): TissueField[] {
  return TISSUE_FIELDS.filter((f) => !f.solidOnly || TISSUES[tissue].shearSpeed > 0);
}

/**
 * A tissue's properties as the engine will use them: the built-in table with the user's values (through the
 * physics' own withOverrides, so a new density also becomes the heat capacity's, as in the engine).
 */
export function effectiveTissue(tissue: TissueId, overrides: TissueOverrides): TissueProperties {
  const own = overrides[tissue];
  return own ? withOverrides(TISSUES, { [tissue]: own })[tissue] : TISSUES[tissue];
}

/** Removes conversion noise (200 mL/min/kg → 199.99999999999997): twelve figures are far beyond any typing. */
function clean(value: number): number {
  return Number(value.toPrecision(12));
}

function readUnit(text: string, si: string, unitName: string): QuantityParse {
  let parsed: Unit;
  try {
    parsed = parseUnit(text);
  } catch {
    return { ok: false, error: `"${text}" is not a value with a unit, e.g. "1 ${unitName}".` };
  }
  if (!parsed.equalBase(parseUnit(si))) return { ok: false, error: `"${text}" is not in units of ${unitName}.` };
  return { ok: true, value: clean(parsed.toNumber(si)) };
}

function readAttenuation(text: string): QuantityParse {
  const m = ATTENUATION.exec(text);
  if (!m)
    return { ok: false, error: `"${text}" is not an attenuation: type e.g. "54.55 Np/m" or "4.74 dB/cm" (at 1 MHz).` };
  const perMetre = { m: 1, cm: 100, mm: 1000 }[(m[3] as string).toLowerCase() as 'm' | 'cm' | 'mm'];
  const nepers = (m[2] as string).toLowerCase() === 'db' ? Number(m[1]) / DB_PER_NEPER : Number(m[1]);
  return { ok: true, value: clean(nepers * perMetre) };
}

function readPerfusion(text: string, tissue: TissueProperties): QuantityParse {
  let parsed: Unit;
  try {
    parsed = parseUnit(text);
  } catch {
    return { ok: false, error: `"${text}" is not a perfusion: type e.g. "0.7 kg/m^3/s" or "36.7 mL/min/kg".` };
  }
  if (parsed.equalBase(parseUnit('kg/(m^3 s)'))) return { ok: true, value: clean(parsed.toNumber('kg/(m^3 s)')) };
  // IT'IS gives a heat-transfer rate per tissue mass; the conversion takes this tissue's density (PHYSICS.md §1.5).
  if (parsed.equalBase(parseUnit('m^3/(kg s)')))
    return { ok: true, value: clean(perfusionFromHtr(parsed.toNumber('mL/(min kg)'), tissue.thermalDensity)) };
  return { ok: false, error: `"${text}" is not in kg/m³/s or mL/min/kg.` };
}

function readValue(text: string, field: TissueField, tissue: TissueProperties): QuantityParse {
  // People type the symbols the panel shows: kg/m³, W/m·K.
  const t = text.trim().replace(/³/g, '^3').replace(/²/g, '^2').replace(/·/g, ' ');
  if (t === '') return { ok: false, error: 'Enter a value.' };
  if (NUMBER.test(t)) return { ok: true, value: Number(t) };
  switch (field.reading) {
    case 'attenuation':
      return readAttenuation(t);
    case 'perfusion':
      return readPerfusion(t, tissue);
    case 'fraction': {
      const m = PERCENT.exec(t);
      return m
        ? { ok: true, value: clean(Number(m[1]) / 100) }
        : { ok: false, error: `"${t}" is not a number: type e.g. "0.16" or "16 %".` };
    }
    case 'number':
      return { ok: false, error: `"${t}" is not a number.` };
    case 'unit':
      return readUnit(t, field.si ?? '', field.unit);
  }
}

/**
 * Reads a typed tissue value and checks it.
 * @param text - as typed ("1.9 g/cm^3", "4.74 dB/cm", "16 %", "36.7 mL/min/kg" or a bare number in the shown unit)
 * @param field - which property
 * @param tissue - the tissue's current properties (for conversions and checks against its other values)
 * @returns the SI value, or why it was refused
 */
export function parseTissueValue(text: string, field: TissueField, tissue: TissueProperties): QuantityParse {
  const read = readValue(text, field, tissue);
  if (!read.ok) return read;
  if (!Number.isFinite(read.value)) return { ok: false, error: 'Enter a finite number.' };
  const why = field.check(read.value, tissue);
  return why ? { ok: false, error: why } : read;
}

/** A value as the field shows it and as it may be typed back: "1908 kg/m³", "0.16". */
export function formatTissueValue(value: number, field: TissueField): string {
  return field.unit ? `${plainNumber(value)} ${field.unit}` : plainNumber(value);
}

/** The same value in the other unit people use, for the note under a field ('' when there is none). */
export function equivalentOf(value: number, field: TissueField, tissue: TissueProperties): string {
  if (field.reading === 'attenuation') return `${Number(((value * DB_PER_NEPER) / 100).toPrecision(3))} dB/cm`;
  if (field.reading === 'perfusion') {
    const htr = value / perfusionFromHtr(1, tissue.thermalDensity);
    return `${Number(htr.toPrecision(3))} mL/min/kg`;
  }
  return '';
}

/**
 * The changed values in plain words, one line per tissue ("Cortical bone: absorbed fraction 0.16").
 * @param overrides - the changed values
 * @returns lines in the table's order
 */
export function describeOverrides(overrides: TissueOverrides): string[] {
  return (Object.keys(TISSUES) as TissueId[]).flatMap((tissue) => {
    const own = overrides[tissue];
    if (!own) return [];
    const parts = TISSUE_FIELDS.flatMap((f) => {
      const v = own[f.key];
      return v === undefined ? [] : [`${shortLabel(f)} ${formatTissueValue(v, f)}`];
    });
    return parts.length > 0 ? [`${TISSUE_NAMES[tissue]}: ${parts.join(', ')}`] : [];
  });
}

/** A field's name without the symbol and the bracket: "absorbed fraction", "speed of sound". */
export function shortLabel(field: TissueField): string {
  const words = field.label.replace(/\s*\(.*\)$/, '').replace(/\s+(ρ|c|α0|y|c_p|k|w_b|c_t)(\s|$)/, '$2');
  return words.charAt(0).toLowerCase() + words.slice(1);
}
