import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { KERNELS_FILE } from '../../src/cli/kernels.ts';
import { createWasmKernels } from '../../src/engine/kernels/wasm-kernels.ts';
import type { RayleighSources } from '../../src/physics/rayleigh.ts';
import { layoutSphericalArray, PRESETS } from '../../src/physics/transducer.ts';
import { againstReference, noise, plane, worstComplexOverPeak } from '../fixtures/rayleigh-reference.ts';

// The WebAssembly Rayleigh kernel's code paths that tests/engine/wasm-kernels.test.ts does not reach, each against
// the Float64 reference: the kernel has one loop per (loss, directivity) pair and that file has no lossless array
// with directivity; points go four at a time, the last group short unless the count is a multiple of four; the
// directivity table is read as (value, difference) pairs, checked here across every angle of one piston.

const wasm = createWasmKernels(readFileSync(KERNELS_FILE));

const run = (sources: RayleighSources, attenuation: number, points: Float64Array) =>
  againstReference(wasm.rayleigh, sources, attenuation, points);
const worstOverPeak = (sources: RayleighSources, attenuation: number, points: Float64Array) =>
  worstComplexOverPeak(wasm.rayleigh, sources, attenuation, points);

describe('WebAssembly Rayleigh kernel: the paths the engine tests do not reach, against the Float64 reference', () => {
  /** As in tests/engine/wasm-kernels.test.ts: f32 phase round-off summed over the sources, with a margin. */
  const TOLERANCE = 2e-4;

  const layout = layoutSphericalArray(PRESETS.clinicalBodyArray);
  const r = noise(5);
  const array: RayleighSources = {
    ...layout,
    velocityRe: Float64Array.from({ length: layout.count }, () => 0.05 + 0.05 * r()),
    velocityIm: Float64Array.from({ length: layout.count }, () => 0.05 * r()),
  };

  test('208 pistons with directivity in a lossless medium, planes through and before the focus (odd point counts)', () => {
    // 21² = 441 points: the last group of four holds one. At 6 cm from the array, kb·sinθ passes 3.
    for (const z of [0.16, 0.12, 0.06]) {
      expect(worstOverPeak(array, 0, plane(z, 0.01, 21))).toBeLessThan(TOLERANCE);
    }
  });

  test('one to five points (every short last group of four): each equals the reference', () => {
    const points = plane(0.15, 0.004, 3);
    for (const count of [1, 2, 3, 4, 5]) {
      for (const alpha of [0, 5]) {
        expect(worstOverPeak(array, alpha, points.subarray(0, 3 * count))).toBeLessThan(TOLERANCE);
      }
    }
  });

  /**
   * One piston seen from every angle at 5 cm: |p| carries the directivity alone (the phase's f32 round-off does
   * not enter a magnitude): the table's linear interpolation (< 1e-6) and sinθ = √(1 − cos²θ) in f32 leave
   * 2.7e-6 of the on-axis value (measured), so 5e-6; kb ≈ 12.6 (b = 3 mm, past the first null) and kb ≈ 2.5
   * (b = 0.6 mm). Behind the piston (θ > 90°) nothing radiates.
   */
  test.each([
    [3e-3, 0],
    [3e-3, 8],
    [0.6e-3, 0],
  ])('one piston of radius %s m (α = %s Np/m), 0–180°: |p| within 5e-6 of the on-axis value', (radius, alpha) => {
    const sources: RayleighSources = {
      positions: Float64Array.of(0.001, -0.002, 0.003),
      normals: Float64Array.of(0, 0, 1),
      areas: Float64Array.of(Math.PI * radius * radius),
      velocityRe: Float64Array.of(0.1),
      velocityIm: Float64Array.of(0.03),
      elementRadius: radius,
    };
    // 720 angles, none at 90° exactly, where the reference's half-space cut (cosθ ≤ 0) meets f32 round-off.
    const count = 720;
    const points = new Float64Array(3 * count);
    for (let i = 0; i < count; i++) {
      const theta = (Math.PI * i) / (count - 1);
      points[3 * i] = 0.001 + 0.05 * Math.sin(theta) * Math.cos(0.3);
      points[3 * i + 1] = -0.002 + 0.05 * Math.sin(theta) * Math.sin(0.3);
      points[3 * i + 2] = 0.003 + 0.05 * Math.cos(theta);
    }
    const { ref, out } = run(sources, alpha, points);
    const axis = Math.hypot(ref.re[0] as number, ref.im[0] as number);
    let worst = 0;
    for (let i = 0; i < count; i++) {
      const a = Math.hypot(ref.re[i] as number, ref.im[i] as number);
      const b = Math.hypot(out.re[i] as number, out.im[i] as number);
      worst = Math.max(worst, Math.abs(a - b) / axis);
      if (i >= count / 2) expect(b).toBe(0);
    }
    expect(worst).toBeLessThan(5e-6);
  });
});
