/**
 * Closed, outward-wound triangle-mesh builders. Every builder returns a watertight solid (after welding coincident
 * vertices by position): swept tubes with capped ends, ellipsoids with single-vertex poles, boxes.
 */
import { MeshBuilder, type MeshData } from './mesh';
import { add, combine, cross, dot, normalize, scale, sub, type Vec2, type Vec3 } from './vec';

/** Local section axes at one point of a sweep path: section coordinate (a, b) maps to origin + a·u + b·v. */
export interface SweepFrame {
  origin: Vec3;
  u: Vec3;
  v: Vec3;
}

export interface SweepOptions {
  /** Number of cross-sections along the path (≥ 2), at t = i / (rings − 1). */
  rings: number;
  frame: (t: number) => SweepFrame;
  /** Closed 2D outline, same point count at every t, counter-clockwise or clockwise (orientation is fixed later). */
  section: (t: number) => Vec2[];
  /**
   * End-cap triangulation: 'fan' from the outline's centroid (outline must be star-shaped about it), or 'strip' for an
   * outline of 2n points where point i faces point 2n − 1 − i (e.g. an annular sector: outer arc out, inner arc back).
   */
  cap?: 'fan' | 'strip';
}

/** A generalised cylinder: the section swept along a path, both ends capped with flat faces. */
export function sweep(opts: SweepOptions): MeshData {
  const { rings } = opts;
  if (rings < 2) throw new Error('sweep: need at least two rings');
  const b = new MeshBuilder();
  const ringPoints: Vec3[][] = [];
  let count = -1;
  for (let i = 0; i < rings; i++) {
    const t = i / (rings - 1);
    const f = opts.frame(t);
    const sec = opts.section(t);
    if (count < 0) count = sec.length;
    if (sec.length !== count || count < 3) throw new Error('sweep: section point count must be constant and ≥ 3');
    ringPoints.push(sec.map(([a, c]) => combine(f.origin, f.u, a, f.v, c)));
  }
  const n = count;
  const side = ringPoints.map((ring) => ring.map((p) => b.vertex(p)));
  for (let i = 0; i + 1 < rings; i++) {
    const r0 = side[i] ?? [];
    const r1 = side[i + 1] ?? [];
    for (let j = 0; j < n; j++) {
      const k = (j + 1) % n;
      const a0 = r0[j] ?? 0;
      const b0 = r0[k] ?? 0;
      const c1 = r1[k] ?? 0;
      const d1 = r1[j] ?? 0;
      b.triangle(a0, b0, c1);
      b.triangle(a0, c1, d1);
    }
  }
  const capRing = (pts: Vec3[], reverse: boolean): void => {
    // Separate vertices so the cap gets a flat normal; positions are the same numbers as the side ring's.
    const idx = pts.map((p) => b.vertex(p));
    const tri = (x: number, y: number, z: number): void => (reverse ? b.triangle(x, z, y) : b.triangle(x, y, z));
    const at = (j: number): number => idx[j] ?? 0;
    if ((opts.cap ?? 'fan') === 'fan') {
      let c: Vec3 = [0, 0, 0];
      for (const p of pts) c = add(c, p);
      const centre = b.vertex(scale(c, 1 / pts.length));
      for (let j = 0; j < n; j++) tri(centre, at((j + 1) % n), at(j));
    } else {
      if (n % 2 !== 0) throw new Error('sweep: strip cap needs an even point count');
      const h = n / 2;
      for (let i = 0; i + 1 < h; i++) {
        tri(at(i + 1), at(i), at(n - 1 - i));
        tri(at(i + 1), at(n - 1 - i), at(n - 2 - i));
      }
    }
  };
  capRing(ringPoints[0] ?? [], false);
  capRing(ringPoints[rings - 1] ?? [], true);
  return b.finish();
}

/** Frame along a path: tangent by central difference, u = `up` made perpendicular to it, v = tangent × u. */
export function pathFrame(path: (t: number) => Vec3, up: Vec3): (t: number) => SweepFrame {
  return (t) => {
    const h = 1e-4;
    const tangent = normalize(sub(path(Math.min(1, t + h)), path(Math.max(0, t - h))));
    const u = normalize(sub(up, scale(tangent, dot(up, tangent))));
    return { origin: path(t), u, v: cross(tangent, u) };
  };
}

