import { BOILING_TEMPERATURE } from '../engine/validity.ts';
import type { RunFindings } from '../state/store.ts';
import { DISPLAY, formatQuantity } from './format.ts';

/** The heat of a run (or of a plan's spot) so far. */
type HeatSnapshot = NonNullable<RunFindings['heat']>;

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
    lines.push('Computing the field…');
  }
  if (heat) lines.push(`${heatText(heat)}.`);
  return lines;
}

/**
 * The heat of a run so far: "Heating: 12.3 of 20.0 s, hottest so far 61.2 °C" (the unit once, so the line fits
 * the bar beside a narrow panel), or "Cooling: …, hottest …" after the heating.
 */
function heatText(heat: HeatSnapshot): string {
  // Tenths of a second, so the line does not change width as the time passes 10 s.
  const of = (v: number, whole: number) => `${v.toFixed(1)} of ${whole.toFixed(1)} ${DISPLAY.time.unit}`;
  // Said as it happens: above 100 °C the tissue boils, which the model does not simulate.
  const hottest = `${formatQuantity(heat.peakTemperature, DISPLAY.temperature.unit)}${heat.peakTemperature >= BOILING_TEMPERATURE ? ' (boiling)' : ''}`;
  return heat.time <= heat.duration
    ? `Heating: ${of(heat.time, heat.duration)}, hottest so far ${hottest}`
    : `Cooling: ${of(heat.time - heat.duration, heat.cooling)}, hottest ${hottest}`;
}

/**
 * What a running plan shows under its bar: the spot whose heat is being simulated, by its number in the plan's
 * list, and its heat so far; before the first spot heats, that the fields are being computed (the spots after it
 * are marched while it heats).
 * @param heat - the plan run's latest heat snapshot (store `planRun.heat`)
 * @returns the line to show
 */
export function planFindingsText(heat: HeatSnapshot | undefined): string {
  if (!heat?.spot) return "Computing each spot's field…";
  const text = heatText(heat);
  return `Spot ${heat.spot.index + 1} of ${heat.spot.count}, ${text[0]?.toLowerCase()}${text.slice(1)}.`;
}
