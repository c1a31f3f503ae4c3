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
  /** a pointer position, as the event brought it */
  move(point: PagePoint): void;
  /** applies the move still waiting for its frame (the drag ends), and stops */
  flush(): void;
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
 * for the next one and only the latest of them is applied (latest wins).
 * @param apply - applies a position to the plan
 * @param frames - requestAnimationFrame and cancelAnimationFrame
 * @returns the throttle
 */
export function createMoveThrottle(
  apply: (point: PagePoint) => void,
  frames: FrameClock = browserFrames,
): MoveThrottle {
  let pending: PagePoint | undefined;
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
      if (frame) {
        pending = point;
        return;
      }
      frame = frames.request(nextFrame);
      apply(point);
    },
    flush() {
      if (frame) frames.cancel(frame);
      frame = 0;
      const point = pending;
      pending = undefined;
      if (point) apply(point);
    },
    cancel() {
      if (frame) frames.cancel(frame);
      frame = 0;
      pending = undefined;
    },
  };
}

/**
 * The pointer event a drag follows: `pointerrawupdate` where the browser has it (Chromium, secure contexts), which
 * is dispatched as the input arrives, where `pointermove` is held back to the next animation frame (measured in
 * headless Chromium: 0.7 ms against 5–15 ms after the event's time stamp); `pointermove` elsewhere.
 * @param target - the window (anything with or without an `onpointerrawupdate` property)
 * @returns the event type to listen to
 */
export function dragMoveEvent(target: object): 'pointerrawupdate' | 'pointermove' {
  return 'onpointerrawupdate' in target ? 'pointerrawupdate' : 'pointermove';
}
