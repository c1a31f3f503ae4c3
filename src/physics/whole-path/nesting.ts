import { type VoxelGrid, voxelCount } from '../grid.ts';
import { scratchF64, scratchI32 } from '../scratch.ts';
import type { BoundaryDriver } from '../thermal-run.ts';
import type { BeamFrame } from './frame.ts';

/**
 * One-way nesting of a fine world grid (the focal region) inside the coarse beam-frame grid of the whole path: the
 * fine grid's Dirichlet faces take the coarse temperature rise at their ghost points (one fine voxel beyond each
 * boundary face), interpolated trilinearly in space and linearly in time. The coarse run goes first and records the
 * ghost values at each of its steps; the fine run reads them. The coarse grid already holds the focal heat (more
 * smoothly), so the heat that leaves the fine region is what the coarse grid says is there.
 */
export interface Nesting {
  /** boundary faces of the fine grid */
  readonly faces: number;
  /** fine voxel of each face: ascending, a voxel's faces one after another (nestGrids lists them voxel by voxel) */
  readonly voxel: Int32Array;
  /** Dirichlet conductance of each face: the fine voxel's k [W/m/K] (as prepareBioheat) */
  readonly conductance: Float64Array;
  /**
   * Per face, the coarse voxel at the low corner of the cell its ghost point lies in, or −1 when part of that cell
   * lies outside the coarse grid (the face is then one of `edge`'s). 28 bytes a face instead of 8 corners and 8
   * weights (96): a record streams the coarse grid's rise right after a heat step has streamed everything else, and
   * its own arrays were most of what it read.
   */
  readonly cell: Int32Array;
  /** per face, the ghost point's place in its cell along x, y and z (0..1) */
  readonly fraction: Float64Array;
  /** coarse index steps along y (nx) and z (nx·ny) */
  readonly strideY: number;
  readonly strideZ: number;
  /** the faces whose cell is cut by the coarse grid's edge: 8 coarse indices each (−1 outside) and their weights */
  readonly edge: { readonly faces: Int32Array; readonly corners: Int32Array; readonly weights: Float64Array };
}

/**
 * @param fine - the nested world grid
 * @param fineConductivity - per fine voxel k [W/m/K]
 * @param coarse - the coarse grid, in beam-frame coordinates
 * @param frame - the beam frame
 * @returns the faces and how to sample them
 */
