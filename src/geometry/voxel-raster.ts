import type { BufferGeometry } from 'three';
import type { TissueId } from '../physics/tissue-ids.ts';
import { BACKGROUND_TISSUE, tissueRank } from './part-names.ts';
import type { CasePart } from './phantom.ts';
import type { VoxelGrid } from './tissue-model.ts';
import { CrossingBuffer, type ProjectedMesh, rasterisePart } from './voxel-raster-crossings.ts';
import { InterfaceRecorder, type LatticeInterfaces } from './voxel-raster-interfaces.ts';
import { type SurfaceNormals, sweepLines } from './voxel-raster-sweep.ts';

export { LatticeInterfaces } from './voxel-raster-interfaces.ts';
export type { SurfaceNormals } from './voxel-raster-sweep.ts';

type Vec3 = readonly [number, number, number];

/**
 * A voxel lattice with any orientation. Voxel (i, j, k) has its centre at origin + i·du·u + j·dv·v + k·dw·w and
 * linear index i + nu·(j + nv·k).
 */
export interface Lattice {
  /** centre of voxel (0, 0, 0) [m] */
  origin: Vec3;
  /** u, v, w: orthonormal unit vectors (world frame) */
  axes: readonly [Vec3, Vec3, Vec3];
  /** (du, dv, dw) [m] */
  spacing: Vec3;
  /** (nu, nv, nw) voxels */
  counts: Vec3;
}

/** The lattice axis the scan lines run along: 0 = u, 1 = v, 2 = w. */
export type ScanAxis = 0 | 1 | 2;

export interface LatticeVoxeliseOptions {
  /** Scan lines run along this axis (default 2, w: the beam axis, so lines are long and few). */
  scanAxis?: ScanAxis;
  /** Also return the surface normal at every label change along the scan lines (default false). */
  interfaces?: boolean;
  /**
   * Which normal to report (default 'smooth'): 'smooth' interpolates the part's NORMAL attribute at the crossing
   * (the surface the mesh stands for: exactly radial on a sphere whose vertex normals are radial), 'face' is the
   * flat triangle's normal. Parts without a NORMAL attribute always give the face normal.
   */
  normals?: SurfaceNormals;
  /**
   * Write the labels into this array (length nu·nv·nw, every entry overwritten) instead of allocating one, so
   * repeated calls for new poses reuse one buffer.
   */
  into?: Uint8Array;
}

export interface LatticeLabelling {
  /** One label per voxel, an index into the tissue table; linear index i + nu·(j + nv·k). */
  labels: Uint8Array;
  /**
   * Per part (constructor order): true when some scan line met the part an odd number of times, which a closed
   * mesh never does (exact predicates). Then the mesh is open; its labels are unreliable on those lines.
   */
  openParts: boolean[];
  /** The label changes along the scan lines, when `interfaces` was asked for. */
  interfaces: LatticeInterfaces | undefined;
  /** (triangle, line) crossings found, all parts: a measure of the work done. */
  crossings: number;
}

/** A part's mesh read once from its BufferGeometry, in double precision. */
interface SolidMesh {
  tissue: TissueId;
  rank: number;
  /** world positions, 3 per vertex [m] */
  position: Float64Array;
  /** vertex normals, 3 per vertex, when the geometry has them */
  normal: Float64Array | undefined;
  /** three vertex indices per triangle */
  index: Uint32Array;
}

function readMesh(part: CasePart): SolidMesh {
  const geometry: BufferGeometry = part.geometry;
  const positions = geometry.getAttribute('position');
  const count = positions.count;
  const position = new Float64Array(3 * count);
  for (let v = 0; v < count; v++) {
    position[3 * v] = positions.getX(v);
    position[3 * v + 1] = positions.getY(v);
    position[3 * v + 2] = positions.getZ(v);
  }
  const normals = geometry.getAttribute('normal');
  let normal: Float64Array | undefined;
  if (normals !== undefined && normals.count === count && normals.itemSize === 3) {
    normal = new Float64Array(3 * count);
    for (let v = 0; v < count; v++) {
      normal[3 * v] = normals.getX(v);
      normal[3 * v + 1] = normals.getY(v);
      normal[3 * v + 2] = normals.getZ(v);
    }
  }
  const source = geometry.getIndex();
  const corners = source ? source.count : count;
  const index = new Uint32Array(corners - (corners % 3));
  for (let c = 0; c < index.length; c++) index[c] = source ? source.getX(c) : c;
  return { tissue: part.tissue, rank: tissueRank(part.tissue), position, normal, index };
}

