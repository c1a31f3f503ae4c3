import { align, type Planes, type SliceKernels } from '../../physics/angular-spectrum/slice-kernels.ts';
import type { BioheatKernels } from '../../physics/bioheat-kernels.ts';
import type { RayleighKernel } from '../../physics/rayleigh.ts';
import { jinc } from '../../physics/special-functions.ts';
import { memoryArena } from './memory-arena.ts';
import { type PennesStep, startPennes } from './pennes-steps.ts';

/** The functions src/wasm/assembly exports (byte offsets into its memory). */
interface KernelExports {
  memory: WebAssembly.Memory;
  fft2(re: number, im: number, n: number, twRe: number, twIm: number, scratch: number, inverse: number): void;
  multiply(re: number, im: number, hRe: number, hIm: number, count: number): void;
  screen(
    re: number,
    im: number,
    labels: number,
    factorRe: number,
    factorIm: number,
    taper: number,
    count: number,
  ): void;
  accumulate(dstRe: number, dstIm: number, re: number, im: number, count: number): void;
  scale(re: number, im: number, w: number, count: number): void;
  pennesStep: PennesStep;
  rayleigh(
    px: number,
    py: number,
    pz: number,
    count: number,
    src: number,
    groups: number,
    k: number,
    alpha: number,
    kb: number,
    table: number,
    step: number,
    outRe: number,
    outIm: number,
  ): void;
}

/** The numeric core's WebAssembly kernels: the march's slices, the Pennes steps and the Rayleigh sum, sharing one memory arena. */
export interface WasmKernels {
  slices: SliceKernels;
  bioheat: BioheatKernels;
  rayleigh: RayleighKernel;
}

/** Entries of the piston-directivity table, 2J1(x)/x on [0, kb] (linear interpolation: < 1e-6 error). */
const JINC_TABLE = 4096;

/** Floats per group of four sources in the Rayleigh kernel's input: x, y, z, nx, ny, nz, Re c, Im c, four each. */
const RAYLEIGH_GROUP = 32;

/** Memory below this is left to the module (its stack and static data). */
const BASE = 65536;

/**
 * The numeric core's kernels in WebAssembly (AssemblyScript, f32 SIMD; src/wasm/assembly), built from source by
 * `npm run kernels`. Memory is one arena: each computation (a march, a thermal run) starts by resetting it and
 * growing the module's memory once to fit, so the views it hands out stay valid until the next start. The engine
 * runs these one after the other, consuming each one's views before the next starts.
 * @param bytes - the compiled module (src/wasm/build/kernels.wasm)
 * @returns the slice and bioheat kernels
 */
