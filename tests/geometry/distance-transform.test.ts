import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { distanceTransform } from '../../src/geometry/distance-transform.ts';
import type { VoxelGrid } from '../../src/geometry/tissue-model.ts';

describe('Euclidean distance transform (Felzenszwalb & Huttenlocher)', () => {
  it('equals brute force on random sets in random small grids (fast-check, exact to f32)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 7 }),
        fc.integer({ min: 1, max: 7 }),
        fc.integer({ min: 1, max: 7 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 6 }),
        (nx, ny, nz, picks) => {
          const grid: VoxelGrid = { nx, ny, nz, spacing: 0.002, origin: [0, 0, 0] };
          const n = nx * ny * nz;
          const inside = new Uint8Array(n);
          for (const p of picks) inside[p % n] = 1;
          const d = distanceTransform(inside, grid);
          for (let v = 0; v < n; v++) {
            let best = Number.POSITIVE_INFINITY;
            for (let w = 0; w < n; w++) {
              if (!inside[w]) continue;
              const di = (v % nx) - (w % nx);
              const dj = (Math.floor(v / nx) % ny) - (Math.floor(w / nx) % ny);
              const dk = Math.floor(v / (nx * ny)) - Math.floor(w / (nx * ny));
              best = Math.min(best, Math.hypot(di, dj, dk) * 0.002);
            }
            expect(d[v]).toBeCloseTo(best, 7);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('an empty set is infinitely far', () => {
    const d = distanceTransform(new Uint8Array(8), { nx: 2, ny: 2, nz: 2, spacing: 1, origin: [0, 0, 0] });
    expect([...d].every((x) => x === Number.POSITIVE_INFINITY)).toBe(true);
  });
});
