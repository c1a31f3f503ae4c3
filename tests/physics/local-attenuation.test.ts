import { describe, expect, it } from 'vitest';
import { localAttenuationCorrection } from '../../src/physics/local-attenuation.ts';

const n = 21;
const spacing = 0.001;
const grid = { nx: n, ny: n, nz: n, spacing, origin: [-0.01, -0.01, -0.01] as const };
const focus = [0, 0, 0] as const;
// The array lies toward −z: deeper (post-focal) means larger z.
const towardSource = [0, 0, -1] as const;

function index(i: number, j: number, k: number): number {
  return i + n * (j + n * k);
}

describe('the in-region attenuation correction', () => {
  it('is exp(−α·Δz) in a homogeneous attenuating medium, within 1e-12', () => {
    const alpha = 20; // [Np/m]
    const c = localAttenuationCorrection(grid, new Uint8Array(n ** 3), Float64Array.of(alpha), towardSource, focus);
    for (const k of [0, 5, 10, 15, 20]) {
      const z = grid.origin[2] + k * spacing;
      expect(c[index(10, 10, k)]).toBeCloseTo(Math.exp(-alpha * z), 12);
    }
  });

  it('is 1 everywhere in water (zero excess attenuation)', () => {
    const c = localAttenuationCorrection(grid, new Uint8Array(n ** 3), Float64Array.of(0), towardSource, focus);
    expect(Math.max(...c)).toBe(1);
    expect(Math.min(...c)).toBe(1);
  });

  it('shadows everything behind a 3 mm bone slab past the focus by exp(−α_bone·3 mm) within 0.5 %', () => {
    const labels = new Uint8Array(n ** 3);
    // Slab at z = 3..5 mm (voxels k = 13, 14, 15).
    for (let k = 13; k <= 15; k++) for (let j = 0; j < n; j++) for (let i = 0; i < n; i++) labels[index(i, j, k)] = 1;
    const alphaBone = 54.55; // IT'IS cortical bone at 1 MHz [Np/m]
    const c = localAttenuationCorrection(grid, labels, Float64Array.of(0, alphaBone), towardSource, focus);
    expect(c[index(10, 10, 5)]).toBe(1);
    const behind = c[index(4, 7, 19)] as number;
    expect(Math.abs(behind / Math.exp(-alphaBone * 0.003) - 1)).toBeLessThan(0.005);
  });

  it('blocks the region behind gas', () => {
    const labels = new Uint8Array(n ** 3);
    for (let j = 0; j < n; j++) for (let i = 0; i < n; i++) labels[index(i, j, 12)] = 1;
    const c = localAttenuationCorrection(grid, labels, Float64Array.of(0, 1000), towardSource, focus);
    expect(c[index(10, 10, 18)]).toBeLessThan(0.4);
    expect(c[index(10, 10, 8)]).toBe(1);
  });
});
