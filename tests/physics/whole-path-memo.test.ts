import { describe, expect, it } from 'vitest';
import type { BeamLattice } from '../../src/physics/angular-spectrum/lattice.ts';
import type { VoxelGrid } from '../../src/physics/grid.ts';
import type { TissueId } from '../../src/physics/tissue-ids.ts';
import { TISSUES, withOverrides } from '../../src/physics/tissues.ts';
import { blockCensus, censusOf } from '../../src/physics/whole-path/block-census.ts';
import { coarseGridOf } from '../../src/physics/whole-path/coarse-grid.ts';
import type { BeamFrame } from '../../src/physics/whole-path/frame.ts';

// New beams from the same pose, and every spot of a plan, march on the same labelled lattice: what depends on the
// labels alone (the coarse thermal grid, the census of labels per block) is made once and shared, and must be what
// making it anew gives.

const lattice: BeamLattice = { n: 8, dx: 1e-3, nz: 8, dz: 1e-3, z0: -4e-3 };
const tissueTable: TissueId[] = ['water', 'muscle', 'cortical_bone'];
/** Water, then muscle, then a slab of cortical bone across the last two slices. */
function labels(): Uint8Array {
  const l = new Uint8Array(64 * 8);
  l.fill(1, 64 * 2);
  l.fill(2, 64 * 6);
  return l;
}
const path = (l: Uint8Array) => ({ lattice, labels: l, tissueTable, block: { bx: 2, bz: 2 } });
const frame: BeamFrame = { origin: [0, 0, 0], u: [1, 0, 0], v: [0, 1, 0], w: [0, 0, 1] };
const fine: VoxelGrid = { nx: 2, ny: 2, nz: 2, spacing: 1e-3, origin: [-5e-4, -5e-4, -5e-4] };

describe('the coarse grid and the block census of a labelled lattice', () => {
  it('are made once for the same labels and shared; other labels, tissues or regions make their own', () => {
    const l = labels();
    const coarse = coarseGridOf(path(l), TISSUES);
    expect(coarseGridOf(path(l), TISSUES)).toBe(coarse);
    const copy = coarseGridOf(path(labels()), TISSUES);
    expect(copy).not.toBe(coarse);
    expect(copy).toEqual(coarse);
    const softer = withOverrides(TISSUES, { muscle: { thermalConductivity: 1 } });
    expect(coarseGridOf(path(l), softer)).not.toEqual(coarse);

    const census = censusOf(lattice, l, tissueTable, coarse, frame, fine);
    expect(censusOf(lattice, l, tissueTable, coarse, frame, fine)).toBe(census);
    expect(census).toEqual(blockCensus(lattice, l, tissueTable, coarse, frame, fine));
    const moved = { ...fine, origin: [1.5e-3, -5e-4, -5e-4] as [number, number, number] };
    const elsewhere = censusOf(lattice, l, tissueTable, coarse, frame, moved);
    expect(elsewhere).not.toBe(census);
    expect(elsewhere).toEqual(blockCensus(lattice, l, tissueTable, coarse, frame, moved));
    // The shared census is the census still after others were counted (its arrays are its own, not lent).
    expect(census).toEqual(blockCensus(lattice, l, tissueTable, coarse, frame, fine));
    const counted = (c: typeof census) => Array.from(c.counts).reduce((sum, k) => sum + k, 0);
    expect(counted(census)).toBeGreaterThan(0);
    expect(counted(census)).toBeLessThan(64 * 8);
  });
});
