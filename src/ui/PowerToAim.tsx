import { BOILING_TEMPERATURE } from '../engine/validity.ts';
import { usePlanner, usePlannerStoreApi } from '../state/hooks.ts';
import { BASELINE_TEMPERATURE } from './colour-scales.ts';
import { formatQuantity } from './format.ts';
import { RULES } from './plan-helpers.ts';
import { PEAK_AIM, peakAtPower, powerForPeak } from './plan-titration.ts';
import { formatForField } from './quantity.ts';
import type { TemperatureLimit } from './safety.ts';

/** Below this peak a sonication ablates little or nothing: the low end of the clinical 55–90 °C [°C]. */
export const ABLATION_FLOOR = 55;
/** The acoustic powers of bone-metastasis sonications in the clinic [W] (Chen et al. 2017, PHYSICS.md §3). */
export const CLINICAL_POWER = { min: 32, max: 96 } as const;

/**
 * Where a suggested power falls outside the clinic's, in words ("below the 32–96 W used for bone"); undefined
 * inside. A plan's titration says it as the single sonication's advice does.
 */
export function outsideClinicalPower(power: number): string | undefined {
  const range = `the ${CLINICAL_POWER.min}–${CLINICAL_POWER.max} W used for bone`;
  if (power < CLINICAL_POWER.min) return `below ${range}`;
  if (power > CLINICAL_POWER.max) return `above ${range}`;
  return undefined;
}

/** What the run was: its power, time, peak, and the target's own temperature. */
export interface RanAt {
  /** [W] */
  power: number;
  /** [s] */
  duration: number;
  /** the run's peak [°C] */
  peak: number;
  /** the target's highest temperature [°C], when the run gave it */
  target?: number | undefined;
  /**
   * the run's maxima that a safety limit caps, each as linear in the power as the peak (the skin's, the bone
   * surface's away from the focus): a power that brings the peak to the aim must not take one over its limit
   */
  limits?: readonly TemperatureLimit[] | undefined;
}

/** What to say of a run's peak and the power that would bring it to PEAK_AIM; undefined when it needs nothing. */
export interface PowerAdvice {
  /** it boils (true) or stays below the ablation floor (false) */
  boils: boolean;
  /** the power for PEAK_AIM, within the power field's range [W] */
  to: number;
  /** the peak at `to` [°C]: PEAK_AIM unless the power field's range cut the power */
  reaches: number;
  /** the target's temperature at `to` [°C] */
  targetReaches?: number | undefined;
  /**
   * Why no button: more power than the clinic uses or the energy limit allows, which a trainee should not be handed
   * in one click (a walk clicked 190 W and failed two safety limits). Its peak at that most is said instead.
   */
  beyond?: { what: string; most: number; reaches: number; targetReaches?: number | undefined } | undefined;
  /**
   * At `to` the target itself stays below ABLATION_FLOOR: the hottest point is elsewhere (a bone surface beside or
   * behind the target), and a power that spares it cannot ablate the target. No button: a walk on the rib was offered
   * "Use 13.5 W", which would have left the target at 46.7 °C.
   */
  missesTarget?: boolean;
  /**
   * A safety limit held the power below the one for PEAK_AIM: `to` keeps `what` at its limit (the peak then short of
   * the aim). With `missesTarget` too, no power both ablates and keeps within the limit.
   */
  heldBy?: { what: string; limit: number; atAim: number; forAim: number } | undefined;
  /** the peak was in the ablative range: only a safety limit asks for less power (`heldBy` says which) */
  limitOnly?: boolean;
}

/**
 * A sonication that boils tissue or stays too cool to ablate gets the power that would reach PEAK_AIM instead: the
 * rise is linear in the power, so its peak, and the target's temperature, are what a re-run at that power shows.
 * A lower power is always offered; a higher one only within the clinic's powers and the energy limit.
 * @param ran - the run
 * @param maxEnergy - the energy per sonication the safety limits allow [J]
 */
