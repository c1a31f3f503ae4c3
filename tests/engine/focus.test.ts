import { describe, expect, it } from 'vitest';
import { focusOf } from '../../src/engine/focus.ts';

const pose = { target: [0.01, 0.02, 0.03] as const, direction: [0, 0, 1] as const, distance: 0.16 };

describe('focusOf: the one rule for where a request focuses', () => {
  it('is the pose target when the array does not steer', () => {
    expect(focusOf({ pose })).toBe(pose.target);
  });

  it('is the electronic focus when one is given', () => {
    const focus: [number, number, number] = [0.015, 0.02, 0.03];
    expect(focusOf({ pose, focus })).toBe(focus);
  });
});
