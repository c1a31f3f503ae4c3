import { useMemo } from 'react';
import { usePlanner } from '../state/hooks.ts';
import { type ShownRun, shownRun } from './shown-run.ts';

/** The run the time views replay: the last sonication or the last plan, as playback.source asks. */
export function useShownRun(): ShownRun | undefined {
  const sonication = usePlanner((s) => s.run.outcome);
  const plan = usePlanner((s) => s.planRun.outcome);
  const source = usePlanner((s) => s.playback.source);
  return useMemo(() => shownRun(sonication, plan, source), [sonication, plan, source]);
}
