/**
 * Numbers as the product shows them (PRODUCT.md): three significant figures, a display unit, never NaN.
 * Values arrive in SI; the `scale` turns them into the display unit (e.g. 1e-6 for Pa → MPa).
 */
export function formatQuantity(valueSi: number | undefined, unit: string, scale = 1, digits = 3): string {
  if (valueSi === undefined || !Number.isFinite(valueSi)) return '—';
  const v = valueSi * scale;
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
