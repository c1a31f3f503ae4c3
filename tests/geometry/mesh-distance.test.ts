import { BoxGeometry } from 'three';
import { describe, expect, it } from 'vitest';
import { gridVolume } from '../../src/engine/critical-outside.ts';
import { boxDistance, meshDistanceToBox } from '../../src/geometry/mesh-distance.ts';

describe('distance from a mesh to a simulated volume', () => {
  it('a point is 0 inside a box and its Euclidean distance outside', () => {
    const box = { lo: [0, 0, 0] as const, hi: [1, 1, 1] as const };
    expect(boxDistance([0.5, 0.5, 0.5], box)).toBe(0);
    expect(boxDistance([2, 0.5, 0.5], box)).toBe(1);
    expect(boxDistance([2, 2, 0.5], box)).toBeCloseTo(Math.SQRT2, 12);
  });

  it('a 10 mm cube 20 mm beside the box, turned 45° about z, lies 20 mm − its half-diagonal away (to the sampling)', () => {
    const cube = new BoxGeometry(0.01, 0.01, 0.01);
    cube.rotateZ(Math.PI / 4);
    cube.translate(0.03, 0, 0);
    const volume = gridVolume({ nx: 11, ny: 11, nz: 11, spacing: 0.001, origin: [-0.005, -0.005, -0.005] }, 37);
    // The box spans ±5.5 mm; the rotated cube's nearest edge sits at x = 30 − 5√2 mm.
    const exact = 0.03 - 0.005 * Math.SQRT2 - 0.0055;
    const d = meshDistanceToBox(cube, volume.toLocal, volume.box, 1e-4);
    expect(d).toBeGreaterThanOrEqual(exact - 1e-12);
    expect(d).toBeLessThan(exact + 1e-4);
  });

  it('a mesh whose surface crosses the box is at distance 0', () => {
    const cube = new BoxGeometry(0.01, 0.01, 0.01);
    cube.translate(0.005, 0, 0);
    const volume = gridVolume({ nx: 3, ny: 3, nz: 3, spacing: 0.001, origin: [-0.001, -0.001, -0.001] }, 37);
    expect(meshDistanceToBox(cube, volume.toLocal, volume.box, 1e-3)).toBe(0);
  });
});