/** Ellipse outline (semi-axes a along u, b along v), `segments` points, optional centre offset. */
export function ellipseSection(a: number, b: number, segments: number, offset: Vec2 = [0, 0]): Vec2[] {
  const out: Vec2[] = [];
  for (let j = 0; j < segments; j++) {
    const th = (2 * Math.PI * j) / segments;
    out.push([offset[0] + a * Math.cos(th), offset[1] + b * Math.sin(th)]);
  }
  return out;
}

/** Polar outline r(θ) (θ from +u toward +v). */
export function polarSection(radius: (theta: number) => number, segments: number): Vec2[] {
  const out: Vec2[] = [];
  for (let j = 0; j < segments; j++) {
    const th = (2 * Math.PI * j) / segments;
    const r = radius(th);
    out.push([r * Math.cos(th), r * Math.sin(th)]);
  }
  return out;
}

/** Superellipse |x/a|^p + |y/b|^p = 1 (p = 2 ellipse, larger p → rounded rectangle). */
export function superellipseSection(a: number, b: number, p: number, segments: number): Vec2[] {
  const out: Vec2[] = [];
  const e = 2 / p;
  for (let j = 0; j < segments; j++) {
    const th = (2 * Math.PI * j) / segments;
    const c = Math.cos(th);
    const s = Math.sin(th);
    out.push([a * Math.sign(c) * Math.abs(c) ** e, b * Math.sign(s) * Math.abs(s) ** e]);
  }
  return out;
}

/** Straight solid cylinder (elliptic section a × b, a along `uRef` made perpendicular to the axis). */
export function cylinder(
  start: Vec3,
  end: Vec3,
  a: number,
  b: number,
  segments: number,
  uRef: Vec3 = [1, 0, 0],
): MeshData {
  const axis = sub(end, start);
  return sweep({
    rings: 2,
    frame: pathFrame((t) => add(start, scale(axis, t)), uRef),
    section: () => ellipseSection(a, b, segments),
  });
}

/** Solid ellipsoid: semi-axes `semi` along the orthonormal `axes` (the third is the pole axis). */
export function ellipsoid(
  centre: Vec3,
  axes: readonly [Vec3, Vec3, Vec3],
  semi: readonly [number, number, number],
  segments: number,
  stacks: number,
): MeshData {
  const [e1, e2, e3] = axes;
  const b = new MeshBuilder();
  const top = b.vertex(add(centre, scale(e3, semi[2])));
  const ringIdx: number[][] = [];
  for (let k = 1; k < stacks; k++) {
    const phi = (Math.PI * k) / stacks;
    const ring: number[] = [];
    for (let j = 0; j < segments; j++) {
      const th = (2 * Math.PI * j) / segments;
      const p = add(
        combine(centre, e1, semi[0] * Math.sin(phi) * Math.cos(th), e2, semi[1] * Math.sin(phi) * Math.sin(th)),
        scale(e3, semi[2] * Math.cos(phi)),
      );
      ring.push(b.vertex(p));
    }
    ringIdx.push(ring);
  }
  const bottom = b.vertex(sub(centre, scale(e3, semi[2])));
  const at = (k: number, j: number): number => ringIdx[k]?.[((j % segments) + segments) % segments] ?? 0;
  for (let j = 0; j < segments; j++) b.triangle(top, at(0, j), at(0, j + 1));
  for (let k = 0; k + 1 < ringIdx.length; k++) {
    for (let j = 0; j < segments; j++) {
      b.triangle(at(k, j), at(k + 1, j), at(k + 1, j + 1));
      b.triangle(at(k, j), at(k + 1, j + 1), at(k, j + 1));
    }
  }
  const last = ringIdx.length - 1;
  for (let j = 0; j < segments; j++) b.triangle(bottom, at(last, j + 1), at(last, j));
  return b.finish();
}

