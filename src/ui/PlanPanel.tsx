import { usePlanner } from '../state/hooks.ts';
import { DISPLAY, formatQuantity } from './format.ts';
import { QuantityField } from './QuantityField.tsx';
import { ResultsCard } from './ResultsCard.tsx';

const POWER = { si: 'W', min: 0.1, max: 500, display: 'W', scale: 1 };
const DURATION = { si: 's', min: 0.5, max: 120, display: 's', scale: 1 };
const COOLING = { si: 's', min: 0, max: 300, display: 's', scale: 1 };

/** Right panel: the transducer, the sonication's parameters, Sonicate/Cancel with progress, and the results. */
export function PlanPanel({ onSonicate, onCancel }: { onSonicate: () => void; onCancel: () => void }) {
  const transducer = usePlanner((s) => s.transducer);
  const sonication = usePlanner((s) => s.sonication);
  const setSonication = usePlanner((s) => s.setSonication);
  const run = usePlanner((s) => s.run);
  const beams = usePlanner((s) => s.beams);
  const caseReady = usePlanner((s) => s.caseStatus === 'ready');
  const running = run.status === 'running';
  const energy = sonication.acousticPower * sonication.duration;

  return (
    <aside className="panel panel-right" aria-label="Plan">
      <h2>Plan</h2>
      <section aria-label="Transducer">
        <h3>Transducer</h3>
        <p className="hint" data-testid="transducer-summary">
          Phased array · {transducer.elementCount} elements ·{' '}
          {formatQuantity(transducer.frequency, DISPLAY.frequency.unit, DISPLAY.frequency.scale)} · focal length{' '}
          {formatQuantity(transducer.radiusOfCurvature, 'mm', 1e3)} · aperture{' '}
          {formatQuantity(transducer.aperture, 'mm', 1e3)}
        </p>
        {beams && (
          <p className="beam-counts" data-testid="beam-counts">
            Beams: <span className="beam-clear">{beams.counts.clear} clear</span>
            {beams.counts.bone > 0 && <span className="beam-bone"> · {beams.counts.bone} cross bone</span>}
            {beams.counts.gas > 0 && <span className="beam-gas"> · {beams.counts.gas} cross gas</span>}
            {beams.counts.critical > 0 && (
              <span className="beam-critical"> · {beams.counts.critical} cross a critical structure</span>
            )}
          </p>
        )}
      </section>
      <section aria-label="Sonication">
        <h3>Sonication</h3>
        <QuantityField
          label="Acoustic power"
          testId="param-power"
          valueSi={sonication.acousticPower}
          rule={POWER}
          disabled={running}
          onChange={(acousticPower) => setSonication({ acousticPower })}
        />
        <QuantityField
          label="Duration"
          testId="param-duration"
          valueSi={sonication.duration}
          rule={DURATION}
          disabled={running}
          onChange={(duration) => setSonication({ duration })}
        />
        <QuantityField
          label="Cooling after"
          testId="param-cooling"
          valueSi={sonication.cooling}
          rule={COOLING}
          disabled={running}
          onChange={(cooling) => setSonication({ cooling })}
        />
        <p className="hint">Energy: {formatQuantity(energy, 'J')}</p>
        <div className="actions">
          <button
            type="button"
            className="primary"
            data-testid="sonicate"
            onClick={onSonicate}
            disabled={running || !caseReady}
          >
            Sonicate
          </button>
          <button type="button" data-testid="cancel" onClick={onCancel} disabled={!running}>
            Cancel
          </button>
        </div>
        <div className="progress" aria-live="polite">
          <progress data-testid="progress" max={1} value={run.progress} aria-label="Sonication progress" />
          <span data-testid="run-status" data-status={run.status}>
            {run.status === 'running' ? `Sonicating… ${Math.round(run.progress * 100)} %` : run.message}
          </span>
        </div>
      </section>
      <ResultsCard />
    </aside>
  );
}
