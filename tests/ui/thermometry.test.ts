import { describe, expect, it } from 'vitest';
import {
  ANATOMY_GREY,
  contourSegments,
  extractPlane,
  frameIndexAt,
  planeAxes,
  planeIndexAt,
  planeTilt,
  thermometryColour,
  thermometryPixels,
} from '../../src/ui/thermometry.ts';

const GRID = { nx: 4, ny: 3, nz: 2, spacing: 1e-3, origin: [0, 0, 0] as const };

describe('frameIndexAt', () => {
  const times = [0, 2, 4, 6];
  it('picks the last frame at or before t, clamped to the ends', () => {
    expect(frameIndexAt(times, -1)).toBe(0);
    expect(frameIndexAt(times, 0)).toBe(0);
    expect(frameIndexAt(times, 1.99)).toBe(0);
    expect(frameIndexAt(times, 2)).toBe(1);
    expect(frameIndexAt(times, 5.5)).toBe(2);
    expect(frameIndexAt(times, 100)).toBe(3);
    expect(frameIndexAt(times, Number.NaN)).toBe(0);
    expect(frameIndexAt([], 3)).toBe(-1);
  });
});

describe('plane choice', () => {
  it('cuts across the beam with the most aligned axis as normal, along it with the least aligned', () => {
    expect(planeAxes([0, -1, 0], 'across-beam')).toEqual({ normal: 1, u: 0, v: 2 });
    expect(planeAxes([0.1, -1, 0.3], 'along-beam')).toEqual({ normal: 0, u: 1, v: 2 });
    expect(planeAxes([0, 0, 1], 'across-beam')).toEqual({ normal: 2, u: 0, v: 1 });
  });

  it('says how oblique the grid plane is: 0° for a beam along an axis, 45° for the femur’s beam in the x–y plane', () => {
    expect(planeTilt([0, -1, 0], 'across-beam')).toBe(0);
    expect(planeTilt([0, -1, 0], 'along-beam')).toBe(0);
    expect(planeTilt([Math.SQRT1_2, Math.SQRT1_2, 0], 'across-beam')).toBeCloseTo(45, 9);
    // Along: the beam lies in the plane z = const whatever its angle in x–y.
    expect(planeTilt([Math.SQRT1_2, Math.SQRT1_2, 0], 'along-beam')).toBeCloseTo(0, 9);
    // A cube's diagonal: arccos(1/√3) ≈ 54.7° from square, arcsin(1/√3) ≈ 35.3° out of the plane.
    expect(planeTilt([1, 1, 1], 'across-beam')).toBeCloseTo(54.7356, 3);
    expect(planeTilt([1, 1, 1], 'along-beam')).toBeCloseTo(35.2644, 3);
  });

  it('finds the nearest grid index, clamped', () => {
    expect(planeIndexAt(GRID, 0, 2.2e-3)).toBe(2);
    expect(planeIndexAt(GRID, 0, 1)).toBe(3);
    expect(planeIndexAt(GRID, 2, -1)).toBe(0);
  });
});

describe('extractPlane', () => {
  // value = linear index i + nx(j + ny k)
  const values = Float32Array.from({ length: 24 }, (_, n) => n);
  it('cuts z = k with x to the right and y up (row 0 = largest y)', () => {
    const p = extractPlane(values, GRID, { normal: 2, u: 0, v: 1 }, 1);
    expect(p.width).toBe(4);
    expect(p.height).toBe(3);
    // top-left: i = 0, j = 2, k = 1 → 0 + 4(2 + 3) = 20
    expect(p.values[0]).toBe(20);
    // bottom-right: i = 3, j = 0, k = 1 → 3 + 12 = 15
    expect(p.values[11]).toBe(15);
  });

  it('reads a frame of a frames × voxels array', () => {
    const frames = new Float32Array(48);
    frames.set(
      values.map((v) => v + 100),
      24,
    );
    const p = extractPlane(frames, GRID, { normal: 1, u: 0, v: 2 }, 0, 1);
    expect(p.width).toBe(4);
    expect(p.height).toBe(2);
    // top row: k = 1, j = 0, i = 0 → 12 + 100
    expect(p.values[0]).toBe(112);
  });
});

describe('thermometry colours', () => {
  it('is grey below 40 °C and inferno above, brighter when hotter', () => {
    expect(thermometryColour(39.9, 80)).toBeUndefined();
    expect(thermometryColour(Number.NaN, 80)).toBeUndefined();
    const cool = thermometryColour(40, 80);
    const hot = thermometryColour(80, 80);
    expect(cool).toEqual([0, 0, 4]);
    expect(hot).toEqual([252, 255, 164]);
    const plane = { width: 2, height: 1, values: new Float32Array([37, 80]) };
    const px = thermometryPixels(plane, 80);
    expect(Array.from(px)).toEqual([ANATOMY_GREY, ANATOMY_GREY, ANATOMY_GREY, 255, 252, 255, 164, 255]);
  });
});

describe('contourSegments', () => {
  it('returns nothing for a uniform plane', () => {
    expect(contourSegments({ width: 3, height: 3, values: new Float32Array(9).fill(500) })).toEqual([]);
    expect(contourSegments({ width: 3, height: 3, values: new Float32Array(9) })).toEqual([]);
  });

  it('closes around a single hot pixel at the interpolated crossing', () => {
    const values = new Float32Array(9);
    values[4] = 480; // centre: the 240 level is halfway to each neighbour
    const segments = contourSegments({ width: 3, height: 3, values }, 240);
    expect(segments).toHaveLength(4);
    const xs = segments.flatMap(([x1, , x2]) => [x1, x2]);
    const ys = segments.flatMap(([, y1, , y2]) => [y1, y2]);
    expect(Math.min(...xs)).toBeCloseTo(0.5);
    expect(Math.max(...xs)).toBeCloseTo(1.5);
    expect(Math.min(...ys)).toBeCloseTo(0.5);
    expect(Math.max(...ys)).toBeCloseTo(1.5);
  });
});
