import { describe, expect, it } from 'vitest';
import { boneSizeProblem, guessUnit } from '../../../src/geometry/import/units.ts';

// Files do not state their unit: the importer takes the one that makes the part bone-sized (2 to 60 cm), and says
// so only when one does.

describe('the unit guessed from a size', () => {
  it('a femur in metres or millimetres is bone-sized either way, and called so', () => {
    expect(guessUnit(0.453)).toMatchObject({
      unit: 'm',
      reason: expect.stringMatching(/45 cm if they are m, a bone's size$/),
    });
    expect(guessUnit(335.2)).toMatchObject({
      unit: 'mm',
      reason: expect.stringMatching(/34 cm if they are mm, a bone's size$/),
    });
  });

  it('a 1-unit box is no bone in any unit: the nearest unit, and the reason says it is only the nearest', () => {
    const guess = guessUnit(1);
    expect(guess.unit).toBe('m');
    expect(guess.reason).toMatch(/100 cm if they are m, the nearest any unit comes to a bone's size \(2 to 60 cm\)$/);
  });
});

describe('a part whose size no bone has', () => {
  it('is said to be too large or too small, with the range and what to check', () => {
    expect(boneSizeProblem(1)).toBe('larger than any bone the planner treats (2 to 60 cm): check the unit');
    expect(boneSizeProblem(0.0005)).toBe('smaller than any bone the planner treats (2 to 60 cm): check the unit');
  });

  it('is nothing to say from 2 to 60 cm, ends included', () => {
    for (const size of [0.02, 0.1, 0.453, 0.6]) expect(boneSizeProblem(size)).toBeUndefined();
  });
});
