import { DOSE_CEILING } from '../physics/sonication.ts';

/**
 * Numbers as the product shows them (PRODUCT.md): three significant figures, a display unit, never NaN.
 * Values arrive in SI; the `scale` turns them into the display unit (e.g. 1e-6 for Pa → MPa).
 */
export function formatQuantity(valueSi: number | undefined, unit: string, scale = 1, digits = 3): string {
  if (valueSi === undefined || !Number.isFinite(valueSi)) return '—';
  // Rounded first, so a value that rounds up into the next decade is written as that decade's (9.9996 → "10.0",
  // not "10.00" beside "9.06").
  const v = Number((valueSi * scale).toPrecision(digits));
  if (v === 0) return `0 ${unit}`;
  const magnitude = Math.floor(Math.log10(Math.abs(v)));
  // Thermal doses span many decades (CEM43 doubles per degree above 43 °C): past 10⁵ show a power of ten.
  if (magnitude >= 5) {
    const mantissa = (v / 10 ** magnitude).toFixed(digits - 1);
    return `${mantissa} × 10${superscript(magnitude)} ${unit}`;
  }
  const decimals = Math.max(0, digits - 1 - magnitude);
  const text = decimals > 0 ? v.toFixed(decimals) : String(Number(v.toPrecision(digits)));
  return `${text} ${unit}`;
}

const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

function superscript(n: number): string {
  return String(n)
    .split('')
    .map((d) => SUPERSCRIPT_DIGITS[Number(d)] ?? d)
    .join('');
}

/** The ablation threshold [CEM43 min]: 240 min at 43 °C kills tissue (PRODUCT.md, physics/dose-report.ts). */
export const ABLATION_DOSE = 240;

/** Above this the number of minutes says nothing more than "ablated" (10⁵ min at 43 °C is 69 days). */
const DOSE_NUMBER_UP_TO = 1e5;

/**
 * A thermal dose as a learner can use it. Below 240 CEM43 min, the number; from 240 up to 10⁵, the number and
 * "ablated"; above, only "≥ 240 CEM43 min: ablated" — a dose of 10¹⁰ or 10³⁰ minutes means the same tissue death, and
 * the exponent is kept for the tooltip (`title`); at the engine's ceiling (DOSE_CEILING, where it saturates doses that
 * would overflow), "capped" says the true value is larger.
 * @param valueSi - [CEM43 min]
 * @returns the text to show and a longer explanation for a tooltip ('' when the text says it all)
 */
export function formatDose(valueSi: number | undefined): { text: string; title: string } {
  const unit = DISPLAY.dose.unit;
  if (valueSi === undefined || !Number.isFinite(valueSi)) return { text: '—', title: '' };
  if (valueSi < ABLATION_DOSE) return { text: formatQuantity(valueSi, unit), title: '' };
  if (valueSi < DOSE_NUMBER_UP_TO) {
    return { text: `${formatQuantity(valueSi, unit)} (≥ ${ABLATION_DOSE}: ablated)`, title: '' };
  }
  const exact = formatQuantity(valueSi, unit);
  if (valueSi >= DOSE_CEILING * (1 - 1e-6)) {
    return {
      text: `≥ ${ABLATION_DOSE} ${unit}: ablated (capped)`,
      title: `The simulation stops counting at ${exact}: the true dose is larger, and the tissue is ablated either way.`,
    };
  }
  return {
    text: `≥ ${ABLATION_DOSE} ${unit}: ablated`,
    title: `${exact}: the dose doubles with every degree above 43 °C, so past ${ABLATION_DOSE} min the number only says "ablated".`,
  };
}

export const DISPLAY = {
  pressure: { unit: 'MPa', scale: 1e-6 },
  intensity: { unit: 'W/cm²', scale: 1e-4 },
  temperature: { unit: '°C', scale: 1 },
  dose: { unit: 'CEM43 min', scale: 1 },
  energy: { unit: 'J', scale: 1 },
  power: { unit: 'W', scale: 1 },
  time: { unit: 's', scale: 1 },
  volume: { unit: 'mL', scale: 1e6 },
  length: { unit: 'mm', scale: 1e3 },
  frequency: { unit: 'MHz', scale: 1e-6 },
} as const;

/**
 * A length of time as a person says it: seconds below two minutes ("50.0 s"), minutes and whole seconds above
 * ("14 min 30 s"), so a plan's total is not "0.833 min" beside parts in seconds.
 * @param seconds - [s]
 */
export function formatDuration(seconds: number | undefined): string {
  if (seconds === undefined || !Number.isFinite(seconds)) return '—';
  if (seconds < 120) return formatQuantity(seconds, 's');
  const whole = Math.round(seconds);
  const rest = whole % 60;
  return rest === 0 ? `${whole / 60} min` : `${(whole - rest) / 60} min ${rest} s`;
}
