import { bench, describe } from 'vitest';
import { LatticeVoxeliser, latticeOfGrid } from '../../src/geometry/voxel-raster.ts';
import type { TissueId } from '../../src/physics/tissue-ids.ts';
import { loadBundledCase } from '../fixtures/bundled-case.ts';
import { BENCH_BEAM_LATTICE, beamLattice, type Vec3 } from './voxel-raster.fixtures.ts';

const { state } = await loadBundledCase('femur-shaft');
const { defaultTarget, defaultBeamDirection } = state.loaded.meta;
const voxeliser = new LatticeVoxeliser(state.loaded.parts);

const n = 51;
const spacing = 0.8e-3;
const grid = { nx: n, ny: n, nz: n, spacing, origin: defaultTarget.map((x) => x - ((n - 1) / 2) * spacing) as Vec3 };
const worldLattice = latticeOfGrid(grid);

// (a) The grid sonications voxelise today: TissueModel casts one BVH ray per row and part (plus one parity ray).
describe('femur, 51³ world grid at 0.8 mm around the target', () => {
  bench('TissueModel.voxelise (BVH ray per row and part)', () => {
    state.model.voxelise(grid, [] as TissueId[]);
  });
  bench('LatticeVoxeliser (triangle rasterisation, scan w)', () => {
    voxeliser.voxelise(worldLattice, [] as TissueId[]);
  });
});

// (b) The beam-aligned acoustic grid: 128 × 128 × 300 = 4.9 M voxels, w along the propagation, −65 … +40 mm.
const beam = beamLattice(defaultTarget, defaultBeamDirection, BENCH_BEAM_LATTICE);
const reused = new Uint8Array(beam.counts[0] * beam.counts[1] * beam.counts[2]);
// TissueModel cannot label a rotated lattice; for scale, it labels a world grid with as many voxels and rows.
const sameSize = { nx: 128, ny: 128, nz: 300, spacing: 0.36e-3, origin: [0, 0, 0] as Vec3 };
sameSize.origin = defaultTarget.map((x, a) => x - ([64, 64, 150][a] as number) * sameSize.spacing) as Vec3;
describe('femur, 128 × 128 × 300 beam lattice (0.72 mm lateral, 0.36 mm axial)', () => {
  bench('labels only', () => {
    voxeliser.voxelise(beam, [] as TissueId[]);
  });
  bench('labels + interface normals', () => {
    voxeliser.voxelise(beam, [] as TissueId[], { interfaces: true });
  });
  bench('labels into a reused buffer', () => {
    voxeliser.voxelise(beam, [] as TissueId[], { into: reused });
  });
  bench(
    'for scale: TissueModel.voxelise on a world grid of the same size (128 × 128 × 300)',
    () => {
      state.model.voxelise(sameSize, [] as TissueId[]);
    },
    { time: 0, iterations: 5 },
  );
});
