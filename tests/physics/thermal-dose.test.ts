import { describe, expect, test } from 'vitest';
import { accumulateDose, cem43Constant, cem43Step, volumeAboveDose } from '../../src/physics/thermal-dose.ts';
import { relativeError } from './matchers.ts';

describe('CEM43 (Sapareto & Dewey 1984, PHYSICS.md §1.6)', () => {
  test('15 min at 47 °C = 240 CEM43 (1e-9 relative)', () => {
    expect(relativeError(cem43Constant(47, 15 * 60), 240)).toBeLessThan(1e-9);
    expect(relativeError(cem43Step(47, 47, 15 * 60), 240)).toBeLessThan(1e-9);
  });

  test('240 min at 43 °C = 240 CEM43 (1e-9 relative)', () => {
    expect(relativeError(cem43Step(43, 43, 240 * 60), 240)).toBeLessThan(1e-9);
  });

  test('112.5 s at 50 °C = 240 CEM43 (1e-9 relative); 54 °C 7.03 s and 56 °C 1.76 s ≈ 240 (0.5 %)', () => {
    expect(relativeError(cem43Step(50, 50, 112.5), 240)).toBeLessThan(1e-9);
    expect(relativeError(cem43Constant(54, 7.03), 240)).toBeLessThan(5e-3);
    expect(relativeError(cem43Constant(56, 1.76), 240)).toBeLessThan(5e-3);
  });

  test('below 43 °C R = 0.25: 60 min at 41 °C = 3.75 CEM43 (1e-12 relative)', () => {
    expect(relativeError(cem43Step(41, 41, 3600), 60 / 16)).toBeLessThan(1e-12);
  });

  test.each([
    [40, 50, 60],
    [50, 40, 30],
    [37, 42.5, 10],
    [60, 61, 1],
    [44, 44.000001, 5],
  ])('linear ramp %d → %d °C over %d s equals a 200 000-step midpoint sum (1e-8 relative)', (t0, t1, dt) => {
    const steps = 200_000;
    let sum = 0;
    for (let i = 0; i < steps; i++) {
      const t = t0 + ((t1 - t0) * (i + 0.5)) / steps;
      sum += cem43Constant(t, dt / steps);
    }
    expect(relativeError(cem43Step(t0, t1, dt), sum)).toBeLessThan(1e-8);
  });

  test('per-voxel accumulation and the ≥ 240 volume', () => {
    const dose = new Float64Array(3);
    const before = new Float64Array([0, 13, 10]); // ΔT over 37 °C
    const after = new Float64Array([0, 13, 10]);
    accumulateDose(dose, before, after, 112.5);
    expect(relativeError(dose[1] as number, 240)).toBeLessThan(1e-9);
    accumulateDose(dose, before, after, 0.1); // nudge voxel 1 past the threshold
    expect(dose[0]).toBeGreaterThan(0);
    expect(volumeAboveDose(dose, 1e-9)).toBeCloseTo(1e-9, 20);
  });
});
