import { type VoxelGrid, voxelCount } from './grid.ts';
import { outputF32 } from './scratch.ts';
import { BODY_TEMPERATURE } from './tissues.ts';

type Vec3 = readonly [number, number, number];

/**
 * What a run records over time beyond its peak numbers (time-resolved results for replay and export).
 * The worker's `ResultsRequest` is resolved into this: the points already include the focus first.
 */
export interface RecordRequest {
  /** points whose temperature and cumulative dose are recorded at every bioheat step [m] */
  points: readonly Vec3[];
  /** one label per point */
  labels: readonly string[];
  /** interval between whole-region frames [s] (default DEFAULT_FRAME_INTERVAL); the first and last steps always */
  frameInterval?: number;
  /**
   * Upper bound on the frames' memory, frames × voxels × 2 × 4 B [B] (default MAX_FRAME_BYTES). When the
   * requested interval would exceed it, the interval is doubled until it fits (the frames' time stamps tell).
   */
  maxFrameBytes?: number;
}

/** Temperature and cumulative dose against time at a few points (structurally the worker's TimeSeries). */
export interface PointSeries {
  /** [s], one per bioheat step (step 0 = start) */
  time: Float64Array;
  /** [m] */
  points: [number, number, number][];
  labels: string[];
  /** points × time, row-major by point [°C]; NaN for a point outside the region */
  temperature: Float32Array;
  /** points × time, cumulative CEM43 [min] (saturated at the dose ceiling); NaN for a point outside the region */
  dose: Float32Array;
}

/** Snapshots of the whole region (structurally the worker's RegionFrames). */
export interface FieldFrames {
  /** [s], one per frame; each is the time of a bioheat step */
  time: Float64Array;
  /** frames × voxels, row-major by frame [°C] */
  temperature: Float32Array;
  /** frames × voxels, cumulative CEM43 [min] */
  dose: Float32Array;
}

/** Default interval between frames [s]. */
export const DEFAULT_FRAME_INTERVAL = 2;
/**
 * Default cap on the frames' memory [B] (256 MiB): e.g. 128 frames of a 250k-voxel plan region. The femur default
 * (51³ = 132 651 voxels, 20 s + 30 s, 2 s) takes 26 frames = 27.6 MB.
 */
export const MAX_FRAME_BYTES = 256 * 1024 * 1024;

/**
 * Nearest voxel of a point: round((x − origin)/spacing) per axis.
 * @param grid - grid
 * @param point - [m]
 * @returns linear index, or −1 when the point lies more than half a voxel outside the grid
 */
export function nearestVoxel(grid: VoxelGrid, point: Vec3): number {
  const n = [grid.nx, grid.ny, grid.nz];
  const ijk = [0, 1, 2].map((a) => Math.round(((point[a] as number) - (grid.origin[a] as number)) / grid.spacing));
  for (let a = 0; a < 3; a++) {
    const i = ijk[a] as number;
    if (!(i >= 0 && i < (n[a] as number))) return -1;
  }
  return (ijk[0] as number) + grid.nx * ((ijk[1] as number) + grid.ny * (ijk[2] as number));
}

/**
 * Steps stored as frames: step 0, the first step at or after each multiple of `interval`, and the last step.
 * @param times - time of every step [s], increasing
 * @param interval - [s] > 0
 * @returns increasing step indices
 */
export function selectFrameSteps(times: Float64Array, interval: number): Int32Array {
  if (!(interval > 0) || !Number.isFinite(interval)) {
    throw new RangeError('frameInterval must be a positive finite number of seconds');
  }
  const last = times.length - 1;
  const steps: number[] = [0];
  const eps = 1e-9 * Math.max(1, interval);
  let next = interval;
  for (let s = 1; s <= last; s++) {
    const t = times[s] as number;
    if (t >= next - eps) {
      steps.push(s);
      next = (Math.floor((t + eps) / interval) + 1) * interval;
    }
  }
  if (last > 0 && steps[steps.length - 1] !== last) steps.push(last);
  return Int32Array.from(steps);
}

/**
 * Records, over a run laid out in advance (the time of every bioheat step known), the temperature and cumulative
 * dose at a few points (nearest voxel, see nearestVoxel: the series' last dose is then exactly the dose field at
 * that voxel) at every step, and the whole region every `frameInterval`.
 *
 * Cost: the series are points × steps × 2 × 4 B (negligible); the frames are frames × voxels × 2 × 4 B
 * (femur default, 132 651 voxels × 26 frames: 27.6 MB) and one copy of the region per frame. A run without a
 * recorder does not pay anything beyond one test per step.
 */
