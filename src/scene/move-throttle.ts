/** A point on the page [CSS px]. */
export interface PagePoint {
  x: number;
  y: number;
}

/** The animation-frame calls the throttle needs (fakes in tests). */
export interface FrameClock {
  request(callback: () => void): number;
  cancel(handle: number): void;
}

/** What a drag does with its pointer moves. */
export interface MoveThrottle {
  /** a pointer position, as the event brought it (the same position twice in a row counts once) */
  move(point: PagePoint): void;
  /**
   * The drag ends: applies the move still waiting for its frame, or `end` (where the pointer was released) if it
   * differs from the last position, and stops.
   */
  flush(end?: PagePoint): void;
  /** stops without applying anything */
  cancel(): void;
}

const browserFrames: FrameClock = {
  request: (callback) => requestAnimationFrame(callback),
  cancel: (handle) => cancelAnimationFrame(handle),
};

/**
 * At most one applied move per animation frame, the first at once: a move that finds the frame unused is applied
 * as it comes (a drag's estimate is asked for without waiting up to a frame), later moves in the same frame wait
 * for the next one and only the latest of them is applied (latest wins). A position equal to the last one is
 * ignored: a drag listens to both `pointerrawupdate` and `pointermove` (see dragMoveEvents), which bring each
 * position twice where both are dispatched.
 * @param apply - applies a position to the plan
 * @param start - where the drag began (a release there, or a move back to it before any other, applies nothing)
 * @param frames - requestAnimationFrame and cancelAnimationFrame
 * @returns the throttle
 */
export function createMoveThrottle(
  apply: (point: PagePoint) => void,
  start?: PagePoint,
  frames: FrameClock = browserFrames,
): MoveThrottle {
  let pending: PagePoint | undefined;
  let last: PagePoint | undefined = start;
  let frame = 0;
  const nextFrame = (): void => {
    frame = 0;
    if (!pending) return;
    const point = pending;
    pending = undefined;
    // This frame is now used: a move arriving before it ends waits for the next.
    frame = frames.request(nextFrame);
    apply(point);
  };
  return {
    move(point) {
      if (last && last.x === point.x && last.y === point.y) return;
      last = point;
      if (frame) {
        pending = point;
        return;
      }
      frame = frames.request(nextFrame);
      apply(point);
    },
    flush(end) {
      if (frame) frames.cancel(frame);
      frame = 0;
      const moved = end && !(last && last.x === end.x && last.y === end.y);
      const point = moved ? end : pending;
      pending = undefined;
      last = undefined;
      if (point) apply(point);
    },
    cancel() {
      if (frame) frames.cancel(frame);
      frame = 0;
      pending = undefined;
      last = undefined;
    },
  };
}

/**
 * The pointer events a drag follows: `pointerrawupdate` where the browser has it (Chromium, secure contexts), which
 * is dispatched as the input arrives, where `pointermove` is held back to the next animation frame (measured in
 * headless Chromium: 0.7 ms against 5–15 ms after the event's time stamp); and `pointermove` too, always. Chromium
 * sends raw updates only once the compositor knows of a listener, which a drag adds at its pointer-down: under load
 * the first moves of a drag (every move of a short one) came as `pointermove` alone, and the target did not move
 * (CI, a 6 px drag in 4 steps). The throttle ignores the second copy of a position.
 * @param target - the window (anything with or without an `onpointerrawupdate` property)
 * @returns the event types to listen to
 */
export function dragMoveEvents(target: object): ('pointerrawupdate' | 'pointermove')[] {
  return 'onpointerrawupdate' in target ? ['pointerrawupdate', 'pointermove'] : ['pointermove'];
}
