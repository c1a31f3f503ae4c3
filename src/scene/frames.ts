import type { VoxelGrid } from '../geometry/tissue-model.ts';
import type { RegionFrames } from '../worker/results-protocol.ts';

/** Which stored frames a playback time falls between, and how far (0 = frame i0, 1 = frame i1). */
export interface FrameSelection {
  i0: number;
  i1: number;
  /** weight of frame i1 in [0, 1] */
  weight: number;
}

/**
 * The frames a playback time falls between. Times before the first frame give the first frame, after the last
 * the last (no extrapolation); in between, the two bracketing frames and the linear weight of the later one, so
 * fields are interpolated linearly in time (CEM43 is cumulative, hence monotone between frames: its linear
 * interpolation stays monotone too). Frame times must be ascending; NaN time gives the last frame. Returns
 * undefined when there are no frames.
 */
export function frameAt(frames: Pick<RegionFrames, 'time'>, time: number): FrameSelection | undefined {
  const t = frames.time;
  const n = t.length;
  if (n === 0) return undefined;
  const last = n - 1;
  if (!(time >= (t[0] as number)))
    return Number.isNaN(time) ? { i0: last, i1: last, weight: 0 } : { i0: 0, i1: 0, weight: 0 };
  if (time >= (t[last] as number)) return { i0: last, i1: last, weight: 0 };
  // Binary search for the last frame at or before `time`.
  let lo = 0;
  let hi = last;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if ((t[mid] as number) <= time) lo = mid;
    else hi = mid;
  }
  const span = (t[hi] as number) - (t[lo] as number);
  const weight = span > 0 ? (time - (t[lo] as number)) / span : 0;
  if (weight <= 0) return { i0: lo, i1: lo, weight: 0 };
  return { i0: lo, i1: hi, weight };
}

/**
 * One field (frames × voxels, row-major by frame) at a frame selection. An exact frame is returned as a view on
 * the stored array (no copy); between frames a new array holds the linear interpolation.
 */
export function fieldAt(data: Float32Array, voxels: number, selection: FrameSelection): Float32Array {
  const a = data.subarray(selection.i0 * voxels, (selection.i0 + 1) * voxels);
  if (selection.i0 === selection.i1 || selection.weight === 0) return a;
  const b = data.subarray(selection.i1 * voxels, (selection.i1 + 1) * voxels);
  const w = selection.weight;
  const out = new Float32Array(voxels);
  for (let i = 0; i < voxels; i++) {
    const x = a[i] as number;
    out[i] = x + ((b[i] as number) - x) * w;
  }
  return out;
}

/** Whether `frames` fits `grid` (voxel count) and holds at least one frame: else the fallbacks are used. */
export function framesFit(frames: RegionFrames | undefined, grid: VoxelGrid): frames is RegionFrames {
  if (!frames || frames.time.length === 0) return false;
  const voxels = grid.nx * grid.ny * grid.nz;
  const n = frames.time.length;
  return frames.temperature.length === n * voxels && frames.dose.length === n * voxels;
}

/** Index of the largest finite value (the first on ties), or -1 when there is none. */
export function argMax(field: ArrayLike<number>): number {
  let best = -1;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < field.length; i++) {
    const v = field[i] as number;
    if (v > max) {
      max = v;
      best = i;
    }
  }
  return best;
}

/** Largest finite value of a field, or `fallback` when there is none. */
export function maxOf(field: ArrayLike<number>, fallback: number): number {
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < field.length; i++) {
    const v = field[i] as number;
    if (v > max && v < Number.POSITIVE_INFINITY) max = v;
  }
  return max === Number.NEGATIVE_INFINITY ? fallback : max;
}

/** World position of voxel `index`'s centre [m]. */
export function voxelCentre(grid: VoxelGrid, index: number): [number, number, number] {
  const i = index % grid.nx;
  const j = Math.floor(index / grid.nx) % grid.ny;
  const k = Math.floor(index / (grid.nx * grid.ny));
  return [grid.origin[0] + i * grid.spacing, grid.origin[1] + j * grid.spacing, grid.origin[2] + k * grid.spacing];
}
