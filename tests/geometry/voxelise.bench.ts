import { BoxGeometry, SphereGeometry } from 'three';
import { bench, describe } from 'vitest';
import type { CasePart } from '../../src/geometry/phantom.ts';
import { TissueModel } from '../../src/geometry/tissue-model.ts';
import type { TissueId } from '../../src/physics/tissue-ids.ts';

const parts: CasePart[] = [
  { name: 'muscle', tissue: 'muscle', label: '', geometry: new BoxGeometry(0.1, 0.1, 0.1) },
  { name: 'cortical_bone', tissue: 'cortical_bone', label: '', geometry: new SphereGeometry(0.02, 96, 64) },
];
const model = new TissueModel(parts);
const n = 24;
const grid = { nx: n, ny: n, nz: n, spacing: 0.002, origin: [-0.023, -0.023, -0.023] as const };

// Scanline voxelisation casts one ray per row and part; point queries cast one per voxel and part.
describe('voxelising a 24³ grid', () => {
  bench('scanline (TissueModel.voxelise)', () => {
    model.voxelise(grid, [] as TissueId[]);
  });
  bench('one tissueAt query per voxel', () => {
    for (let k = 0; k < n; k++)
      for (let j = 0; j < n; j++)
        for (let i = 0; i < n; i++) model.tissueAt([-0.023 + 0.002 * i, -0.023 + 0.002 * j, -0.023 + 0.002 * k]);
  });
});
