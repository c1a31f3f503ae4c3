import type { TimeSeries } from '../worker/results-protocol.ts';

/**
 * CSV export of a time series (pure TypeScript, no DOM). RFC 4180: comma separators, CRLF line ends, fields with
 * a comma, a double quote or a line break are quoted and their quotes doubled. Numbers use '.' as the decimal
 * mark whatever the locale.
 */

/** A field quoted when RFC 4180 requires it. */
export function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Float32 value to 7 significant digits (its precision), shortest form; empty for NaN (a point outside the region). */
function value(x: number): string {
  return Number.isFinite(x) ? String(Number(x.toPrecision(7))) : '';
}

/**
 * One row per recorded step: `time_s,<label> temperature_C,<label> dose_CEM43min,…` for every point in order
 * (the focus first). Time in s (full precision), temperature in °C, cumulative dose in CEM43 min.
 * @param series - the recorded series
 * @returns the CSV text, header first, CRLF line ends (a final CRLF included)
 */
export function seriesToCsv(series: TimeSeries): string {
  const steps = series.time.length;
  const points = series.labels.length;
  const header = ['time_s'];
  for (const label of series.labels)
    header.push(csvField(`${label} temperature_C`), csvField(`${label} dose_CEM43min`));
  const rows = [header.join(',')];
  for (let s = 0; s < steps; s++) {
    const row = [String(series.time[s])];
    for (let p = 0; p < points; p++) {
      row.push(value(series.temperature[p * steps + s] as number), value(series.dose[p * steps + s] as number));
    }
    rows.push(row.join(','));
  }
  return `${rows.join('\r\n')}\r\n`;
}
