import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { KERNELS_FILE } from '../../src/cli/kernels.ts';
import { createWasmKernels } from '../../src/engine/kernels/wasm-kernels.ts';
import { jsSliceKernels, type Planes, planeBytes } from '../../src/physics/angular-spectrum/slice-kernels.ts';
import { type BioheatMedium, prepareBioheat } from '../../src/physics/bioheat.ts';
import type { VoxelGrid } from '../../src/physics/grid.ts';
import type { RayleighSources } from '../../src/physics/rayleigh.ts';
import { cem43Step } from '../../src/physics/thermal-dose.ts';
import { runThermalSchedule, scheduleFor } from '../../src/physics/thermal-run.ts';
import { TISSUES } from '../../src/physics/tissues.ts';
import { layoutSphericalArray, PRESETS, subdivideBowl } from '../../src/physics/transducer.ts';
import { againstReference, noise, plane, worstComplexOverPeak } from '../fixtures/rayleigh-reference.ts';

// The WebAssembly kernels (f32 SIMD) against the plain-JavaScript references they replace. The references are
// validated against closed forms elsewhere (O'Neil, layered plane waves, Pennes Green's functions); here the claim
// is only that the kernels compute the same thing, to f32 round-off.

const wasm = createWasmKernels(readFileSync(KERNELS_FILE));

function worstOverPeak(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let worst = 0;
  let peak = 0;
  for (let i = 0; i < a.length; i++) {
    worst = Math.max(worst, Math.abs((a[i] as number) - (b[i] as number)));
    peak = Math.max(peak, Math.abs(b[i] as number));
  }
  return worst / peak;
}

describe('WebAssembly slice kernels equal the fft.js reference', () => {
  const n = 64;
  const fill = (p: Planes, seed: number) => {
    const r = noise(seed);
    for (let i = 0; i < p.re.length; i++) {
      p.re[i] = r();
      p.im[i] = r();
    }
  };

  test.each([false, true])('2D FFT of a 64 × 64 random slice (inverse: %s) to 1e-6 of its peak', (inverse) => {
    const js = jsSliceKernels();
    const a = js.planes(n * n);
    fill(a, 7);
    wasm.slices.begin(planeBytes(n * n), n);
    const b = wasm.slices.planes(n * n);
    b.re.set(a.re);
    b.im.set(a.im);
    js.fft(a, n, inverse);
    wasm.slices.fft(b, n, inverse);
    expect(worstOverPeak(b.re, a.re)).toBeLessThan(1e-6);
    expect(worstOverPeak(b.im, a.im)).toBeLessThan(1e-6);
  });

  test('multiply, screen, accumulate and scale give the reference values to f32 round-off', () => {
    const js = jsSliceKernels();
    const count = n * n;
    wasm.slices.begin(4 * planeBytes(count) + 2 * count + 64, n);
    const run = (k: typeof js) => {
      const p = k.planes(count);
      const h = k.planes(count);
      const q = k.planes(count);
      fill(p, 1);
      fill(h, 2);
      fill(q, 3);
      const labels = k.bytes(count);
      for (let i = 0; i < count; i++) labels[i] = i % 3;
      const factors = k.planes(4);
      fill(factors, 4);
      const taper = k.floats(count);
      for (let i = 0; i < count; i++) taper[i] = 0.5 + 0.5 * Math.cos(i);
      k.multiply(p, h);
      k.screen(p, labels, factors, taper);
      k.accumulate(p, q);
      k.scale(p, taper);
      return { re: Float32Array.from(p.re), im: Float32Array.from(p.im) };
    };
    const a = run(js);
    const b = run(wasm.slices);
    expect(worstOverPeak(b.re, a.re)).toBeLessThan(1e-6);
    expect(worstOverPeak(b.im, a.im)).toBeLessThan(1e-6);
  });
});

