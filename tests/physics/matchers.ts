import { expect } from 'vitest';

/** Tolerances of an element-wise comparison, |a − e| ≤ atol + rtol·|e| (numpy allclose). */
export interface CloseOptions {
  rtol?: number;
  atol?: number;
}

/** Worst element of a comparison. */
export interface WorstError {
  index: number;
  actual: number;
  expected: number;
  /** |a − e| / (atol + rtol·|e|): ≤ 1 passes. */
  ratio: number;
}

/**
 * Compare arrays element-wise like np.allclose and fail with the worst index, its values and the ratio to the
 * allowed error (k-Wave testers, cannon-es custom matchers).
 * @returns the worst element, so a test can log the measured error
 */
export function expectAllClose(
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  { rtol = 1e-7, atol = 0 }: CloseOptions = {},
): WorstError {
  expect(actual.length).toBe(expected.length);
  let worst: WorstError = { index: -1, actual: Number.NaN, expected: Number.NaN, ratio: 0 };
  for (let i = 0; i < actual.length; i++) {
    const a = actual[i] as number;
    const e = expected[i] as number;
    const ratio = Math.abs(a - e) / (atol + rtol * Math.abs(e));
    if (!(ratio <= worst.ratio) || Number.isNaN(ratio)) {
      worst = { index: i, actual: a, expected: e, ratio: Number.isNaN(ratio) ? Number.POSITIVE_INFINITY : ratio };
    }
  }
  if (worst.ratio > 1) {
    expect.fail(
      `not all close (rtol ${rtol}, atol ${atol}): worst at index ${worst.index}: actual ${worst.actual}, ` +
        `expected ${worst.expected}, error ${(worst.ratio).toFixed(3)}× the allowance`,
    );
  }
  return worst;
}

/** Relative difference |a − e|/|e|. */
export function relativeError(actual: number, expected: number): number {
  return Math.abs(actual - expected) / Math.abs(expected);
}
