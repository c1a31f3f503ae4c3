import { describe, expect, it } from 'vitest';
import type { BeamLattice } from '../../src/physics/angular-spectrum/lattice.ts';
import { besselJ1 } from '../../src/physics/special-functions.ts';
import {
  bandLimitedMagnitude,
  focalProfiles,
  focalSpotVoxel,
  halfMaximumWidth,
  type Profile,
} from '../../src/physics/whole-path/profiles.ts';

/** 2J1(x)/x, the paraxial focal-plane profile of a bowl (PHYSICS.md §1.2); sin(x)/x, its axial one. */
const jinc = (x: number) => (Math.abs(x) < 1e-12 ? 1 : (2 * besselJ1(x)) / x);
const sinc = (x: number) => (Math.abs(x) < 1e-12 ? 1 : Math.sin(x) / x);
/** Where each falls to half: 2J1(x)/x = ½ at x = 2.215089, sin(x)/x = ½ at x = 1.895494 (bisection, 1e-12). */
const JINC_HALF = 2.215089367724;
const SINC_HALF = 1.895494267034;

/** n samples of f·e^{0.7i}, `spacing` apart, the peak `offset` samples past the middle one. */
function sampled(f: (x: number) => number, n: number, spacing: number, offset: number) {
  const position = Array.from({ length: n }, (_, i) => (i - n / 2 - offset) * spacing);
  const value = position.map(f);
  return {
    profile: { position, pressure: value.map(Math.abs) } satisfies Profile,
    re: value.map((v) => v * Math.cos(0.7)),
    im: value.map((v) => v * Math.sin(0.7)),
  };
}

describe('−6 dB width of a focal spot sampled at λ/2', () => {
  // A deep bowl (a/R = 0.75) sampled at λ/2 puts x = k a r/R samples π·0.75 = 2.36 apart: the spot is 1.9 samples wide.
  for (const spacing of [Math.PI * 0.5, 2, Math.PI * 0.75, 2.6])
    for (const offset of [0, 0.3, 0.5])
      it(`jinc at ${spacing.toFixed(2)} per sample, peak ${offset} sample off: band-limited interpolation within 0.01 %`, () => {
        const { profile, re, im } = sampled(jinc, 128, spacing, offset);
        const width = halfMaximumWidth(profile, bandLimitedMagnitude(re, im, profile.position[0] as number, spacing));
        expect(Math.abs(width / (2 * JINC_HALF) - 1)).toBeLessThan(1e-4);
      });

  for (const spacing of [1.5, 2, Math.PI * 0.75])
    for (const offset of [0, 0.5])
      it(`sinc at ${spacing.toFixed(2)} per sample, peak ${offset} sample off: band-limited interpolation within 0.01 %`, () => {
        const { profile, re, im } = sampled(sinc, 128, spacing, offset);
        const width = halfMaximumWidth(profile, bandLimitedMagnitude(re, im, profile.position[0] as number, spacing));
        expect(Math.abs(width / (2 * SINC_HALF) - 1)).toBeLessThan(1e-4);
      });

  it('linear interpolation of |p| alone is up to 10 % off there (why the lateral widths do not use it)', () => {
    const errors = [0, 0.3, 0.5].map((offset) => {
      const { profile } = sampled(jinc, 128, Math.PI * 0.75, offset);
      return Math.abs(halfMaximumWidth(profile) / (2 * JINC_HALF) - 1);
    });
    expect(Math.max(...errors)).toBeGreaterThan(0.03);
  });

  it('samples alone (axial: λ/4 apart, ≥ 10 across the spot): sinc within 0.2 % wherever the peak falls', () => {
    for (const offset of [0, 0.2, 0.5]) {
      const { profile } = sampled(sinc, 200, 0.4, offset);
      expect(Math.abs(halfMaximumWidth(profile) / (2 * SINC_HALF) - 1)).toBeLessThan(0.002);
    }
  });

  it('is taken around a given sample when asked: a higher standing wave elsewhere on the line is not the spot', () => {
    const { profile } = sampled(sinc, 200, 0.4, 0);
    // A reflector's fringe three times higher, 30 samples before the spot.
    profile.pressure[70] = 3;
    expect(Math.abs(halfMaximumWidth(profile, undefined, 100) / (2 * SINC_HALF) - 1)).toBeLessThan(0.002);
    expect(halfMaximumWidth(profile)).toBeLessThan(0.5);
  });
});

describe('the focal spot on the lattice', () => {
  // 16 × 16 columns, 40 voxels along z from −20 mm: a target at the focus (0, 0, 0) sits in voxel k = 20.
  const lattice: BeamLattice = { n: 16, dx: 0.001, nz: 40, dz: 0.001, z0: -0.02 };
  const n2 = 256;
  const re = new Float32Array(n2 * 41);
  const im = new Float32Array(n2 * 41);
  const labels = new Uint8Array(n2 * 40);
  // Tissue 1 up to z = −5 mm (voxels k < 15), tissue 2 (the target's) beyond.
  for (let k = 0; k < 40; k++) labels.fill(k < 15 ? 1 : 2, k * n2, (k + 1) * n2);
  // The focal spot: a Gaussian bump on the axis at face 22 (z = +2 mm); a twice higher fringe at face 12 (−8 mm).
  for (let f = 0; f <= 40; f++)
    for (let c = 0; c < n2; c++) {
      const i = (c % 16) - 8;
      const j = Math.floor(c / 16) - 8;
      const lateral = Math.exp(-(i * i + j * j) / 4);
      re[f * n2 + c] = lateral * (Math.exp(-((f - 22) ** 2) / 8) + 2 * Math.exp(-((f - 12) ** 2) / 2));
    }
  const window = { target: [0, 0, 0] as const, axis: [0, 0, 1] as const, halfLength: 0.015, halfWidth: 0.003 };

  it("takes the largest |p| in the target's tissue inside the window, not the path's higher peak in front", () => {
    const v = focalSpotVoxel({ re, im }, lattice, labels, window);
    expect(v % 16).toBe(8);
    expect(Math.floor(v / 16) % 16).toBe(8);
    // Voxel 21 or 22 (face 22 is the upper face of voxel 21 and the lower of voxel 22).
    expect([21, 22]).toContain(Math.floor(v / n2));
    const profiles = focalProfiles({ re, im }, lattice, v, 0.0015);
    expect(Math.max(...profiles.lateralX.pressure)).toBeCloseTo(1, 5);
    expect(profiles.axial.pressure[12]).toBeGreaterThan(1.9);
  });

  it('without a tissue boundary the window still keeps a peak 8 mm before the target out when it is short', () => {
    const one = new Uint8Array(labels.length).fill(2);
    const short = { ...window, halfLength: 0.005 };
    expect([21, 22]).toContain(Math.floor(focalSpotVoxel({ re, im }, lattice, one, short) / n2));
    expect(Math.floor(focalSpotVoxel({ re, im }, lattice, one, window) / n2)).toBeLessThan(13);
  });

  it('answers −1 for a target outside the lattice', () => {
    expect(focalSpotVoxel({ re, im }, lattice, labels, { ...window, target: [0, 0, 0.05] })).toBe(-1);
  });
});