describe('WebAssembly Rayleigh sum equals the Float64 reference', () => {
  /**
   * f32 carries k·R (≈ 700 rad at 16 cm, 1 MHz) to ≈ 4e-5 rad per term, and the terms of a sum of N sources add
   * that error incoherently; 2e-4 of the peak bounds it with a margin, far below the sum's own discretisation error
   * (≈ 0.3 % against O'Neil with the bowl's patches, tests/physics/oneil-rayleigh.test.ts).
   */
  const TOLERANCE = 2e-4;

  const compare = (sources: RayleighSources, attenuation: number, points: Float64Array) =>
    worstComplexOverPeak(wasm.rayleigh, sources, attenuation, points);

  test('208 pistons with directivity, steered phases and tissue-like loss, over planes through and before the focus', () => {
    const layout = layoutSphericalArray(PRESETS.clinicalBodyArray);
    const r = noise(11);
    const sources: RayleighSources = {
      ...layout,
      velocityRe: Float64Array.from({ length: layout.count }, () => 0.05 + 0.05 * r()),
      velocityIm: Float64Array.from({ length: layout.count }, () => 0.05 * r()),
      gainRe: Float64Array.from({ length: layout.count }, () => 0.8 + 0.1 * r()),
      gainIm: Float64Array.from({ length: layout.count }, () => 0.1 * r()),
    };
    for (const z of [0.16, 0.12, 0.06]) {
      expect(compare(sources, 5, plane(z, 0.01, 21))).toBeLessThan(TOLERANCE);
    }
  });

  test('one source: the loss e^{−αR}/R is exact to 1e-6 at every range (αR from 0.03 to 5)', () => {
    const sources: RayleighSources = {
      positions: new Float64Array(3),
      normals: Float64Array.of(0, 0, 1),
      areas: Float64Array.of(1e-6),
      velocityRe: Float64Array.of(0.1),
      velocityIm: new Float64Array(1),
    };
    const points = new Float64Array(3 * 400);
    for (let i = 0; i < 400; i++) points[3 * i + 2] = 0.001 + i * 0.0005;
    const { ref: a, out: b } = againstReference(wasm.rayleigh, sources, 25, points);
    for (let i = 0; i < 400; i++) {
      const exact = Math.hypot(a.re[i] as number, a.im[i] as number);
      const kernel = Math.hypot(b.re[i] as number, b.im[i] as number);
      expect(Math.abs(kernel - exact) / exact).toBeLessThan(1e-6);
    }
  });

  test('a bowl tiled into 2000 patches (no directivity, lossless), 17 × 17 points across the focal plane', () => {
    const layout = subdivideBowl(PRESETS.singleElementBowl.radiusOfCurvature, PRESETS.singleElementBowl.aperture, 2000);
    const sources: RayleighSources = {
      ...layout,
      velocityRe: new Float64Array(layout.count).fill(0.1),
      velocityIm: new Float64Array(layout.count),
    };
    expect(compare(sources, 0, plane(0.14, 0.004, 17))).toBeLessThan(TOLERANCE);
  });
});

/** Perfused muscle in every voxel (blood's c = 3617 J/kg/K). */
function muscle(count: number): BioheatMedium {
  const m = TISSUES.muscle;
  return {
    heatCapacity: new Float64Array(count).fill(m.density * m.specificHeat),
    conductivity: new Float64Array(count).fill(m.thermalConductivity),
    perfusionHeat: new Float64Array(count).fill(m.perfusion * 3617),
  };
}

describe('WebAssembly Pennes steps follow the Float64 reference', () => {
  test('a Gaussian heat source in muscle with perfusion: max ΔT and CEM43 agree to 1e-4', () => {
    const side = 17;
    const spacing = 0.5e-3;
    const o = -((side - 1) / 2) * spacing;
    const grid: VoxelGrid = { nx: side, ny: side, nz: side, spacing, origin: [o, o, o] };
    const count = side ** 3;
    const problem = prepareBioheat(grid, muscle(count), 'dirichlet');
    const q = new Float64Array(count);
    for (let v = 0; v < count; v++) {
      const i = v % side;
      const j = Math.floor(v / side) % side;
      const k = Math.floor(v / side ** 2);
      const d2 = ((i - 8) ** 2 + (j - 8) ** 2 + (k - 8) ** 2) * spacing ** 2;
      q[v] = 4e8 * Math.exp(-d2 / (2 * 1e-3 ** 2));
    }
    const schedule = scheduleFor(4, 4, 0.02);
    const run = (withKernels: boolean) => {
      const maxRise = new Float64Array(count);
      const dose = new Float64Array(count);
      const peaks: number[] = [];
      runThermalSchedule(problem, q, schedule, {
        maxRise,
        dose,
        probes: new Int32Array([4 * side * side + 8 * side + 8]),
        history: new Float64Array(schedule.heatingSteps + schedule.coolingSteps + 1),
        ...(withKernels ? { kernels: wasm.bioheat } : {}),
        onChunk: (_, peakRise) => peaks.push(peakRise),
      });
      return { maxRise, dose, peaks };
    };
    const reference = run(false);
    const kernel = run(true);
    expect(Math.max(...reference.maxRise)).toBeGreaterThan(20); // the case reaches ablative temperatures
    expect(Math.max(...reference.dose)).toBeGreaterThan(240);
    expect(worstOverPeak(kernel.maxRise, reference.maxRise)).toBeLessThan(1e-4);
    expect(worstOverPeak(kernel.dose, reference.dose)).toBeLessThan(1e-3);
    // Between chunks both report the hottest rise so far: it never falls and ends at the hottest voxel's maximum.
    for (const { peaks, maxRise } of [reference, kernel]) {
      expect(peaks.length).toBeGreaterThan(2);
      expect(peaks.every((p, i) => i === 0 || p >= (peaks[i - 1] as number))).toBe(true);
      expect(peaks.at(-1)).toBe(Math.max(...maxRise));
    }
  });
});

