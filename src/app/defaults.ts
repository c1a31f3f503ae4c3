import { PRESETS } from '../physics/transducer.ts';

/**
 * The app's default sonication. `public/scenarios/femur-shaft.json` states the same values, so
 * `npm run simulate` on it reproduces the numbers the app shows for its default case (checked in tests/cli and
 * tests/e2e).
 */
export const DEFAULT_TRANSDUCER = PRESETS.clinicalBodyArray;

export const DEFAULT_SONICATION = {
  // Within the clinical bone range: 32–96 W for 20–30 s at 1 MHz (Chen et al. 2017, PHYSICS.md §3).
  acousticPower: 50,
  duration: 20,
  cooling: 30,
} as const;

/**
 * The simulated region around the target: a 40 mm cube of 0.8 mm voxels (about half a wavelength at 1 MHz).
 * The femur convergence study (src/physics/CONTEXT.md) puts the focal temperature rise about 3 % above its
 * grid-converged value at this spacing; 0.5 mm halves the error at four times the cost.
 */
export const DEFAULT_REGION = { size: 0.04, spacing: 0.0008 } as const;
