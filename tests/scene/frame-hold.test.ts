import { describe, expect, it } from 'vitest';
import { createFrameHold, MAX_HOLD_MS } from '../../src/scene/frame-hold.ts';

/** A view that records suspend/resume, and timers the test fires by hand. */
function harness(maxHoldMs = MAX_HOLD_MS) {
  const log: string[] = [];
  const pending = new Map<number, () => void>();
  let next = 0;
  const hold = createFrameHold({ suspend: () => log.push('suspend'), resume: () => log.push('resume') }, maxHoldMs, {
    set: (callback, ms) => {
      log.push(`timer ${ms}`);
      pending.set(++next, callback);
      return next;
    },
    clear: (handle) => pending.delete(handle as number),
  });
  const fireTimers = () => {
    for (const [id, callback] of [...pending]) {
      pending.delete(id);
      callback();
    }
  };
  return { hold, log, fireTimers, pending };
}

describe('the 3D view waits for the live estimate of a change', () => {
  it('suspends drawing when an estimate is asked for and draws once when it comes', () => {
    const { hold, log, pending } = harness();
    hold.awaiting(true);
    expect(log).toEqual(['suspend', `timer ${MAX_HOLD_MS}`]);
    hold.awaiting(false);
    expect(log).toEqual(['suspend', `timer ${MAX_HOLD_MS}`, 'resume']);
    expect(pending.size).toBe(0);
  });

  it('draws anyway when the estimate takes longer than the longest hold', () => {
    const { hold, log, fireTimers } = harness(80);
    hold.awaiting(true);
    fireTimers();
    expect(log).toEqual(['suspend', 'timer 80', 'resume']);
    // The late answer changes nothing more: the view is already drawing.
    hold.awaiting(false);
    expect(log).toEqual(['suspend', 'timer 80', 'resume']);
  });

  it('is not held again until it has drawn, so a continuous drag still draws at the estimate’s pace', () => {
    const { hold, log } = harness();
    hold.awaiting(true);
    hold.awaiting(false);
    // The next request of the drag goes out before the released frame is drawn: no second hold.
    hold.awaiting(true);
    expect(log.filter((e) => e === 'suspend')).toHaveLength(1);
    hold.awaiting(false);
    hold.drawn();
    hold.awaiting(true);
    expect(log.filter((e) => e === 'suspend')).toHaveLength(2);
  });

  it('a chained request while held keeps the one hold and its deadline', () => {
    const { hold, log } = harness();
    hold.awaiting(true);
    hold.awaiting(true);
    expect(log).toEqual(['suspend', `timer ${MAX_HOLD_MS}`]);
  });

  it('lets go when the view leaves, and never holds after', () => {
    const { hold, log, pending } = harness();
    hold.awaiting(true);
    hold.dispose();
    expect(log).toEqual(['suspend', `timer ${MAX_HOLD_MS}`, 'resume']);
    expect(pending.size).toBe(0);
    hold.drawn();
    hold.awaiting(true);
    expect(log.filter((e) => e === 'suspend')).toHaveLength(1);
  });
});