const AXIS_TOLERANCE = 1e-9;

function checkLattice(lattice: Lattice): void {
  const { origin, axes, spacing, counts } = lattice;
  for (const n of counts) {
    if (!Number.isInteger(n) || n < 1) throw new RangeError(`Lattice counts must be positive integers: ${counts}`);
  }
  if (counts[0] * counts[1] * counts[2] > 2 ** 31 - 1) throw new RangeError(`Lattice too large: ${counts}`);
  for (const d of spacing) {
    if (!(d > 0 && Number.isFinite(d))) throw new RangeError(`Lattice spacings must be positive [m]: ${spacing}`);
  }
  if (!origin.every(Number.isFinite)) throw new RangeError(`Lattice origin must be finite [m]: ${origin}`);
  for (let a = 0; a < 3; a++) {
    for (let b = a; b < 3; b++) {
      const x = axes[a] as Vec3;
      const y = axes[b] as Vec3;
      const dot = x[0] * y[0] + x[1] * y[1] + x[2] * y[2];
      if (!(Math.abs(dot - (a === b ? 1 : 0)) <= AXIS_TOLERANCE)) {
        throw new RangeError('Lattice axes must be orthonormal unit vectors');
      }
    }
  }
}

/** The world-axis-aligned lattice of a TissueModel VoxelGrid (same voxel centres and indices). */
export function latticeOfGrid(grid: VoxelGrid): Lattice {
  const { nx, ny, nz, spacing, origin } = grid;
  return {
    origin,
    axes: [
      [1, 0, 0],
      [0, 1, 0],
      [0, 0, 1],
    ],
    spacing: [spacing, spacing, spacing],
    counts: [nx, ny, nz],
  };
}

/**
 * Labels oriented voxel lattices by rasterising each part's triangles onto the lattice's scan lines (the lines
 * along one lattice axis through the voxel centres), then filling each line between sorted crossings. Same rule
 * as TissueModel: the tissue at a voxel centre is that of the highest-priority part containing it (tissueRank),
 * else the water bath; inside/outside by crossing parity of the part's closed mesh. Cost grows with triangles ×
 * covered lines + voxels. Build once per case; each call only transforms vertices and rasterises.
 *
 * Exactness: a line's crossings with a part come from exact side tests with one consistent tie-break, so a line
 * through a shared edge or vertex counts once and the parity on a closed mesh is exact. A voxel centre exactly on a
 * surface counts as before the crossing (the crossing must lie strictly before the centre along the scan axis to
 * count), as in TissueModel.voxelise. Vertex coordinates and crossing positions are rounded (~1e-16 relative), so
 * only centres within ~1e-12 voxel of a surface can go either way.
 *
 * Open meshes: nothing throws, but a line that meets a part an odd number of times leaves that part "inside" from
 * its last crossing to the end of the line, so labels past a hole are wrong; openParts flags such parts.
 */
export class LatticeVoxeliser {
  private readonly solids: SolidMesh[];
  private readonly crossings = new CrossingBuffer();
  private readonly scratch: ProjectedMesh;

  constructor(parts: readonly CasePart[]) {
    this.solids = parts.map(readMesh);
    const largest = Math.max(0, ...this.solids.map((solid) => solid.position.length / 3));
    this.scratch = {
      p: new Float64Array(largest),
      q: new Float64Array(largest),
      s: new Float64Array(largest),
      index: new Uint32Array(0),
    };
  }

