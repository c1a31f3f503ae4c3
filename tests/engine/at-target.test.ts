import { describe, expect, it } from 'vitest';
import { atTarget, focalEllipsoid } from '../../src/engine/at-target.ts';
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

describe('is a peak in the focal spot?', () => {
  // The body array's spot at 1 MHz in water: −6 dB 2.8 mm across; intensity FWHM 8 mm along the beam (→ −6 dB 11.3 mm).
  const grid: VoxelGrid = { nx: 3, ny: 3, nz: 3, spacing: 0.001, origin: [-0.001, -0.001, -0.001] };
  const field = new Float64Array(27);
  const spot = focalEllipsoid({ lateralWidth6dB: 2.8e-3, axialFwhm: 8e-3 }, [0, 0, 2], grid.spacing);
  const at = (p: [number, number, number]) =>
    atTarget(grid, field, field, [0, 0, 0], { peakTemperatureLocation: p, peakPressureLocation: [0, 0, 0] }, spot);

  it('spans half the −6 dB sizes plus a voxel: ≈ 6.7 mm along the beam, 2.4 mm across', () => {
    expect(spot.axis).toEqual([0, 0, 1]);
    expect(spot.halfLength).toBeCloseTo((Math.SQRT2 * 8e-3) / 2 + 1e-3, 12);
    expect(spot.halfWidth).toBeCloseTo(2.4e-3, 12);
  });

  it('takes a peak 5 mm along the beam as aimed, the same 5 mm across as not, and ellipse edges as they are', () => {
    expect(at([0, 0, 0.005]).peakTemperatureInSpot).toBe(true);
    expect(at([0, 0, -0.0066]).peakTemperatureInSpot).toBe(true);
    expect(at([0.005, 0, 0]).peakTemperatureInSpot).toBe(false);
    expect(at([0, 0.0023, 0]).peakTemperatureInSpot).toBe(true);
    // Half-way along the beam, the width left is √(1 − ¼) of the half-width.
    const h = 0.0024 * Math.sqrt(0.75);
    expect(at([h * 0.99, 0, spot.halfLength / 2]).peakTemperatureInSpot).toBe(true);
    expect(at([h * 1.01, 0, spot.halfLength / 2]).peakTemperatureInSpot).toBe(false);
    expect(at([0, 0, 0.005]).peakPressureInSpot).toBe(true);
  });

  it("takes a pressure peak inside the ellipsoid but in another tissue than the target's as not aimed at", () => {
    // A 0.5 MHz spot is ≈ 85 mm long: the skin 36 mm before the focus lies inside it, and its peak is not the focus.
    const tissueAt = (p: readonly number[]) => ((p[2] as number) < -0.004 ? 'skin' : 'muscle');
    const peaks = { peakTemperatureLocation: [0, 0, 0] as [number, number, number] };
    const inSkin = atTarget(
      grid,
      field,
      field,
      [0, 0, 0],
      { ...peaks, peakPressureLocation: [0, 0, -0.005] },
      spot,
      tissueAt,
    );
    expect(inSkin.peakPressureInSpot).toBe(false);
    const inMuscle = atTarget(
      grid,
      field,
      field,
      [0, 0, 0],
      { ...peaks, peakPressureLocation: [0, 0, 0.005] },
      spot,
      tissueAt,
    );
    expect(inMuscle.peakPressureInSpot).toBe(true);
    // The tissue at the target itself rides along (a dose in the water bath ablates nothing); none without a lookup.
    expect(inMuscle.tissue).toBe('muscle');
    expect(
      atTarget(grid, field, field, [0, 0, 0], { ...peaks, peakPressureLocation: [0, 0, 0] }).tissue,
    ).toBeUndefined();
    // A peak just across a surface from the target (a standing wave on the muscle side of a bone aimed at) is the
    // focus itself: within the spot's half-width (2.4 mm) the tissue does not matter.
    const acrossSurface = (p: readonly number[]) => ((p[2] as number) < -0.0005 ? 'muscle' : 'cortical_bone');
    const near = atTarget(
      grid,
      field,
      field,
      [0, 0, 0],
      { ...peaks, peakPressureLocation: [0, 0, -0.001] },
      spot,
      acrossSurface,
    );
    expect(near.peakPressureInSpot).toBe(true);
  });

  it('says nothing of the spot when the run gave none', () => {
    const plain = atTarget(grid, field, field, [0, 0, 0], {
      peakTemperatureLocation: [0, 0, 0.005],
      peakPressureLocation: [0, 0, 0],
    });
    expect(plain.peakTemperatureInSpot).toBeUndefined();
  });
});
