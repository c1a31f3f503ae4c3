import type { TimeSeries } from './shown-run.ts';

/**
 * Okabe–Ito colours (Okabe & Ito 2008), distinguishable with every common colour-vision deficiency, ordered for a
 * dark background (black moved last and lightened). The focus gets the first.
 */
export const OKABE_ITO = ['#E69F00', '#56B4E9', '#009E73', '#F0E442', '#CC79A7', '#D55E00', '#0072B2', '#BBBBBB'];

export function seriesColour(index: number): string {
  return OKABE_ITO[index % OKABE_ITO.length] as string;
}

/** Smallest dose drawn on the log axis [CEM43 min]: below it a curve is not drawn (log 0 is undefined). */
export const DOSE_FLOOR = 1e-2;

/** One curve per recorded point: its label and values against series.time. */
export interface Curves {
  time: number[];
  labels: string[];
  temperature: (number | null)[][];
  /** doses below DOSE_FLOOR are null (not drawn on the log axis) */
  dose: (number | null)[][];
}

/** Splits a series (points × time, row-major by point) into one curve per point. Non-finite values are gaps. */
export function seriesCurves(series: TimeSeries): Curves {
  const steps = series.time.length;
  const points = steps > 0 ? Math.floor(series.temperature.length / steps) : 0;
  const temperature: (number | null)[][] = [];
  const dose: (number | null)[][] = [];
  for (let p = 0; p < points; p++) {
    const t: (number | null)[] = [];
    const d: (number | null)[] = [];
    for (let k = 0; k < steps; k++) {
      const tv = series.temperature[p * steps + k] as number;
      const dv = series.dose[p * steps + k];
      t.push(Number.isFinite(tv) ? tv : null);
      d.push(dv !== undefined && Number.isFinite(dv) && dv >= DOSE_FLOOR ? dv : null);
    }
    temperature.push(t);
    dose.push(d);
  }
  const labels = Array.from({ length: points }, (_, p) => series.labels[p] ?? (p === 0 ? 'focus' : `point ${p}`));
  return { time: Array.from(series.time), labels, temperature, dose };
}

/** A round step for a time slider over `span` seconds, about `divisions` steps. */
export function niceStep(span: number, divisions = 200): number {
  if (!(span > 0)) return 0.1;
  const raw = span / divisions;
  const power = 10 ** Math.floor(Math.log10(raw));
  const m = raw / power;
  return Number(((m < 1.5 ? 1 : m < 3.5 ? 2 : m < 7.5 ? 5 : 10) * power).toPrecision(6));
}
