import { Box3, BoxGeometry, type BufferAttribute, OctahedronGeometry, Quaternion, Vector3 } from 'three';
import { mergeVertices } from 'three/addons/utils/BufferGeometryUtils.js';
import { MeshBVH } from 'three-mesh-bvh';
import { describe, expect, it } from 'vitest';
import { tissueRank } from '../../src/geometry/part-names.ts';
import type { CasePart } from '../../src/geometry/phantom.ts';
import { type Lattice, LatticeVoxeliser, latticeOfGrid, voxeliseLattice } from '../../src/geometry/voxel-raster.ts';
import { exactOrientSign, orient2d } from '../../src/geometry/voxel-raster-predicates.ts';
import type { TissueId } from '../../src/physics/tissue-ids.ts';
import { loadBundledCase } from '../fixtures/bundled-case.ts';
import {
  beamLattice,
  centredLattice,
  closedSphere,
  isClosed,
  meshVolume,
  part,
  rotatedAxes,
  SOME_ROTATION,
  seededRandom,
  triangles,
  type Vec3,
  voxelCentre,
} from './voxel-raster.fixtures.ts';

const WATER = 0;
const PHANTOMS = ['femur-shaft', 'iliac-wing', 'rib', 'bone-plate-validation'];

/** Every voxel (i, j, k) of a lattice with its linear index. */
function* voxels(lattice: Lattice): Generator<[number, number, number, number]> {
  const [nu, nv, nw] = lattice.counts;
  for (let k = 0; k < nw; k++)
    for (let j = 0; j < nv; j++) for (let i = 0; i < nu; i++) yield [i, j, k, i + nu * (j + nv * k)];
}

function diagonal(lattice: Lattice): number {
  return Math.hypot(...lattice.spacing);
}

describe('agreement with TissueModel on the bundled phantoms', () => {
  const grids = [
    { n: 41, spacing: 1e-3 },
    { n: 51, spacing: 0.8e-3 },
  ];
  for (const id of PHANTOMS) {
    it(`${id}: 41³ at 1 mm and 51³ at 0.8 mm around the target, every scan axis: ≥ 99.9 % identical labels, any difference within 1e-9 m of a surface`, async () => {
      const { state } = await loadBundledCase(id);
      const parts = state.loaded.parts;
      const voxeliser = new LatticeVoxeliser(parts);
      const surfaces = parts.map((p) => new MeshBVH(p.geometry));
      const target = state.loaded.meta.defaultTarget;
      for (const { n, spacing } of grids) {
        const grid = { nx: n, ny: n, nz: n, spacing, origin: target.map((x) => x - ((n - 1) / 2) * spacing) as Vec3 };
        const table: TissueId[] = [];
        const reference = state.model.voxelise(grid, table);
        const lattice = latticeOfGrid(grid);
        for (const scanAxis of [0, 1, 2] as const) {
          const { labels, openParts } = voxeliser.voxelise(lattice, table, { scanAxis });
          expect(openParts).toEqual(parts.map(() => false));
          const differing: number[] = [];
          for (const [i, j, k, index] of voxels(lattice)) {
            if (labels[index] === reference[index]) continue;
            const centre = new Vector3(...voxelCentre(lattice, i, j, k));
            differing.push(Math.min(...surfaces.map((bvh) => bvh.closestPointToPoint(centre)?.distance ?? Infinity)));
          }
          // Measured: 0 differences on every phantom, grid and axis.
          expect(differing.length).toBeLessThanOrEqual(0.001 * labels.length);
          for (const distance of differing) expect(distance).toBeLessThan(1e-9);
        }
      }
    });
  }

  it('femur: a rotated beam lattice (16 × 16 × 48) matches TissueModel.tissueAt at every voxel centre farther than 1e-9 m from a surface', async () => {
    const { state } = await loadBundledCase('femur-shaft');
    const { defaultTarget, defaultBeamDirection } = state.loaded.meta;
    const lattice = beamLattice(defaultTarget, defaultBeamDirection, {
      lateralCount: 16,
      axialCount: 48,
      lateralSpacing: 2.1e-3,
      axialSpacing: 1.7e-3,
      before: 0.05,
      beyond: 0.03,
      roll: 0.7,
    });
    const table: TissueId[] = [];
    const { labels, openParts } = voxeliseLattice(state.loaded.parts, lattice, table);
    expect(openParts.some(Boolean)).toBe(false);
    const surfaces = state.loaded.parts.map((p) => new MeshBVH(p.geometry));
    let differing = 0;
    for (const [i, j, k, index] of voxels(lattice)) {
      const centre = voxelCentre(lattice, i, j, k);
      if (table[labels[index] as number] === state.model.tissueAt(centre)) continue;
      const point = new Vector3(...centre);
      const distance = Math.min(...surfaces.map((bvh) => bvh.closestPointToPoint(point)?.distance ?? Infinity));
      expect(distance).toBeLessThan(1e-9);
      differing++;
    }
    expect(differing).toBe(0);
  });
});

