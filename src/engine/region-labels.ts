import type { VoxelGrid } from '../geometry/tissue-model.ts';
import type { BioheatMedium } from '../physics/bioheat.ts';
import { thermalMixture } from '../physics/thermal-mixture.ts';
import type { TissueId } from '../physics/tissue-ids.ts';
import type { Medium } from '../physics/tissues.ts';
import type { CaseState } from './case.ts';
import { labelGrid } from './whole-path.ts';

/** Sub-voxels per axis used for the partial volumes of a thermal region. */
const SUB = 2;

/** A thermal region's labels (majority tissue per voxel) and its partial-volume thermal properties. */
export interface RegionLabels {
  labels: Uint8Array;
  tissueTable: TissueId[];
  thermalMedium: BioheatMedium;
}

/**
 * Labels a focal region for the thermal run: each voxel is labelled SUB³ times, its thermal properties are the means
 * of its sub-voxels' and its label is their majority (physics/thermal-mixture.ts), so a surface that moves by a
 * fraction of a voxel changes the heat continuously.
 * @param state - the case
 * @param grid - the region
 * @param medium - tissue properties
 * @returns labels, table and mixture properties
 */
export function labelRegion(state: CaseState, grid: VoxelGrid, medium: Medium): RegionLabels {
  const h = grid.spacing / SUB;
  const fine: VoxelGrid = {
    nx: SUB * grid.nx,
    ny: SUB * grid.ny,
    nz: SUB * grid.nz,
    spacing: h,
    origin: [
      grid.origin[0] - (grid.spacing - h) / 2,
      grid.origin[1] - (grid.spacing - h) / 2,
      grid.origin[2] - (grid.spacing - h) / 2,
    ],
  };
  const tissueTable: TissueId[] = [];
  const sub = labelGrid(state, fine, tissueTable);
  const mixture = thermalMixture(grid, sub, SUB, tissueTable, medium);
  return { labels: mixture.labels, tissueTable, thermalMedium: mixture.medium };
}
