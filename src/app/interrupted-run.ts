import type { InterruptedRun, PlannerState } from '../state/store.ts';
import type { SyncKeyValue } from './key-value.ts';

/**
 * A reload loses a run's results: they live in the page (tens of MB of frames), not in storage. The plan and its
 * settings come back (plan-keeper.ts); what was lost is said when the page is back, instead of the results just
 * being gone (a walk reloaded during a 40 s plan and met a plan that looked never run).
 *
 * On pagehide the page notes, synchronously (localStorage), a run still running or a plan's results on screen; the
 * case's next load takes the note back, once.
 */
export const INTERRUPTED_KEY = 'interrupted-run';

interface Note extends InterruptedRun {
  caseId: string;
}

/**
 * What the page going away would lose, if anything.
 * @param s - the planner's state as the page goes away
 * @returns the note to keep, or undefined when nothing is lost
 */
export function lostOnExit(s: PlannerState): Note | undefined {
  if (s.caseStatus !== 'ready') return undefined;
  if (s.planRun.status === 'running') {
    return { caseId: s.caseId, kind: 'plan', running: true, progress: s.planRun.progress };
  }
  if (s.run.status === 'running') {
    return { caseId: s.caseId, kind: 'sonication', running: true, progress: s.run.progress };
  }
  // A plan's results took tens of seconds; one sonication's are a click away and need no word.
  if (s.planRun.outcome) return { caseId: s.caseId, kind: 'plan', running: false, progress: 1 };
  return undefined;
}

/**
 * Notes, or clears, what the page going away loses.
 * @param s - the planner's state as the page goes away
 * @param exit - the synchronous store written on pagehide
 */
export function noteOnExit(s: PlannerState, exit: SyncKeyValue): void {
  const note = lostOnExit(s);
  if (note) exit.set(INTERRUPTED_KEY, JSON.stringify(note));
  else exit.remove(INTERRUPTED_KEY);
}

/**
 * Takes back the note of what the last page lost, when it was this case's (the note goes either way: another case
 * opening first means the user has moved on).
 * @param exit - the synchronous store
 * @param caseId - the case now open
 * @returns what was lost, or undefined
 */
export function takeInterrupted(exit: SyncKeyValue, caseId: string): InterruptedRun | undefined {
  const text = exit.get(INTERRUPTED_KEY);
  if (text === null) return undefined;
  exit.remove(INTERRUPTED_KEY);
  let note: unknown;
  try {
    note = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof note !== 'object' || note === null) return undefined;
  const { caseId: of, kind, running, progress } = note as Partial<Note>;
  if (of !== caseId || (kind !== 'plan' && kind !== 'sonication') || typeof running !== 'boolean') return undefined;
  const fraction = typeof progress === 'number' && Number.isFinite(progress) ? Math.min(1, Math.max(0, progress)) : 0;
  return { kind, running, progress: fraction };
}

/**
 * The page came back from the back–forward cache as it was: nothing was lost, so the note goes.
 * @param exit - the synchronous store
 */
export function forgetExitNote(exit: SyncKeyValue): void {
  exit.remove(INTERRUPTED_KEY);
}