export class TimeResolvedRecorder {
  private readonly voxelsOfPoints: Int32Array;
  private readonly frameSteps: Int32Array;
  private readonly series: PointSeries;
  private readonly frames: FieldFrames;
  private readonly stride: number;
  private readonly voxels: number;
  private readonly doseCeiling: number;
  private nextFrame = 0;
  private lastStep = -1;

  /**
   * @param grid - the region
   * @param request - points, labels and frame interval
   * @param times - time of every bioheat step of the whole run, step 0 included [s]
   * @param doseCeiling - saturation of reported doses [CEM43 min]
   */
  constructor(grid: VoxelGrid, request: RecordRequest, times: Float64Array, doseCeiling: number) {
    if (request.labels.length !== request.points.length) {
      throw new RangeError('RecordRequest: one label per point');
    }
    this.voxels = voxelCount(grid);
    this.doseCeiling = doseCeiling;
    this.stride = times.length;
    this.voxelsOfPoints = Int32Array.from(request.points, (p) => nearestVoxel(grid, p));
    const maxBytes = request.maxFrameBytes ?? MAX_FRAME_BYTES;
    const maxFrames = Math.max(2, Math.floor(maxBytes / (8 * Math.max(1, this.voxels))));
    let interval = request.frameInterval ?? DEFAULT_FRAME_INTERVAL;
    let steps = selectFrameSteps(times, interval);
    while (steps.length > maxFrames) {
      interval *= 2;
      steps = selectFrameSteps(times, interval);
    }
    this.frameSteps = steps;
    const points = request.points.length;
    this.series = {
      time: Float64Array.from(times),
      points: request.points.map((p) => [p[0], p[1], p[2]]),
      labels: [...request.labels],
      temperature: new Float32Array(points * this.stride).fill(Number.NaN),
      dose: new Float32Array(points * this.stride).fill(Number.NaN),
    };
    this.frames = {
      time: Float64Array.from(steps, (s) => times[s] as number),
      // The frames leave the run (replay): made ahead while the worker was idle, where it does that.
      temperature: outputF32(steps.length * this.voxels),
      dose: outputF32(steps.length * this.voxels),
    };
  }

  /**
   * Record one step (a step already recorded, e.g. the shared boundary of two spots, is skipped).
   * @param step - index into the run's times
   * @param rise - ΔT over 37 °C [K]
   * @param dose - cumulative CEM43 [min], or undefined for none (0)
   */
  record(step: number, rise: ArrayLike<number>, dose: ArrayLike<number> | undefined): void {
    if (step <= this.lastStep || step >= this.stride) return;
    this.lastStep = step;
    const ceiling = this.doseCeiling;
    const { temperature, dose: pointDose } = this.series;
    for (let p = 0; p < this.voxelsOfPoints.length; p++) {
      const v = this.voxelsOfPoints[p] as number;
      if (v < 0) continue;
      temperature[p * this.stride + step] = BODY_TEMPERATURE + (rise[v] as number);
      pointDose[p * this.stride + step] = dose ? Math.min(dose[v] as number, ceiling) : 0;
    }
    while ((this.frameSteps[this.nextFrame] ?? Number.POSITIVE_INFINITY) < step) this.nextFrame++;
    if (this.frameSteps[this.nextFrame] !== step) return;
    const offset = this.nextFrame * this.voxels;
    // The copy is its own function (CONTEXT.md, "Loops"): compiled once and kept, instead of this method being
    // compiled on the fly around its loop in every run.
    copyFrame(this.frames.temperature, offset, rise, this.voxels, BODY_TEMPERATURE);
    if (dose) copyDose(this.frames.dose, offset, dose, this.voxels, ceiling);
    this.nextFrame++;
  }

  /** @returns the recorded series and frames (owned by the caller from now on) */
  result(): { series: PointSeries; frames: FieldFrames } {
    return { series: this.series, frames: this.frames };
  }
}

/** out[offset + v] = base + rise[v] for every voxel. */
function copyFrame(out: Float32Array, offset: number, rise: ArrayLike<number>, voxels: number, base: number): void {
  for (let v = 0; v < voxels; v++) out[offset + v] = base + (rise[v] as number);
}

/** out[offset + v] = min(dose[v], ceiling) for every voxel. */
function copyDose(out: Float32Array, offset: number, dose: ArrayLike<number>, voxels: number, ceiling: number): void {
  for (let v = 0; v < voxels; v++) out[offset + v] = Math.min(dose[v] as number, ceiling);
}
