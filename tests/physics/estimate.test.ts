import { describe, expect, test } from 'vitest';
import { estimate } from '../../src/engine/estimate.ts';
import { advanceBioheat, createBioheatState, prepareBioheat } from '../../src/physics/bioheat.ts';
import {
  focalSpot,
  gaussianHeatingRise,
  gaussianSourceCentreRise,
  isBeyondSteeringRange,
  STEERING_LOSS_LIMIT,
} from '../../src/physics/estimate.ts';
import type { VoxelGrid } from '../../src/physics/grid.ts';
import { TISSUES } from '../../src/physics/tissues.ts';
import { PRESETS } from '../../src/physics/transducer.ts';
import { sonicate } from '../../src/worker/ops/sonicate.ts';
import { loadBundledCase } from '../fixtures/bundled-case.ts';
import { relativeError } from './matchers.ts';

const MUSCLE = TISSUES.muscle;
const RHO_C = MUSCLE.density * MUSCLE.specificHeat;
const K = MUSCLE.thermalConductivity;
const D = K / RHO_C;
const Q0 = 1e7;

/** Pennes FTCS centre rise of q0 exp(−Σ x_i²/(2σ_i²)) on a Dirichlet box, homogeneous muscle. */
function pennesCentreRise(
  sigmas: [number, number, number],
  half: [number, number, number],
  spacing: number,
  time: number,
  perfusionHeat: number,
): number {
  const n = half.map((h) => 2 * Math.round(h / spacing) + 1) as [number, number, number];
  const grid: VoxelGrid = {
    nx: n[0],
    ny: n[1],
    nz: n[2],
    spacing,
    origin: n.map((m) => -((m - 1) / 2) * spacing) as [number, number, number],
  };
  const count = n[0] * n[1] * n[2];
  const medium = {
    heatCapacity: new Float64Array(count).fill(RHO_C),
    conductivity: new Float64Array(count).fill(K),
    perfusionHeat: new Float64Array(count).fill(perfusionHeat),
  };
  const q = new Float64Array(count);
  let v = 0;
  for (let k = 0; k < n[2]; k++)
    for (let j = 0; j < n[1]; j++)
      for (let i = 0; i < n[0]; i++, v++) {
        const x = grid.origin[0] + i * spacing;
        const y = grid.origin[1] + j * spacing;
        const z = grid.origin[2] + k * spacing;
        q[v] =
          Q0 *
          Math.exp(-(x * x) / (2 * sigmas[0] ** 2) - (y * y) / (2 * sigmas[1] ** 2) - (z * z) / (2 * sigmas[2] ** 2));
      }
  const problem = prepareBioheat(grid, medium, 'dirichlet');
  const state = createBioheatState(grid);
  const steps = Math.ceil(time / problem.maxTimeStep);
  advanceBioheat(problem, state, { dt: time / steps, steps, source: q });
  return state.rise[(count - 1) / 2] as number;
}

describe('fast estimate: pure parts (PHYSICS.md §1.2, §1.5)', () => {
  test('focal spot of the body array: −6 dB lateral 1.41 λR/D ≈ 2.8 mm; intensity FWHM 1.03 λR/D, 7.09 λ(R/D)²', () => {
    const a = PRESETS.clinicalBodyArray;
    const spot = focalSpot(a.frequency, a.radiusOfCurvature, a.aperture, 1500);
    expect(spot.wavelength).toBeCloseTo(1.5e-3, 12);
    expect(spot.lateralWidth6dB).toBeCloseTo(1.41 * 1.5e-3 * (0.16 / 0.12), 12);
    expect(spot.lateralWidth6dB).toBeGreaterThan(2.7e-3);
    expect(spot.lateralWidth6dB).toBeLessThan(2.9e-3);
    expect(spot.lateralFwhm / (1.5e-3 * (0.16 / 0.12))).toBeCloseTo(1.029, 3);
    expect(spot.axialFwhm / (1.5e-3 * (0.16 / 0.12) ** 2)).toBeCloseTo(7.087, 3);
    expect(spot.sigmaLateral * 2 * Math.sqrt(2 * Math.LN2)).toBeCloseTo(spot.lateralFwhm, 15);
  });

  test('the general Gaussian rise reduces to test 3 (equal σ, no perfusion) to 1e-9; PHYSICS.md 9.69 K with k = 0.49', () => {
    for (const t of [0.5, 2, 10, 60]) {
      const closed = gaussianSourceCentreRise(Q0, 1e-3, K, D, t);
      const general = gaussianHeatingRise({
        q0: Q0,
        sigmas: [1e-3, 1e-3, 1e-3],
        heatCapacity: RHO_C,
        conductivity: K,
        perfusionHeat: 0,
        time: t,
      });
      expect(relativeError(general, closed)).toBeLessThan(1e-9);
    }
    expect(gaussianSourceCentreRise(Q0, 1e-3, 0.49, 0.49 / RHO_C, 10)).toBeCloseTo(9.69, 2);
  });

  test('test 3 vs a Pennes FTCS run: σ = 1 mm, t = 10 s, within 3 %', () => {
    const analytic = gaussianSourceCentreRise(Q0, 1e-3, K, D, 10);
    const numeric = pennesCentreRise([1e-3, 1e-3, 1e-3], [6e-3, 6e-3, 6e-3], 0.25e-3, 10, 0);
    console.info(
      `test 3 ${analytic.toFixed(3)} K, Pennes ${numeric.toFixed(3)} K, ${(100 * relativeError(numeric, analytic)).toFixed(2)} %`,
    );
    expect(relativeError(numeric, analytic)).toBeLessThan(0.03);
  });

  test('elongated focal source (σ 0.8, 0.8, 2.5 mm) with perfusion (τ = 50 s) vs Pennes: within 3 %', () => {
    const sigmas: [number, number, number] = [0.8e-3, 0.8e-3, 2.5e-3];
    const perfusionHeat = RHO_C / 50;
    const analytic = gaussianHeatingRise({
      q0: Q0,
      sigmas,
      heatCapacity: RHO_C,
      conductivity: K,
      perfusionHeat,
      time: 10,
    });
    const numeric = pennesCentreRise(sigmas, [5e-3, 5e-3, 12e-3], 0.2e-3, 10, perfusionHeat);
    console.info(`elongated: analytic ${analytic.toFixed(3)} K, Pennes ${numeric.toFixed(3)} K`);
    expect(relativeError(numeric, analytic)).toBeLessThan(0.03);
  });

  test('steering range: beyond exactly when the focal pressure falls below the limit fraction of the unsteered', () => {
    expect(isBeyondSteeringRange(STEERING_LOSS_LIMIT * (1 - 1e-9))).toBe(true);
    expect(isBeyondSteeringRange(STEERING_LOSS_LIMIT)).toBe(false);
    expect(isBeyondSteeringRange(0.981)).toBe(false);
  });
});

