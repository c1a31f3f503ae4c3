type Vec3 = readonly [number, number, number];

/**
 * The beam frame: origin at the transducer's geometric focus, w along the beam (transducer → target), u and v
 * lateral; the three are orthonormal and right-handed (u × v = w). World coordinates [m].
 */
export interface BeamFrame {
  readonly origin: Vec3;
  readonly u: Vec3;
  readonly v: Vec3;
  readonly w: Vec3;
}

/**
 * @param frame - beam frame
 * @param p - world point [m]
 * @returns beam-frame coordinates (x, y, z) [m]
 */
export function toBeam(frame: BeamFrame, p: Vec3): [number, number, number] {
  const d0 = p[0] - frame.origin[0];
  const d1 = p[1] - frame.origin[1];
  const d2 = p[2] - frame.origin[2];
  return [
    d0 * frame.u[0] + d1 * frame.u[1] + d2 * frame.u[2],
    d0 * frame.v[0] + d1 * frame.v[1] + d2 * frame.v[2],
    d0 * frame.w[0] + d1 * frame.w[1] + d2 * frame.w[2],
  ];
}

/**
 * @param frame - beam frame
 * @param x - lateral coordinate along u [m]
 * @param y - lateral coordinate along v [m]
 * @param z - axial coordinate along w [m]
 * @returns world point [m]
 */
export function toWorld(frame: BeamFrame, x: number, y: number, z: number): [number, number, number] {
  return [
    frame.origin[0] + x * frame.u[0] + y * frame.v[0] + z * frame.w[0],
    frame.origin[1] + x * frame.u[1] + y * frame.v[1] + z * frame.w[1],
    frame.origin[2] + x * frame.u[2] + y * frame.v[2] + z * frame.w[2],
  ];
}

/**
 * A world direction in the beam frame (rotation only).
 * @param frame - beam frame
 * @param d - world vector
 * @returns (d·u, d·v, d·w)
 */
export function directionToBeam(frame: BeamFrame, d: Vec3): [number, number, number] {
  return [
    d[0] * frame.u[0] + d[1] * frame.u[1] + d[2] * frame.u[2],
    d[0] * frame.v[0] + d[1] * frame.v[1] + d[2] * frame.v[2],
    d[0] * frame.w[0] + d[1] * frame.w[1] + d[2] * frame.w[2],
  ];
}
