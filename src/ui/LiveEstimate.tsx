import type { Estimate } from '../engine/outcomes.ts';
import { BOILING_TEMPERATURE } from '../engine/validity.ts';
import { usePlanner } from '../state/hooks.ts';
import { sonicationStale } from '../state/selectors.ts';
import { beyondFocusWarning } from './beyond-focus.ts';
import { BASELINE_TEMPERATURE } from './colour-scales.ts';
import { DISPLAY, formatQuantity } from './format.ts';
import { UnitsTogether } from './UnitsTogether.tsx';

/**
 * What the estimate must say in words beside its numbers, so that it never reads as a harmless plan: a boiling
 * temperature, gas or a critical structure beyond the focus, energy over the safety limit, and no beam reaching the
 * focus (then the heat goes elsewhere — into
 * the bone surface beyond the critical angle — which this focal estimate cannot show).
 * @param estimate - the live estimate
 * @param energy - power × duration [J]
 * @param energyLimit - the safety dashboard's limit per sonication [J]
 * @param ranPeak - the peak temperature of a sonication of these very settings [°C], when one has run: the full
 *   model's figure, which a boiling estimate must not contradict unsaid (a walk read "105 °C: lower the power" beside
 *   a run that peaked at 67 °C)
 * @returns sentences, most serious first
 */
export function estimateWarnings(estimate: Estimate, energy: number, energyLimit: number, ranPeak?: number): string[] {
  const out: string[] = [];
  const counts = estimate.beams.allCounts;
  const noneReach = noBeamAtFocus(estimate);
  // With no beam at the focus the figures are blanks, not a rise to be off by some factor (a walk read both notes).
  const bone = noneReach ? undefined : boneInSpotWarning(estimate.boneInSpot);
  if (bone) out.push(bone);
  // A sonication of these very settings has the full model's figure: when the estimate is far from it, the estimate
  // says so beside its number (a walk read 87.9 °C in bold above a result of 608 °C).
  const ran = noneReach ? undefined : ranDisagrees(estimate.predictedPeakTemperature, ranPeak);
  if (ran) out.push(ran);
  if (noneReach) {
    const angle = counts.angle ?? 0;
    out.push(
      angle > 0
        ? `No beam reaches the focus: ${angle} firing beams meet bone beyond the critical angle, where their energy heats the bone surface instead. This estimate cannot judge that heat; Sonicate shows it.`
        : 'No beam reaches the focus, so this estimate shows no heating there; the sound still heats what it meets on the way. Sonicate shows it.',
    );
  }
  if (estimate.predictedPeakTemperature >= BOILING_TEMPERATURE && !ran) {
    const reached = formatQuantity(estimate.predictedPeakTemperature, DISPLAY.temperature.unit);
    out.push(
      `The estimate reaches ${reached}: above ${BOILING_TEMPERATURE} °C tissue boils, which the model does not simulate. Lower the power or the duration (Sonicate gives the full model's figure).`,
    );
  }
  if (estimate.beams.beyond) out.push(beyondFocusWarning(estimate.beams.beyond));
  if (energy > energyLimit) {
    out.push(
      `${formatQuantity(energy, 'J')} per sonication is above the safety limit of ${formatQuantity(energyLimit, 'J')}.`,
    );
  }
  return out;
}

/** Elements fire, yet none reaches the focus (all beyond the critical angle or blocked on the way). */
function noBeamAtFocus(estimate: Estimate): boolean {
  return estimate.beams.activeCount > 0 && !(estimate.focalPressure > 0);
}

/** Within this of the full model's rise the estimate is let stand beside it (its ordinary error) [fraction]. */
const RAN_TOLERANCE = 0.25;

/**
 * The full model's figure, when a sonication of these very settings ran and the estimate's rise is more than
 * RAN_TOLERANCE from its peak's, or the two fall either side of boiling.
 * @param estimated - the estimate's peak [°C]
 * @param ranPeak - the sonication's peak [°C], when one of these settings has run
 * @returns the sentence, or undefined
 */
export function ranDisagrees(estimated: number, ranPeak: number | undefined): string | undefined {
  if (ranPeak === undefined || !Number.isFinite(ranPeak) || !Number.isFinite(estimated)) return undefined;
  const rise = estimated - BASELINE_TEMPERATURE;
  const ranRise = ranPeak - BASELINE_TEMPERATURE;
  const boilsOne = estimated >= BOILING_TEMPERATURE !== ranPeak >= BOILING_TEMPERATURE;
  if (!boilsOne && !(Math.abs(rise - ranRise) > RAN_TOLERANCE * Math.max(ranRise, 1))) return undefined;
  const unit = DISPLAY.temperature.unit;
  return `The sonication of these settings, with the full model, peaked at ${formatQuantity(ranPeak, unit)} against this estimate's ${formatQuantity(estimated, unit)}: trust the sonication's figure; the estimate is a quick focal model.`;
}

