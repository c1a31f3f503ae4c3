import type { PlanOutcome } from '../engine/outcomes.ts';
import type { PlanSpot } from '../state/planning.ts';
import { BASELINE_TEMPERATURE } from './colour-scales.ts';
import { RULES } from './plan-helpers.ts';

/**
 * The peak each spot is aimed at when its power is set from a run [°C]: inside the clinical 55–90 °C of an
 * ablation, clear of boiling (100 °C), with room for the neighbours' heat that adds to it in a sequence.
 */
export const PEAK_AIM = 85;
/** Within this of the aim a spot is left as it is [°C] (another run would change it by less than it reads). */
const CLOSE_ENOUGH = 3;

/** A spot's power, changed to bring its peak to the aim. */
export interface PowerChange {
  id: string;
  from: number;
  to: number;
  /** the spot's peak in the run the change is computed from [°C] */
  peak: number;
}

/**
 * Each delivered spot's power for a peak of PEAK_AIM, from a run of the plan: the heat a spot makes rises in
 * proportion to its power (the tissue's temperature rise is linear in the source, PHYSICS.md §1.5), so the power
 * is scaled by (aim − 37)/(peak − 37). In a sequence a spot's peak also holds its neighbours' lingering heat, which
 * this does not separate out: a second run shows how close it came (a run with powers changed only reuses every
 * spot's field). Spots blocked or without a peak are left alone; powers stay within the power field's range.
 * @param spots - the plan's spots now
 * @param outcome - the run to scale from (its spots by id)
 * @param aim - [°C]
 * @returns the changes, in plan order (empty when every spot is already near the aim)
 */
export function titratedPowers(spots: readonly PlanSpot[], outcome: PlanOutcome, aim = PEAK_AIM): PowerChange[] {
  const peaks = new Map(
    outcome.spots.filter((s) => s.status !== 'blocked').map((s) => [s.id, s.summary.peakTemperature]),
  );
  const changes: PowerChange[] = [];
  for (const spot of spots) {
    const peak = peaks.get(spot.id);
    if (peak === undefined || !(peak > BASELINE_TEMPERATURE + 0.5) || Math.abs(peak - aim) <= CLOSE_ENOUGH) continue;
    const to = powerForPeak(spot.acousticPower, peak, aim);
    if (to !== spot.acousticPower) changes.push({ id: spot.id, from: spot.acousticPower, to, peak });
  }
  return changes;
}

/**
 * The power that brings a run's peak to `aim`: the temperature rise above baseline is linear in the power (Pennes
 * with fixed properties, PHYSICS.md §1.5), so power × (aim − 37)/(peak − 37), to 0.1 W within the power field's
 * range.
 * @param power - the power the run used [W]
 * @param peak - its peak temperature [°C], above baseline
 * @param aim - [°C]
 * @returns [W]
 */
export function powerForPeak(power: number, peak: number, aim = PEAK_AIM): number {
  const scaled = (power * (aim - BASELINE_TEMPERATURE)) / (peak - BASELINE_TEMPERATURE);
  return Math.round(Math.min(RULES.power.max, Math.max(RULES.power.min, scaled)) * 10) / 10;
}

/**
 * The peak a run would reach at another power (the same linearity) [°C].
 * @param power - the power the run used [W]
 * @param peak - its peak [°C]
 * @param at - the other power [W]
 */
export function peakAtPower(power: number, peak: number, at: number): number {
  return BASELINE_TEMPERATURE + ((peak - BASELINE_TEMPERATURE) * at) / power;
}