export function powerAdvice(ran: RanAt, maxEnergy: number): PowerAdvice | undefined {
  const { power, duration, peak, target } = ran;
  const boils = peak >= BOILING_TEMPERATURE;
  // A peak in the ablative range needs no other power, unless the run took the skin or the bone surface over its
  // limit: then the most power that spares it (a walk found the rib over two limits and no advice).
  const inRange = !boils && !(peak < ABLATION_FLOOR);
  const over = (ran.limits ?? []).some((l) => l.limit > BASELINE_TEMPERATURE && l.value > l.limit);
  if (inRange && !over) return undefined;
  // No rise at all (every beam off, a target in gas): no power brings it anywhere.
  if (!(peak > BASELINE_TEMPERATURE + 0.5)) return undefined;
  const forAim = inRange ? power : powerForPeak(power, peak);
  if (forAim === power && !inRange) return undefined;
  // The most power every capped maximum allows (its rise scales as the peak's); a walk was offered 27.4 W for a
  // target that had left the lesion, which would still have left the skin at 66 °C against its 45 °C.
  let to = forAim;
  let heldBy: PowerAdvice['heldBy'];
  for (const l of ran.limits ?? []) {
    if (!(l.value > BASELINE_TEMPERATURE + 0.5) || !(l.limit > BASELINE_TEMPERATURE)) continue;
    const most = Math.floor(((power * (l.limit - BASELINE_TEMPERATURE)) / (l.value - BASELINE_TEMPERATURE)) * 10) / 10;
    if (most < to) {
      to = Math.max(RULES.power.min, most);
      heldBy = { what: l.what, limit: l.limit, atAim: peakAtPower(power, l.value, forAim), forAim };
    }
  }
  if (to === power) return undefined;
  const at = (p: number) => (target === undefined ? undefined : peakAtPower(power, target, p));
  const advice: PowerAdvice = {
    boils,
    to,
    reaches: peakAtPower(power, peak, to),
    targetReaches: at(to),
    ...(heldBy ? { heldBy } : {}),
    ...(inRange ? { limitOnly: true } : {}),
  };
  const targetAt = advice.targetReaches;
  if (targetAt !== undefined && targetAt < ABLATION_FLOOR) return { ...advice, missesTarget: true };
  // Held so low that even the hottest point no longer ablates: no power both ablates and keeps within the limit.
  if (heldBy && advice.reaches < ABLATION_FLOOR) return { ...advice, missesTarget: true };
  if (boils || inRange) return advice;
  const energyMost = maxEnergy / duration;
  const most = Math.min(CLINICAL_POWER.max, energyMost);
  if (to <= most) return advice;
  const what =
    energyMost < CLINICAL_POWER.max
      ? `${formatQuantity(most, 'W')}, the most the energy limit of ${formatQuantity(maxEnergy, 'J')} allows in ${formatQuantity(duration, 's')}`
      : `${formatQuantity(most, 'W')}, the most used for bone in the clinic`;
  // The clinic's or the energy's cap is the lower one here: it is what the advice names, beside the aim's own power.
  const { heldBy: _lower, ...capped } = advice;
  return {
    ...capped,
    to: forAim,
    reaches: peakAtPower(power, peak, forAim),
    targetReaches: at(forAim),
    beyond: { what, most, reaches: peakAtPower(power, peak, most), targetReaches: at(most) },
  };
}

/**
 * Beside a sonication that boiled or stayed cool: why, the power that would reach PEAK_AIM (and what the target
 * itself would reach, when the hottest point is elsewhere), and a button that sets it. The run is then marked stale
 * until Sonicate runs it ("same beams as the last run", a fraction of a second). Teaches what a trainee is to find:
 * how the power changes the peak.
 */