// A 12 mm sphere (64 × 48 facets) and a 30 × 20 × 16 mm box around one centre, in a lattice rotated arbitrarily,
// with spacings 0.7, 0.9 and 0.5 mm.
const CENTRE: Vec3 = [0.001, -0.002, 0.0015];
const RADIUS = 0.012;
const BOX_SIZE: Vec3 = [0.03, 0.02, 0.016];
const sphere = closedSphere(RADIUS, 64, 48).translate(...CENTRE);
const box = new BoxGeometry(...BOX_SIZE).translate(...CENTRE);
const rotated = centredLattice(CENTRE, rotatedAxes(SOME_ROTATION), [0.7e-3, 0.9e-3, 0.5e-3], [58, 45, 81]);

/** Voxels labelled anything but water. */
function countInside(labels: Uint8Array): number {
  return labels.reduce((n, label) => n + (label === WATER ? 0 : 1), 0);
}

describe('a sphere and a box in a rotated lattice', () => {
  it('the test meshes are closed, 2-manifold and consistently wound', () => {
    expect(isClosed(sphere)).toBe(true);
    expect(isClosed(box)).toBe(true);
  });

  // Derivation. Label each point x of space by the voxel whose cell (the du × dv × dw box around a centre) holds
  // it; the labelled volume is the volume of points whose cell centre c(x) is inside. It differs from the solid's
  // volume V by (points outside with c(x) inside) − (points inside with c(x) outside), and |x − c(x)| ≤ h, the
  // half-diagonal. So both sets lie within h of the surface: the inner one in the inner shell (volume ≤ A·h for a
  // convex solid), the outer one in the outer shell (Steiner: A·h + M·h² + 4πh³/3, M the integrated mean
  // curvature: 4πr for a sphere, π(a + b + c) for a box). Hence |V_vox − V| ≤ A·h + M·h² + 4πh³/3 (rigorous,
  // ≈ 15 % here). For a curved surface in a generic rotation the two ends of each scan line's chord round
  // independently and uniformly, so the error is ±ΔV·√(N/6) (N lines meeting the solid); we also check 5σ of that
  // for the sphere. Flat faces round coherently across lines (a face nearly parallel to a lattice plane gains or
  // loses a whole layer), so only the rigorous bound holds for the box.
  it('sphere: labelled volume = mesh volume within ΔV·5√(N/6) (0.24 %), and = 4πr³/3 within A·h + M·h² + 4πh³/3 plus the faceting deficit', () => {
    const { labels, crossings } = voxeliseLattice([part('s', 'muscle', sphere)], rotated, []);
    const cell = rotated.spacing[0] * rotated.spacing[1] * rotated.spacing[2];
    const volume = countInside(labels) * cell;
    const exact = meshVolume(sphere);
    const lines = crossings / 2;
    expect(Math.abs(volume - exact)).toBeLessThan(5 * cell * Math.sqrt(lines / 6));
    const h = diagonal(rotated) / 2;
    const area = 4 * Math.PI * RADIUS ** 2;
    const steiner = area * h + 4 * Math.PI * RADIUS * h ** 2 + ((4 * Math.PI) / 3) * h ** 3;
    const analytic = (4 / 3) * Math.PI * RADIUS ** 3;
    expect(Math.abs(volume - analytic)).toBeLessThan(steiner + (analytic - exact));
    // The facets lie inside the sphere: the mesh is 0.27 % smaller.
    expect(analytic - exact).toBeGreaterThan(0);
  });

  it('box: labelled volume = a·b·c within A·h + M·h² + 4πh³/3', () => {
    const { labels } = voxeliseLattice([part('b', 'muscle', box)], rotated, []);
    const volume = countInside(labels) * rotated.spacing[0] * rotated.spacing[1] * rotated.spacing[2];
    const [a, b, c] = BOX_SIZE;
    const h = diagonal(rotated) / 2;
    const steiner = 2 * (a * b + b * c + c * a) * h + Math.PI * (a + b + c) * h ** 2 + ((4 * Math.PI) / 3) * h ** 3;
    expect(Math.abs(volume - a * b * c)).toBeLessThan(steiner);
  });

  it('sphere: every voxel farther than one voxel diagonal from the surface has the analytic label (|x − c| < r)', () => {
    for (const scanAxis of [0, 1, 2] as const) {
      const { labels } = voxeliseLattice([part('s', 'muscle', sphere)], rotated, [], { scanAxis });
      const margin = diagonal(rotated);
      let checked = 0;
      let wrong = 0;
      for (const [i, j, k, index] of voxels(rotated)) {
        const r = Math.hypot(...voxelCentre(rotated, i, j, k).map((x, a) => x - (CENTRE[a] as number)));
        if (Math.abs(r - RADIUS) <= margin) continue;
        if ((labels[index] !== WATER) !== r < RADIUS) wrong++;
        checked++;
      }
      expect(wrong).toBe(0);
      expect(checked).toBeGreaterThan(0.8 * labels.length);
    }
  });

  it('box: every voxel farther than 1e-12 m from a face has the analytic label (the mesh is the box exactly)', () => {
    const bounds = new Box3().setFromBufferAttribute(box.getAttribute('position') as BufferAttribute);
    const lo = bounds.min.toArray();
    const hi = bounds.max.toArray();
    for (const scanAxis of [0, 1, 2] as const) {
      const { labels } = voxeliseLattice([part('b', 'muscle', box)], rotated, [], { scanAxis });
      let wrong = 0;
      for (const [i, j, k, index] of voxels(rotated)) {
        const x = voxelCentre(rotated, i, j, k);
        // Signed distance to the box surface along the axes: > 0 inside.
        let depth = Number.POSITIVE_INFINITY;
        for (let a = 0; a < 3; a++) {
          depth = Math.min(depth, (x[a] as number) - (lo[a] as number), (hi[a] as number) - (x[a] as number));
        }
        if (Math.abs(depth) > 1e-12 && (labels[index] !== WATER) !== depth > 0) wrong++;
      }
      expect(wrong).toBe(0);
    }
  });
});

