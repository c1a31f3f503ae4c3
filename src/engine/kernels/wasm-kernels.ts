import { align, type Planes, type SliceKernels } from '../../physics/angular-spectrum/slice-kernels.ts';
import type { BioheatKernels, BioheatSteps } from '../../physics/bioheat-kernels.ts';
import type { RayleighKernel } from '../../physics/rayleigh.ts';
import { jinc } from '../../physics/special-functions.ts';

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
  pennesStep(
    rise: number,
    next: number,
    source: number,
    faceX: number,
    faceY: number,
    faceZ: number,
    boundary: number,
    boundarySource: number,
    perfusion: number,
    dtOverC: number,
    maximum: number,
    dose: number,
    count: number,
    nx: number,
    nxy: number,
    invDx2: number,
    dt: number,
    baseline: number,
    skipRise: number,
  ): number;
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
const PAGE = 65536;

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
  let top = BASE;
  let end = BASE;
  const reset = (bytes: number): void => {
    top = BASE;
    end = BASE + bytes + 1024;
    const pages = Math.ceil(end / PAGE) - memory.buffer.byteLength / PAGE;
    if (pages > 0) memory.grow(pages);
  };
  // The arena is reused from computation to computation: what it hands out is zeroed, as a fresh array would be.
  const take = (bytes: number): number => {
    const at = top;
    top += align(bytes);
    if (top > end) throw new RangeError(`WebAssembly kernels: ${top - end} bytes more than reserved`);
    new Uint8Array(memory.buffer, at, align(bytes)).fill(0);
    return at;
  };
  const own = (a: Float32Array | Float64Array | Uint8Array): number => {
    if (a.buffer !== memory.buffer) throw new RangeError('WebAssembly kernels: an array outside their memory');
    return a.byteOffset;
  };
  const f32 = (count: number) => new Float32Array(memory.buffer, take(4 * count), count);
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
    return {
      name: 'WebAssembly SIMD (f32)',
      start(problem, rise, maxRise, dose): BioheatSteps {
        const { nx, ny } = problem.grid;
        const count = rise.length;
        // Padding: a plane of voxels (and a SIMD width) on both sides, so every neighbour read is in bounds.
        const pad = nx * ny + 8;
        const padded = count + 2 * pad + 4;
        reset(11 * align(4 * padded) + align(8 * count) + 4096);
        // Padding included, every array starts at 0 (a neighbour read there must find 0).
        const field = (values?: ArrayLike<number>): Float32Array => {
          const a = f32(padded);
          if (values) copyIn(a, pad, values, count);
          return a;
        };
        const medium = problem.medium;
        const faceX = field(problem.faceX);
        const faceY = field(problem.faceY);
        const faceZ = field(problem.faceZ);
        const boundary = field(problem.boundaryConductance);
        const perfusion = field(medium.perfusionHeat);
        const dtOverC = field();
        const source = field();
        const boundarySource = field();
        let now = field(rise);
        let before = field(rise);
        const maximum = field(maxRise ?? rise);
        const doses = new Float64Array(memory.buffer, take(8 * count), count);
        if (dose) copyIn(doses, 0, dose, count);
        const at = (a: Float32Array): number => a.byteOffset + 4 * pad;
        let heating = false;
        let lastDt = Number.NaN;
        let withBoundary = false;
        const view = (a: Float32Array) => a.subarray(pad, pad + count);
        let peak = Number.NEGATIVE_INFINITY;
        for (let v = pad; v < pad + count; v++) if ((now[v] as number) > peak) peak = now[v] as number;
        const steps: BioheatSteps = {
          rise: view(now),
          previous: view(before),
          dose: doses,
          peak,
          setSource(q) {
            heating = q !== null;
            if (q) copyIn(source, pad, q, count);
          },
          setBoundary(values, voxels) {
            withBoundary = true;
            for (let i = 0; i < voxels.length; i++) {
              const v = voxels[i] as number;
              boundarySource[pad + v] = values[v] as number;
            }
          },
          step(dt, skipRise) {
            if (dt !== lastDt) {
              for (let v = 0; v < count; v++) dtOverC[pad + v] = dt / (medium.heatCapacity[v] as number);
              lastDt = dt;
            }
            // The new rise goes into `before`, the maxima and doses are updated in the same pass.
            const stepPeak = ex.pennesStep(
              at(now),
              at(before),
              heating ? at(source) : 0,
              at(faceX),
              at(faceY),
              at(faceZ),
              at(boundary),
              withBoundary ? at(boundarySource) : 0,
              at(perfusion),
              at(dtOverC),
              at(maximum),
              doses.byteOffset,
              count,
              nx,
              nx * ny,
              1 / (problem.grid.spacing * problem.grid.spacing),
              dt,
              37,
              skipRise,
            );
            // Swap, as advanceBioheat does.
            [now, before] = [before, now];
            (steps as { rise: Float32Array }).rise = view(now);
            (steps as { previous: Float32Array }).previous = view(before);
            (steps as { peak: number }).peak = stepPeak;
          },
          finish(out, outMax, outDose) {
            copyOut(out, view(now));
            if (outMax) copyOut(outMax, view(maximum));
            if (outDose) copyOut(outDose, doses);
          },
        };
        return steps;
      },
    };
  }
}

/**
 * values[0..count) into target from `offset`, rounded as an assignment rounds (f64 → f32 to nearest): a typed
 * array's own `set` where the lengths match (a native copy; a loop cost 6–12 ms per thermal run on the femur grids),
 * else element by element.
 */
function copyIn(target: Float32Array | Float64Array, offset: number, values: ArrayLike<number>, count: number): void {
  if (values.length === count) {
    target.set(values, offset);
    return;
  }
  for (let v = 0; v < count; v++) target[offset + v] = values[v] as number;
}

/** A run's array back into the caller's (a typed array's `set` when it is one, else element by element). */
function copyOut(target: { [index: number]: number }, source: Float32Array | Float64Array): void {
  if (target instanceof Float64Array || target instanceof Float32Array) {
    target.set(source);
    return;
  }
  for (let v = 0; v < source.length; v++) target[v] = source[v] as number;
}