export function PowerToAim({ ran, aim }: { ran: RanAt; aim: string }) {
  const store = usePlannerStoreApi();
  const maxEnergy = usePlanner((s) => s.safetyThresholds.maxEnergyPerSonication);
  const advice = powerAdvice(ran, maxEnergy);
  if (!advice) return null;
  const { to, reaches, targetReaches, boils, beyond, missesTarget, heldBy } = advice;
  const power = formatQuantity(ran.power, 'W');
  const why = boils
    ? `At ${power} the peak, ${formatQuantity(ran.peak, '°C')}, boils tissue.`
    : `At ${power} the peak, ${formatQuantity(ran.peak, '°C')}, stays below the ${ABLATION_FLOOR} °C an ablation needs.`;
  const rule = `The rise above ${BASELINE_TEMPERATURE} °C grows in proportion to the power`;
  // The aimed point's own temperature, when the hottest point is elsewhere (a bone surface before or beside it).
  const andAim = (peak: number, there: number | undefined) =>
    there !== undefined && Math.abs(there - peak) > 1 ? `, and ${aim} ${formatQuantity(there, '°C')}` : '';
  const text = formatForField(to, RULES.power);
  const useButton = (
    <button
      type="button"
      className="small"
      data-testid="power-to-aim-set"
      onClick={() => store.getState().setSonication({ acousticPower: to })}
    >
      Use {text}
    </button>
  );
  if (heldBy) {
    const limit = `over its ${formatQuantity(heldBy.limit, '°C')} limit`;
    // What the limit changes: the run itself (its peak ablates), or the power the aim would take.
    const head = advice.limitOnly
      ? `At ${power} the peak, ${formatQuantity(ran.peak, '°C')}, is hot enough to ablate${missesTarget ? ` (but it is not at ${aim})` : ''}, but ${heldBy.what} reached ${formatQuantity(heldBy.atAim, '°C')}, ${limit}. ${rule}:`
      : `${why} ${rule}: ${formatQuantity(heldBy.forAim, 'W')} would bring the peak to ${PEAK_AIM} °C, but ${heldBy.what} would then reach ${formatQuantity(heldBy.atAim, '°C')}, ${limit}.`;
    if (missesTarget) {
      return (
        <p className="hint power-to-aim" data-testid="power-to-aim" data-boils={boils} data-misses-target data-held-by>
          {head} At {formatQuantity(to, 'W')}, the most that keeps {heldBy.what} within it,{' '}
          {targetReaches !== undefined && reaches >= ABLATION_FLOOR ? aim : 'the peak'} would reach only{' '}
          {formatQuantity(targetReaches !== undefined && reaches >= ABLATION_FLOOR ? targetReaches : reaches, '°C')},
          below the {ABLATION_FLOOR} °C an ablation needs. No power does both from here: move the target or the
          transducer.
        </p>
      );
    }
    return (
      <p className="hint power-to-aim" data-testid="power-to-aim" data-boils={boils} data-held-by>
        {head} {text}, the most that keeps {heldBy.what} within it, gives a peak of {formatQuantity(reaches, '°C')}
        {andAim(reaches, targetReaches)}. {useButton}
      </p>
    );
  }
  if (missesTarget) {
    return (
      <p className="hint power-to-aim" data-testid="power-to-aim" data-boils={boils} data-misses-target>
        {why} The hottest point is not at the target: {formatQuantity(to, 'W')} would bring it to{' '}
        {formatQuantity(reaches, '°C')}, but {aim} would then reach only {formatQuantity(targetReaches, '°C')}, below
        the {ABLATION_FLOOR} °C an ablation needs. No power does both from here: move the target or the transducer so
        the beams heat the target first.
      </p>
    );
  }
  if (beyond) {
    return (
      <p className="hint power-to-aim" data-testid="power-to-aim" data-boils={false}>
        {why} {rule}: a peak of {PEAK_AIM} °C would take {formatQuantity(to, 'W')}, more than {beyond.what}. At that
        most the peak would reach {formatQuantity(beyond.reaches, '°C')}
        {andAim(beyond.reaches, beyond.targetReaches)}: move the target or the transducer, or accept less ablation.
      </p>
    );
  }
  const clinical =
    to < CLINICAL_POWER.min ? ` That is below the ${CLINICAL_POWER.min}–${CLINICAL_POWER.max} W used for bone.` : '';
  return (
    <p className="hint power-to-aim" data-testid="power-to-aim" data-boils={boils}>
      {why} {rule}, so {text} gives a peak of {formatQuantity(reaches, '°C')}
      {andAim(reaches, targetReaches)}
      {Math.abs(reaches - PEAK_AIM) > 0.5 ? ' (the least the power field takes)' : ''}.{clinical} {useButton}
    </p>
  );
}
