import { describe, expect, it } from 'vitest';
import {
  dispatchRanges,
  JINC_TABLE,
  MAX_WORKGROUPS,
  PARAMS_BYTES,
  type PackedRayleighSum,
  packRayleighSum,
  paramsOf,
  TERMS_PER_DISPATCH,
  WORKGROUP,
} from '../../src/gpu/rayleigh-pack.ts';
import { type RayleighSum, rayleighPressure } from '../../src/physics/rayleigh.ts';
import { arraySum, bowlSum, boxPoints, fieldError, GPU_TOLERANCE } from './cases.ts';

/** What the shader computes from the packed arrays, in Float64 with the library's sin, cos and exp. */
function evaluatePacked(packed: PackedRayleighSum): { re: Float64Array; im: Float64Array } {
  const re = new Float64Array(packed.pointCount);
  const im = new Float64Array(packed.pointCount);
  const s = packed.sources;
  for (let p = 0; p < packed.pointCount; p++) {
    const x = packed.points[4 * p] as number;
    const y = packed.points[4 * p + 1] as number;
    const z = packed.points[4 * p + 2] as number;
    for (let e = 0; e < packed.sourceCount; e++) {
      const o = 8 * e;
      const dx = x - (s[o] as number);
      const dy = y - (s[o + 1] as number);
      const dz = z - (s[o + 2] as number);
      const r = Math.hypot(dx, dy, dz);
      let amplitude = Math.exp(-packed.alpha * r) / r;
      if (packed.kb > 0) {
        const cos = (dx * (s[o + 4] as number) + dy * (s[o + 5] as number) + dz * (s[o + 6] as number)) / r;
        const t = packed.kb * Math.sqrt(Math.max(0, 1 - cos * cos)) * packed.invStep;
        const i = Math.min(Math.floor(t), packed.table.length - 2);
        const lo = packed.table[i] as number;
        const d = lo + (t - i) * ((packed.table[i + 1] as number) - lo);
        amplitude = cos > 0 ? amplitude * d : 0;
      }
      const c = Math.cos(packed.k * r) * amplitude;
      const sn = -Math.sin(packed.k * r) * amplitude;
      re[p] = (re[p] as number) + (s[o + 3] as number) * c - (s[o + 7] as number) * sn;
      im[p] = (im[p] as number) + (s[o + 7] as number) * c + (s[o + 3] as number) * sn;
    }
  }
  return { re, im };
}

function reference(sum: RayleighSum): { re: Float64Array; im: Float64Array } {
  const m = sum.points.length / 3;
  const re = new Float64Array(m);
  const im = new Float64Array(m);
  rayleighPressure(sum.sources, sum.medium, sum.frequency, sum.points, re, im);
  return { re, im };
}

describe('packing a Rayleigh sum for the GPU', () => {
  const points = boxPoints(9, 9, 11, 1e-3, 0.16);

  it.each([
    ['the 208-element array (directivity, gains, loss, silent elements)', arraySum(points)],
    ['the bowl in point patches (no directivity, lossless)', bowlSum(2000, boxPoints(9, 9, 11, 1e-3, 0.14))],
  ])('%s: the packed arrays, summed as the shader sums them, give rayleighPressure within f32 rounding', (_, sum) => {
    const packed = packRayleighSum(sum);
    const ref = reference(sum);
    const got = evaluatePacked(packed);
    const error = fieldError(got.re, got.im, ref.re, ref.im);
    // Rounding the inputs to f32 alone costs ≈ 1e-5 (measured 0.91e-5 for both, from the box's centre; 1.9e-5 from
    // the transducer's apex): half the GPU's budget at most.
    expect(error.relativeL2).toBeLessThan(GPU_TOLERANCE.relativeL2 / 2);
    expect(error.maxOverPeak).toBeLessThan(GPU_TOLERANCE.maxOverPeak / 10);
  });

  it('drops the silent sources (zero drive or zero gain) and keeps the others in order', () => {
    const sum = arraySum(boxPoints(2, 2, 2, 1e-3, 0.16));
    const silent = Array.from({ length: sum.sources.areas.length }, (_, e) => e % 23 === 0).filter(Boolean).length;
    const packed = packRayleighSum(sum);
    expect(silent).toBeGreaterThan(0);
    expect(packed.sourceCount).toBe(sum.sources.areas.length - silent);
    expect(packed.sources.length).toBe(8 * packed.sourceCount);
    // the first sounding element is element 1 (element 0 is silent)
    expect((packed.sources[0] as number) + packed.origin[0]).toBeCloseTo(sum.sources.positions[3] as number, 7);
    expect(packed.sources[4]).toBeCloseTo(sum.sources.normals[3] as number, 7);
  });

  it('pads each point to four floats and tables 2J1(x)/x up to kb', () => {
    const sum = arraySum(boxPoints(3, 1, 1, 1e-3, 0.16));
    const packed = packRayleighSum(sum);
    // Sources and points are both measured from one origin: the differences, all the sum depends on, are kept.
    for (let i = 0; i < 12; i++) {
      if (i % 4 === 3) continue;
      const axis = i % 4;
      const point = sum.points[3 * (i >> 2) + axis] as number;
      expect((packed.points[i] as number) + (packed.origin[axis] as number)).toBeCloseTo(point, 7);
    }
    expect([packed.points[3], packed.points[7], packed.points[11]]).toEqual([0, 0, 0]);
    expect(packed.points.length).toBe(12);
    expect(packed.table.length).toBe(JINC_TABLE + 2);
    expect(packed.table[0]).toBe(1);
    // kb for a 3 mm piston at 1 MHz in water is ≈ 12.7: past the first zero of J1 (3.83)
    expect(packed.kb).toBeCloseTo(((2 * Math.PI * 1e6) / 1482.3) * 0.003, 9);
    expect(packed.table[Math.round((3.8317 / packed.kb) * JINC_TABLE)]).toBeCloseTo(0, 3);
  });

  it('writes the Params uniform as the shader declares it: four f32 then four u32', () => {
    const packed = packRayleighSum(arraySum(boxPoints(2, 2, 2, 1e-3, 0.16)));
    const bytes = paramsOf(packed, 64, 100);
    expect(bytes.byteLength).toBe(PARAMS_BYTES);
    const f = new Float32Array(bytes);
    const u = new Uint32Array(bytes);
    expect([f[0], f[1], f[2], f[3]]).toEqual([packed.k, packed.alpha, packed.kb, packed.invStep].map(Math.fround));
    expect([u[4], u[5], u[6], u[7]]).toEqual([packed.sourceCount, 64, 100, JINC_TABLE]);
  });
});

describe('splitting a sum into dispatches', () => {
  it.each([
    [208, 20_000],
    [4096, 61 ** 3],
    [1, 10_000_000],
    [20_000, 5],
  ])('%i sources × %i points: every point once, in order, whole workgroups, bounded terms', (sources, count) => {
    const ranges = dispatchRanges(sources, count);
    let next = 0;
    for (const [first, n] of ranges) {
      expect(first).toBe(next);
      expect(first % WORKGROUP).toBe(0);
      expect(Math.ceil(n / WORKGROUP)).toBeLessThanOrEqual(MAX_WORKGROUPS);
      // a dispatch is one workgroup at least, even when one workgroup's points exceed the term budget
      expect(n * sources <= TERMS_PER_DISPATCH || n <= WORKGROUP).toBe(true);
      next += n;
    }
    expect(next).toBe(count);
  });
});
