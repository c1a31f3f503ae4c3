import type { RayleighSum } from '../physics/rayleigh.ts';
import { jinc } from '../physics/special-functions.ts';

/** Entries of the piston-directivity table 2J1(x)/x on [0, kb], as the WebAssembly kernel's (linear: < 1e-6). */
export const JINC_TABLE = 4096;
/** Floats per packed source: position and Re c, then normal and Im c (two vec4<f32> in the shader). */
export const SOURCE_FLOATS = 8;
/** Floats per packed point: xyz and one unused (a vec4<f32>: storage arrays of vec3 are padded to 16 bytes anyway). */
export const POINT_FLOATS = 4;
/** Bytes of the shader's Params uniform (rayleigh.wgsl.ts). */
export const PARAMS_BYTES = 32;

/** A Rayleigh sum in the form the WGSL kernel reads: f32, the per-source constants folded, silent sources dropped. */
export interface PackedRayleighSum {
  /** SOURCE_FLOATS per sounding source: x, y, z [m] from `origin`, Re c, nx, ny, nz, Im c [Pa·m] */
  readonly sources: Float32Array;
  readonly sourceCount: number;
  /** where the packed coordinates are measured from [m]: the centre of the sources' and points' box */
  readonly origin: readonly [number, number, number];
  /** POINT_FLOATS per point: x, y, z [m] from `origin`, 0 */
  readonly points: Float32Array;
  readonly pointCount: number;
  /** k [rad/m] */
  readonly k: number;
  /** α [Np/m] */
  readonly alpha: number;
  /** k × piston radius [-] (0: point patches, no directivity) */
  readonly kb: number;
  /** 2J1(x)/x at x = i·step, i = 0 … JINC_TABLE + 1 */
  readonly table: Float32Array;
  /** 1/step of the table [1/rad] */
  readonly invStep: number;
}

/**
 * The centre of the box holding every source and point: the sum depends on differences only, and coordinates taken
 * from there are half as large, so rounding them to f32 moves each term's phase half as much.
 */
function centreOf(a: Float64Array, b: Float64Array): [number, number, number] {
  const lo = [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY];
  const hi = [Number.NEGATIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.NEGATIVE_INFINITY];
  for (const xyz of [a, b])
    for (let i = 0; i < xyz.length; i++) {
      const axis = i % 3;
      lo[axis] = Math.min(lo[axis] as number, xyz[i] as number);
      hi[axis] = Math.max(hi[axis] as number, xyz[i] as number);
    }
  const mid = (axis: number) => (Number.isFinite(lo[axis]) ? ((lo[axis] as number) + (hi[axis] as number)) / 2 : 0);
  return [mid(0), mid(1), mid(2)];
}

/**
 * Packs a Rayleigh sum for the GPU the way rayleighPressure folds it: c_n = i k ρc/2π · u_n ΔS_n g_n per source
 * (silent sources, c_n = 0, left out), positions and normals beside it, points padded to four floats; coordinates
 * from the centre of the sources' and points' box.
 * @param sum - sources, medium, frequency [Hz] and points [m]
 * @returns the packed arrays and scalars
 * @see rayleighPressure (src/physics/rayleigh.ts), the reference this must agree with
 */
