import { usePlanner } from '../state/hooks.ts';
import { DISPLAY, formatQuantity } from './format.ts';

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
      {!estimate ? (
        <p className="hint">The estimate appears when the beams have been traced.</p>
      ) : (
        <dl>
          <div className="result-row">
            <dt>Focal pressure</dt>
            <dd data-testid="estimate-pressure" data-si={estimate.focalPressure}>
              {formatQuantity(estimate.focalPressure, DISPLAY.pressure.unit, DISPLAY.pressure.scale)}
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
            <dd data-testid="estimate-temperature" data-si={estimate.predictedPeakTemperature}>
              {formatQuantity(estimate.predictedPeakTemperature, DISPLAY.temperature.unit)}
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
    </section>
  );
}