  /**
   * Labels every voxel centre of the lattice with an index into `tissueTable`, adding missing tissues to it (the
   * background first, then the parts' tissues by priority, as TissueModel.voxelise does).
   */
  voxelise(lattice: Lattice, tissueTable: TissueId[], options: LatticeVoxeliseOptions = {}): LatticeLabelling {
    checkLattice(lattice);
    const scanAxis = options.scanAxis ?? 2;
    const [pAxis, qAxis] = scanAxis === 0 ? [1, 2] : scanAxis === 1 ? [0, 2] : [0, 1];
    const { counts, spacing } = lattice;
    const np = counts[pAxis] as number;
    const nq = counts[qAxis] as number;

    const indexOf = (tissue: TissueId): number => {
      let index = tissueTable.indexOf(tissue);
      if (index < 0) index = tissueTable.push(tissue) - 1;
      if (index > 255) throw new RangeError('More than 256 tissues do not fit in Uint8 labels');
      return index;
    };
    const background = indexOf(BACKGROUND_TISSUE);
    const byPriority = [...this.solids].sort((a, b) => a.rank - b.rank);
    for (const solid of byPriority) indexOf(solid.tissue);

    this.crossings.clear();
    this.solids.forEach((solid, part) => {
      this.project(solid, lattice, pAxis, qAxis, scanAxis);
      rasterisePart(this.scratch, part, np, nq, this.crossings);
    });

    const voxels = counts[0] * counts[1] * counts[2];
    if (options.into && options.into.length !== voxels) {
      throw new RangeError(`Label buffer holds ${options.into.length} voxels, the lattice ${voxels}`);
    }
    const labels = options.into ?? new Uint8Array(voxels);
    const recorder = options.interfaces ? new InterfaceRecorder(np * nq) : undefined;
    const openParts = sweepLines({
      crossings: this.crossings,
      solids: this.solids.map((solid) => ({ ...solid, label: tissueTable.indexOf(solid.tissue) })),
      background: { label: background, rank: tissueRank(BACKGROUND_TISSUE) },
      lines: { np, nq, ns: counts[scanAxis] as number },
      strides: strides(counts, pAxis, qAxis, scanAxis),
      labels,
      recorder,
      normals: options.normals ?? 'smooth',
      scanSpacing: spacing[scanAxis] as number,
    });
    return {
      labels,
      openParts,
      interfaces: recorder?.finish(scanAxis, counts),
      crossings: this.crossings.length,
    };
  }

  /** The solid's vertices in lattice coordinates [voxels] along the two in-plane axes and the scan axis. */
  private project(solid: SolidMesh, lattice: Lattice, pAxis: number, qAxis: number, scanAxis: number): void {
    const { p, q, s } = this.scratch;
    this.scratch.index = solid.index;
    const [ox, oy, oz] = lattice.origin;
    const [px, py, pz] = lattice.axes[pAxis] as Vec3;
    const [qx, qy, qz] = lattice.axes[qAxis] as Vec3;
    const [sx, sy, sz] = lattice.axes[scanAxis] as Vec3;
    const dp = lattice.spacing[pAxis] as number;
    const dq = lattice.spacing[qAxis] as number;
    const ds = lattice.spacing[scanAxis] as number;
    const position = solid.position;
    const count = position.length / 3;
    for (let v = 0; v < count; v++) {
      // Identical positions (vertices duplicated at hard edges) map to identical coordinates, so the rasteriser
      // sees one closed surface even where the index does not share vertices. Division, not a reciprocal, so
      // round coordinates on round spacings stay exact.
      const x = (position[3 * v] as number) - ox;
      const y = (position[3 * v + 1] as number) - oy;
      const z = (position[3 * v + 2] as number) - oz;
      p[v] = (x * px + y * py + z * pz) / dp;
      q[v] = (x * qx + y * qy + z * qz) / dq;
      s[v] = (x * sx + y * sy + z * sz) / ds;
    }
  }
}

/** Linear-index strides of the in-plane axes and the scan axis. */
function strides(counts: Vec3, pAxis: number, qAxis: number, scanAxis: number): { p: number; q: number; s: number } {
  const byAxis = [1, counts[0], counts[0] * counts[1]];
  return { p: byAxis[pAxis] as number, q: byAxis[qAxis] as number, s: byAxis[scanAxis] as number };
}

/** One-off labelling; build a LatticeVoxeliser to label many lattices of one case. */
export function voxeliseLattice(
  parts: readonly CasePart[],
  lattice: Lattice,
  tissueTable: TissueId[],
  options: LatticeVoxeliseOptions = {},
): LatticeLabelling {
  return new LatticeVoxeliser(parts).voxelise(lattice, tissueTable, options);
}
