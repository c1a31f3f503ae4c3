import { ABLATION_DOSE, inferno } from './colour-scales.ts';
import { formatQuantity } from './format.ts';

/**
 * Pure helpers of the MR-thermometry view: which frame to show, which plane to cut, its pixels and the 240 CEM43
 * contour. Grids index voxels as i + nx·(j + ny·k), voxel (0, 0, 0) centred on `origin`.
 */

type Vec3 = readonly [number, number, number];
export type Axis = 0 | 1 | 2;

export interface GridLike {
  nx: number;
  ny: number;
  nz: number;
  spacing: number;
  origin: readonly [number, number, number];
}

/** MR thermometry shows temperature only above this [°C]: below, the anatomy shows through. */
export const THERMOMETRY_FLOOR = 40;

/**
 * The frame shown at time t: the last one recorded at or before t (the first before the start, the last after the
 * end); -1 when there are no frames.
 */
export function frameIndexAt(times: ArrayLike<number>, t: number): number {
  const n = times.length;
  if (n === 0) return -1;
  if (!(t >= (times[0] as number))) return 0;
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((times[mid] as number) <= t + 1e-9) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Which grid plane to show: across the beam (perpendicular to it) or along it (containing its axis). */
export type PlaneMode = 'across-beam' | 'along-beam';

/**
 * The plane's axes from the beam direction: across the beam, the normal is the grid axis most aligned with the
 * beam; along the beam, it is the axis least aligned with it (so the beam lies in the plane as far as a grid plane
 * can). u, v are the two others in increasing order (image columns, rows).
 */
export function planeAxes(beamDirection: Vec3, mode: PlaneMode): { normal: Axis; u: Axis; v: Axis } {
  const a = beamDirection.map((c) => Math.abs(Number.isFinite(c) ? c : 0));
  const order = ([0, 1, 2] as Axis[]).sort((p, q) => (a[q] as number) - (a[p] as number));
  const normal = (mode === 'across-beam' ? order[0] : order[2]) as Axis;
  const [u, v] = ([0, 1, 2] as Axis[]).filter((x) => x !== normal) as [Axis, Axis];
  return { normal, u, v };
}

/**
 * How far a grid plane is from the plane the mode names [degrees]: across the beam, the angle between the plane's
 * normal and the beam; along it, the angle between the beam and the plane. 0 when the beam runs along a grid axis;
 * up to ≈ 55° for a beam along a cube's diagonal (a walk read the femur's "across the beam" as square to its 45° beam).
 * @param beamDirection - the beam's direction (any length)
 * @param mode - across or along
 */
export function planeTilt(beamDirection: Vec3, mode: PlaneMode): number {
  const length = Math.hypot(...beamDirection);
  if (!(length > 0)) return 0;
  const { normal } = planeAxes(beamDirection, mode);
  const along = Math.min(1, Math.abs((beamDirection[normal] as number) / length));
  const radians = mode === 'across-beam' ? Math.acos(along) : Math.asin(along);
  return (radians * 180) / Math.PI;
}

function sizeOf(grid: GridLike, axis: Axis): number {
  return axis === 0 ? grid.nx : axis === 1 ? grid.ny : grid.nz;
}

/** The grid index along an axis nearest a coordinate [m], clamped into the grid. */
export function planeIndexAt(grid: GridLike, axis: Axis, coordinate: number): number {
  const n = sizeOf(grid, axis);
  const k = Math.round((coordinate - grid.origin[axis]) / grid.spacing);
  return Math.min(n - 1, Math.max(0, Number.isFinite(k) ? k : Math.floor(n / 2)));
}

/** A 2D cut: width × height values, row-major, row 0 at the top (the largest v). */
export interface Plane {
  width: number;
  height: number;
  values: Float32Array;
}

/**
 * Cuts the plane normal to `axis` at `index` out of a voxel array (or out of frame `frame` of a frames × voxels
 * array). Columns follow u, rows follow v from the top (largest v) down, as an image.
 */
export function extractPlane(
  values: ArrayLike<number>,
  grid: GridLike,
  axes: { normal: Axis; u: Axis; v: Axis },
  index: number,
  frame = 0,
): Plane {
  const width = sizeOf(grid, axes.u);
  const height = sizeOf(grid, axes.v);
  const out = new Float32Array(width * height);
  const voxels = grid.nx * grid.ny * grid.nz;
  const base = frame * voxels;
  const ijk = [0, 0, 0];
  ijk[axes.normal] = index;
  for (let row = 0; row < height; row++) {
    ijk[axes.v] = height - 1 - row;
    for (let col = 0; col < width; col++) {
      ijk[axes.u] = col;
      const linear = (ijk[0] as number) + grid.nx * ((ijk[1] as number) + grid.ny * (ijk[2] as number));
      const v = values[base + linear];
      out[row * width + col] = v !== undefined && Number.isFinite(v) ? v : 0;
    }
  }
  return { width, height, values: out };
}

/** Neutral grey standing for the anatomy (the outcome carries no tissue labels) [0–255]. */
export const ANATOMY_GREY = 92;

/** Thermometry colour of a temperature: inferno from the floor to `max`, or undefined below the floor. */
export function thermometryColour(
  temperature: number,
  max: number,
  floor = THERMOMETRY_FLOOR,
): [number, number, number] | undefined {
  if (!(temperature >= floor)) return undefined;
  const span = max > floor ? max - floor : 1;
  const [r, g, b] = inferno((temperature - floor) / span);
  return [Math.round(r * 255), Math.round(g * 255), Math.round(b * 255)];
}

/** RGBA pixels of a temperature plane: grey below the floor, inferno above. */
export function thermometryPixels(
  plane: Plane,
  max: number,
  floor = THERMOMETRY_FLOOR,
): Uint8ClampedArray<ArrayBuffer> {
  const rgba = new Uint8ClampedArray(plane.width * plane.height * 4);
  for (let n = 0; n < plane.values.length; n++) {
    const c = thermometryColour(plane.values[n] as number, max, floor);
    rgba[4 * n] = c ? c[0] : ANATOMY_GREY;
    rgba[4 * n + 1] = c ? c[1] : ANATOMY_GREY;
    rgba[4 * n + 2] = c ? c[2] : ANATOMY_GREY;
    rgba[4 * n + 3] = 255;
  }
  return rgba;
}

/**
 * What to say when the whole shown plane is below the colour scale's floor, so a plain grey picture does not read
 * as a broken view: before the heating, after it has cooled, or a run that never reached the floor there.
 * @param plane - the temperatures shown [°C]
 * @param frameTime - the shown frame's time [s]; undefined when the view shows the peak over the run
 * @param peakTime - when the focus was hottest [s] (a sonication's focus series); undefined when not known (a plan,
 *   whose spots heat one after the other): then neither "yet" nor "cooled" is said
 * @returns the sentence, or undefined when some of the plane is at or above the floor
 */
export function belowFloorNote(
  plane: Plane,
  frameTime: number | undefined,
  peakTime: number | undefined,
  floor = THERMOMETRY_FLOOR,
): string | undefined {
  for (let n = 0; n < plane.values.length; n++) if ((plane.values[n] as number) >= floor) return undefined;
  const scale = `${floor} °C`;
  if (frameTime === undefined) return `Nothing in this plane reached ${scale} in this run.`;
  const at = formatQuantity(frameTime, 's');
  if (peakTime === undefined) {
    return `Nothing in this plane is above ${scale} at ${at} — drag the time slider to a moment of heating.`;
  }
  return frameTime < peakTime
    ? `Nothing is above ${scale} yet at ${at} — play or drag the time slider forward to see the heating.`
    : `Everything has cooled below ${scale} at ${at} — drag the time slider back to see the heating.`;
}

/**
 * When the focus was hottest [s]: the time of the largest temperature in the focus's row (the series' first point),
 * or undefined without a series.
 */
export function focusPeakTime(series: { time: Float64Array; temperature: Float32Array } | undefined) {
  if (!series || series.time.length === 0) return undefined;
  let best = 0;
  for (let t = 1; t < series.time.length; t++) {
    if ((series.temperature[t] as number) > (series.temperature[best] as number)) best = t;
  }
  return series.time[best];
}

/**
 * Marching squares: the segments where the plane crosses `level`, in pixel-centre coordinates (column, row; the
 * centre of pixel (c, r) is (c, r)), linearly interpolated on the cell edges. Each segment is x1, y1, x2, y2.
 */
export type Segment = [number, number, number, number];

export function contourSegments(plane: Plane, level = ABLATION_DOSE): Segment[] {
  const { width, height, values } = plane;
  const at = (c: number, r: number) => values[r * width + c] as number;
  const segments: Segment[] = [];
  const cross = (a: number, b: number) => (level - a) / (b - a);
  for (let r = 0; r < height - 1; r++) {
    for (let c = 0; c < width - 1; c++) {
      const tl = at(c, r);
      const tr = at(c + 1, r);
      const br = at(c + 1, r + 1);
      const bl = at(c, r + 1);
      const code = (tl >= level ? 8 : 0) | (tr >= level ? 4 : 0) | (br >= level ? 2 : 0) | (bl >= level ? 1 : 0);
      if (code === 0 || code === 15) continue;
      const top: [number, number] = [c + cross(tl, tr), r];
      const right: [number, number] = [c + 1, r + cross(tr, br)];
      const bottom: [number, number] = [c + cross(bl, br), r + 1];
      const left: [number, number] = [c, r + cross(tl, bl)];
      const add = (p: [number, number], q: [number, number]) => segments.push([p[0], p[1], q[0], q[1]]);
      switch (code) {
        case 1:
        case 14:
          add(left, bottom);
          break;
        case 2:
        case 13:
          add(bottom, right);
          break;
        case 3:
        case 12:
          add(left, right);
          break;
        case 4:
        case 11:
          add(top, right);
          break;
        case 6:
        case 9:
          add(top, bottom);
          break;
        case 7:
        case 8:
          add(left, top);
          break;
        case 5:
          add(left, top);
          add(bottom, right);
          break;
        case 10:
          add(top, right);
          add(left, bottom);
          break;
      }
    }
  }
  return segments;
}