/** World point of an interface entry: on its line at its position along the scan axis (scan axis w). */
function crossingPoint(lattice: Lattice, line: number, position: number): Vector3 {
  const i = line % lattice.counts[0];
  const j = Math.floor(line / lattice.counts[0]);
  return new Vector3(...voxelCentre(lattice, i, j, 0)).addScaledVector(new Vector3(...lattice.axes[2]), position);
}

describe('surface normals at label changes', () => {
  it('sphere, smooth normals: within 1e-6 of the radial direction at the crossing; crossing between the two voxel centres', () => {
    const { interfaces } = voxeliseLattice([part('s', 'muscle', sphere)], rotated, [], { interfaces: true });
    if (!interfaces) throw new Error('interfaces asked for');
    const dw = rotated.spacing[2];
    expect(interfaces.step.length).toBeGreaterThan(1000);
    for (let line = 0; line < interfaces.lineCount; line++) {
      for (let e = interfaces.offsets[line] as number; e < (interfaces.offsets[line + 1] as number); e++) {
        const position = interfaces.position[e] as number;
        const step = interfaces.step[e] as number;
        expect(position).toBeGreaterThanOrEqual(step * dw);
        expect(position).toBeLessThan((step + 1) * dw);
        const radial = crossingPoint(rotated, line, position)
          .sub(new Vector3(...CENTRE))
          .normalize();
        const normal = new Vector3(...(interfaces.normalAt(line, step) as Vec3));
        expect(normal.distanceTo(radial)).toBeLessThan(1e-6);
      }
    }
  });

  it('sphere, face normals: within the largest angle between a facet normal and its vertices (≈ 0.059 rad)', () => {
    const facetAngle = Math.max(
      ...triangles(sphere).map(([a, b, c]) => {
        const n = new Vector3().crossVectors(b.clone().sub(a), c.clone().sub(a)).normalize();
        const centre = new Vector3(...CENTRE);
        return Math.max(...[a, b, c].map((v) => n.angleTo(v.clone().sub(centre))));
      }),
    );
    const { interfaces } = voxeliseLattice([part('s', 'muscle', sphere)], rotated, [], {
      interfaces: true,
      normals: 'face',
    });
    if (!interfaces) throw new Error('interfaces asked for');
    for (let line = 0; line < interfaces.lineCount; line++) {
      for (let e = interfaces.offsets[line] as number; e < (interfaces.offsets[line + 1] as number); e++) {
        const radial = crossingPoint(rotated, line, interfaces.position[e] as number).sub(new Vector3(...CENTRE));
        const normal = new Vector3(...(interfaces.normalAt(line, interfaces.step[e] as number) as Vec3));
        expect(normal.angleTo(radial)).toBeLessThanOrEqual(facetAngle + 1e-9);
      }
    }
  });

  it('box: exactly the outward face normal, smooth and face modes', () => {
    const bounds = new Box3().setFromBufferAttribute(box.getAttribute('position') as BufferAttribute);
    for (const normals of ['smooth', 'face'] as const) {
      const { interfaces } = voxeliseLattice([part('b', 'muscle', box)], rotated, [], { interfaces: true, normals });
      if (!interfaces) throw new Error('interfaces asked for');
      for (let line = 0; line < interfaces.lineCount; line++) {
        for (let e = interfaces.offsets[line] as number; e < (interfaces.offsets[line + 1] as number); e++) {
          const x = crossingPoint(rotated, line, interfaces.position[e] as number);
          // The face the crossing lies on: the nearest of the six planes.
          const gaps = [0, 1, 2].flatMap((a) => [
            { a, sign: -1, gap: Math.abs(x.getComponent(a) - bounds.min.getComponent(a)) },
            { a, sign: 1, gap: Math.abs(x.getComponent(a) - bounds.max.getComponent(a)) },
          ]);
          const face = gaps.reduce((best, g) => (g.gap < best.gap ? g : best));
          expect(face.gap).toBeLessThan(1e-12);
          const expected = [0, 0, 0];
          expected[face.a] = face.sign;
          expect(Array.from(interfaces.normals.subarray(3 * e, 3 * e + 3), (v) => v + 0)).toEqual(expected);
        }
      }
    }
  });

  it('there is exactly one entry per label change along the scan lines, and none elsewhere', () => {
    const parts = [part('s', 'cortical_bone', sphere), part('b', 'muscle', box)];
    const { labels, interfaces } = voxeliseLattice(parts, rotated, [], { interfaces: true });
    if (!interfaces) throw new Error('interfaces asked for');
    const [nu, nv, nw] = rotated.counts;
    let changes = 0;
    let mismatched = 0;
    for (let j = 0; j < nv; j++) {
      for (let i = 0; i < nu; i++) {
        const line = interfaces.lineOf(i, j, 0);
        for (let k = 0; k + 1 < nw; k++) {
          const changed = labels[i + nu * (j + nv * k)] !== labels[i + nu * (j + nv * (k + 1))];
          if ((interfaces.normalAt(line, k) !== undefined) !== changed) mismatched++;
          if (changed) changes++;
        }
      }
    }
    expect(mismatched).toBe(0);
    expect(changes).toBeGreaterThan(1000);
    expect(interfaces.step.length).toBe(changes);
  });
});

