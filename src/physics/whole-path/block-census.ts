import type { BeamLattice } from '../angular-spectrum/lattice.ts';
import { BONE_TISSUES, INTRAOSSEOUS_TISSUES, isBoneSurface } from '../dose-report.ts';
import type { VoxelGrid } from '../grid.ts';
import { madeOncePer } from '../made-once.ts';
import type { TissueId } from '../tissue-ids.ts';
import type { CoarseGrid } from './coarse-grid.ts';
import type { BeamFrame } from './frame.ts';
import { inBox, rowInterval } from './row-interval.ts';

/**
 * What the coarse run's report needs of the lattice, counted once: how many voxels of each label every block holds
 * outside the fine region, and which of them lie on the bone surface. A coarse block has one temperature and one
 * dose, so the report over millions of lattice voxels is a sum over blocks × labels (coarse-run.ts coarseReport).
 */
export interface BlockCensus {
  /** labels per block (the tissue table's length) */
  readonly labelCount: number;
  /** voxels of label l in block b, at b·labelCount + l (lattice voxels outside the fine region only) */
  readonly counts: Uint16Array | Uint32Array;
  /** lattice indices of bone-surface voxels outside the fine region */
  readonly surfaceVoxels: Int32Array;
  /** the block of each of them */
  readonly surfaceBlocks: Int32Array;
  /** [m³] */
  readonly voxelVolume: number;
}

/** The last census of each lattice's labels. */
const made = madeOncePer<Uint8Array, BlockCensus>();

/**
 * The census of blockCensus, counted once per lattice, coarse grid, frame and fine region: the sonications of new
 * beams on kept labels need the same one (counting is a pass over every lattice voxel, ≈ 30 ms on the femur).
 * @returns the census (shared: read it, do not write it)
 */
export function censusOf(...args: Parameters<typeof blockCensus>): BlockCensus {
  const [lattice, labels, tissueTable, coarse, frame, fine] = args;
  // The fine region and the lattice by value: a sonication builds them anew for the same geometry.
  const region = JSON.stringify([fine.nx, fine.ny, fine.nz, fine.spacing, fine.origin, lattice]);
  return made(labels, [tissueTable, coarse, frame, region], () => blockCensus(...args));
}

/**
 * Counts a lattice's labels per coarse block, leaving out the voxels inside the fine region (a world box, crossed by
 * each lattice row in one interval: found from the row's line, then checked voxel by voxel at its two ends so the
 * rule is exactly "centre inside the box, faces included").
 * @param lattice - the acoustic lattice
 * @param labels - its labels
 * @param tissueTable - tissue of each label
 * @param coarse - the coarse grid (blocks of bx × bx × bz voxels; slices past the last whole block are not counted)
 * @param frame - beam frame
 * @param fine - the nested fine grid (world)
 * @returns the census
 */
export function blockCensus(
  lattice: BeamLattice,
  labels: Uint8Array,
  tissueTable: readonly TissueId[],
  coarse: CoarseGrid,
  frame: BeamFrame,
  fine: VoxelGrid,
): BlockCensus {
  const { n, dx, dz, z0 } = lattice;
  const { bx, bz } = coarse;
  const cx = coarse.grid.nx;
  const cy = coarse.grid.ny;
  const blocks = cx * cy * coarse.grid.nz;
  const labelCount = tissueTable.length;
  // Its own arrays, not the scratch's: the census outlives the run (censusOf keeps it for the next of the geometry).
  const counts = bx * bx * bz < 65536 ? new Uint16Array(blocks * labelCount) : new Uint32Array(blocks * labelCount);
  const lo = fine.origin.map((o) => o - fine.spacing / 2);
  const hi = [fine.nx, fine.ny, fine.nz].map((count, a) => (fine.origin[a] as number) + (count - 0.5) * fine.spacing);
  const { u } = frame;
  const bone = tissueTable.map((t) => BONE_TISSUES.includes(t));
  const inside = tissueTable.map((t) => INTRAOSSEOUS_TISSUES.includes(t));
  const space = { nx: n, ny: n, nz: lattice.nz };
  const surface: number[] = [];
  const surfaceBlock: number[] = [];
  const wholeSlices = coarse.grid.nz * bz;
  const blockOf = new Int32Array(n);
  for (let i = 0; i < n; i++) blockOf[i] = Math.floor(i / bx);
  const isBone = Uint8Array.from(bone, (b) => (b ? 1 : 0));
  const row = { x0: 0, y0: 0, z0: 0 };
  const census: Census = {
    n,
    dx,
    dz,
    z0,
    bx,
    bz,
    cx,
    cy,
    labelCount,
    counts,
    labels,
    blockOf,
    isBone,
    bone,
    inside,
    space,
    surface,
    surfaceBlock,
    frame,
    lo,
    hi,
    row,
    inFine: (i: number): boolean => {
      const x = (i - n / 2) * dx;
      return inBox(row.x0 + x * u[0], row.y0 + x * u[1], row.z0 + x * u[2], lo, hi);
    },
  };
  // A call per slice, the columns of a row in a tight loop of their own (CONTEXT.md, "Loops"): a census is made once
  // per run, so a loop here would be compiled on the fly again in every run; the slice functions are kept.
  for (let k = 0; k < wholeSlices; k++) censusSlice(census, k);
  return {
    labelCount,
    counts,
    surfaceVoxels: Int32Array.from(surface),
    surfaceBlocks: Int32Array.from(surfaceBlock),
    voxelVolume: dx * dx * dz,
  };
}

