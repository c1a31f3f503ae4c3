import { BOILING_TEMPERATURE } from '../engine/validity.ts';
import { usePlannerStoreApi } from '../state/hooks.ts';
import { BASELINE_TEMPERATURE } from './colour-scales.ts';
import { formatQuantity } from './format.ts';
import { RULES } from './plan-helpers.ts';
import { PEAK_AIM, peakAtPower, powerForPeak } from './plan-titration.ts';

/** Below this peak a sonication ablates little or nothing: the low end of the clinical 55–90 °C [°C]. */
export const ABLATION_FLOOR = 55;
/** The acoustic powers of bone-metastasis sonications in the clinic [W] (Chen et al. 2017, PHYSICS.md §3). */
export const CLINICAL_POWER = { min: 32, max: 96 } as const;

/** What to say of a run's peak and the power that would bring it to PEAK_AIM; undefined when it needs nothing. */
export interface PowerAdvice {
  /** the run's peak [°C] */
  peak: number;
  /** it boils (true) or stays below the ablation floor (false) */
  boils: boolean;
  /** the power for PEAK_AIM, within the power field's range [W] */
  to: number;
  /** the peak at `to` [°C]: PEAK_AIM unless the power field's range cut the power */
  reaches: number;
}

/**
 * A sonication that boils tissue or stays too cool to ablate gets the power that would reach PEAK_AIM instead:
 * the rise is linear in the power, so this is what a re-run at that power shows, not an estimate.
 * @param ran - the power the run used [W]
 * @param peak - its peak temperature [°C]
 */
export function powerAdvice(ran: number, peak: number): PowerAdvice | undefined {
  const boils = peak >= BOILING_TEMPERATURE;
  if (!boils && !(peak < ABLATION_FLOOR)) return undefined;
  // No rise at all (every beam off, a target in gas): no power brings it anywhere.
  if (!(peak > BASELINE_TEMPERATURE + 0.5)) return undefined;
  const to = powerForPeak(ran, peak);
  if (to === ran) return undefined;
  return { peak, boils, to, reaches: peakAtPower(ran, peak, to) };
}

/**
 * Beside a sonication that boiled or stayed cool: why, the power that would reach PEAK_AIM, and a button that sets
 * it (the run is then marked stale until Sonicate runs it: "same beams as the last run", so in a fraction of a
 * second). Teaches what the brief asks a trainee to find: how the power changes the peak.
 */
export function PowerToAim({ ran, peak }: { ran: number; peak: number }) {
  const store = usePlannerStoreApi();
  const advice = powerAdvice(ran, peak);
  if (!advice) return null;
  const { to, reaches, boils } = advice;
  const peakText = formatQuantity(peak, '°C');
  const why = boils
    ? `At ${formatQuantity(ran, 'W')} the peak, ${peakText}, boils tissue.`
    : `At ${formatQuantity(ran, 'W')} the peak, ${peakText}, stays below the ${ABLATION_FLOOR} °C an ablation needs.`;
  const clinical =
    to > CLINICAL_POWER.max || to < CLINICAL_POWER.min
      ? ` That is outside the ${CLINICAL_POWER.min}–${CLINICAL_POWER.max} W used for bone in the clinic${to > CLINICAL_POWER.max ? ': moving the target or the transducer may serve better' : ''}.`
      : '';
  return (
    <p className="hint power-to-aim" data-testid="power-to-aim" data-boils={boils}>
      {why} The rise above {BASELINE_TEMPERATURE} °C grows in proportion to the power, so {formatQuantity(to, 'W')}{' '}
      gives a peak of {formatQuantity(reaches, '°C')}
      {Math.abs(reaches - PEAK_AIM) > 0.5
        ? ` (the ${to >= RULES.power.max ? 'most' : 'least'} the power field takes)`
        : ''}
      .{clinical}{' '}
      <button
        type="button"
        className="small"
        data-testid="power-to-aim-set"
        onClick={() => store.getState().setSonication({ acousticPower: to })}
      >
        Use {formatQuantity(to, 'W')}
      </button>
    </p>
  );
}
