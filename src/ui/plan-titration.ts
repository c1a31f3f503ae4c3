import type { PlanOutcome } from '../engine/outcomes.ts';
import type { PlanSpot } from '../state/planning.ts';
import { BASELINE_TEMPERATURE } from './colour-scales.ts';
import { RULES } from './plan-helpers.ts';
import type { TemperatureLimit } from './safety.ts';

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
  /** the power is held below the aim's by a safety limit of the run ('limit') or by the energy per sonication */
  heldBy?: 'limit' | 'energy';
}

/** What the safety limits allow the titration (see titrationCaps). */
export interface TitrationCaps {
  /** the most any spot's power may be multiplied by (1 = no temperature limit near) */
  factor: number;
  /** the limit that sets `factor`, where one does */
  limit?: TemperatureLimit;
  /** the most energy one sonication may deliver [J] */
  maxEnergy: number;
}

/**
 * The caps the run's safety limits put on a titration. The plan's heat is the sum of every spot's, each in
 * proportion to its power (PHYSICS.md §1.5), so when no spot's power grows by more than a factor f, no temperature
 * rise anywhere grows by more than f: f = (limit − 37)/(reached − 37) keeps each limit the run came near or broke
 * (the skin, the bone surface away from the foci).
 * @param limits - the run's maxima under a temperature limit (safety.ts temperatureLimits)
 * @param maxEnergy - the energy per sonication the limits allow [J]
 */
export function titrationCaps(limits: readonly TemperatureLimit[], maxEnergy: number): TitrationCaps {
  let caps: TitrationCaps = { factor: Number.POSITIVE_INFINITY, maxEnergy };
  for (const l of limits) {
    if (!(l.value > BASELINE_TEMPERATURE + 0.5) || !(l.limit > BASELINE_TEMPERATURE)) continue;
    const factor = (l.limit - BASELINE_TEMPERATURE) / (l.value - BASELINE_TEMPERATURE);
    if (factor < caps.factor) caps = { factor, limit: l, maxEnergy };
  }
  return caps;
}

const NO_CAPS: TitrationCaps = { factor: Number.POSITIVE_INFINITY, maxEnergy: Number.POSITIVE_INFINITY };

/**
 * Each delivered spot's power for a peak of PEAK_AIM, from a run of the plan: the heat a spot makes rises in
 * proportion to its power (the tissue's temperature rise is linear in the source, PHYSICS.md §1.5), so the power
 * is scaled by (aim − 37)/(peak − 37). In a sequence a spot's peak also holds its neighbours' lingering heat, which
 * this does not separate out: a second run shows how close it came (a run with powers changed only reuses every
 * spot's field). Spots blocked or without a peak are left alone; powers stay within the power field's range.
 * No power grows past what the safety limits allow (caps): a spot near the aim is lowered too when a limit asks.
 * @param spots - the plan's spots now
 * @param outcome - the run to scale from (its spots by id)
 * @param caps - the run's safety limits (titrationCaps); none by default
 * @param aim - [°C]
 * @returns the changes, in plan order (empty when every spot is already near the aim and within the limits)
 */
export function titratedPowers(
  spots: readonly PlanSpot[],
  outcome: PlanOutcome,
  caps: TitrationCaps = NO_CAPS,
  aim = PEAK_AIM,
): PowerChange[] {
  const peaks = new Map(
    outcome.spots.filter((s) => s.status !== 'blocked').map((s) => [s.id, s.summary.peakTemperature]),
  );
  const changes: PowerChange[] = [];
  for (const spot of spots) {
    const peak = peaks.get(spot.id);
    if (peak === undefined || !(peak > BASELINE_TEMPERATURE + 0.5)) continue;
    const byLimit = spot.acousticPower * caps.factor;
    const byEnergy = caps.maxEnergy / spot.duration;
    const most = Math.min(byLimit, byEnergy);
    const nearAim = Math.abs(peak - aim) <= CLOSE_ENOUGH;
    if (nearAim && spot.acousticPower <= most) continue;
    const wanted = nearAim ? spot.acousticPower : powerForPeak(spot.acousticPower, peak, aim);
    // Rounded down, so that the power offered keeps the limit it is held by.
    const held = wanted > most;
    const to = held ? Math.max(RULES.power.min, Math.floor(most * 10) / 10) : wanted;
    if (to === spot.acousticPower) continue;
    const change: PowerChange = { id: spot.id, from: spot.acousticPower, to, peak };
    if (held) change.heldBy = byLimit <= byEnergy ? 'limit' : 'energy';
    changes.push(change);
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
