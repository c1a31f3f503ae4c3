import { type BufferGeometry, Vector3 } from 'three';

/** Where a camera stands and what it looks at, for a picture that fits its box. */
export interface Framing {
  /** the camera's position [m] */
  position: Vector3;
  /** the point it looks at, on the line of sight through the middle of the picture [m] */
  look: Vector3;
  /** the picture's up, perpendicular to the line of sight */
  up: Vector3;
  /** from `look` to `position` [m] */
  distance: number;
}

export interface FrameViewParams {
  /** what must be in the picture: the corners of its hull are enough [m] */
  points: readonly Vector3[];
  /** unit vector from the picture toward the camera */
  view: Vector3;
  /** the picture's up, roughly; made perpendicular to `view` */
  up: Vector3;
  /** vertical field of view [°] */
  fovDeg: number;
  /** the canvas's width over its height */
  aspect: number;
  /** the share of the box the picture takes along the axis it fills (the rest is an even margin) */
  fill?: number;
}

/**
 * The closest camera pose, looking along `-view`, from which every point is inside the view with a margin, and the
 * points' extent is centred on screen. Solved from the points rather than a sphere: the fixed sphere round the middle
 * the picture used was too small for the long thigh with the device under it, and cut it at the top on a phone and a
 * wide screen; a sphere large enough for it leaves the picture small in a landscape box.
 *
 * In the camera's basis (right r, up u, back v) a point p is in view when |p·r − a| ≤ tanH·(e − p·v) and likewise
 * vertically, for a camera at a·r + b·u + e·v. Each side gives a lower bound on a ± tanH·e; the closest camera meets
 * both bounds of one axis, and the other axis is then centred on screen (centredOffset).
 */
export function frameView({ points, view, up, fovDeg, aspect, fill = 0.9 }: FrameViewParams): Framing {
  const v = view.clone().normalize();
  const u = up.clone().addScaledVector(v, -up.dot(v)).normalize();
  const r = new Vector3().crossVectors(u, v);
  const tanV = Math.tan((fovDeg * Math.PI) / 360) * fill;
  const tanH = Math.tan((fovDeg * Math.PI) / 360) * aspect * fill;
  let right = Number.NEGATIVE_INFINITY;
  let left = Number.NEGATIVE_INFINITY;
  let top = Number.NEGATIVE_INFINITY;
  let bottom = Number.NEGATIVE_INFINITY;
  for (const p of points) {
    const x = p.dot(r);
    const y = p.dot(u);
    const z = p.dot(v);
    right = Math.max(right, x + tanH * z);
    left = Math.max(left, -x + tanH * z);
    top = Math.max(top, y + tanV * z);
    bottom = Math.max(bottom, -y + tanV * z);
  }
  if (!Number.isFinite(right)) {
    return { position: v.clone(), look: new Vector3(), up: u, distance: 1 };
  }
  const distance = Math.max((right + left) / (2 * tanH), (top + bottom) / (2 * tanV));
  // Centred on screen along both axes. Along the one that sets the distance the points touch both sides already; along
  // the other the camera stands farther than it needs and near points look larger than far ones, so the middle between
  // the view's planes is not the middle on screen (a few per cent of the box apart).
  const a = centredOffset(points, r, v, distance);
  const b = centredOffset(points, u, v, distance);
  const look = new Vector3().addScaledVector(r, a).addScaledVector(u, b);
  return { position: look.clone().addScaledVector(v, distance), look, up: u, distance };
}

/**
 * The camera's offset along `axis` that puts the points' on-screen extent in the middle of the picture, seen from
 * `distance` along `back`: where the farthest point on one side is as far out as the farthest on the other. Each
 * point's screen position falls steadily as the offset grows, so halving the interval finds it.
 */
function centredOffset(points: readonly Vector3[], axis: Vector3, back: Vector3, distance: number): number {
  const across = points.map((p) => p.dot(axis));
  const depth = points.map((p) => distance - p.dot(back));
  const imbalance = (offset: number): number => {
    let high = Number.NEGATIVE_INFINITY;
    let low = Number.POSITIVE_INFINITY;
    across.forEach((x, i) => {
      const screen = (x - offset) / Math.max(1e-9, depth[i] ?? 1);
      high = Math.max(high, screen);
      low = Math.min(low, screen);
    });
    return high + low;
  };
  let lo = across.reduce((m, x) => Math.min(m, x), Number.POSITIVE_INFINITY);
  let hi = across.reduce((m, x) => Math.max(m, x), Number.NEGATIVE_INFINITY);
  for (let k = 0; k < 60 && hi - lo > 1e-12; k++) {
    const mid = (lo + hi) / 2;
    if (imbalance(mid) > 0) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** Every vertex of the given geometries, as points for frameView (a case's parts: a few thousand at most). */
export function verticesOf(geometries: readonly BufferGeometry[]): Vector3[] {
  const out: Vector3[] = [];
  for (const geometry of geometries) {
    const position = geometry.getAttribute('position');
    if (!position) continue;
    for (let i = 0; i < position.count; i++) {
      out.push(new Vector3(position.getX(i), position.getY(i), position.getZ(i)));
    }
  }
  return out;
}
