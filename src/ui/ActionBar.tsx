import { useEffect, useState } from 'react';
import { usePlanner } from '../state/hooks.ts';
import { shownSource, sonicateBlocker, sonicationStale, steeredFocus, steeredSpotNumber } from '../state/selectors.ts';
import { aimedPoint } from './aimed-point.ts';
import { RunFindings } from './RunFindings.tsx';
import { planFindingsText } from './run-findings.ts';
import { interruptedText } from './run-interrupted.ts';
import { useOnScreen } from './useOnScreen.ts';

/**
 * Which kind of run the bar last showed running: after it ends, the bar says how that one ended (a plan's "Plan done"
 * or "Cancelled: the plan is unchanged." too, not the sonication's older status).
 */
function useLastRunKind(sonicating: boolean, planning: boolean): 'sonication' | 'plan' {
  const [kind, setKind] = useState<'sonication' | 'plan'>('sonication');
  useEffect(() => {
    if (sonicating) setKind('sonication');
  }, [sonicating]);
  useEffect(() => {
    if (planning) setKind('plan');
  }, [planning]);
  return kind;
}

/**
 * The main action, pinned to the foot of the plan panel so it is on screen at every window size without scrolling:
 * Sonicate and Cancel, the progress and status of the run, and why Sonicate is disabled when it is. While a plan
 * runs (its own bar sits with its spots, which may be scrolled away) the bar shows the plan's progress and its
 * Cancel cancels the plan.
 */
export function ActionBar({
  onSonicate,
  onCancel,
  onCancelPlan,
}: {
  onSonicate: () => void;
  onCancel: () => void;
  onCancelPlan?: (() => void) | undefined;
}) {
  const run = usePlanner((s) => s.run);
  const planRun = usePlanner((s) => s.planRun);
  const interrupted = usePlanner((s) => s.interrupted);
  const setInterrupted = usePlanner((s) => s.setInterrupted);
  const blocker = usePlanner(sonicateBlocker);
  const steered = usePlanner((s) => steeredFocus(s) !== undefined);
  // A walk found users expecting Sonicate to fire at the target after "Cover the lesion" selected spot 1: say so.
  const spot = usePlanner(steeredSpotNumber);
  const stale = usePlanner(sonicationStale);
  // The hint is about the sonication's results: not while a plan's results are the ones shown and replayed.
  const showingSonication = usePlanner((s) => shownSource(s) === 'sonication');
  const running = run.status === 'running';
  const planRunning = planRun.status === 'running' && !running;
  // Running is shown by the progress bar; the other reasons (no element fires, no case) are worth words.
  const why = running || planRunning ? '' : blocker;
  // A plan that ended last keeps its word in the bar (a walk found the bar blank after "Plan done" on a phone, where
  // the plan's own status sits screens away).
  const planEnded =
    useLastRunKind(running, planRunning) === 'plan' && !running && !planRunning && planRun.status !== 'idle';
  const progress = planRunning || planEnded ? planRun.progress : run.progress;
  // Short: the bar's status has a few words' room (the line under it says which spot heats).
  const status = planRunning
    ? `Plan: ${Math.round(planRun.progress * 100)} %`
    : planEnded
      ? planRun.message
      : undefined;
  // On a phone the results card sits screens below this bar: after a run, a way there (the walk found "Done" and
  // nothing else in view).
  const resultsOnScreen = useOnScreen('results', run.status);
  const resultsBelow = run.status === 'done' && !stale && resultsOnScreen === false;
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
          title={blocker || `Run one sonication at ${aimedPoint(steered)}, with the Sonication settings (S)`}
        >
          {spot === undefined ? 'Sonicate' : `Sonicate spot ${spot}`}
        </button>
        <button
          type="button"
          data-testid="cancel"
          onClick={planRunning ? onCancelPlan : onCancel}
          disabled={!(running || (planRunning && onCancelPlan))}
          title={planRunning ? 'Cancel the plan' : undefined}
        >
          Cancel
        </button>
        <div className="progress" aria-live="polite">
          <progress
            data-testid="progress"
            // Before any run the empty track read as a blank text box beside Cancel (a walk's finding): unseen then.
            data-idle={run.status === 'idle' && planRun.status === 'idle'}
            max={1}
            value={progress}
            aria-label={planRunning ? 'Plan progress' : 'Sonication progress'}
          />
          <span
            data-testid="run-status"
            // The status of the run whose words the bar shows: a plan's while it runs and after it ended last.
            data-status={planRunning || planEnded ? planRun.status : run.status}
            data-run={planRunning || planEnded ? 'plan' : 'sonication'}
            title={running ? undefined : (status ?? run.message)}
          >
            {status ?? (running ? `Sonicating… ${Math.round(run.progress * 100)} %` : run.message)}
          </span>
        </div>
      </div>
      {resultsBelow && (
        <button
          type="button"
          className="link-button results-link"
          data-testid="results-link"
          onClick={() =>
            document.querySelector('[data-testid="results"]')?.scrollIntoView({ behavior: 'smooth', block: 'start' })
          }
        >
          See the results ↓
        </button>
      )}
      <RunFindings />
      {planRunning && (
        <p className="hint run-findings" data-testid="action-plan-findings">
          {planFindingsText(planRun.heat)}
        </p>
      )}
      {interrupted && !running && !planRunning && (
        <p className="hint" role="status" data-testid="run-interrupted">
          {interruptedText(interrupted)}{' '}
          <button type="button" className="link-button" onClick={() => setInterrupted(undefined)}>
            Dismiss
          </button>
        </p>
      )}
      {run.status === 'error' && !running && !planRunning && (
        // The status beside the bar has a few words' room: a failure's reason is read in full here, on any screen.
        <p className="hint blocked" role="alert" data-testid="run-error">
          {run.message}
        </p>
      )}
      {why && (
        <p className="hint blocked" id="sonicate-blocked" data-testid="sonicate-blocked">
          {why}
        </p>
      )}
      {!why && !running && !planRunning && stale && showingSonication && (
        <p className="hint" data-testid="action-stale">
          The results shown are for the previous settings: Sonicate to update them.
        </p>
      )}
    </section>
  );
}
