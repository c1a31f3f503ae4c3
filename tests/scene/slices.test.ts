import { describe, expect, it } from 'vitest';
import type { VoxelGrid } from '../../src/geometry/tissue-model.ts';
import { fieldAt, frameAt } from '../../src/scene/frames.ts';
import { sliceContour } from '../../src/scene/SlicePlanes.tsx';
import { contourLines, extractSlice, sliceIndex } from '../../src/scene/slice-geometry.ts';
import { shownFields } from '../../src/scene/useShownFields.ts';

const grid: VoxelGrid = { nx: 4, ny: 3, nz: 2, spacing: 0.001, origin: [0.01, 0.02, 0.03] };
const field = Float32Array.from({ length: 24 }, (_, n) => n); // value = i + 4j + 12k

describe('frameAt', () => {
  const frames = { time: Float64Array.from([0, 2, 4, 10]) };
  it('clamps before the first and after the last frame', () => {
    expect(frameAt(frames, -1)).toEqual({ i0: 0, i1: 0, weight: 0 });
    expect(frameAt(frames, 99)).toEqual({ i0: 3, i1: 3, weight: 0 });
    expect(frameAt(frames, Number.NaN)).toEqual({ i0: 3, i1: 3, weight: 0 });
    expect(frameAt({ time: new Float64Array(0) }, 1)).toBeUndefined();
  });
  it('interpolates linearly between the bracketing frames', () => {
    expect(frameAt(frames, 2)).toEqual({ i0: 1, i1: 1, weight: 0 });
    expect(frameAt(frames, 7)).toEqual({ i0: 2, i1: 3, weight: 0.5 });
    const data = Float32Array.from([0, 0, 10, 20, 30, 40, 50, 60]); // 4 frames × 2 voxels
    expect([...fieldAt(data, 2, { i0: 2, i1: 3, weight: 0.5 })]).toEqual([40, 50]);
    expect([...fieldAt(data, 2, { i0: 1, i1: 1, weight: 0 })]).toEqual([10, 20]);
  });
  it('falls back to the max/final fields without frames, and follows frames when present', () => {
    const maxTemperature = Float32Array.from({ length: 24 }, (_, n) => 37 + n);
    const dose = new Float32Array(24).fill(5);
    const still = shownFields({ grid, maxTemperature, dose }, 'sonication', 3);
    expect(still.temperature).toBe(maxTemperature);
    expect(still.dose).toBe(dose);
    expect(still.timeResolved).toBe(false);
    expect(still.peakLocation[0]).toBeCloseTo(0.013, 9);
    const frames = {
      time: Float64Array.from([0, 10]),
      temperature: new Float32Array(48).fill(37).fill(47, 24),
      dose: new Float32Array(48).fill(0).fill(100, 24),
    };
    const moving = shownFields({ grid, maxTemperature, dose, frames }, 'plan', 5);
    expect(moving.timeResolved).toBe(true);
    expect(moving.temperature[0]).toBeCloseTo(42, 5);
    expect(moving.dose[23]).toBeCloseTo(50, 5);
  });
});

describe('slices', () => {
  it('extracts the voxel layer through a point along each axis', () => {
    expect(sliceIndex(grid, 0, 0.012)).toBe(2);
    expect(sliceIndex(grid, 2, 1)).toBe(1);
    expect([...extractSlice(field, grid, 0, 2)]).toEqual([2, 6, 10, 14, 18, 22]);
    expect([...extractSlice(field, grid, 1, 1)]).toEqual([4, 5, 6, 7, 16, 17, 18, 19]);
    expect([...extractSlice(field, grid, 2, 1)]).toEqual([...field.slice(12)]);
  });

  it('contours a disc as a closed curve of the right radius and length', () => {
    const w = 41;
    const r = 12.3;
    const values = new Float32Array(w * w);
    for (let v = 0; v < w; v++) for (let u = 0; u < w; u++) values[v * w + u] = r - Math.hypot(u - 20.2, v - 19.7);
    const segments = contourLines(values, w, w, 0);
    let length = 0;
    for (let s = 0; s < segments.length; s += 4) {
      for (const e of [0, 2]) {
        const rr = Math.hypot((segments[s + e] as number) - 20.2, (segments[s + e + 1] as number) - 19.7);
        expect(Math.abs(rr - r)).toBeLessThan(0.05);
      }
      length += Math.hypot(
        (segments[s + 2] as number) - (segments[s] as number),
        (segments[s + 3] as number) - (segments[s + 1] as number),
      );
    }
    expect(Math.abs(length / (2 * Math.PI * r) - 1)).toBeLessThan(0.01);
  });

  it('closes contours of a region touching the edge along the edge', () => {
    const segments = contourLines(new Float32Array(9).fill(1), 3, 3, 0.5);
    let length = 0;
    for (let s = 0; s < segments.length; s += 4)
      length += Math.hypot(
        (segments[s + 2] as number) - (segments[s] as number),
        (segments[s + 3] as number) - (segments[s + 1] as number),
      );
    expect(length).toBeCloseTo(8, 6);
  });
});

describe('slice contour', () => {
  it('draws the 240 CEM43 contour of one layer on log10 dose, in the plane frame', () => {
    const g: VoxelGrid = { nx: 5, ny: 5, nz: 1, spacing: 0.001, origin: [0, 0, 0] };
    const dose = new Float32Array(25);
    dose[12] = 1e4; // the centre voxel, far above 240
    const positions = sliceContour(dose, g, 2, 0);
    expect(positions.length).toBeGreaterThan(0);
    // A z-slice lies in x, y: z stays 0, x and y within one voxel of the centre (2 mm, 2 mm).
    for (let n = 0; n < positions.length; n += 3) {
      expect(positions[n + 2]).toBe(0);
      expect(Math.abs((positions[n] as number) - 0.002)).toBeLessThanOrEqual(0.001);
      expect(Math.abs((positions[n + 1] as number) - 0.002)).toBeLessThanOrEqual(0.001);
    }
    expect(sliceContour(new Float32Array(25).fill(100), g, 2, 0).length).toBe(0);
  });
});
