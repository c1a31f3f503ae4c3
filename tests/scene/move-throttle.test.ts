import { describe, expect, it } from 'vitest';
import { createMoveThrottle, dragMoveEvents, type PagePoint } from '../../src/scene/move-throttle.ts';

/** A throttle whose animation frames the test runs by hand; `applied` lists the x of every applied move. */
function harness(start?: PagePoint) {
  const applied: number[] = [];
  const callbacks = new Map<number, () => void>();
  let next = 0;
  const throttle = createMoveThrottle((p: PagePoint) => applied.push(p.x), start, {
    request: (callback) => {
      callbacks.set(++next, callback);
      return next;
    },
    cancel: (handle) => callbacks.delete(handle),
  });
  const frame = () => {
    const due = [...callbacks];
    callbacks.clear();
    for (const [, callback] of due) callback();
  };
  return { throttle, applied, frame, callbacks };
}

const at = (x: number): PagePoint => ({ x, y: 0 });

describe('a drag applies at most one pointer move per animation frame', () => {
  it('applies the first move of a frame at once, without waiting for the frame', () => {
    const { throttle, applied } = harness();
    throttle.move(at(1));
    expect(applied).toEqual([1]);
  });

  it('holds later moves of the same frame and applies only the latest at the next frame', () => {
    const { throttle, applied, frame } = harness();
    throttle.move(at(1));
    throttle.move(at(2));
    throttle.move(at(3));
    expect(applied).toEqual([1]);
    frame();
    expect(applied).toEqual([1, 3]);
  });

  it('counts a frame that applied a held move as used: the next move waits for the frame after', () => {
    const { throttle, applied, frame } = harness();
    throttle.move(at(1));
    throttle.move(at(2));
    frame();
    throttle.move(at(3));
    expect(applied).toEqual([1, 2]);
    frame();
    expect(applied).toEqual([1, 2, 3]);
  });

  it('applies a move at once again after a frame passed with nothing held', () => {
    const { throttle, applied, frame, callbacks } = harness();
    throttle.move(at(1));
    frame();
    expect(callbacks.size).toBe(0);
    throttle.move(at(2));
    expect(applied).toEqual([1, 2]);
  });

  it('applies the held move when the drag ends, and nothing after', () => {
    const { throttle, applied, frame, callbacks } = harness();
    throttle.move(at(1));
    throttle.move(at(2));
    throttle.flush();
    expect(applied).toEqual([1, 2]);
    expect(callbacks.size).toBe(0);
    frame();
    expect(applied).toEqual([1, 2]);
  });

  it('applies the release point when the drag ends where no move brought it (moves not dispatched in time)', () => {
    const { throttle, applied } = harness(at(0));
    throttle.flush(at(6));
    expect(applied).toEqual([6]);
  });

  it('applies nothing for a release where the drag began or where the last move already was', () => {
    const still = harness(at(0));
    still.throttle.flush(at(0));
    expect(still.applied).toEqual([]);
    const moved = harness(at(0));
    moved.throttle.move(at(4));
    moved.throttle.flush(at(4));
    expect(moved.applied).toEqual([4]);
  });

  it('counts a position brought twice in a row (raw update, then the frame-aligned move) once', () => {
    const { throttle, applied, frame, callbacks } = harness(at(0));
    throttle.move(at(0));
    expect(applied).toEqual([]);
    throttle.move(at(1));
    frame();
    throttle.move(at(1));
    expect(applied).toEqual([1]);
    expect(callbacks.size).toBe(0);
  });

  it('drops the held move when the drag is cancelled', () => {
    const { throttle, applied, frame, callbacks } = harness();
    throttle.move(at(1));
    throttle.move(at(2));
    throttle.cancel();
    frame();
    expect(applied).toEqual([1]);
    expect(callbacks.size).toBe(0);
  });
});

describe('the event a drag follows', () => {
  it('is pointerrawupdate where the browser dispatches it, and pointermove always', () => {
    expect(dragMoveEvents({ onpointerrawupdate: null })).toEqual(['pointerrawupdate', 'pointermove']);
    expect(dragMoveEvents({})).toEqual(['pointermove']);
  });
});
