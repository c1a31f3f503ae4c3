import { describe, expect, it } from 'vitest';
import { binWavenumber } from '../../src/physics/fft2.ts';
import { planePower } from '../../src/physics/whole-path/plane-power.ts';

const N = 32;
const DX = 0.5e-3;
const Z = 1.5e6;
const AREA = (N * DX) ** 2;

/** A plane wave p0·e^{i(kx·x + ky·y)} on the lattice, its wavenumbers on FFT bins (mx, my) [Pa]. */
function planeWave(p0: number, mx: number, my: number): Float64Array {
  const kx = binWavenumber((mx + N) % N, N, DX);
  const ky = binWavenumber((my + N) % N, N, DX);
  const out = new Float64Array(2 * N * N);
  for (let j = 0; j < N; j++)
    for (let i = 0; i < N; i++) {
      const phase = kx * i * DX + ky * j * DX;
      out[2 * (i + N * j)] = p0 * Math.cos(phase);
      out[2 * (i + N * j) + 1] = p0 * Math.sin(phase);
    }
  return out;
}

describe('the power a plane field carries through the plane', () => {
  it('is |p|²/(2ρc)·A for a wave at normal incidence', () => {
    const k = (2 * Math.PI * 1e6) / 1500;
    expect(planePower(planeWave(1e5, 0, 0), N, DX, Z, k) / ((1e10 / (2 * Z)) * AREA)).toBeCloseTo(1, 12);
  });

  it('is |p|²/(2ρc)·A·cos θ for a wave crossing at θ (the intensity along the normal), 1e-12', () => {
    const kx = binWavenumber(5, N, DX);
    for (const theta of [0.2, 0.5, 1.0]) {
      const k = kx / Math.sin(theta);
      const power = planePower(planeWave(1e5, 5, 0), N, DX, Z, k);
      expect(power / ((1e10 / (2 * Z)) * AREA * Math.cos(theta))).toBeCloseTo(1, 12);
    }
  });

  it('is nothing for an evanescent wave, and adds over waves of different directions', () => {
    const kx = binWavenumber(5, N, DX);
    // Nothing but the transform's round-off in the other bins.
    expect(planePower(planeWave(1e5, 5, 0), N, DX, Z, 0.9 * kx)).toBeLessThan(1e-15 * (1e10 / (2 * Z)) * AREA);
    const k = 2 * kx;
    const both = planeWave(1e5, 5, 0).map((v, i) => v + (planeWave(2e5, 0, -3)[i] as number));
    const sum = planePower(planeWave(1e5, 5, 0), N, DX, Z, k) + planePower(planeWave(2e5, 0, -3), N, DX, Z, k);
    expect(planePower(both, N, DX, Z, k) / sum).toBeCloseTo(1, 10);
  });
});