/** What blockCensus's slices share. */
interface Census {
  readonly n: number;
  readonly dx: number;
  readonly dz: number;
  readonly z0: number;
  readonly bx: number;
  readonly bz: number;
  /** coarse blocks along x and y */
  readonly cx: number;
  readonly cy: number;
  readonly labelCount: number;
  readonly counts: Uint16Array | Uint32Array;
  readonly labels: Uint8Array;
  /** the block column of each lattice column */
  readonly blockOf: Int32Array;
  readonly isBone: Uint8Array;
  readonly bone: boolean[];
  readonly inside: boolean[];
  readonly space: { nx: number; ny: number; nz: number };
  readonly surface: number[];
  readonly surfaceBlock: number[];
  readonly frame: BeamFrame;
  readonly lo: readonly number[];
  readonly hi: readonly number[];
  /** the start of the row being counted, in the case's frame [m] (inFine reads it) */
  readonly row: { x0: number; y0: number; z0: number };
  readonly inFine: (i: number) => boolean;
}

/** Counts lattice slice k's voxels outside the fine region, row by row. */
function censusSlice(c: Census, k: number): void {
  const { n, dx, row, lo, hi } = c;
  const { origin: o, u, v: vAxis, w } = c.frame;
  const z = c.z0 + (k + 0.5) * c.dz;
  const K = Math.floor(k / c.bz);
  for (let j = 0; j < n; j++) {
    const y = (j - n / 2) * dx;
    const J = Math.floor(j / c.bx);
    row.x0 = o[0] + y * vAxis[0] + z * w[0];
    row.y0 = o[1] + y * vAxis[1] + z * w[1];
    row.z0 = o[2] + y * vAxis[2] + z * w[2];
    const [first, last] = rowInterval(row, u, dx, n, lo, hi, c.inFine);
    const base = n * (j + n * k);
    const blockRow = c.cx * (J + c.cy * K);
    // The columns before and after the fine region's interval (first > last: the whole row).
    const cut = first <= last;
    countColumns(c, 0, cut ? first : n, base, blockRow);
    if (cut) countColumns(c, last + 1, n, base, blockRow);
  }
}

/** The row's columns [from, to) into their blocks' counts, and its bone-surface voxels into the list. */
function countColumns(c: Census, from: number, to: number, base: number, blockRow: number): void {
  const { labels, blockOf, counts, labelCount, isBone, space, bone, inside } = c;
  for (let i = from; i < to; i++) {
    const v = base + i;
    const label = labels[v] as number;
    const b = (blockOf[i] as number) + blockRow;
    counts[b * labelCount + label] = (counts[b * labelCount + label] as number) + 1;
    if (isBone[label] === 1 && isBoneSurface(space, labels, bone, inside, v)) {
      c.surface.push(v);
      c.surfaceBlock.push(b);
    }
  }
}
