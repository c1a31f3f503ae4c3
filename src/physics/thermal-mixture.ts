import type { BioheatMedium } from './bioheat.ts';
import { type VoxelGrid, voxelCount } from './grid.ts';
import type { TissueId } from './tissue-ids.ts';
import { BLOOD_SPECIFIC_HEAT, type Medium } from './tissues.ts';

/** A grid's thermal properties and labels from a labelling `sub` times finer. */
export interface ThermalMixture {
  /** per voxel, the tissue most of its sub-voxels hold (ties: the first met) */
  labels: Uint8Array;
  /** per voxel, the means of its sub-voxels' ρc_p, k and w_b c_b */
  medium: BioheatMedium;
}

/**
 * Partial-volume thermal properties: a voxel a surface cuts takes the mean properties of its sub-voxels, so the
 * heat a surface moving by a fraction of a voxel sees changes continuously instead of flipping with the label of
 * the voxel's centre (the continuity the whole-path issue asks for at a bone surface). The voxel's label, for
 * reporting, is its majority tissue.
 * @param grid - the grid
 * @param subLabels - labels of the grid refined `sub` times per axis: (sub·nx) × (sub·ny) × (sub·nz), sub-voxel
 *   (a, b, c) of voxel (i, j, k) at index (sub·i + a) + sub·nx·((sub·j + b) + sub·ny·(sub·k + c))
 * @param sub - refinement per axis
 * @param tissueTable - tissue of each label
 * @param medium - tissue properties
 * @returns majority labels and mean properties
 */
/**
 * Each label's thermal properties, divided by `divisor` (a share of a block's voxels; x / 1 is x exactly).
 * @param tissueTable - tissue of each label
 * @param medium - tissue properties
 * @param divisor - what each value is divided by
 * @returns per label: ρc [J/m³/K], k [W/m/K], w_b·c_b [W/m³/K]
 */
export function perTissueThermal(
  tissueTable: readonly TissueId[],
  medium: Medium,
  divisor = 1,
): { capacity: Float64Array; conductivity: Float64Array; perfusion: Float64Array } {
  return {
    capacity: Float64Array.from(tissueTable, (id) => (medium[id].thermalDensity * medium[id].specificHeat) / divisor),
    conductivity: Float64Array.from(tissueTable, (id) => medium[id].thermalConductivity / divisor),
    perfusion: Float64Array.from(tissueTable, (id) => (medium[id].perfusion * BLOOD_SPECIFIC_HEAT) / divisor),
  };
}

export function thermalMixture(
  grid: VoxelGrid,
  subLabels: Uint8Array,
  sub: number,
  tissueTable: readonly TissueId[],
  medium: Medium,
): ThermalMixture {
  const { nx, ny } = grid;
  const n = voxelCount(grid);
  const sx = sub * nx;
  const sy = sub * ny;
  if (subLabels.length !== n * sub ** 3)
    throw new RangeError('thermalMixture: subLabels must have sub³ entries per voxel');
  const { capacity, conductivity, perfusion } = perTissueThermal(tissueTable, medium);
  const labels = new Uint8Array(n);
  const heatCapacity = new Float64Array(n);
  const k = new Float64Array(n);
  const perfusionHeat = new Float64Array(n);
  const m: Mixing = {
    subLabels,
    sub,
    sx,
    sy,
    capacity,
    conductivity,
    perfusion,
    counts: new Uint16Array(tissueTable.length),
    share: 1 / sub ** 3,
    labels,
    heatCapacity,
    k,
    perfusionHeat,
  };
  // One flat loop, each voxel's sub-voxels in a call (see resampleToGrid: nested loops here were compiled on the fly
  // at an inner loop, and Chromium threw that code away at every exit from it).
  let i = 0;
  let j = 0;
  let kk = 0;
  for (let v = 0; v < n; v++) {
    mixVoxel(m, v, i, j, kk);
    if (++i === nx) {
      i = 0;
      if (++j === ny) {
        j = 0;
        kk++;
      }
    }
  }
  return { labels, medium: { heatCapacity, conductivity: k, perfusionHeat } };
}

/** What thermalMixture reads and writes for every voxel (one object per call, one shape). */
interface Mixing {
  readonly subLabels: Uint8Array;
  readonly sub: number;
  readonly sx: number;
  readonly sy: number;
  readonly capacity: Float64Array;
  readonly conductivity: Float64Array;
  readonly perfusion: Float64Array;
  readonly counts: Uint16Array;
  readonly share: number;
  readonly labels: Uint8Array;
  readonly heatCapacity: Float64Array;
  readonly k: Float64Array;
  readonly perfusionHeat: Float64Array;
}

/** Voxel v = (i, j, kk) of thermalMixture: its majority label and its sub-voxels' mean properties. */
function mixVoxel(m: Mixing, v: number, i: number, j: number, kk: number): void {
  const { subLabels, sub, sx, sy, capacity, conductivity, perfusion, counts } = m;
  counts.fill(0);
  let c = 0;
  let kv = 0;
  let w = 0;
  for (let dc = 0; dc < sub; dc++) {
    for (let db = 0; db < sub; db++) {
      for (let da = 0; da < sub; da++) {
        const label = subLabels[sub * i + da + sx * (sub * j + db + sy * (sub * kk + dc))] as number;
        counts[label] = (counts[label] as number) + 1;
        c += capacity[label] as number;
        kv += conductivity[label] as number;
        w += perfusion[label] as number;
      }
    }
  }
  let best = 0;
  for (let l = 1; l < counts.length; l++) if ((counts[l] as number) > (counts[best] as number)) best = l;
  m.labels[v] = best;
  m.heatCapacity[v] = c * m.share;
  m.k[v] = kv * m.share;
  m.perfusionHeat[v] = w * m.share;
}