export function nestGrids(
  fine: VoxelGrid,
  fineConductivity: Float64Array,
  coarse: VoxelGrid,
  frame: BeamFrame,
): Nesting {
  const { nx, ny, nz, spacing, origin } = fine;
  const faces = 2 * (nx * ny + ny * nz + nx * nz);
  const voxel = scratchI32(faces);
  const conductance = scratchF64(faces);
  const cell = scratchI32(faces);
  const fraction = scratchF64(3 * faces);
  const edgeFaces: number[] = [];
  const edgeCorners: number[] = [];
  const edgeWeights: number[] = [];
  const { origin: o, u, v: vAxis, w } = frame;
  const h = coarse.spacing;
  let face = 0;
  // No closures in the loops: this runs for every boundary face of the fine grid.
  const addFace = (v: number, gx: number, gy: number, gz: number): void => {
    voxel[face] = v;
    conductance[face] = fineConductivity[v] as number;
    const px = gx - o[0];
    const py = gy - o[1];
    const pz = gz - o[2];
    const fx = (px * u[0] + py * u[1] + pz * u[2] - coarse.origin[0]) / h;
    const fy = (px * vAxis[0] + py * vAxis[1] + pz * vAxis[2] - coarse.origin[1]) / h;
    const fz = (px * w[0] + py * w[1] + pz * w[2] - coarse.origin[2]) / h;
    const bx = Math.floor(fx);
    const by = Math.floor(fy);
    const bz = Math.floor(fz);
    const tx = fx - bx;
    const ty = fy - by;
    const tz = fz - bz;
    fraction[3 * face] = tx;
    fraction[3 * face + 1] = ty;
    fraction[3 * face + 2] = tz;
    const whole = bx >= 0 && by >= 0 && bz >= 0 && bx + 1 < coarse.nx && by + 1 < coarse.ny && bz + 1 < coarse.nz;
    cell[face] = whole ? bx + coarse.nx * (by + coarse.ny * bz) : -1;
    if (!whole) {
      edgeFaces.push(face);
      for (let c = 0; c < 8; c++) {
        const ox = c & 1;
        const oy = (c >> 1) & 1;
        const oz = (c >> 2) & 1;
        const ix = bx + ox;
        const iy = by + oy;
        const iz = bz + oz;
        const inside = ix >= 0 && iy >= 0 && iz >= 0 && ix < coarse.nx && iy < coarse.ny && iz < coarse.nz;
        edgeCorners.push(inside ? ix + coarse.nx * (iy + coarse.ny * iz) : -1);
        edgeWeights.push(inside ? (ox ? tx : 1 - tx) * (oy ? ty : 1 - ty) * (oz ? tz : 1 - tz) : 0);
      }
    }
    face++;
  };
  // One flat loop, (i, j, k) followed along (src/physics/CONTEXT.md, "Loops").
  let i = 0;
  let j = 0;
  let k = 0;
  for (let v = 0, count = nx * ny * nz; v < count; v++) {
    const x = origin[0] + i * spacing;
    const y = origin[1] + j * spacing;
    const z = origin[2] + k * spacing;
    if (i === 0) addFace(v, x - spacing, y, z);
    if (i === nx - 1) addFace(v, x + spacing, y, z);
    if (j === 0) addFace(v, x, y - spacing, z);
    if (j === ny - 1) addFace(v, x, y + spacing, z);
    if (k === 0) addFace(v, x, y, z - spacing);
    if (k === nz - 1) addFace(v, x, y, z + spacing);
    if (++i === nx) {
      i = 0;
      if (++j === ny) {
        j = 0;
        k++;
      }
    }
  }
  return {
    faces,
    voxel,
    conductance,
    cell,
    fraction,
    strideY: coarse.nx,
    strideZ: coarse.nx * coarse.ny,
    edge: {
      faces: Int32Array.from(edgeFaces),
      corners: Int32Array.from(edgeCorners),
      weights: Float64Array.from(edgeWeights),
    },
  };
}

/**
 * The coarse rise at every ghost point, recorded after each coarse step; replayed to the fine run as a
 * BoundaryDriver (linear in time between the recorded steps). A fine run declared forward-only never reads a record
 * it has passed again, so its array is taken back for the next record (a plan's coarse run records ≈ 1500 steps of
 * 16k faces, 190 MB when every record was kept to the end; now about two spots' worth live). Any other run keeps
 * every record: a sonication runs its heat a second time when its hottest voxel was not recorded.
 */
export class GhostHistory {
  private readonly times: number[] = [];
  private readonly values: Float64Array[] = [];
  /** arrays of records the fine run has passed, for the next records */
  private readonly spare: Float64Array[] = [];
  /** records before this index have been passed and their arrays taken back */
  private passed = 0;

  constructor(private readonly nesting: Nesting) {}

  /**
   * @param time - [s]
   * @param coarseRise - ΔT of the coarse grid [K]
   */
  record(time: number, coarseRise: ArrayLike<number>): void {
    const out = this.spare.pop() ?? new Float64Array(this.nesting.faces);
    sampleGhosts(out, this.nesting, coarseRise);
    this.times.push(time);
    this.values.push(out);
  }

  /** Takes back the arrays of the records before `index` (the fine run has passed them). */
  private pass(index: number): void {
    for (; this.passed < index; this.passed++) {
      this.spare.push(this.values[this.passed] as Float64Array);
      this.values[this.passed] = PASSED;
    }
  }

