import type { RunFindings } from '../state/store.ts';
import { DISPLAY, formatQuantity } from './format.ts';

/**
 * What a running sonication shows before its results, in the order it learns it: at the click, the live estimate's
 * focal temperature (a quick analytic answer, said to be one); once the field is marched, its peak pressure; then
 * the heat as it is simulated — the time reached and the hottest temperature so far, which ends at the result's peak.
 * @param found - the run's findings so far (store `run.found`)
 * @param estimatedPeak - the live estimate's peak temperature for the same settings [°C], if there is one
 * @returns the lines to show, first to last
 */
export function runFindingsText(found: RunFindings | undefined, estimatedPeak: number | undefined): string[] {
  const lines: string[] = [];
  const { field, heat } = found ?? {};
  const t = DISPLAY.temperature;
  if (!heat && estimatedPeak !== undefined && Number.isFinite(estimatedPeak)) {
    lines.push(`Quick estimate: about ${formatQuantity(estimatedPeak, t.unit)} at the focus.`);
  }
  if (field) {
    const p = DISPLAY.pressure;
    lines.push(`Field done: peak pressure ${formatQuantity(field.peakPressure, p.unit, p.scale)}.`);
  } else if (!heat) {
    lines.push('Computing the field along the whole beam path…');
  }
  if (heat) {
    // "12.3 of 20.0 s": the unit once, so the line fits the bar beside a narrow panel.
    const of = (v: number, whole: number) =>
      `${formatQuantity(v, DISPLAY.time.unit).replace(/ s$/, '')} of ${formatQuantity(whole, DISPLAY.time.unit)}`;
    const hottest = formatQuantity(heat.peakTemperature, t.unit);
    lines.push(
      heat.time <= heat.duration
        ? `Heating: ${of(heat.time, heat.duration)}, hottest so far ${hottest}.`
        : `Cooling: ${of(heat.time - heat.duration, heat.cooling)}, hottest ${hottest}.`,
    );
  }
  return lines;
}
