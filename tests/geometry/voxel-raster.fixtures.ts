import { type BufferGeometry, Matrix4, Quaternion, SphereGeometry, Vector3 } from 'three';
import { mergeVertices } from 'three/addons/utils/BufferGeometryUtils.js';
import type { CasePart } from '../../src/geometry/phantom.ts';
import type { Lattice } from '../../src/geometry/voxel-raster.ts';
import type { TissueId } from '../../src/physics/tissue-ids.ts';

export type Vec3 = [number, number, number];
type Axes = [Vec3, Vec3, Vec3];

export function part(name: string, tissue: TissueId, geometry: BufferGeometry): CasePart {
  return { name, tissue, label: '', geometry };
}

/** A closed UV sphere: three's SphereGeometry has a seam and pole rings of coincident vertices; weld them. */
export function closedSphere(radius: number, widthSegments: number, heightSegments: number): BufferGeometry {
  const sphere = new SphereGeometry(radius, widthSegments, heightSegments);
  // The seam's two copies differ only in uv; drop uv so they merge. Tolerance far below the vertex spacing.
  sphere.deleteAttribute('uv');
  return mergeVertices(sphere, 1e-9);
}

function triangleCorners(geometry: BufferGeometry): number[] {
  const index = geometry.getIndex();
  const count = index ? index.count : geometry.getAttribute('position').count;
  return Array.from({ length: count }, (_, c) => (index ? index.getX(c) : c));
}

/**
 * True when, after welding vertices by exact position, every directed edge appears once and its reverse once:
 * closed, 2-manifold and consistently wound.
 */
export function isClosed(geometry: BufferGeometry): boolean {
  const position = geometry.getAttribute('position');
  const ids = new Map<string, number>();
  const weld = (v: number): number => {
    const key = `${position.getX(v)},${position.getY(v)},${position.getZ(v)}`;
    if (!ids.has(key)) ids.set(key, ids.size);
    return ids.get(key) as number;
  };
  const corners = triangleCorners(geometry).map(weld);
  const directed = new Map<string, number>();
  for (let t = 0; t < corners.length; t += 3) {
    for (let e = 0; e < 3; e++) {
      const key = `${corners[t + e]}>${corners[t + ((e + 1) % 3)]}`;
      directed.set(key, (directed.get(key) ?? 0) + 1);
    }
  }
  for (const [key, count] of directed) {
    const [a, b] = key.split('>');
    if (count !== 1 || directed.get(`${b}>${a}`) !== 1) return false;
  }
  return true;
}

/** Each triangle as three world points [m]. */
export function triangles(geometry: BufferGeometry): [Vector3, Vector3, Vector3][] {
  const position = geometry.getAttribute('position');
  const corners = triangleCorners(geometry);
  const out: [Vector3, Vector3, Vector3][] = [];
  for (let t = 0; t + 2 < corners.length; t += 3) {
    const [a, b, c] = [0, 1, 2].map((k) => new Vector3().fromBufferAttribute(position, corners[t + k] as number));
    out.push([a as Vector3, b as Vector3, c as Vector3]);
  }
  return out;
}

/** Signed volume of a closed mesh (divergence theorem) [m³]. */
export function meshVolume(geometry: BufferGeometry): number {
  return triangles(geometry).reduce((sum, [a, b, c]) => sum + a.dot(new Vector3().crossVectors(b, c)) / 6, 0);
}

/** The columns of a rotation: an orthonormal right-handed frame. */
export function rotatedAxes(quaternion: Quaternion): Axes {
  const m = new Matrix4().makeRotationFromQuaternion(quaternion.clone().normalize());
  return [0, 1, 2].map((i) => new Vector3().setFromMatrixColumn(m, i).toArray()) as Axes;
}

/** A lattice of the given axes, spacings and counts whose middle lies at `centre` [m]. */
export function centredLattice(centre: Vec3, axes: Axes, spacing: Vec3, counts: Vec3): Lattice {
  const origin = centre.map(
    (x, a) =>
      x -
      axes.reduce(
        (sum, axis, i) => sum + (axis[a] as number) * (spacing[i] as number) * ((counts[i] as number) - 1) * 0.5,
        0,
      ),
  ) as Vec3;
  return { origin, axes, spacing, counts };
}

/** Centre of voxel (i, j, k) [m]. */
export function voxelCentre(lattice: Lattice, i: number, j: number, k: number): Vec3 {
  const { origin, axes, spacing } = lattice;
  return [0, 1, 2].map(
    (a) =>
      (origin[a] as number) +
      i * spacing[0] * (axes[0][a] as number) +
      j * spacing[1] * (axes[1][a] as number) +
      k * spacing[2] * (axes[2][a] as number),
  ) as Vec3;
}

export interface BeamLatticeOptions {
  /** voxels across the beam, each way */
  lateralCount: number;
  /** voxels along the beam */
  axialCount: number;
  /** [m] */
  lateralSpacing: number;
  /** [m] */
  axialSpacing: number;
  /** the lattice runs from `before` ahead of the target to `beyond` past it, along the propagation [m] */
  before: number;
  beyond: number;
  /** rotation of the lateral axes about the beam axis [rad] */
  roll: number;
}

/**
 * A beam-aligned lattice: w = the propagation direction (from the transducer toward the target, i.e. the case's
 * beam direction reversed), u, v lateral, centred on the beam axis and, along w, on the middle of
 * [−before, +beyond] around the target.
 */
export function beamLattice(target: Vec3, beamDirection: Vec3, options: BeamLatticeOptions): Lattice {
  const w = new Vector3(...beamDirection).normalize().negate();
  const helper = Math.abs(w.z) < 0.9 ? new Vector3(0, 0, 1) : new Vector3(1, 0, 0);
  const u = new Vector3().crossVectors(helper, w).normalize().applyAxisAngle(w, options.roll);
  const v = new Vector3().crossVectors(w, u);
  const middle = new Vector3(...target).addScaledVector(w, (options.beyond - options.before) / 2);
  const { lateralCount: n, axialCount: m, lateralSpacing: d, axialSpacing: dz } = options;
  return centredLattice(
    middle.toArray() as Vec3,
    [u.toArray(), v.toArray(), w.toArray()] as Axes,
    [d, d, dz],
    [n, n, m],
  );
}

/** The lattice the brief asks to benchmark on the femur: 128 × 128 × 300 at 0.72 / 0.36 mm, −65 … +40 mm. */
export const BENCH_BEAM_LATTICE: BeamLatticeOptions = {
  lateralCount: 128,
  axialCount: 300,
  lateralSpacing: 0.72e-3,
  axialSpacing: 0.36e-3,
  before: 0.065,
  beyond: 0.04,
  roll: 0.3,
};

export const SOME_ROTATION = new Quaternion(0.3, -0.5, 0.2, 0.7).normalize();

/** A deterministic pseudo-random generator in [0, 1) (Park–Miller), so tests are reproducible. */
export function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 16807) % 2147483647;
    return state / 2147483647;
  };
}
