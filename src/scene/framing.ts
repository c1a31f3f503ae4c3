import type { VoxelGrid } from '../geometry/tissue-model.ts';
import { BODY_TEMPERATURE } from '../style/result-scales.ts';

type Vec3 = [number, number, number];

/** An axis-aligned box [m]. */
export interface Box {
  min: Vec3;
  max: Vec3;
}

/** Where the camera is and what it looks at [m]. */
export interface Pose {
  position: Vec3;
  target: Vec3;
}

/** A region counts as heated from this rise above body temperature [K]: where the dose starts to build (43 °C). */
export const HEATED_RISE = 6;
/** Half-size of the box framed when nothing is heated (a focal spot's neighbourhood) [m]. */
const FALLBACK_HALF = 0.008;

/**
 * The box of the voxels that reached 43 °C (body temperature + HEATED_RISE) over the run, grown by a voxel, and
 * containing `around` (the focus); a small box round `around` when nothing did.
 */
export function heatedBox(grid: VoxelGrid, maxTemperature: ArrayLike<number>, around: readonly number[]): Box {
  const threshold = BODY_TEMPERATURE + HEATED_RISE;
  const lo = [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY];
  const hi = [Number.NEGATIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.NEGATIVE_INFINITY];
  const { nx, ny, nz } = grid;
  let n = 0;
  // One flat loop, (i, j, k) followed along: V8 compiles a long loop on the fly at the loop it runs in, and Chromium
  // drops that code whenever an inner loop is left (src/physics/CONTEXT.md, "Loops").
  let i = 0;
  let j = 0;
  let k = 0;
  for (let v = 0, count = nx * ny * nz; v < count; v++) {
    if ((maxTemperature[v] as number) >= threshold) {
      n++;
      if (i < (lo[0] as number)) lo[0] = i;
      if (i > (hi[0] as number)) hi[0] = i;
      if (j < (lo[1] as number)) lo[1] = j;
      if (j > (hi[1] as number)) hi[1] = j;
      if (k < (lo[2] as number)) lo[2] = k;
      if (k > (hi[2] as number)) hi[2] = k;
    }
    if (++i === nx) {
      i = 0;
      if (++j === ny) {
        j = 0;
        k++;
      }
    }
  }
  const c: Vec3 = [around[0] ?? 0, around[1] ?? 0, around[2] ?? 0];
  if (n === 0) {
    return {
      min: [c[0] - FALLBACK_HALF, c[1] - FALLBACK_HALF, c[2] - FALLBACK_HALF],
      max: [c[0] + FALLBACK_HALF, c[1] + FALLBACK_HALF, c[2] + FALLBACK_HALF],
    };
  }
  const min = [0, 1, 2].map((a) =>
    Math.min(c[a] as number, grid.origin[a as 0] + ((lo[a] as number) - 1) * grid.spacing),
  ) as Vec3;
  const max = [0, 1, 2].map((a) =>
    Math.max(c[a] as number, grid.origin[a as 0] + ((hi[a] as number) + 1) * grid.spacing),
  ) as Vec3;
  return { min, max };
}

/**
 * Camera distance [m] at which a box's diagonal spans `fraction` of the view's shorter side (perspective camera
 * of vertical field of view `fovDeg` and aspect width/height), clamped to [near, far].
 */
export function framingDistance(box: Box, fovDeg: number, aspect: number, fraction = 0.55, near = 0.035, far = 0.6) {
  const diagonal = Math.hypot(box.max[0] - box.min[0], box.max[1] - box.min[1], box.max[2] - box.min[2]);
  const halfHeight = Math.tan((fovDeg * Math.PI) / 360);
  const shorter = Math.min(1, aspect > 0 ? aspect : 1);
  const d = diagonal / (2 * fraction * halfHeight * shorter);
  return Math.min(far, Math.max(near, Number.isFinite(d) ? d : near));
}

/** How far the camera stands from the target when a case opens [m]: a bundled phantom and its beams fill the view. */
export const CASE_VIEW_DISTANCE = 0.6;

/**
 * Camera distance [m] from `target`, looking at it from `towardCamera`, at which every corner of `box` is in view
 * (inside the frustum of a camera whose up is +y, as three's lookAt, with a margin). Never nearer than `nearest`,
 * so a case that fits keeps the usual framing and only a large one (a whole imported femur, 45 cm) is seen from
 * further away.
 * @param box - the case's parts [m]
 * @param target - where the camera looks [m]
 * @param towardCamera - unit vector from the target to the camera
 * @param fovDeg - vertical field of view [deg]
 * @param aspect - width/height of the view
 */
