import { describe, expect, test } from 'vitest';
import {
  advanceBioheat,
  type BioheatMedium,
  createBioheatState,
  prepareBioheat,
  stableTimeStep,
  stableTimeStepHomogeneous,
} from '../../src/physics/bioheat.ts';
import type { VoxelGrid } from '../../src/physics/grid.ts';
import { erfcx } from '../../src/physics/special-functions.ts';
import { BLOOD_SPECIFIC_HEAT, TISSUES } from '../../src/physics/tissues.ts';
import { relativeError } from './matchers.ts';

const MUSCLE = TISSUES.muscle;
const RHO_C = MUSCLE.density * MUSCLE.specificHeat;
const K = MUSCLE.thermalConductivity;
const D = K / RHO_C;
const Q0 = 1e7; // [W/m³]
const SIGMA = 1e-3; // [m]

function cube(n: number, spacing: number): VoxelGrid {
  const o = -((n - 1) / 2) * spacing;
  return { nx: n, ny: n, nz: n, spacing, origin: [o, o, o] };
}

function homogeneous(grid: VoxelGrid, perfusionHeat: number): BioheatMedium {
  const n = grid.nx * grid.ny * grid.nz;
  return {
    heatCapacity: new Float64Array(n).fill(RHO_C),
    conductivity: new Float64Array(n).fill(K),
    perfusionHeat: new Float64Array(n).fill(perfusionHeat),
  };
}

function gaussianSource(grid: VoxelGrid): Float64Array {
  const q = new Float64Array(grid.nx * grid.ny * grid.nz);
  let v = 0;
  for (let k = 0; k < grid.nz; k++) {
    for (let j = 0; j < grid.ny; j++) {
      for (let i = 0; i < grid.nx; i++, v++) {
        const x = grid.origin[0] + i * grid.spacing;
        const y = grid.origin[1] + j * grid.spacing;
        const z = grid.origin[2] + k * grid.spacing;
        q[v] = Q0 * Math.exp(-(x * x + y * y + z * z) / (2 * SIGMA * SIGMA));
      }
    }
  }
  return q;
}

/**
 * Centre rise of a Gaussian source switched on at t = 0 with perfusion (derived by superposing test 4 of
 * PHYSICS.md §1.5 over the source history): ΔT(0,t) = ∫0^t (q0/ρc) e^{−s/τ} [σ²/(σ² + 2Ds)]^{3/2} ds.
 */
function centreRiseWithPerfusion(t: number, tau: number): number {
  const n = 20000;
  const h = t / n;
  const f = (s: number): number => Math.exp(-s / tau) * (SIGMA ** 2 / (SIGMA ** 2 + 2 * D * s)) ** 1.5;
  let sum = f(0) + f(t);
  for (let i = 1; i < n; i++) sum += (i % 2 === 1 ? 4 : 2) * f(i * h);
  return ((Q0 / RHO_C) * sum * h) / 3;
}

