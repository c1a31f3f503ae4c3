import { describe, expect, test } from 'vitest';
import { dbPerCmToNpPerM, m3ToMl, mlToM3, npPerMToDbPerCm, wPerCm2ToWPerM2 } from '../../src/physics/units.ts';

describe('units', () => {
  test('1 dB/cm = 11.513 Np/m (PHYSICS.md §1.4, within 1e-4)', () => {
    expect(dbPerCmToNpPerM(1)).toBeCloseTo(11.5129, 4);
  });

  test('dB/cm ↔ Np/m and mL ↔ m³ round-trip exactly (1e-12)', () => {
    expect(npPerMToDbPerCm(dbPerCmToNpPerM(4.74))).toBeCloseTo(4.74, 12);
    expect(m3ToMl(mlToM3(3.5))).toBeCloseTo(3.5, 12);
  });

  test('1 W/cm² = 1e4 W/m²', () => {
    expect(wPerCm2ToWPerM2(1)).toBe(1e4);
  });
});
