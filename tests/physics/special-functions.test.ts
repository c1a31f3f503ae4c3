import { describe, expect, test } from 'vitest';
import { besselJ1, erfc, erfcx, jinc, sinhc } from '../../src/physics/special-functions.ts';
import { expectAllClose } from './matchers.ts';

describe('Bessel J1 (A&S 9.4.4–9.4.6)', () => {
  // Reference values: Abramowitz & Stegun Table 9.1 / any arbitrary-precision library.
  const x = [0, 0.5, 1, 2, 2.5, 3, 5, 10, 20, -2];
  const j1 = [
    0, 0.2422684577, 0.4400505857, 0.5767248078, 0.4970941025, 0.3390589585, -0.3275791376, 0.0434727462, 0.0668331242,
    -0.5767248078,
  ];

  test('matches tabulated values within 1e-7 absolute', () => {
    expectAllClose(
      x.map((v) => besselJ1(v)),
      j1,
      { atol: 1e-7, rtol: 0 },
    );
  });

  test('first zero at x = 3.8317059702 (within 1e-7)', () => {
    expect(Math.abs(besselJ1(3.8317059702))).toBeLessThan(1e-7);
  });

  test('jinc(0) = 1 and jinc is continuous across the 3.0 branch switch (within 1e-7)', () => {
    expect(jinc(0)).toBe(1);
    expect(Math.abs(besselJ1(3 - 1e-12) - besselJ1(3 + 1e-12))).toBeLessThan(1e-7);
  });
});

describe('erfc, erfcx, sinhc', () => {
  test('erfc matches tabulated values within 1.2e-7 relative', () => {
    expectAllClose(
      [0, 0.5, 1, 2, -1].map((v) => erfc(v)),
      [1, 0.4795001222, 0.157299207, 0.004677734981, 1.842700793],
      { rtol: 1.2e-7 },
    );
  });

  test('erfcx(10) = 0.05614099 without overflow (within 1e-6 relative)', () => {
    expect(Math.abs(erfcx(10) / 0.0561409927 - 1)).toBeLessThan(1e-6);
  });

  test('sinhc is continuous at its series switch (within 1e-15)', () => {
    expect(Math.abs(sinhc(1e-3 - 1e-15) - Math.sinh(1e-3) / 1e-3)).toBeLessThan(1e-15);
  });
});