describe('A WebAssembly Pennes step keeps its books in the same pass', () => {
  // 9 × 7 × 5 = 315 voxels: the last SIMD group holds three voxels and one of padding. The heat is centred on the
  // last voxel, so the hottest voxel, and the dose, are in that partial group.
  const grid: VoxelGrid = { nx: 9, ny: 7, nz: 5, spacing: 0.5e-3, origin: [0, 0, 0] };
  const count = 9 * 7 * 5;
  const problem = prepareBioheat(grid, muscle(count), 'dirichlet');
  const q = new Float64Array(count);
  for (let v = 0; v < count; v++) {
    const d2 = ((v % 9) - 8) ** 2 + ((Math.floor(v / 9) % 7) - 6) ** 2 + (Math.floor(v / 63) - 4) ** 2;
    q[v] = 6e8 * Math.exp(-d2 / 2);
  }
  const dt = Math.min(0.02, problem.maxTimeStep);

  test('after every step, its peak is the largest rise to the bit, and the maxima hold every rise so far', () => {
    const steps = wasm.bioheat.start(
      problem,
      new Float64Array(count),
      new Float64Array(count),
      new Float64Array(count),
    );
    expect(steps.peak).toBe(0);
    const highest = new Float64Array(count);
    steps.setSource(q);
    for (let s = 0; s < 60; s++) {
      if (s === 40) steps.setSource(null);
      steps.step(dt, 2);
      const rise = steps.rise;
      expect(steps.peak).toBe(Math.max(...rise));
      for (let v = 0; v < count; v++) highest[v] = Math.max(highest[v] as number, rise[v] as number);
    }
    expect(steps.peak).toBeLessThan(Math.max(...highest)); // cooling: the peak is now's, the maxima the run's
    const maxRise = new Float64Array(count);
    steps.finish(new Float64Array(count), maxRise, new Float64Array(count));
    expect([...maxRise]).toEqual([...highest].map((x) => Math.fround(x)));
    expect(Math.max(...highest)).toBe(highest[count - 1]);
  });

  test('the partial group gets its dose as the Float64 reference does', () => {
    const schedule = scheduleFor(0.8, 0.4, dt);
    const run = (withKernels: boolean) => {
      const dose = new Float64Array(count);
      const peakHistory = new Float64Array(schedule.heatingSteps + schedule.coolingSteps + 1);
      runThermalSchedule(problem, q, schedule, {
        maxRise: new Float64Array(count),
        dose,
        peakHistory,
        probes: new Int32Array(0),
        history: new Float64Array(0),
        ...(withKernels ? { kernels: wasm.bioheat } : {}),
      });
      return { dose, peakHistory };
    };
    const reference = run(false);
    const kernel = run(true);
    for (const v of [count - 3, count - 2, count - 1]) {
      expect(reference.dose[v]).toBeGreaterThan(1);
      expect(Math.abs((kernel.dose[v] as number) / (reference.dose[v] as number) - 1)).toBeLessThan(1e-3);
    }
    expect(worstOverPeak(kernel.peakHistory, reference.peakHistory)).toBeLessThan(1e-4);
  });
});

describe('A WebAssembly dose step equals the Float64 CEM43 integral, two voxels at a time', () => {
  // No conduction and no perfusion: each voxel's rise goes from its start to start + q·dt/(ρc), so every kind of
  // step is set by hand — both voxels of a pair above 43 °C (small, medium and large steps), below it, across it,
  // one warm and one cold, both cold (no dose), up to 300 °C — and its dose compared with cem43Step.
  const starts = [6.5, 6.5, 9, 9, 20, 20, 150, 263, 3, 4, 5.9, 5.95, 1, 6, 0.5, 0.7, 2.5, 3.2, 40, 100];
  const deltas = [0.001, 0.02, 0.05, 0.3, 0.6, 2, 0.01, 5, 0.2, -0.2, 0.2, -0.1, 0.5, 0.4, 0.1, 0.1, 0.4, -0.3, 3, -4];
  const count = starts.length;
  const grid: VoxelGrid = { nx: count, ny: 1, nz: 1, spacing: 1e-3, origin: [0, 0, 0] };
  const rhoC = 4e6;
  const problem = prepareBioheat(
    grid,
    {
      heatCapacity: new Float64Array(count).fill(rhoC),
      conductivity: new Float64Array(count),
      perfusionHeat: new Float64Array(count),
    },
    'insulated',
  );
  const dt = 0.25;

  test('each voxel-step to 1e-13 of the reference, the cold pair adding nothing', () => {
    const rise = Float64Array.from(starts);
    const steps = wasm.bioheat.start(problem, rise, new Float64Array(count), new Float64Array(count));
    steps.setSource(Float64Array.from(deltas, (d) => (d * rhoC) / dt));
    steps.step(dt, 2);
    const after = Float64Array.from(steps.rise);
    const dose = new Float64Array(count);
    steps.finish(new Float64Array(count), new Float64Array(count), dose);
    for (let v = 0; v < count; v++) {
      const a = Math.fround(starts[v] as number);
      const b = after[v] as number;
      expect(Math.abs(b - a - (deltas[v] as number))).toBeLessThan(1e-4);
      const expected = a < 2 && b < 2 ? 0 : cem43Step(37 + a, 37 + b, dt);
      if (expected === 0) expect(dose[v]).toBe(0);
      else expect(Math.abs((dose[v] as number) / expected - 1), `voxel ${v}`).toBeLessThan(1e-13);
    }
    expect(dose[14]).toBe(0);
    expect(dose[15]).toBe(0);
  });
});
