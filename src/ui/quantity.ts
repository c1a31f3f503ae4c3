import { unit as parseUnit, type Unit } from 'mathjs';

export type QuantityParse = { ok: true; value: number } | { ok: false; error: string };

export interface QuantityRule {
  /** SI unit the value is returned in, as mathjs spells it (W, s, Hz). */
  si: string;
  min: number;
  max: number;
  /** Display unit for messages (e.g. W, s, MHz) and its scale from SI. */
  display: string;
  scale: number;
  /**
   * Decimals the field shows in the display unit (0.1 mm for a coordinate, 0.1° for an angle): a value set by a
   * drag reads "19.2 mm", not "19.1833 mm". Absent: six significant figures. Typed values keep their precision.
   */
  decimals?: number;
  /** why the range is what it is, said after it when a value falls outside ("the body spans …") */
  why?: string;
}

/**
 * A value as the field shows it and as a person would type it: rounded to the field's precision, no padding zeros
 * (`50 W`, `0.5 s`, `19.2 mm`).
 */
export function formatForField(valueSi: number, rule: QuantityRule): string {
  const v = valueSi * rule.scale;
  const rounded = rule.decimals === undefined ? Number(v.toPrecision(6)) : Number(v.toFixed(rule.decimals));
  // −0 reads "0".
  return `${rounded === 0 ? 0 : rounded} ${rule.display}`;
}

/** A value to show in an example: 60 when the field takes it, else a round value inside its range [display units]. */
function example(rule: QuantityRule): number {
  const lo = rule.min * rule.scale;
  const hi = rule.max * rule.scale;
  if (lo <= 60 && 60 <= hi) return 60;
  const middle = lo > 0 ? Math.sqrt(lo * hi) : (lo + hi) / 2;
  return Number(middle.toPrecision(1));
}

const NUMBER_ONLY = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;
const NUMBER_AND_UNIT = /^([-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?)\s*([a-zA-Z°]+)$/;

const DECIMAL_COMMA = /^([-+]?\d+),(\d+)([^,]*)$/;

/**
 * A number typed with a comma ("60,5 W") is refused with a hint, never read: the comma may be a decimal comma or a
 * thousands separator ("1,000 W"), and guessing wrong is off by a thousand.
 */
function decimalCommaHint(text: string): string | undefined {
  const m = DECIMAL_COMMA.exec(text);
  if (!m) return undefined;
  const [, whole, fraction, rest] = m as unknown as [string, string, string, string];
  const hint = `"${text}" has a comma: use a decimal point: "${whole}.${fraction}${rest}"`;
  return fraction.length === 3
    ? `${hint}, or "${whole}${fraction}${rest}" if the comma separates thousands.`
    : `${hint}.`;
}

/**
 * Parses a value typed as a person would (`60 W`, `0.06 kW`, `20 s`, `1.2 MHz`, or a bare number in the display
 * unit) with mathjs, converts it to SI and checks it against a range. Never throws: returns a message to show.
 */
export function parseQuantity(text: string, rule: QuantityRule): QuantityParse {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, error: 'Enter a value.' };
  const comma = decimalCommaHint(trimmed);
  if (comma) return { ok: false, error: comma };
  let value: number;
  // The field's own unit in another case ("50 w", "1.2 mhz") is that unit: mathjs reads units case by case, and a walk
  // found "50 w" refused as having no unit. Only the displayed unit is folded (mHz is no frequency a field takes).
  const folded = NUMBER_AND_UNIT.exec(trimmed);
  if (NUMBER_ONLY.test(trimmed)) {
    value = Number(trimmed) / rule.scale;
  } else if (folded && folded[2]?.toLowerCase() === rule.display.toLowerCase()) {
    value = Number(folded[1]) / rule.scale;
  } else {
    let parsed: Unit;
    try {
      parsed = parseUnit(trimmed);
    } catch {
      // A number with a unit mathjs does not know ("50 °C", "3 furlongs") has a unit: just not one this field takes.
      const error = folded
        ? `"${trimmed}" is not in units of ${rule.display}, e.g. "${example(rule)} ${rule.display}".`
        : `"${trimmed}" is not a value with a unit, e.g. "${example(rule)} ${rule.display}".`;
      return { ok: false, error };
    }
    if (!parsed.equalBase(parseUnit(rule.si))) {
      return { ok: false, error: `"${trimmed}" is not in units of ${rule.display}.` };
    }
    value = parsed.toNumber(rule.si);
  }
  if (!Number.isFinite(value)) return { ok: false, error: 'Enter a finite number.' };
  if (value < rule.min || value > rule.max) {
    return {
      ok: false,
      error: `Must be between ${Number((rule.min * rule.scale).toPrecision(6))} and ${Number((rule.max * rule.scale).toPrecision(6))} ${rule.display}${rule.why ? `: ${rule.why}` : ''}.`,
    };
  }
  return { ok: true, value };
}