export function packRayleighSum(sum: RayleighSum): PackedRayleighSum {
  const { sources, medium, frequency, points } = sum;
  const n = sources.areas.length;
  const k = (2 * Math.PI * frequency) / medium.speedOfSound;
  const prefactor = (k * medium.density * medium.speedOfSound) / (2 * Math.PI);
  const kb = k * (sources.elementRadius ?? 0);
  const [cx, cy, cz] = centreOf(sources.positions, points);
  const packed = new Float32Array(SOURCE_FLOATS * n);
  let count = 0;
  for (let e = 0; e < n; e++) {
    const uRe = sources.velocityRe[e] as number;
    const uIm = sources.velocityIm[e] as number;
    const gRe = sources.gainRe ? (sources.gainRe[e] as number) : 1;
    const gIm = sources.gainIm ? (sources.gainIm[e] as number) : 0;
    const wRe = uRe * gRe - uIm * gIm;
    const wIm = uRe * gIm + uIm * gRe;
    if (wRe === 0 && wIm === 0) continue;
    const s = prefactor * (sources.areas[e] as number);
    const o = SOURCE_FLOATS * count;
    packed[o] = (sources.positions[3 * e] as number) - cx;
    packed[o + 1] = (sources.positions[3 * e + 1] as number) - cy;
    packed[o + 2] = (sources.positions[3 * e + 2] as number) - cz;
    packed[o + 3] = -wIm * s;
    packed[o + 4] = sources.normals[3 * e] as number;
    packed[o + 5] = sources.normals[3 * e + 1] as number;
    packed[o + 6] = sources.normals[3 * e + 2] as number;
    packed[o + 7] = wRe * s;
    count++;
  }
  const pointCount = points.length / 3;
  const packedPoints = new Float32Array(POINT_FLOATS * pointCount);
  for (let p = 0; p < pointCount; p++) {
    packedPoints[POINT_FLOATS * p] = (points[3 * p] as number) - cx;
    packedPoints[POINT_FLOATS * p + 1] = (points[3 * p + 1] as number) - cy;
    packedPoints[POINT_FLOATS * p + 2] = (points[3 * p + 2] as number) - cz;
  }
  const step = Math.max(kb, 1e-6) / JINC_TABLE;
  const table = new Float32Array(JINC_TABLE + 2);
  for (let i = 0; i < table.length; i++) table[i] = jinc(i * step);
  return {
    origin: [cx, cy, cz],
    sources: packed.subarray(0, SOURCE_FLOATS * count),
    sourceCount: count,
    points: packedPoints,
    pointCount,
    k,
    alpha: medium.attenuation,
    kb,
    table,
    invStep: 1 / step,
  };
}

/**
 * The shader's Params uniform for one dispatch over a range of points.
 * @param packed - the packed sum
 * @param pointOffset - first point of the range
 * @param pointCount - points in the range
 * @returns PARAMS_BYTES bytes: k, α, kb, 1/step (f32), then sources, offset, count, last table index (u32)
 */
export function paramsOf(packed: PackedRayleighSum, pointOffset: number, pointCount: number): ArrayBuffer {
  const bytes = new ArrayBuffer(PARAMS_BYTES);
  const f = new Float32Array(bytes);
  const u = new Uint32Array(bytes);
  f[0] = packed.k;
  f[1] = packed.alpha;
  f[2] = packed.kb;
  f[3] = packed.invStep;
  u[4] = packed.sourceCount;
  u[5] = pointOffset;
  u[6] = pointCount;
  u[7] = packed.table.length - 2;
  return bytes;
}

/** Largest element–point terms in one dispatch: a dispatch far shorter than a driver's watchdog (about 2 s). */
export const TERMS_PER_DISPATCH = 2 ** 26;
/** Invocations per workgroup, and sources per shared-memory tile (rayleigh.wgsl.ts). */
export const WORKGROUP = 64;
/** Largest workgroup count in one dimension (WebGPU's default maxComputeWorkgroupsPerDimension). */
export const MAX_WORKGROUPS = 65535;

/**
 * Splits the points into dispatches of at most TERMS_PER_DISPATCH terms (and at most MAX_WORKGROUPS workgroups),
 * each a whole number of workgroups.
 * @param sourceCount - sounding sources
 * @param pointCount - points
 * @returns [first point, point count] per dispatch, covering every point once, in order
 */
export function dispatchRanges(sourceCount: number, pointCount: number): [number, number][] {
  const byTerms = Math.floor(TERMS_PER_DISPATCH / Math.max(1, sourceCount) / WORKGROUP) * WORKGROUP;
  const size = Math.min(MAX_WORKGROUPS * WORKGROUP, Math.max(WORKGROUP, byTerms));
  const ranges: [number, number][] = [];
  for (let start = 0; start < pointCount; start += size) ranges.push([start, Math.min(size, pointCount - start)]);
  return ranges;
}
