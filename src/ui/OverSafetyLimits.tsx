import { usePlanner } from '../state/hooks.ts';
import { overLimitText, safetyRows } from './safety.ts';
import { type SonicationOutcome, shownRun } from './shown-run.ts';

/**
 * On the results card, the safety limits a sonication exceeds, in words: a walk read a rib run's card (its peak
 * brought to 85 °C, as advised) with no hint that the same run put the skin and the lung over their limits, which
 * only the Safety dashboard further down said.
 */
export function OverSafetyLimits({ outcome }: { outcome: SonicationOutcome }) {
  const thresholds = usePlanner((s) => s.safetyThresholds);
  const failing = safetyRows(shownRun(outcome, undefined, 'sonication'), thresholds).filter((r) => r.status === 'fail');
  if (failing.length === 0) return null;
  return (
    <p className="warning" role="status" data-testid="results-over-limits">
      Over {failing.length === 1 ? 'a safety limit' : `${failing.length} safety limits`}:{' '}
      {failing.map(overLimitText).join('; ')} (see Safety).
    </p>
  );
}