  /**
   * @param fine - the fine grid
   * @param options - `forwardOnly`: the fine run's time only grows (a plan's sequence), so the records it passes are
   *   recycled and going back to one is refused; otherwise every record is kept and may be read again
   * @returns the boundary driver of the fine run
   */
  driver(fine: VoxelGrid, options: { forwardOnly?: boolean } = {}): BoundaryDriver {
    const forwardOnly = options.forwardOnly === true;
    const source = scratchF64(voxelCount(fine));
    const { faces, voxel, conductance } = this.nesting;
    // A voxel's faces are consecutive: each voxel's source is summed from 0 over its faces in a local and written
    // once (the same additions, in face order, as clearing it and adding into it), and the voxels are the runs.
    const runs: number[] = [];
    for (let f = 0; f < faces; f++) {
      if (f > 0 && (voxel[f] as number) <= (voxel[f - 1] as number)) {
        if (voxel[f] !== voxel[f - 1]) throw new RangeError('GhostHistory: faces must be listed voxel by voxel');
        continue;
      }
      runs.push(f);
    }
    runs.push(faces);
    const voxels = Int32Array.from(runs.slice(0, -1), (f) => voxel[f] as number);
    const runStart = Int32Array.from(runs);
    let cursor = 0;
    return {
      source,
      voxels,
      update: (time: number) => {
        const times = this.times;
        if (times.length === 0) {
          for (let r = 0; r < voxels.length; r++) source[voxels[r] as number] = 0;
          return;
        }
        while (cursor + 1 < times.length && (times[cursor + 1] as number) <= time) cursor++;
        while (cursor > 0 && (times[cursor] as number) > time) cursor--;
        // A forward-only run's records behind it are taken back, and going back to one is a mistake.
        if (forwardOnly) {
          if (cursor < this.passed)
            throw new RangeError('GhostHistory: the fine run went back before a record it passed');
          this.pass(cursor);
        }
        const a = this.values[cursor] as Float64Array;
        const next = cursor + 1 < times.length ? cursor + 1 : cursor;
        const b = this.values[next] as Float64Array;
        const span = (times[next] as number) - (times[cursor] as number);
        const t = span > 0 ? Math.min(1, Math.max(0, (time - (times[cursor] as number)) / span)) : 0;
        for (let r = 0; r < voxels.length; r++) {
          let sum = 0;
          for (let f = runStart[r] as number, end = runStart[r + 1] as number; f < end; f++) {
            const ghost = (1 - t) * (a[f] as number) + t * (b[f] as number);
            sum = sum + (conductance[f] as number) * ghost;
          }
          source[voxels[r] as number] = sum;
        }
      },
    };
  }
}

/** Stands for a record whose array was taken back. */
const PASSED = new Float64Array(0);

/**
 * out[f] = Σ over its cell's 8 corners of the trilinear weight × coarse rise, corners in the order x fastest, then
 * y, then z, each weight the product (x · y) · z: the arithmetic of 8 stored corners and weights, to the bit. A corner
 * outside the coarse grid adds nothing (the edge faces).
 */
function sampleGhosts(out: Float64Array, nesting: Nesting, rise: ArrayLike<number>): void {
  const { faces, cell, fraction, strideY: sy, strideZ: sz, edge } = nesting;
  for (let f = 0; f < faces; f++) {
    const b = cell[f] as number;
    if (b < 0) continue;
    const tx = fraction[3 * f] as number;
    const ty = fraction[3 * f + 1] as number;
    const tz = fraction[3 * f + 2] as number;
    const sx = 1 - tx;
    const sy0 = 1 - ty;
    const sz0 = 1 - tz;
    let sum = 0;
    sum += sx * sy0 * sz0 * (rise[b] as number);
    sum += tx * sy0 * sz0 * (rise[b + 1] as number);
    sum += sx * ty * sz0 * (rise[b + sy] as number);
    sum += tx * ty * sz0 * (rise[b + sy + 1] as number);
    sum += sx * sy0 * tz * (rise[b + sz] as number);
    sum += tx * sy0 * tz * (rise[b + sz + 1] as number);
    sum += sx * ty * tz * (rise[b + sz + sy] as number);
    sum += tx * ty * tz * (rise[b + sz + sy + 1] as number);
    out[f] = sum;
  }
  const { corners, weights } = edge;
  for (let e = 0; e < edge.faces.length; e++) {
    let sum = 0;
    for (let c = 0; c < 8; c++) {
      const index = corners[8 * e + c] as number;
      if (index >= 0) sum += (weights[8 * e + c] as number) * (rise[index] as number);
    }
    out[edge.faces[e] as number] = sum;
  }
}
