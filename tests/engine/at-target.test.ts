import { describe, expect, it } from 'vitest';
import { atTarget } from '../../src/engine/at-target.ts';
import type { VoxelGrid } from '../../src/physics/grid.ts';

describe('values at the target', () => {
  const grid: VoxelGrid = { nx: 5, ny: 4, nz: 3, spacing: 0.001, origin: [0.01, 0.02, 0.03] };
  const linear = (x: number, y: number, z: number) => 40 + 1000 * x - 2000 * y + 500 * z;
  const field = new Float64Array(60);
  for (let k = 0; k < 3; k++)
    for (let j = 0; j < 4; j++)
      for (let i = 0; i < 5; i++)
        field[i + 5 * (j + 4 * k)] = linear(0.01 + i * 1e-3, 0.02 + j * 1e-3, 0.03 + k * 1e-3);

  it('interpolates a linear field exactly between voxel centres (trilinear)', () => {
    const p: [number, number, number] = [0.0123, 0.0217, 0.0311];
    const at = atTarget(grid, field, field, p, {
      peakTemperatureLocation: p,
      peakPressureLocation: [0.0123, 0.0217, 0.0351],
    });
    expect(at.temperature).toBeCloseTo(linear(...p), 9);
    expect(at.dose).toBeCloseTo(linear(...p), 9);
    expect(at.peakTemperatureDistance).toBe(0);
    expect(at.peakPressureDistance).toBeCloseTo(0.004, 12);
  });

  it('clamps a target outside the grid to its nearest face instead of reading past the array', () => {
    const at = atTarget(grid, field, field, [0, 0.0215, 0.031], {
      peakTemperatureLocation: [0, 0, 0],
      peakPressureLocation: [0, 0, 0],
    });
    expect(at.temperature).toBeCloseTo(linear(0.01, 0.0215, 0.031), 9);
  });
});