export function createWasmKernels(bytes: BufferSource): WasmKernels {
  const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), {
    env: {
      abort: () => {
        throw new Error('a WebAssembly kernel aborted');
      },
    },
  });
  const ex = instance.exports as unknown as KernelExports;
  const memory = ex.memory;
  const { reset, take, f32, f64 } = memoryArena(memory, BASE, 'WebAssembly kernels');
  const own = (a: Float32Array | Float64Array | Uint8Array): number => {
    if (a.buffer !== memory.buffer) throw new RangeError('WebAssembly kernels: an array outside their memory');
    return a.byteOffset;
  };
  return { slices: sliceKernels(), bioheat: bioheatKernels(), rayleigh: rayleighKernel() };

  function rayleighKernel(): RayleighKernel {
    return {
      name: 'WebAssembly SIMD (f32)',
      pressure(sources, medium, frequency, points, outRe, outIm) {
        const n = sources.areas.length;
        const count = points.length / 3;
        const k = (2 * Math.PI * frequency) / medium.speedOfSound;
        const prefactor = (k * medium.density * medium.speedOfSound) / (2 * Math.PI);
        const kb = k * (sources.elementRadius ?? 0);
        const groups = Math.ceil(n / 4);
        reset(align(4 * RAYLEIGH_GROUP * groups) + 5 * align(4 * count) + align(8 * (JINC_TABLE + 1)) + 1024);
        // Sources in groups of four, each quantity's four values side by side (one SIMD load each).
        const src = f32(RAYLEIGH_GROUP * groups);
        for (let e = 0; e < n; e++) {
          const uRe = sources.velocityRe[e] as number;
          const uIm = sources.velocityIm[e] as number;
          const gRe = sources.gainRe ? (sources.gainRe[e] as number) : 1;
          const gIm = sources.gainIm ? (sources.gainIm[e] as number) : 0;
          const scale = prefactor * (sources.areas[e] as number);
          const at = RAYLEIGH_GROUP * (e >> 2) + (e & 3);
          src[at] = sources.positions[3 * e] as number;
          src[at + 4] = sources.positions[3 * e + 1] as number;
          src[at + 8] = sources.positions[3 * e + 2] as number;
          src[at + 12] = sources.normals[3 * e] as number;
          src[at + 16] = sources.normals[3 * e + 1] as number;
          src[at + 20] = sources.normals[3 * e + 2] as number;
          // i·kρc/2π·ΔS·u·g folded per source, as rayleighPressure does (silent sources keep a zero coefficient).
          src[at + 24] = -(uRe * gIm + uIm * gRe) * scale;
          src[at + 28] = (uRe * gRe - uIm * gIm) * scale;
        }
        // Padding sources (c = 0, no normal) 10 m away, so no point meets one at R = 0 (0·∞ would be NaN).
        for (let e = n; e < 4 * groups; e++) src[RAYLEIGH_GROUP * (e >> 2) + (e & 3)] = 10;
        const px = f32(count);
        const py = f32(count);
        const pz = f32(count);
        for (let p = 0; p < count; p++) {
          px[p] = points[3 * p] as number;
          py[p] = points[3 * p + 1] as number;
          pz[p] = points[3 * p + 2] as number;
        }
        // The table as (value, difference to the next value) pairs, one 8-byte load per lane in the kernel; the
        // difference of two f32 values rounded to f32, as the kernel would subtract them.
        const table = f32(2 * (JINC_TABLE + 1));
        const step = Math.max(kb, 1e-6) / JINC_TABLE;
        let next = Math.fround(jinc(0));
        for (let i = 0; i <= JINC_TABLE; i++) {
          const value = next;
          next = Math.fround(jinc((i + 1) * step));
          table[2 * i] = value;
          table[2 * i + 1] = next - value;
        }
        const re = f32(count);
        const im = f32(count);
        ex.rayleigh(
          px.byteOffset,
          py.byteOffset,
          pz.byteOffset,
          count,
          src.byteOffset,
          groups,
          k,
          medium.attenuation,
          kb,
          table.byteOffset,
          step,
          re.byteOffset,
          im.byteOffset,
        );
        for (let p = 0; p < count; p++) {
          outRe[p] = re[p] as number;
          outIm[p] = im[p] as number;
        }
      },
    };
  }

  function sliceKernels(): SliceKernels {
    let side = 0;
    let twRe = 0;
    let twIm = 0;
    let scratch = 0;
    return {
      name: 'WebAssembly SIMD (f32)',
      begin(bytes, n) {
        reset(bytes + align(4 * n * n) + 2 * align(2 * n) + 64);
        side = n;
        scratch = take(4 * n * n);
        const re = f32(n / 2);
        const im = f32(n / 2);
        twRe = re.byteOffset;
        twIm = im.byteOffset;
        for (let k = 0; k < n / 2; k++) {
          re[k] = Math.cos((-2 * Math.PI * k) / n);
          im[k] = Math.sin((-2 * Math.PI * k) / n);
        }
      },
      planes: (count) => ({ re: f32(count), im: f32(count) }),
      bytes: (count) => new Uint8Array(memory.buffer, take(count), count),
      floats: f32,
      fft(p: Planes, n: number, inverse: boolean) {
        if (n !== side) throw new RangeError(`WebAssembly kernels: set up for n = ${side}, asked ${n}`);
        ex.fft2(own(p.re), own(p.im), n, twRe, twIm, scratch, inverse ? 1 : 0);
      },
      multiply(p, h) {
        ex.multiply(own(p.re), own(p.im), own(h.re), own(h.im), p.re.length);
      },
      screen(p, labels, factors, taper) {
        ex.screen(own(p.re), own(p.im), own(labels), own(factors.re), own(factors.im), own(taper), p.re.length);
      },
      accumulate(dst, src) {
        ex.accumulate(own(dst.re), own(dst.im), own(src.re), own(src.im), src.re.length);
      },
      scale(p, w) {
        ex.scale(own(p.re), own(p.im), own(w), p.re.length);
      },
    };
  }

  function bioheatKernels(): BioheatKernels {
    const arena = { reset, f32, f64 };
    return { name: 'WebAssembly SIMD (f32)', start: (...run) => startPennes(arena, ex.pennesStep, ...run) };
  }
}
