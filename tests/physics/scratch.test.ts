import { beforeEach, describe, expect, it } from 'vitest';
import {
  forgetScratch,
  keepScratch,
  makeOutputsAhead,
  openScratch,
  outputF32,
  scratchF32,
  scratchF64,
  scratchKeptBytes,
  scratchU16,
  withScratch,
} from '../../src/physics/scratch.ts';

// Temporaries lent for one computation and taken back at its end, so the next computation writes into pages that
// are already there. What the physics relies on: a lent array is zeroed like a new one, is not lent twice at once,
// and nothing is lent outside a computation.

const N = 100_000; // 800 kB of f64: above the size below which the allocator's own pools serve

describe('scratch arrays', () => {
  // The engine's runs in other test files of this worker keep arrays too.
  beforeEach(forgetScratch);

  it('lends nothing until the host keeps scratch arrays (Node keeps its own freed pages)', () => {
    keepScratch(false);
    const [a, b] = [withScratch(() => scratchF64(N)), withScratch(() => scratchF64(N))];
    expect(a === b).toBe(false);
    keepScratch();
    const c = withScratch(() => scratchF64(N));
    expect(withScratch(() => scratchF64(N))).toBe(c);
  });

  it('outside a computation, allocates as `new` does', () => {
    const a = scratchF64(N);
    const b = scratchF64(N);
    expect(a).not.toBe(b);
    expect(a.length).toBe(N);
  });

  it('lends the same array to the next computation, zeroed, and never one array twice in a computation', () => {
    const before = withScratch(() => {
      const a = scratchF64(N);
      const b = scratchF64(N);
      a.fill(7);
      b.fill(8);
      expect(a === b).toBe(false);
      return [a, b];
    });
    const again = withScratch(() => [scratchF64(N), scratchF64(N)]);
    expect(new Set([...before, ...again]).size).toBe(2);
    for (const a of again) expect(a.every((x) => x === 0)).toBe(true);
  });

  it('takes arrays back when the computation throws, and counts nested computations as the outer one', () => {
    let lent: Float32Array | undefined;
    expect(() =>
      withScratch(() => {
        withScratch(() => {
          lent = scratchF32(N);
        });
        // Still lent: the nested call ended but the computation has not.
        expect(scratchF32(N) === lent).toBe(false);
        throw new Error('cancelled');
      }),
    ).toThrow('cancelled');
    const inner = lent;
    expect(withScratch(() => [scratchF32(N), scratchF32(N)]).includes(inner as Float32Array)).toBe(true);
  });

  it('never lends an array whose buffer was handed to another thread (detached)', () => {
    const lent = withScratch(() => scratchU16(N));
    structuredClone(lent.buffer, { transfer: [lent.buffer] });
    expect(lent.length).toBe(0);
    const next = withScratch(() => scratchU16(N));
    expect(next === lent).toBe(false);
    expect(next.length).toBe(N);
  });

  it('keeps a bounded amount between computations, and makes room for new sizes by dropping unused ones', () => {
    withScratch(() => {
      for (let i = 0; i < 40; i++) scratchF64(1_000_000);
    });
    expect(scratchKeptBytes()).toBeLessThanOrEqual(96 * 2 ** 20);
    expect(scratchKeptBytes()).toBeGreaterThan(80 * 2 ** 20);
    // Another case: other sizes; the first case's arrays make way, and these are kept for the next run.
    const other = withScratch(() => Array.from({ length: 10 }, () => scratchF64(1_100_000)));
    expect(scratchKeptBytes()).toBe(10 * 8 * 1_100_000);
    const next = withScratch(() => scratchF64(1_100_000));
    expect(other.includes(next)).toBe(true);
  });

  it('serves two kinds of computation that alternate (a field computed ahead, then the heat) from kept arrays', () => {
    const field = () => withScratch(() => scratchF32(2_000_000));
    const heat = () => withScratch(() => [scratchF64(500_000), scratchF64(500_000), scratchF64(300_000)]);
    const f1 = field();
    const h1 = heat();
    const f2 = field();
    const h2 = heat();
    expect(f2).toBe(f1);
    expect(new Set([...h1, ...h2]).size).toBe(3);
  });

  it('a computation in parts (a plan waiting for fields) keeps what it borrowed until it closes, across other work', () => {
    const plan = openScratch();
    const held = plan.run(() => scratchF64(N));
    held.fill(5);
    // Between parts, another computation (a sonication on the same worker) never gets the plan's array.
    const other = withScratch(() => scratchF64(N));
    expect(other).not.toBe(held);
    const later = plan.run(() => scratchF64(N));
    expect(later).not.toBe(held);
    expect(held[0]).toBe(5);
    // Outside its parts the session lends nothing.
    expect(scratchF64(N)).not.toBe(held);
    plan.close();
    // Closed, its arrays go back to be lent again, zeroed.
    const next = withScratch(() => [scratchF64(N), scratchF64(N), scratchF64(N)]);
    expect(next).toContain(held);
    expect(held[0]).toBe(0);
  });
});

describe('outputs made ahead', () => {
  beforeEach(() => {
    keepScratch();
    forgetScratch();
  });

  it('makes, while idle, the outputs the last computation asked for; the next one takes them, zeroed, once', () => {
    const first = [outputF32(N), outputF32(N)];
    first[0]?.fill(7);
    expect(makeOutputsAhead()).toBe(2 * 4 * N);
    const second = [outputF32(N), outputF32(N)];
    // Spares are new arrays, never an earlier output (that one left with its outcome).
    for (const a of second) {
      expect(first.includes(a)).toBe(false);
      expect(a.every((x) => x === 0)).toBe(true);
    }
    // Both spares are taken: a third is new.
    expect(outputF32(N).length).toBe(N);
    expect(makeOutputsAhead()).toBe(3 * 4 * N);
  });

  it('keeps the spares across computations that ask for none (an estimate), and lets other sizes go', () => {
    outputF32(N);
    makeOutputsAhead();
    expect(makeOutputsAhead()).toBe(0);
    const spare = outputF32(N);
    outputF32(2 * N);
    makeOutputsAhead();
    // The last computation asked for N and 2N: both are made, none of another size is kept.
    const next = outputF32(N);
    expect(next).not.toBe(spare);
    expect(next.every((x) => x === 0)).toBe(true);
  });

  it('makes none past its bound, nor on a host that keeps no scratch', () => {
    const huge = 12 * 2 ** 20; // 48 MB of f32: more than the spares may hold
    outputF32(huge);
    expect(makeOutputsAhead()).toBe(0);
    keepScratch(false);
    outputF32(N);
    expect(makeOutputsAhead()).toBe(0);
    keepScratch();
  });
});
