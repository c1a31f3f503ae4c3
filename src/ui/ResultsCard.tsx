import { usePlanner } from '../state/hooks.ts';
import { BASELINE_TEMPERATURE } from './colour-scales.ts';
import { DISPLAY, formatQuantity } from './format.ts';

/** Above this the model's physics (no boiling, cavitation or property changes) no longer holds [°C]. */
const MODEL_VALID_BELOW = 100;

interface Row {
  key: string;
  label: string;
  value: number | undefined;
  display: { unit: string; scale: number };
}

/** The numbers of the last sonication at the focus, each with its unit. */
export function ResultsCard() {
  const outcome = usePlanner((s) => s.run.outcome);
  const s = outcome?.summary;
  const rows: Row[] = [
    { key: 'peak-pressure', label: 'Peak pressure', value: s?.peakPressure, display: DISPLAY.pressure },
    { key: 'intensity', label: 'Intensity (spatial peak)', value: s?.focalIntensity, display: DISPLAY.intensity },
    { key: 'peak-temperature', label: 'Peak temperature', value: s?.peakTemperature, display: DISPLAY.temperature },
    {
      key: 'temperature-rise',
      label: `Temperature rise (above ${BASELINE_TEMPERATURE} °C)`,
      value: s ? s.peakTemperature - BASELINE_TEMPERATURE : undefined,
      display: { unit: 'K', scale: 1 },
    },
    { key: 'thermal-dose', label: 'Thermal dose (peak)', value: s?.peakDose, display: DISPLAY.dose },
    { key: 'ablation-volume', label: 'Ablation zone (≥ 240 CEM43)', value: s?.ablationVolume, display: DISPLAY.volume },
    {
      key: 'lesion-coverage',
      label: 'Lesion coverage (≥ 240 CEM43)',
      value: s?.lesionCoverage,
      display: { unit: '%', scale: 100 },
    },
    { key: 'energy', label: 'Energy delivered', value: s?.energy, display: DISPLAY.energy },
  ];
  return (
    <section className="results" aria-label="Results at the focus" data-testid="results">
      <h3>Results</h3>
      {!outcome && <p className="hint">Sonicate to see the focal pressure, temperature and thermal dose.</p>}
      <dl>
        {rows.map((row) => (
          <div key={row.key} className="result-row">
            <dt>{row.label}</dt>
            <dd data-testid={`result-${row.key}`} data-si={row.value ?? ''}>
              {formatQuantity(row.value, row.display.unit, row.display.scale)}
            </dd>
          </div>
        ))}
      </dl>
      {s && s.peakTemperature > MODEL_VALID_BELOW && (
        <p className="warning" role="status" data-testid="validity-warning">
          Above {MODEL_VALID_BELOW} °C the model is outside its validity: tissue would boil and cavitate, which it does
          not simulate. Lower the power or the duration.
        </p>
      )}
      {outcome && (
        <p className="hint">
          Planning-grade model: expect temperature rises within about ±25 % of measured ones (see the physics notes).
        </p>
      )}
      {outcome && (
        <p className="hint" data-testid="run-info">
          {outcome.summary.activeElements} elements · computed in {(outcome.elapsedMs / 1000).toFixed(1)} s off the main
          thread · {formatQuantity(outcome.grid.spacing, 'mm', 1e3)} voxels
        </p>
      )}
    </section>
  );
}
