/**
 * Longest a 3D frame waits for the live estimate [ms]. The estimate answers in 15–50 ms; past this the frame is
 * drawn without it (the beams follow in the next one), so a slow worker never freezes the view.
 */
export const MAX_HOLD_MS = 80;

/** What the hold does to the view: stop drawing, and draw again (one frame with everything changed meanwhile). */
export interface HeldView {
  suspend(): void;
  resume(): void;
}

/** The hold's inputs: the estimate's comings and goings, and each frame the view draws. */
export interface FrameHold {
  /** an estimate is on its way (true) or has come (false) */
  awaiting(on: boolean): void;
  /** the view drew a frame */
  drawn(): void;
  /** lets go for good (the view is leaving) */
  dispose(): void;
}

interface Timers {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const realTimers: Timers = {
  set: (callback, ms) => setTimeout(callback, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * One drawn frame per change while dragging: when a drag moves the target, the view waits (at most `maxHoldMs`) for
 * the live estimate of the new position and then draws the handle and the new beams in one frame, instead of one
 * frame for the handle and a second for the beams. On software WebGL a frame holds the main thread for 50–150 ms
 * (the compositor reads the canvas back), so the estimate's answer waited behind the first frame before its numbers
 * could reach the page; held, they arrive first and the drag costs half the frames. After a release the view draws
 * before it can be held again, so a continuous drag still draws at the estimate's pace.
 * @param view - suspends and resumes drawing
 * @param maxHoldMs - [ms]
 * @param timers - setTimeout and clearTimeout (fakes in tests)
 * @returns the hold
 */
export function createFrameHold(view: HeldView, maxHoldMs = MAX_HOLD_MS, timers: Timers = realTimers): FrameHold {
  let phase: 'free' | 'held' | 'released' | 'gone' = 'free';
  let timer: unknown;
  const release = (): void => {
    if (phase !== 'held') return;
    timers.clear(timer);
    phase = 'released';
    view.resume();
  };
  return {
    awaiting(on) {
      if (!on) {
        release();
        return;
      }
      if (phase !== 'free') return;
      phase = 'held';
      view.suspend();
      timer = timers.set(release, maxHoldMs);
    },
    drawn() {
      if (phase === 'released') phase = 'free';
    },
    dispose() {
      release();
      phase = 'gone';
    },
  };
}