describe('watertight on shared edges and vertices', () => {
  // Spacing 0.5 m and a 2 m cube at (3, 3, 3) m: lattice coordinates are exact integers, so lattice lines run
  // exactly along the cube's edges and through its vertices, and its face diagonals pass through lattice points.
  const aligned: Lattice = {
    origin: [0, 0, 0],
    axes: [
      [1, 0, 0],
      [0, 1, 0],
      [0, 0, 1],
    ],
    spacing: [0.5, 0.5, 0.5],
    counts: [12, 13, 14],
  };

  it('box with faces on lattice lines: exact labels for every scan axis, half-open rule [lo, hi) across, (lo, hi] along', () => {
    const cube = part('c', 'muscle', new BoxGeometry(2, 3, 4).translate(3, 3, 3));
    const lo = [4, 3, 2];
    const hi = [8, 9, 10];
    for (const scanAxis of [0, 1, 2] as const) {
      const { labels, openParts } = voxeliseLattice([cube], aligned, [], { scanAxis });
      expect(openParts).toEqual([false]);
      for (const [i, j, k, index] of voxels(aligned)) {
        // Across the scan, the fixed perturbation (+ε, +ε²) of each line puts a line on the low face inside; along
        // it, a centre on a face counts as before the crossing.
        const inside = [i, j, k].every((c, a) =>
          a === scanAxis
            ? (lo[a] as number) < c && c <= (hi[a] as number)
            : (lo[a] as number) <= c && c < (hi[a] as number),
        );
        expect(labels[index] !== WATER).toBe(inside);
      }
    }
  });

  const HALF_SIZE = [1, 1.5, 2];
  it('box with faces half-way between lattice lines: exact labels for every scan axis', () => {
    const cube = part('c', 'muscle', new BoxGeometry(2, 3, 4).translate(3.25, 3.25, 3.25));
    for (const scanAxis of [0, 1, 2] as const) {
      const { labels } = voxeliseLattice([cube], aligned, [], { scanAxis });
      for (const [i, j, k, index] of voxels(aligned)) {
        const inside = [i, j, k].every((c, a) => Math.abs(c * 0.5 - 3.25) < (HALF_SIZE[a] as number));
        expect(labels[index] !== WATER).toBe(inside);
      }
    }
  });

  it('octahedron |x|+|y|+|z| ≤ 2 with vertices and edges on lattice lines: even parity, exact labels off the surface', () => {
    const octahedron = mergeVertices(new OctahedronGeometry(2).deleteAttribute('normal').deleteAttribute('uv'));
    expect(isClosed(octahedron)).toBe(true);
    const unit: Lattice = { ...aligned, origin: [-3, -3, -3], spacing: [1, 1, 1], counts: [7, 7, 7] };
    for (const scanAxis of [0, 1, 2] as const) {
      const { labels, openParts } = voxeliseLattice([part('o', 'muscle', octahedron)], unit, [], { scanAxis });
      expect(openParts).toEqual([false]);
      for (const [i, j, k, index] of voxels(unit)) {
        const taxicab = Math.abs(i - 3) + Math.abs(j - 3) + Math.abs(k - 3);
        if (taxicab !== 2) expect(labels[index] !== WATER).toBe(taxicab < 2);
      }
    }
  });

  it('200 random rotations with a lattice line exactly through a sphere vertex: parity even on every line', () => {
    const random = seededRandom(42);
    const vertices = sphere.getAttribute('position');
    const voxeliser = new LatticeVoxeliser([part('s', 'muscle', sphere)]);
    for (let trial = 0; trial < 200; trial++) {
      const axes = rotatedAxes(new Quaternion(random() - 0.5, random() - 0.5, random() - 0.5, random() - 0.5));
      const v = Math.floor(random() * vertices.count);
      // The lattice origin is a vertex: line 0 passes exactly through it whatever the rotation.
      const origin: Vec3 = [vertices.getX(v), vertices.getY(v), vertices.getZ(v)];
      const lattice: Lattice = { origin, axes, spacing: [1e-3, 1.3e-3, 0.4e-3], counts: [3, 3, 4] };
      const scanAxis = (trial % 3) as 0 | 1 | 2;
      expect(voxeliser.voxelise(lattice, [], { scanAxis }).openParts).toEqual([false]);
    }
  });
});

