import type { BeamLattice } from '../angular-spectrum/lattice.ts';
import type { BioheatMedium } from '../bioheat.ts';
import type { VoxelGrid } from '../grid.ts';
import { madeOncePer } from '../made-once.ts';
import { perTissueThermal } from '../thermal-mixture.ts';
import type { TissueId } from '../tissue-ids.ts';
import type { Medium } from '../tissues.ts';

/**
 * The coarse thermal grid of the whole beam path: blocks of bx × bx × bz lattice voxels, so that it is isotropic
 * (bx·dx = bz·dz) and shares the lattice's beam frame. Its `grid` is expressed in BEAM-frame coordinates (x, y, z),
 * not in the world. The heat of the whole path (skin, fat, far bone, structures beside the beam) is simulated here;
 * the focal region runs on a finer grid nested in it (nesting.ts).
 */
export interface CoarseGrid {
  /** isotropic grid in beam-frame coordinates [m] */
  readonly grid: VoxelGrid;
  /** lattice voxels per block along x and y */
  readonly bx: number;
  /** lattice voxels per block along z */
  readonly bz: number;
  /** block-averaged thermal properties */
  readonly medium: BioheatMedium;
}

/**
 * The coarse grid of a lattice: the lattice's columns and slices grouped in blocks (slices beyond the last whole
 * block are left out). Each block's heat capacity, conductivity and perfusion are the means over its lattice
 * voxels: the block is a mixture of its tissues (a 1.4 mm block at the skin holds skin and fat or water).
 * @param lattice - the acoustic lattice
 * @param labels - lattice labels
 * @param tissueTable - tissue of each label
 * @param medium - tissue properties
 * @param bx - lattice columns per block side (n must be a multiple)
 * @param bz - lattice slices per block (bz·dz must equal bx·dx)
 * @returns the coarse grid
 * @throws RangeError when the block is not a cube or does not tile the columns
 */
export function coarseGrid(
  lattice: BeamLattice,
  labels: Uint8Array,
  tissueTable: readonly TissueId[],
  medium: Medium,
  bx: number,
  bz: number,
): CoarseGrid {
  const { n, dx, dz, nz, z0 } = lattice;
  const h = bx * dx;
  if (Math.abs(bz * dz - h) > 1e-9 * h) throw new RangeError('coarseGrid: blocks must be cubes (bx·dx = bz·dz)');
  if (n % bx !== 0) throw new RangeError('coarseGrid: bx must divide n');
  const cx = n / bx;
  const cz = Math.floor(nz / bz);
  if (cz < 1) throw new RangeError('coarseGrid: the lattice is shorter than one block');
  const grid: VoxelGrid = {
    nx: cx,
    ny: cx,
    nz: cz,
    spacing: h,
    origin: [((bx - 1) / 2 - n / 2) * dx, ((bx - 1) / 2 - n / 2) * dx, z0 + (bz / 2) * dz],
  };
  const voxels = cx * cx * cz;
  const heatCapacity = new Float64Array(voxels);
  const k = new Float64Array(voxels);
  const perfusionHeat = new Float64Array(voxels);
  const perBlock = bx * bx * bz;
  // Each voxel adds its label's share (value / perBlock, as a division per voxel would give).
  const shares = perTissueThermal(tissueTable, medium, perBlock);
  const runs = blockRuns(lattice, bx);
  const blocks = { heatCapacity, conductivity: k, perfusionHeat };
  // A slice per call (src/physics/CONTEXT.md, "Loops").
  for (let slice = 0; slice < cz * bz; slice++) {
    addSlice(labels, n * n * slice, cx * cx * Math.floor(slice / bz), runs, bx, shares, blocks);
  }
  return { grid, bx, bz, medium: blocks };
}

/** The coarse grid last made for each lattice's labels: only read once made. */
const made = madeOncePer<Uint8Array, CoarseGrid>();

/**
 * The coarse grid of a whole path (coarseGrid), made once per lattice, tissues and blocks: every spot of a plan and
 * every sonication of new beams on kept labels need the same one, and making it is a pass over every lattice voxel
 * (≈ 40 ms on the femur).
 * @param path - the lattice, its labels (never changed once made), their tissues and the block size
 * @param medium - tissue properties
 * @returns the coarse grid (shared: read it, do not write it)
 */