const femur = await loadBundledCase('femur-shaft');
const { meta } = femur.summary;
const transducer = PRESETS.clinicalBodyArray;
const pose = {
  target: meta.defaultTarget,
  direction: meta.defaultBeamDirection,
  distance: transducer.radiusOfCurvature,
};

describe('fast estimate on the femur default vs the full sonicate op', () => {
  const request = { transducer, pose, acousticPower: 50, duration: 20 };
  const fast = estimate(femur.state, request);

  test('focal |p| equals the focal-ray model run at the focus voxel (the same Rayleigh sum and path gains, 1e-6)', () => {
    const full = sonicate(
      femur.state,
      { ...request, cooling: 0, region: { size: 0.01, spacing: 0.0005 }, fieldModel: 'focal-ray' },
      () => {},
    );
    const g = full.grid;
    const mid = (g.nx - 1) / 2;
    const centre = mid + g.nx * (mid + g.ny * mid);
    expect(relativeError(fast.focalPressure, full.pressure[centre] as number)).toBeLessThan(1e-6);
    expect(fast.focalGain).toBeGreaterThan(10);
    expect(fast.steeringLoss).toBe(1);
    expect(fast.beyondSteeringRange).toBe(false);
  });

  test('tracks the whole-path run at the target: |p| within 8 %, ΔT within 15 % (measured 5 % and 11 %, reported)', () => {
    const full = sonicate(femur.state, { ...request, cooling: 0, region: { size: 0.03, spacing: 0.0005 } }, () => {});
    const g = full.grid;
    const mid = (g.nx - 1) / 2;
    const centre = mid + g.nx * (mid + g.ny * mid);
    const fastRise = fast.predictedPeakTemperature - 37;
    const fullRise = (full.maxTemperature[centre] as number) - 37;
    const pressureRatio = fast.focalPressure / (full.summary.targetPressure as number);
    const riseRatio = fastRise / fullRise;
    console.info(
      `femur default 50 W × 20 s: estimate |p| ${(fast.focalPressure / 1e6).toFixed(3)} MPa vs whole path ${((full.summary.targetPressure as number) / 1e6).toFixed(3)} MPa (${pressureRatio.toFixed(3)}); ΔT ${fastRise.toFixed(2)} vs ${fullRise.toFixed(2)} K at the target (${riseRatio.toFixed(3)})`,
    );
    // The estimate is a one-point ray model (straight rays, normal-incidence gains, a Gaussian focal spot in one
    // homogeneous tissue); the whole-path march also refracts at the skin, fat and muscle: a converging wave that
    // enters faster tissue spreads more (a planar water → muscle case alone costs 3.3 % of |p|). The bounds are
    // the measured differences with a margin (src/physics/CONTEXT.md).
    expect(Math.abs(pressureRatio - 1)).toBeLessThan(0.08);
    expect(Math.abs(riseRatio - 1)).toBeLessThan(0.15);
  });
});
