import { usePlanner } from '../state/hooks.ts';
import { sonicateBlocker, sonicationStale } from '../state/selectors.ts';
import { RunFindings } from './RunFindings.tsx';

/**
 * The main action, pinned to the foot of the plan panel so it is on screen at every window size without scrolling:
 * Sonicate and Cancel, the progress and status of the run, and why Sonicate is disabled when it is.
 */
export function ActionBar({ onSonicate, onCancel }: { onSonicate: () => void; onCancel: () => void }) {
  const run = usePlanner((s) => s.run);
  const blocker = usePlanner(sonicateBlocker);
  const stale = usePlanner(sonicationStale);
  const running = run.status === 'running';
  // Running is shown by the progress bar; the other reasons (no element fires, no case) are worth words.
  const why = running || blocker === 'The plan is running.' ? '' : blocker;
  return (
    <section className="action-bar" data-testid="action-bar" aria-label="Sonicate">
      <div className="actions">
        <button
          type="button"
          className="primary"
          id="sonicate"
          data-testid="sonicate"
          onClick={onSonicate}
          disabled={blocker !== ''}
          aria-keyshortcuts="S"
          aria-describedby={why ? 'sonicate-blocked' : undefined}
          title={blocker || 'Run one sonication at the target (S)'}
        >
          Sonicate
        </button>
        <button type="button" data-testid="cancel" onClick={onCancel} disabled={!running}>
          Cancel
        </button>
        <div className="progress" aria-live="polite">
          <progress data-testid="progress" max={1} value={run.progress} aria-label="Sonication progress" />
          <span data-testid="run-status" data-status={run.status} title={running ? undefined : run.message}>
            {running ? `Sonicating… ${Math.round(run.progress * 100)} %` : run.message}
          </span>
        </div>
      </div>
      <RunFindings />
      {why && (
        <p className="hint blocked" id="sonicate-blocked" data-testid="sonicate-blocked">
          {why}
        </p>
      )}
      {!why && !running && stale && (
        <p className="hint" data-testid="action-stale">
          The results shown are for the previous settings: Sonicate to update them.
        </p>
      )}
    </section>
  );
}