export function coarseGridOf(
  path: {
    readonly lattice: BeamLattice;
    readonly labels: Uint8Array;
    readonly tissueTable: readonly TissueId[];
    readonly block: { readonly bx: number; readonly bz: number };
  },
  medium: Medium,
): CoarseGrid {
  const { lattice, labels, tissueTable } = path;
  const { bx, bz } = path.block;
  return made(labels, [lattice, tissueTable, medium, bx, bz], () =>
    coarseGrid(lattice, labels, tissueTable, medium, bx, bz),
  );
}

/** One lattice slice's shares added to its layer of blocks (see coarseGrid). */
function addSlice(
  labels: Uint8Array,
  offset: number,
  layer: number,
  runs: Int32Array,
  bx: number,
  shares: { capacity: Float64Array; conductivity: Float64Array; perfusion: Float64Array },
  blocks: { heatCapacity: Float64Array; conductivity: Float64Array; perfusionHeat: Float64Array },
): void {
  const { heatCapacity, conductivity: k, perfusionHeat } = blocks;
  const { capacity: capacityShare, conductivity: conductivityShare, perfusion: perfusionShare } = shares;
  for (let r = 0; r < runs.length; r++) {
    const block = layer + (runs[r] as number);
    // Summed in locals along the run, in voxel order: the same additions as into the arrays voxel by voxel.
    let c = heatCapacity[block] as number;
    let kk = k[block] as number;
    let w = perfusionHeat[block] as number;
    for (let v = offset + r * bx, end = v + bx; v < end; v++) {
      const label = labels[v] as number;
      c += capacityShare[label] as number;
      kk += conductivityShare[label] as number;
      w += perfusionShare[label] as number;
    }
    heatCapacity[block] = c;
    k[block] = kk;
    perfusionHeat[block] = w;
  }
}

/**
 * The lattice's columns in runs of bx along x, each inside one block: run r of a slice holds columns r·bx … r·bx +
 * bx − 1 (row-major, as the labels), and lies in block runs[r] of its layer of blocks (layer ⌊slice / bz⌋ starts at
 * block cx²·layer).
 * @param lattice - lattice (n a multiple of bx)
 * @param bx - lattice columns per block side
 * @returns the block of each run within its layer
 */
function blockRuns(lattice: BeamLattice, bx: number): Int32Array {
  const { n } = lattice;
  const cx = n / bx;
  const runs = new Int32Array((n * n) / bx);
  for (let j = 0; j < n; j++) {
    for (let I = 0; I < cx; I++) runs[I + cx * j] = I + cx * Math.floor(j / bx);
  }
  return runs;
}

/**
 * Block means of a lattice field (e.g. the heat source): energy-conserving, Σ block·h³ = Σ lattice·dx²dz over the
 * whole blocks.
 * @param lattice - lattice
 * @param coarse - coarse grid
 * @param values - per lattice voxel
 * @returns per block
 */
export function blockMean(lattice: BeamLattice, coarse: CoarseGrid, values: ArrayLike<number>): Float64Array {
  const { nx, nz } = coarse.grid;
  const { bx, bz } = coarse;
  const out = new Float64Array(nx * nx * nz);
  const perBlock = bx * bx * bz;
  const runs = blockRuns(lattice, bx);
  const n2 = lattice.n * lattice.n;
  // A slice per call (src/physics/CONTEXT.md, "Loops").
  for (let slice = 0; slice < nz * bz; slice++) {
    addSliceMean(values, n2 * slice, nx * nx * Math.floor(slice / bz), runs, bx, perBlock, out);
  }
  return out;
}

/** One lattice slice's values added to the means of its layer of blocks (see blockMean). */
function addSliceMean(
  values: ArrayLike<number>,
  offset: number,
  layer: number,
  runs: Int32Array,
  bx: number,
  perBlock: number,
  out: Float64Array,
): void {
  for (let r = 0; r < runs.length; r++) {
    const block = layer + (runs[r] as number);
    let sum = out[block] as number;
    for (let v = offset + r * bx, end = v + bx; v < end; v++) sum += (values[v] as number) / perBlock;
    out[block] = sum;
  }
}