/** Sphere: an ellipsoid with equal semi-axes. */
export function sphere(centre: Vec3, radius: number, segments: number, stacks: number): MeshData {
  return ellipsoid(
    centre,
    [
      [1, 0, 0],
      [0, 0, -1],
      [0, 1, 0],
    ],
    [radius, radius, radius],
    segments,
    stacks,
  );
}

/** Axis-aligned solid box (flat faces, 24 vertices). */
export function box(centre: Vec3, size: Vec3): MeshData {
  const b = new MeshBuilder();
  const h = scale(size, 0.5);
  const faces: [Vec3, Vec3, Vec3][] = [
    [
      [1, 0, 0],
      [0, 1, 0],
      [0, 0, 1],
    ],
    [
      [0, 1, 0],
      [0, 0, 1],
      [1, 0, 0],
    ],
    [
      [0, 0, 1],
      [1, 0, 0],
      [0, 1, 0],
    ],
  ];
  for (const [n, u, v] of faces) {
    for (const sgn of [1, -1]) {
      // n, u, v right-handed: (u, v) counter-clockwise seen from +n; mirror u for the −n face.
      const nn = scale(n, sgn);
      const uu = scale(u, sgn);
      const corner = (su: number, sv: number): number =>
        b.vertex([
          centre[0] + nn[0] * h[0] + uu[0] * su * h[0] + v[0] * sv * h[0],
          centre[1] + nn[1] * h[1] + uu[1] * su * h[1] + v[1] * sv * h[1],
          centre[2] + nn[2] * h[2] + uu[2] * su * h[2] + v[2] * sv * h[2],
        ]);
      const c0 = corner(-1, -1);
      const c1 = corner(1, -1);
      const c2 = corner(1, 1);
      const c3 = corner(-1, 1);
      b.triangle(c0, c1, c2);
      b.triangle(c0, c2, c3);
    }
  }
  return b.finish();
}

/**
 * Torus segment: a tube of radius `tube` along a circular arc of radius `major` around `centre`, in the plane
 * spanned by `e1`, `e2` (orthonormal), from angle `from` to `to` [rad], ends capped. With a solid tube this is a
 * loop of bowel, a curved vessel, etc.
 */
export function torusSegment(
  centre: Vec3,
  e1: Vec3,
  e2: Vec3,
  major: number,
  tube: number,
  from: number,
  to: number,
  rings: number,
  segments: number,
): MeshData {
  const normal = cross(e1, e2);
  return sweep({
    rings,
    frame: (t) => {
      const a = from + (to - from) * t;
      const radial: Vec3 = combine([0, 0, 0], e1, Math.cos(a), e2, Math.sin(a));
      return { origin: add(centre, scale(radial, major)), u: normal, v: radial };
    },
    section: () => ellipseSection(tube, tube, segments),
  });
}

/**
 * Curved slab: the region between radii `inner` and `outer` of a cylinder of axis `axis` through `centre`, over the
 * angular range ±`halfAngle` about `mid` (unit, ⊥ axis), from `axis`-coordinate z0 to z1. A block of chest wall.
 */
export function curvedSlab(
  centre: Vec3,
  axis: Vec3,
  mid: Vec3,
  inner: number,
  outer: number,
  halfAngle: number,
  z0: number,
  z1: number,
  segments: number,
): MeshData {
  const side = cross(axis, mid);
  const outline: Vec2[] = [];
  for (let j = 0; j < segments; j++) {
    const a = -halfAngle + (2 * halfAngle * j) / (segments - 1);
    outline.push([outer * Math.sin(a), outer * Math.cos(a)]);
  }
  for (let j = segments - 1; j >= 0; j--) {
    const a = -halfAngle + (2 * halfAngle * j) / (segments - 1);
    outline.push([inner * Math.sin(a), inner * Math.cos(a)]);
  }
  return sweep({
    rings: 2,
    cap: 'strip',
    frame: (t) => ({ origin: add(centre, scale(axis, z0 + (z1 - z0) * t)), u: side, v: mid }),
    section: () => outline,
  });
}