describe('priority rule for nested parts', () => {
  // A 6 × 4 × 9 mm lesion ellipsoid that sticks out of a 12 mm bone sphere, inside a 40 mm muscle box; parts given
  // lowest priority first to show that order does not matter.
  const lesionCentre: Vec3 = [0.008, 0.001, -0.002];
  const semiAxes: Vec3 = [0.006, 0.004, 0.009];
  const parts = [
    part('muscle', 'muscle', new BoxGeometry(0.04, 0.04, 0.04)),
    part('bone', 'cortical_bone', closedSphere(RADIUS, 64, 48)),
    part(
      'lesion',
      'lesion',
      closedSphere(1, 48, 32)
        .scale(...semiAxes)
        .translate(...lesionCentre),
    ),
  ];
  const lattice = centredLattice([0, 0, 0], rotatedAxes(SOME_ROTATION), [0.8e-3, 0.6e-3, 0.5e-3], [60, 75, 90]);

  it('lesion > cortical bone > muscle > water at every voxel farther than one voxel diagonal from every surface', () => {
    const table: TissueId[] = [];
    const { labels, openParts } = voxeliseLattice(parts, lattice, table);
    expect(openParts).toEqual([false, false, false]);
    const margin = diagonal(lattice);
    const seen = new Set<TissueId>();
    let wrong = 0;
    for (const [i, j, k, index] of voxels(lattice)) {
      const x = voxelCentre(lattice, i, j, k);
      const ellipsoid = Math.hypot(...x.map((v, a) => (v - (lesionCentre[a] as number)) / (semiAxes[a] as number)));
      const ball = Math.hypot(...x);
      const cube = Math.max(...x.map(Math.abs));
      const near =
        Math.abs(ellipsoid - 1) * Math.min(...semiAxes) <= margin ||
        Math.abs(ball - RADIUS) <= margin ||
        Math.abs(cube - 0.02) <= margin;
      if (near) continue;
      const expected: TissueId =
        ellipsoid < 1 ? 'lesion' : ball < RADIUS ? 'cortical_bone' : cube < 0.02 ? 'muscle' : 'water';
      if (table[labels[index] as number] !== expected) wrong++;
      seen.add(expected);
    }
    expect(wrong).toBe(0);
    expect(seen.size).toBe(4);
  });

  it('each label change reports the surface of the higher-priority tissue of its two sides', () => {
    const table: TissueId[] = [];
    const { labels, interfaces } = voxeliseLattice(parts, lattice, table, { interfaces: true });
    if (!interfaces) throw new Error('interfaces asked for');
    const [nu, nv] = lattice.counts;
    for (let line = 0; line < interfaces.lineCount; line++) {
      for (let e = interfaces.offsets[line] as number; e < (interfaces.offsets[line + 1] as number); e++) {
        const k = interfaces.step[e] as number;
        const before = table[labels[line + nu * nv * k] as number] as TissueId;
        const after = table[labels[line + nu * nv * (k + 1)] as number] as TissueId;
        const crossed = parts[interfaces.part[e] as number] as CasePart;
        expect(tissueRank(crossed.tissue)).toBe(Math.min(tissueRank(before), tissueRank(after)));
      }
    }
  });
});

