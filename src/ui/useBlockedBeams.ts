import { tallyBeams } from '../state/beam-tally.ts';
import { usePlanner } from '../state/hooks.ts';
import type { BlockedBeams } from './blocked-beams.ts';
import { undeliverableSonication } from './safety.ts';
import type { ShownRun } from './shown-run.ts';

/**
 * The firing beams of the last sonication that cross gas or a no-pass region, or undefined while that is not known:
 * the run's own trace where its outcome carries it (so the judgement stays with the run when the settings change;
 * a walk saw "Not delivered" turn into "✓ Pass" on a power change), else the live estimate's, which traces the
 * beams of the settings on screen and is the run's while its inputs are known and its results are not stale. One
 * rule for the results card and the safety dashboard, so they never disagree.
 * @param stale - whether the shown results are stale
 */
export function useBlockedBeams(stale: boolean): BlockedBeams | undefined {
  const own = usePlanner((s) => s.run.outcome?.summary.blockedBeams);
  const beams = usePlanner((s) => (s.run.inputs ? s.estimate?.beams : undefined));
  if (own) return own;
  return beams && !stale ? tallyBeams(beams).counts : undefined;
}

/**
 * Why the shown run could not be given as it is, when it is a sonication whose firing beams crossed gas or a no-pass
 * region (safety.ts undeliverableSonication): the dashboard and the report judge its rows by it.
 * @param run - the shown run
 * @param stale - whether the shown results are stale
 */
export function useUndeliverable(run: ShownRun | undefined, stale: boolean): string | undefined {
  const blocked = useBlockedBeams(stale);
  return run?.source === 'sonication' && blocked ? undeliverableSonication(blocked) : undefined;
}
