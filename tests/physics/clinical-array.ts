import type { PathSegment } from '../../src/physics/tissue-path.ts';
import { layoutSphericalArray, PRESETS } from '../../src/physics/transducer.ts';

/** The clinical body array in its own frame (apex at the origin, geometric focus at (0, 0, R)), for core tests. */
export const SPEC = PRESETS.clinicalBodyArray;
export const R = SPEC.radiusOfCurvature;
export const LAYOUT = layoutSphericalArray(SPEC);

/** The array's elements as the core takes them (pistons with their radius). */
export const ELEMENTS = {
  positions: LAYOUT.positions,
  normals: LAYOUT.normals,
  areas: LAYOUT.areas,
  radius: LAYOUT.elementRadius,
};

/**
 * Each element's path to the geometric focus: water, then `muscleDepth` [m] of muscle in front of the focus —
 * a homogeneous-muscle case whose answer does not depend on any mesh.
 */
export function waterThenMusclePaths(muscleDepth: number): PathSegment[][] {
  return Array.from({ length: LAYOUT.count }, (_, n): PathSegment[] => {
    const p = LAYOUT.positions;
    const d = Math.hypot(p[3 * n] as number, p[3 * n + 1] as number, (p[3 * n + 2] as number) - R);
    return [
      { tissue: 'water', length: d - muscleDepth },
      { tissue: 'muscle', length: muscleDepth },
    ];
  });
}