describe('open meshes', () => {
  it('a box with its +z face removed: no throw, that part is flagged open, a closed part beside it is not', () => {
    const open = new BoxGeometry(0.01, 0.01, 0.01);
    const index = open.getIndex() as BufferAttribute;
    // BoxGeometry's faces come in the order +x, −x, +y, −y, +z, −z, two triangles each.
    open.setIndex(Array.from(index.array).filter((_, c) => c < 24 || c >= 30));
    expect(isClosed(open)).toBe(false);
    const parts = [
      part('open', 'muscle', open),
      part('ball', 'nerve', closedSphere(0.004, 32, 24).translate(0.012, 0, 0)),
    ];
    const lattice = centredLattice([0.004, 0, 0], rotatedAxes(SOME_ROTATION), [0.5e-3, 0.5e-3, 0.5e-3], [50, 50, 50]);
    for (const scanAxis of [0, 1, 2] as const) {
      const result = voxeliseLattice(parts, lattice, [], { scanAxis, interfaces: true });
      expect(result.openParts).toEqual([true, false]);
    }
  });

  it('rejects a lattice whose axes are not orthonormal', () => {
    const lattice = centredLattice([0, 0, 0], rotatedAxes(SOME_ROTATION), [1, 1, 1], [2, 2, 2]);
    const skew: Lattice['axes'] = [
      [1, 0, 0],
      [0.1, 1, 0],
      [0, 0, 1],
    ];
    expect(() => voxeliseLattice([], { ...lattice, axes: skew }, [])).toThrow(RangeError);
  });
});

