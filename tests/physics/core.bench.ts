import { bench, describe } from 'vitest';
import {
  advanceBioheat,
  bioheatMediumFromLabels,
  createBioheatState,
  prepareBioheat,
} from '../../src/physics/bioheat.ts';
import { rayleighPressure } from '../../src/physics/rayleigh.ts';
import { layoutSphericalArray, PRESETS } from '../../src/physics/transducer.ts';

// The two hot paths of a sonication, each at the size the app runs them (51³ ≈ 133k voxels, 208 elements).
const SPEC = PRESETS.clinicalBodyArray;
const R = SPEC.radiusOfCurvature;
const layout = layoutSphericalArray(SPEC);
const WATER = { density: 994, speedOfSound: 1482.3, attenuation: 0.025 };
const m = 20_000;
const points = new Float64Array(3 * m);
for (let i = 0; i < m; i++) {
  points[3 * i] = ((i % 25) - 12) * 8e-4;
  points[3 * i + 1] = ((Math.floor(i / 25) % 25) - 12) * 8e-4;
  points[3 * i + 2] = R + (Math.floor(i / 625) - 16) * 8e-4;
}
const velocityRe = new Float64Array(layout.count).fill(0.1);
const velocityIm = new Float64Array(layout.count);
const outRe = new Float64Array(m);
const outIm = new Float64Array(m);

describe('Rayleigh sum, 208 elements × 20k points', () => {
  bench('piston directivity 2J1(x)/x', () => {
    rayleighPressure({ ...layout, velocityRe, velocityIm }, WATER, SPEC.frequency, points, outRe, outIm);
  });
  bench('point sources (no directivity)', () => {
    rayleighPressure(
      { ...layout, elementRadius: 0, velocityRe, velocityIm },
      WATER,
      SPEC.frequency,
      points,
      outRe,
      outIm,
    );
  });
});

const n = 51;
const grid = { nx: n, ny: n, nz: n, spacing: 8e-4, origin: [0, 0, 0] as const };
const labels = new Uint8Array(n ** 3);
const problem = prepareBioheat(grid, bioheatMediumFromLabels(labels, ['muscle']), 'dirichlet');
const state = createBioheatState(grid);
const source = new Float64Array(n ** 3).fill(1e6);

describe('Pennes FTCS on 51³ voxels', () => {
  bench('10 steps with a heat source', () => {
    advanceBioheat(problem, state, { dt: Math.min(0.25, problem.maxTimeStep), steps: 10, source });
  });
  bench('10 steps cooling (no source)', () => {
    advanceBioheat(problem, state, { dt: Math.min(0.25, problem.maxTimeStep), steps: 10, source: null });
  });
});
