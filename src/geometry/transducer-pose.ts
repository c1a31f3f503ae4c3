type Vec3 = readonly [number, number, number];

/** Where the transducer is: aimed at `target`, sitting on the side given by `direction`. */
export interface TransducerPose {
  /** The point the array focuses on [m]. */
  target: Vec3;
  /** Unit vector from the target toward the transducer's apex. */
  direction: Vec3;
  /** Distance from the apex to the target [m]; the radius of curvature puts the geometric focus on the target. */
  distance: number;
}

/** Element centres and normals in some frame: positions and normals 3N, areas N. */
export interface ElementSet {
  positions: Float64Array;
  normals: Float64Array;
  areas: Float64Array;
}

function normalise(v: Vec3): [number, number, number] {
  const n = Math.hypot(v[0], v[1], v[2]);
  if (!(n > 0)) throw new RangeError('direction must be a non-zero vector');
  return [v[0] / n, v[1] / n, v[2] / n];
}

/**
 * Two unit vectors across a unit vector w, completing a right-handed orthonormal frame (u, v, w): u is chosen stably
 * from whichever world axis is least parallel to w.
 */
export function lateralAxes(w: Vec3): { u: Vec3; v: Vec3 } {
  const ax = Math.abs(w[0]);
  const ay = Math.abs(w[1]);
  const az = Math.abs(w[2]);
  const helper: Vec3 = ax <= ay && ax <= az ? [1, 0, 0] : ay <= az ? [0, 1, 0] : [0, 0, 1];
  const u = normalise([
    helper[1] * w[2] - helper[2] * w[1],
    helper[2] * w[0] - helper[0] * w[2],
    helper[0] * w[1] - helper[1] * w[0],
  ]);
  const v: Vec3 = [w[1] * u[2] - w[2] * u[1], w[2] * u[0] - w[0] * u[2], w[0] * u[1] - w[1] * u[0]];
  return { u, v };
}

/**
 * An orthonormal frame (u, v, w) whose w points from the apex toward the target (the array's axis), with u
 * chosen stably from whichever world axis is least parallel to w (lateralAxes).
 */
export function poseFrame(pose: TransducerPose): { apex: [number, number, number]; u: Vec3; v: Vec3; w: Vec3 } {
  const d = normalise(pose.direction);
  const w: Vec3 = [-d[0], -d[1], -d[2]];
  const { u, v } = lateralAxes(w);
  const apex: [number, number, number] = [
    pose.target[0] + d[0] * pose.distance,
    pose.target[1] + d[1] * pose.distance,
    pose.target[2] + d[2] * pose.distance,
  ];
  return { apex, u, v, w };
}

/**
 * Places elements laid out in the transducer frame (apex at the origin, axis +z toward the focus) into the
 * world at `pose`.
 */
export function placeElements(local: ElementSet, pose: TransducerPose): ElementSet {
  const { apex, u, v, w } = poseFrame(pose);
  const n = local.areas.length;
  const positions = new Float64Array(3 * n);
  const normals = new Float64Array(3 * n);
  for (let e = 0; e < n; e++) {
    const x = local.positions[3 * e] as number;
    const y = local.positions[3 * e + 1] as number;
    const z = local.positions[3 * e + 2] as number;
    const nx = local.normals[3 * e] as number;
    const ny = local.normals[3 * e + 1] as number;
    const nz = local.normals[3 * e + 2] as number;
    positions[3 * e] = apex[0] + x * u[0] + y * v[0] + z * w[0];
    positions[3 * e + 1] = apex[1] + x * u[1] + y * v[1] + z * w[1];
    positions[3 * e + 2] = apex[2] + x * u[2] + y * v[2] + z * w[2];
    normals[3 * e] = nx * u[0] + ny * v[0] + nz * w[0];
    normals[3 * e + 1] = nx * u[1] + ny * v[1] + nz * w[1];
    normals[3 * e + 2] = nx * u[2] + ny * v[2] + nz * w[2];
  }
  return { positions, normals, areas: local.areas.slice() };
}