describe('the exact orientation predicate', () => {
  it('has the exact sign on 20 000 nearly collinear points, is antisymmetric, and is zero only for a = b', () => {
    const random = seededRandom(7);
    for (let n = 0; n < 20_000; n++) {
      const a: [number, number] = [random() * 300 - 10, random() * 300 - 10];
      const b: [number, number] = [random() * 300 - 10, random() * 300 - 10];
      // A lattice point (integers) on or within rounding of the line through a and b.
      const t = random();
      const c =
        n % 2 === 0
          ? [Math.round(a[0] + t * (b[0] - a[0])), Math.round(a[1] + t * (b[1] - a[1]))]
          : [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])];
      const [cx, cy] = c as [number, number];
      const forward = orient2d(a[0], a[1], b[0], b[1], cx, cy);
      const backward = orient2d(b[0], b[1], a[0], a[1], cx, cy);
      expect(Math.sign(forward)).toBe(-Math.sign(backward));
      expect(forward).not.toBe(0);
      const exact = exactOrientSign(a[0], a[1], b[0], b[1], cx, cy);
      if (exact !== 0) expect(Math.sign(forward)).toBe(exact);
    }
    expect(orient2d(1, 2, 1, 2, 5, 5)).toBe(0);
  });

  it('breaks exact ties as if the point moved by (+ε, +ε²): on a vertical edge it goes right, on a horizontal one up', () => {
    // Upward edge x = 1: a point on it, moved right, is right of the edge (negative).
    expect(orient2d(1, 0, 1, 4, 1, 2)).toBeLessThan(0);
    // Rightward edge y = 1: moved up, the point is left of the edge (positive).
    expect(orient2d(0, 1, 4, 1, 2, 1)).toBeGreaterThan(0);
    // At a vertex of a triangle, exactly one of the fan of triangles around it claims the point.
    const fan = [
      [2, 0],
      [2, 2],
      [0, 2],
      [-2, 2],
      [-2, 0],
      [-2, -2],
      [0, -2],
      [2, -2],
    ] as const;
    let claims = 0;
    for (let f = 0; f < fan.length; f++) {
      const [bx, by] = fan[f] as readonly [number, number];
      const [cx, cy] = fan[(f + 1) % fan.length] as readonly [number, number];
      const w = [orient2d(bx, by, cx, cy, 0, 0), orient2d(cx, cy, 0, 0, 0, 0), orient2d(0, 0, bx, by, 0, 0)];
      if (w.every((x) => x > 0)) claims++;
    }
    expect(claims).toBe(1);
  });
});
