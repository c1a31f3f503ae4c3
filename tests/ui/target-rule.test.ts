import { describe, expect, it } from 'vitest';
import { parseQuantity } from '../../src/ui/quantity.ts';
import { targetRule } from '../../src/ui/target-rule.ts';

// Issue 10, item 3: a target typed in the air is refused where it is typed, with the reason.
describe('a typed target coordinate', () => {
  const bounds = {
    min: [-0.06, -0.05, -0.2] as [number, number, number],
    max: [0.06, 0.07, 0.2] as [number, number, number],
  };

  it('inside the body along its axis is accepted', () => {
    expect(parseQuantity('20 mm', targetRule(bounds, 1))).toEqual({ ok: true, value: 0.02 });
  });

  it('outside the body (y = 500 mm) is refused, naming the range and why', () => {
    const parsed = parseQuantity('500', targetRule(bounds, 1));
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.error).toBe(
      'Must be between -50 and 70 mm: the target must be inside the body, which spans this range along y.',
    );
  });

  it('before a case loads, only the coordinate rule applies', () => {
    expect(parseQuantity('500 mm', targetRule(undefined, 1)).ok).toBe(true);
    expect(parseQuantity('2 m', targetRule(undefined, 1)).ok).toBe(false);
  });
});