/**
 * Where the estimate's temperature stops being a model: bone in the focal spot. Measured against the full model on
 * the bone plate, the imported femur and the imported tibia (tests/engine/estimate-near-bone.test.ts), the
 * estimate's rise was from about 2× too high to more than 10× too low; a walk read 88 °C here, then 608 °C from
 * Sonicate.
 * @param bone - the estimate's finding
 * @returns the sentence, or undefined when the spot holds no bone
 */
export function boneInSpotWarning(bone: Estimate['boneInSpot']): string | undefined {
  if (!bone) return undefined;
  const where =
    bone.distance === 0
      ? 'The focus is in bone'
      : `Bone lies ${formatQuantity(bone.distance, DISPLAY.length.unit, DISPLAY.length.scale)} from the focus, inside the focal spot`;
  return `${where}: this quick estimate heats only the tissue at the focus, not the bone's absorption, reflection and heat flow, and there it can be wrong several-fold either way (from 2× too high to over 10× too low in the cases checked). Sonicate for the full model's figure.`;
}

function formatGain(gain: number | undefined): string {
  if (gain === undefined || !Number.isFinite(gain)) return '—';
  return `× ${Number(gain.toPrecision(3))}`;
}

/**
 * The fast estimate at the focus, recomputed by the worker as the target, tilt or parameters change: an
 * analytic model, labelled as an estimate so it is not confused with a sonication's results.
 */
export function LiveEstimate() {
  const estimate = usePlanner((s) => s.estimate);
  const duration = usePlanner((s) => s.sonication.duration);
  const power = usePlanner((s) => s.sonication.acousticPower);
  const energyLimit = usePlanner((s) => s.safetyThresholds.maxEnergyPerSonication);
  const ranPeak = usePlanner((s) => (sonicationStale(s) ? undefined : s.run.outcome?.summary.peakTemperature));
  const warnings = estimate ? estimateWarnings(estimate, power * duration, energyLimit, ranPeak) : [];
  // No beam at the focus: its figures are no measure of the heat (which goes where the beams stop), so none is shown.
  const noneReach = estimate !== undefined && noBeamAtFocus(estimate);
  // A value typed and refused leaves the estimate on the last accepted settings: say so, not a silent old number.
  const refused = usePlanner((s) => s.refusedInputs.map((r) => r.label).join('; '));
  // Counted, not read off the commas: a label may hold commas of its own ("power (or surface pressure, or velocity)").
  const refusedCount = usePlanner((s) => s.refusedInputs.length);
  return (
    <section
      className="live-estimate"
      aria-label="Estimate at the focus"
      data-testid="live-estimate"
      aria-live="polite"
    >
      <h4>
        Estimate at the focus <span className="badge">estimate</span>
      </h4>
      {refused && estimate && (
        <p className="hint stale-note" data-testid="estimate-refused">
          For the last accepted settings: {refusedCount > 1 ? 'the values typed for' : 'the value typed for'}{' '}
          {refused.charAt(0).toLowerCase()}
          {refused.slice(1)} {refusedCount > 1 ? 'are' : 'is'} refused.
        </p>
      )}
      {!estimate ? (
        <p className="hint">The estimate appears when the beams have been traced.</p>
      ) : (
        <dl>
          <div className="result-row">
            <dt>Focal pressure</dt>
            <dd data-testid="estimate-pressure" data-si={estimate.focalPressure}>
              <UnitsTogether
                text={formatQuantity(estimate.focalPressure, DISPLAY.pressure.unit, DISPLAY.pressure.scale)}
              />
            </dd>
          </div>
          <div className="result-row">
            <dt>Focal gain</dt>
            <dd data-testid="estimate-gain" data-si={estimate.focalGain}>
              {formatGain(estimate.focalGain)}
            </dd>
          </div>
          <div className="result-row">
            <dt>Peak temperature after {formatQuantity(duration, 's')} (estimate)</dt>
            <dd data-testid="estimate-temperature" data-si={noneReach ? '' : estimate.predictedPeakTemperature}>
              <UnitsTogether
                text={noneReach ? '—' : formatQuantity(estimate.predictedPeakTemperature, DISPLAY.temperature.unit)}
              />
            </dd>
          </div>
          {estimate.steeringLoss < 0.999 && (
            <div className="result-row">
              <dt>Steering loss (focal pressure kept)</dt>
              <dd data-testid="estimate-steering">{formatQuantity(estimate.steeringLoss * 100, '%')}</dd>
            </div>
          )}
        </dl>
      )}
      {warnings.length > 0 && (
        <ul className="validity-messages" role="status" data-testid="estimate-warnings">
          {warnings.map((w) => (
            <li key={w} className="warning">
              {w}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