describe('Pennes bioheat, explicit FTCS (PHYSICS.md §1.5)', () => {
  test('stability bound: muscle, Δx = 0.5 mm, no perfusion → Δx²/(6D) = 0.314 s', () => {
    const grid = cube(8, 0.5e-3);
    const dt = stableTimeStep(prepareBioheat(grid, homogeneous(grid, 0), 'dirichlet'));
    expect(relativeError(dt, 0.5e-3 ** 2 / (6 * D))).toBeLessThan(1e-12);
    expect(dt).toBeCloseTo(0.314, 3);
    expect(relativeError(dt, stableTimeStepHomogeneous(D, 0, 0.5e-3))).toBeLessThan(1e-12);
  });

  test('the solver refuses a time step 1 % above the bound and accepts the bound itself', () => {
    const grid = cube(6, 0.5e-3);
    const problem = prepareBioheat(grid, homogeneous(grid, 2553), 'insulated');
    const state = createBioheatState(grid);
    expect(() => advanceBioheat(problem, state, { dt: problem.maxTimeStep * 1.01, steps: 1, source: null })).toThrow(
      RangeError,
    );
    expect(() => advanceBioheat(problem, state, { dt: problem.maxTimeStep, steps: 1, source: null })).not.toThrow();
  });

  test('transient Gaussian source, no perfusion: centre ΔT(t) = (q0σ²/k)[1 − σ/√(σ²+2Dt)] within 2 % (t = 1…10 s)', () => {
    const grid = cube(61, 0.2e-3); // ±6 mm = 6σ; diffusion length at 10 s is 1.6 mm
    const problem = prepareBioheat(grid, homogeneous(grid, 0), 'dirichlet');
    const state = createBioheatState(grid);
    const q = gaussianSource(grid);
    const centre = (grid.nx * grid.ny * grid.nz - 1) / 2;
    const dt = 10 / Math.ceil(10 / problem.maxTimeStep);
    let worst = 0;
    for (const t of [1, 2, 5, 10]) {
      advanceBioheat(problem, state, { dt, steps: Math.round((t - state.time) / dt), source: q });
      const exact = ((Q0 * SIGMA ** 2) / K) * (1 - SIGMA / Math.sqrt(SIGMA ** 2 + 2 * D * t));
      worst = Math.max(worst, relativeError(state.rise[centre] as number, exact));
    }
    console.info(`Pennes transient Gaussian (no perfusion) worst centre error: ${(worst * 100).toFixed(3)} %`);
    expect(worst).toBeLessThan(0.02);
  });

  test('Gaussian source with perfusion (τ = 10 s): transient and steady centre ΔT within 2 %', () => {
    const tau = 10;
    const perfusionHeat = RHO_C / tau;
    const grid = cube(49, 0.25e-3); // ±6 mm ≈ 5 perfusion lengths L = √(Dτ) = 1.15 mm
    const problem = prepareBioheat(grid, homogeneous(grid, perfusionHeat), 'dirichlet');
    const state = createBioheatState(grid);
    const q = gaussianSource(grid);
    const centre = (grid.nx * grid.ny * grid.nz - 1) / 2;
    const dt = 5 / Math.ceil(5 / problem.maxTimeStep);
    let worst = 0;
    for (const t of [5, 10, 20, 80]) {
      advanceBioheat(problem, state, { dt, steps: Math.round((t - state.time) / dt), source: q });
      worst = Math.max(worst, relativeError(state.rise[centre] as number, centreRiseWithPerfusion(t, tau)));
    }
    // PHYSICS.md §1.5 test 2 closed form (steady state, with perfusion); 80 s = 8τ is steady to 0.03 %.
    const length = Math.sqrt(K / perfusionHeat);
    const steady =
      (Q0 / K) * (SIGMA ** 2 - (SIGMA ** 3 / length) * Math.sqrt(Math.PI / 2) * erfcx(SIGMA / (Math.SQRT2 * length)));
    expect(relativeError(centreRiseWithPerfusion(400, tau), steady)).toBeLessThan(1e-4);
    const steadyError = relativeError(state.rise[centre] as number, steady);
    console.info(
      `Pennes with perfusion: worst transient error ${(worst * 100).toFixed(3)} %, steady ${(steadyError * 100).toFixed(3)} %`,
    );
    expect(worst).toBeLessThan(0.02);
    expect(steadyError).toBeLessThan(0.02);
  });

  // PHYSICS.md's worked numbers (20.41 / 18.66 / 9.69 K) use k = 0.49 W/m/K, not the table's 0.495 (1 % apart).
  test('PHYSICS.md worked numbers reproduce with k = 0.49: 20.41 K, 18.66 K steady; 9.69 K at 10 s (0.5 %)', () => {
    const k = 0.49;
    const d = k / RHO_C;
    const wc = MUSCLE.perfusion * BLOOD_SPECIFIC_HEAT;
    const length = Math.sqrt(k / wc);
    const steady =
      (Q0 / k) * (SIGMA ** 2 - (SIGMA ** 3 / length) * Math.sqrt(Math.PI / 2) * erfcx(SIGMA / (Math.SQRT2 * length)));
    const transient = ((Q0 * SIGMA ** 2) / k) * (1 - SIGMA / Math.sqrt(SIGMA ** 2 + 2 * d * 10));
    expect(relativeError((Q0 * SIGMA ** 2) / k, 20.41)).toBeLessThan(5e-3);
    expect(relativeError(steady, 18.66)).toBeLessThan(5e-3);
    expect(relativeError(transient, 9.69)).toBeLessThan(5e-3);
  });

  test('energy balance, insulated, no perfusion, heterogeneous k and ρc: Σ ρc ΔT dV = Q t (within 1 %)', () => {
    const grid = cube(16, 0.5e-3);
    const n = 16 ** 3;
    const medium = homogeneous(grid, 0);
    for (let v = 0; v < n; v++) {
      if (v % 16 < 5) {
        medium.conductivity[v] = TISSUES.cortical_bone.thermalConductivity;
        medium.heatCapacity[v] = TISSUES.cortical_bone.density * TISSUES.cortical_bone.specificHeat;
      }
    }
    const problem = prepareBioheat(grid, medium, 'insulated');
    const state = createBioheatState(grid);
    const q = gaussianSource(grid);
    const dt = problem.maxTimeStep;
    advanceBioheat(problem, state, { dt, steps: 100, source: q });
    advanceBioheat(problem, state, { dt, steps: 100, source: null });
    const dV = grid.spacing ** 3;
    let stored = 0;
    let injected = 0;
    for (let v = 0; v < n; v++) {
      stored += (medium.heatCapacity[v] as number) * (state.rise[v] as number) * dV;
      injected += (q[v] as number) * dV * 100 * dt;
    }
    const error = relativeError(stored, injected);
    console.info(`energy balance error: ${error.toExponential(2)}`);
    expect(error).toBeLessThan(0.01);
  });

  test('Dirichlet faces drain heat: after the source stops, ΔT decays monotonically towards 0', () => {
    const grid = cube(12, 0.5e-3);
    const problem = prepareBioheat(grid, homogeneous(grid, 0), 'dirichlet');
    const state = createBioheatState(grid);
    advanceBioheat(problem, state, { dt: problem.maxTimeStep, steps: 20, source: gaussianSource(grid) });
    let previous = Math.max(...state.rise);
    for (let i = 0; i < 5; i++) {
      advanceBioheat(problem, state, { dt: problem.maxTimeStep, steps: 20, source: null });
      const now = Math.max(...state.rise);
      expect(now).toBeLessThan(previous);
      previous = now;
    }
    expect(Math.min(...state.rise)).toBeGreaterThanOrEqual(0);
  });
});
