import type { SonicationProgress, SonicationSnapshot } from '../physics/snapshot.ts';

/** Shortest time between two progress messages to the app [ms]: ten a second fill a bar and a line smoothly. */
export const PROGRESS_GAP_MS = 100;

/**
 * The same for a plan [ms]. A plan's bar creeps over tens of seconds, and every message re-renders its spot list and
 * lays the page out again (with a hit test under a resting pointer): at ten a second the page's main thread took a
 * quarter of a core through a plan, on a two-core machine whose workers need both.
 */
export const PLAN_PROGRESS_GAP_MS = 250;

/** A run's progress callback that posts at most one report per gap, and `flush` for what is still held. */
export interface ThrottledProgress {
  readonly report: SonicationProgress;
  /** posts the latest fraction and snapshots not posted yet (the run ends) */
  flush(): void;
}

/**
 * Progress for a worker's run, thinned to one report per `gap`: every report is a message to the page and a store
 * update that re-renders the panels, and the engine reports ≈ 100 times per spot of a plan (a plan kept the page's
 * main thread busy for a quarter of its time). The latest fraction wins; the latest snapshot of each stage is kept,
 * so none of what the run knows is lost (a field's peak just before the first heat report). The worker computes
 * without yielding, so nothing is posted on a timer: what is held goes with the next report after the gap, or
 * with `flush`.
 * @param post - the app's progress callback
 * @param gap - [ms]
 * @param now - the clock [ms] (tests pass their own)
 * @returns the callback for the engine, and flush
 */
export function throttleProgress(
  post: SonicationProgress,
  gap = PROGRESS_GAP_MS,
  now: () => number = () => performance.now(),
): ThrottledProgress {
  let last = Number.NEGATIVE_INFINITY;
  let fraction: number | undefined;
  const held = new Map<SonicationSnapshot['stage'], SonicationSnapshot>();
  const flush = (): void => {
    if (fraction === undefined) return;
    const f = fraction;
    fraction = undefined;
    if (held.size === 0) post(f);
    for (const snapshot of held.values()) post(f, snapshot);
    held.clear();
  };
  return {
    report(f, snapshot) {
      fraction = f;
      if (snapshot) {
        // A stage reported again comes after the others held: the app sees the stages in the order of their news.
        held.delete(snapshot.stage);
        held.set(snapshot.stage, snapshot);
      }
      const t = now();
      if (t - last < gap) return;
      last = t;
      flush();
    },
    flush,
  };
}
