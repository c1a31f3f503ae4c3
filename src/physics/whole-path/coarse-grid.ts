import type { BeamLattice } from '../angular-spectrum/lattice.ts';
import type { BioheatMedium } from '../bioheat.ts';
import type { VoxelGrid } from '../grid.ts';
import type { TissueId } from '../tissue-ids.ts';
import { BLOOD_SPECIFIC_HEAT, type Medium } from '../tissues.ts';

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
  const capacity = tissueTable.map((id) => medium[id].thermalDensity * medium[id].specificHeat);
  const conductivity = tissueTable.map((id) => medium[id].thermalConductivity);
  const perfusion = tissueTable.map((id) => medium[id].perfusion * BLOOD_SPECIFIC_HEAT);
  const voxels = cx * cx * cz;
  const heatCapacity = new Float64Array(voxels);
  const k = new Float64Array(voxels);
  const perfusionHeat = new Float64Array(voxels);
  const perBlock = bx * bx * bz;
  forEachBlockVoxel(lattice, { bx, bz, cx, cz }, (block, v) => {
    const label = labels[v] as number;
    heatCapacity[block] = (heatCapacity[block] as number) + (capacity[label] as number) / perBlock;
    k[block] = (k[block] as number) + (conductivity[label] as number) / perBlock;
    perfusionHeat[block] = (perfusionHeat[block] as number) + (perfusion[label] as number) / perBlock;
  });
  return { grid, bx, bz, medium: { heatCapacity, conductivity: k, perfusionHeat } };
}

/**
 * Calls `visit(block, latticeVoxel)` for every lattice voxel inside a whole block.
 * @param lattice - lattice
 * @param blocks - block sizes and counts
 * @param visit - callback
 */
export function forEachBlockVoxel(
  lattice: BeamLattice,
  blocks: { bx: number; bz: number; cx: number; cz: number },
  visit: (block: number, latticeVoxel: number) => void,
): void {
  const { n } = lattice;
  const { bx, bz, cx, cz } = blocks;
  const n2 = n * n;
  for (let k = 0; k < cz * bz; k++) {
    const K = Math.floor(k / bz);
    for (let j = 0; j < n; j++) {
      const J = Math.floor(j / bx);
      for (let i = 0; i < n; i++) {
        visit(Math.floor(i / bx) + cx * (J + cx * K), i + n * j + n2 * k);
      }
    }
  }
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
  const out = new Float64Array(nx * nx * nz);
  const perBlock = coarse.bx * coarse.bx * coarse.bz;
  forEachBlockVoxel(lattice, { bx: coarse.bx, bz: coarse.bz, cx: nx, cz: nz }, (block, v) => {
    out[block] = (out[block] as number) + (values[v] as number) / perBlock;
  });
  return out;
}
