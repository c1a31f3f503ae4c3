import { describe, expect, it } from 'vitest';
import { SpotClaims } from '../../src/engine/spot-claims.ts';

// A plan's pipeline: the primary heats spots in order and asks for each field when it gets there; helpers march the
// spots ahead of it. Every spot's field is marched exactly once, by someone.

/** A helper that records which spots it marched. */
function helper(marched: string[]) {
  return (id: string): Promise<string> => {
    marched.push(id);
    return Promise.resolve(`field of ${id}`);
  };
}

describe('who marches which spot of a pipelined plan', () => {
  it('helpers take the spots after the first, in the plan’s order; the primary marches the first itself', async () => {
    const claims = new SpotClaims<string>(['a', 'b', 'c']);
    const taken: string[] = [];
    expect(claims.takeNext(helper(taken))).toBeDefined();
    expect(taken).toEqual(['b']);
    expect(claims.forPrimary('a')).toBeUndefined();
    expect(await claims.forPrimary('b')).toBe('field of b');
  });

  it('the primary marches a spot no helper has taken yet, and no helper takes it after', () => {
    const claims = new SpotClaims<string>(['a', 'b', 'c', 'd']);
    expect(claims.forPrimary('a')).toBeUndefined();
    expect(claims.forPrimary('b')).toBeUndefined();
    const taken: string[] = [];
    while (claims.takeNext(helper(taken))) {
      // every spot left, one a call
    }
    expect(taken).toEqual(['c', 'd']);
    // Asked again: still the primary's.
    expect(claims.forPrimary('b')).toBeUndefined();
  });

  it('two helpers share the spots: each spot once, none left over', () => {
    const claims = new SpotClaims<string>(['a', 'b', 'c', 'd', 'e']);
    const [first, second]: string[][] = [[], []];
    for (let round = 0; round < 3; round++) {
      claims.takeNext(helper(first as string[]));
      claims.takeNext(helper(second as string[]));
    }
    expect(first).toEqual(['b', 'd']);
    expect(second).toEqual(['c', 'e']);
    expect(claims.takeNext(helper([]))).toBeUndefined();
  });

  it('spots marched ahead, before the plan runs, start with the first; the run’s primary and helpers take the rest', async () => {
    const claims = new SpotClaims<string>(['a', 'b', 'c'], 0);
    const ahead: string[] = [];
    claims.takeNext(helper(ahead));
    expect(ahead).toEqual(['a']);
    // Run plan: the primary is handed the field marched ahead, a helper takes the next, the primary the last.
    expect(await claims.forPrimary('a')).toBe('field of a');
    const taken: string[] = [];
    claims.takeNext(helper(taken));
    expect(taken).toEqual(['b']);
    expect(claims.forPrimary('c')).toBeUndefined();
    expect(claims.takeNext(helper([]))).toBeUndefined();
  });
});