export function caseViewDistance(
  box: Box,
  target: readonly number[],
  towardCamera: readonly number[],
  fovDeg: number,
  aspect: number,
  nearest = CASE_VIEW_DISTANCE,
  margin = 1.05,
): number {
  const [ux, uy, uz] = [towardCamera[0] ?? 0, towardCamera[1] ?? 0, towardCamera[2] ?? 1];
  // The camera's right = +y × u and its up = u × right (three's lookAt with up +y).
  let [rx, ry, rz] = [uz, 0, -ux];
  const rl = Math.hypot(rx, ry, rz);
  if (!(rl > 1e-9)) [rx, ry, rz] = [1, 0, 0];
  else [rx, ry, rz] = [rx / rl, ry / rl, rz / rl];
  const [vx, vy, vz] = [uy * rz - uz * ry, uz * rx - ux * rz, ux * ry - uy * rx];
  const tanV = Math.tan((fovDeg * Math.PI) / 360) / margin;
  const tanH = tanV * (aspect > 0 ? aspect : 1);
  let d = nearest;
  for (const x of [box.min[0], box.max[0]])
    for (const y of [box.min[1], box.max[1]])
      for (const z of [box.min[2], box.max[2]]) {
        const [cx, cy, cz] = [x - (target[0] ?? 0), y - (target[1] ?? 0), z - (target[2] ?? 0)];
        // A corner at depth (d − c·u) in front of the camera is in view while its offsets fit the half-angles.
        const along = cx * ux + cy * uy + cz * uz;
        const right = Math.abs(cx * rx + cy * ry + cz * rz);
        const up = Math.abs(cx * vx + cy * vy + cz * vz);
        d = Math.max(d, along + right / tanH, along + up / tanV);
      }
  return Number.isFinite(d) ? d : nearest;
}

/** The pose that frames `box`: looking at its centre from the current view direction, at framingDistance. */
export function focusPose(current: Pose, box: Box, fovDeg: number, aspect: number): Pose {
  const target: Vec3 = [(box.min[0] + box.max[0]) / 2, (box.min[1] + box.max[1]) / 2, (box.min[2] + box.max[2]) / 2];
  let dx = current.position[0] - current.target[0];
  let dy = current.position[1] - current.target[1];
  let dz = current.position[2] - current.target[2];
  const len = Math.hypot(dx, dy, dz);
  if (!(len > 0)) [dx, dy, dz] = [0, 0, 1];
  const scale = framingDistance(box, fovDeg, aspect) / (len > 0 ? len : 1);
  return { target, position: [target[0] + dx * scale, target[1] + dy * scale, target[2] + dz * scale] };
}

/** Smooth start and stop (cubic), t in [0, 1]. */
export function easeInOut(t: number): number {
  const x = Math.min(1, Math.max(0, t));
  return x < 0.5 ? 4 * x * x * x : 1 - (-2 * x + 2) ** 3 / 2;
}

/**
 * The pose between a and b at t: the target moves in a straight line, the camera keeps its direction change
 * smooth by interpolating the offset from the target in direction and (logarithmically) in distance, so a
 * ten-fold zoom does not rush at the start.
 */
export function posePartWay(a: Pose, b: Pose, t: number): Pose {
  const lerp = (x: number, y: number) => x + (y - x) * t;
  const target: Vec3 = [lerp(a.target[0], b.target[0]), lerp(a.target[1], b.target[1]), lerp(a.target[2], b.target[2])];
  const oa = a.position.map((p, i) => p - (a.target[i] as number));
  const ob = b.position.map((p, i) => p - (b.target[i] as number));
  const la = Math.hypot(...oa) || 1e-9;
  const lb = Math.hypot(...ob) || 1e-9;
  const dir = oa.map((v, i) => lerp(v / la, (ob[i] as number) / lb));
  const dl = Math.hypot(...dir) || 1;
  const length = Math.exp(lerp(Math.log(la), Math.log(lb)));
  return {
    target,
    position: [
      target[0] + ((dir[0] as number) / dl) * length,
      target[1] + ((dir[1] as number) / dl) * length,
      target[2] + ((dir[2] as number) / dl) * length,
    ],
  };
}
