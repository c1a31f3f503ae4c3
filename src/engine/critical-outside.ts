import { type LocalBox, meshDistanceToBox } from '../geometry/mesh-distance.ts';
import type { VoxelGrid } from '../geometry/tissue-model.ts';
import { CRITICAL_TISSUES, type DoseReport } from '../physics/dose-report.ts';
import type { TissueId } from '../physics/tissue-ids.ts';
import type { CaseState } from './case.ts';

type Vec3 = readonly [number, number, number];

/** A critical structure of the case that the simulated volume does not reach, and how far away it lies. */
export interface OutsideStructure {
  tissue: TissueId;
  /** shortest distance from its surface to the simulated volume [m] (sampled to within 1 mm, never under) */
  distance: number;
  /**
   * Upper bound of its temperature [°C]: the hottest the simulated volume's edge became (nothing outside the volume
   * is heated by the beam, so nothing there gets hotter than the edge).
   */
  maxTemperature: number;
}

/** The volume a run simulated: a box in some frame, and the map from world points into that frame. */
export interface SimulatedVolume {
  readonly box: LocalBox;
  readonly toLocal: (p: Vec3) => Vec3;
  /** the highest temperature reached on the volume's outermost voxels [°C] */
  readonly edgeTemperature: number;
}

/** Surface sampling of the distance [m]: well under the conduction length of a sonication (≈ 3 mm in 20 s). */
const SAMPLING = 1e-3;

/**
 * The box a voxel grid covers (voxel faces, not centres) in the grid's own frame.
 * @param grid - the grid
 * @param edgeTemperature - the hottest its outermost voxels became [°C]
 * @param toLocal - world → the grid's frame (identity for a world-aligned grid)
 * @returns the simulated volume
 */
export function gridVolume(
  grid: VoxelGrid,
  edgeTemperature: number,
  toLocal: (p: Vec3) => Vec3 = (p) => p,
): SimulatedVolume {
  const h = grid.spacing / 2;
  const counts = [grid.nx, grid.ny, grid.nz];
  const lo = grid.origin.map((o) => o - h) as unknown as Vec3;
  const hi = grid.origin.map((o, a) => o + ((counts[a] as number) - 1) * grid.spacing + h) as unknown as Vec3;
  return { box: { lo, hi }, toLocal, edgeTemperature };
}

/**
 * The critical structures of the case (nerve, bowel, lung) that a run's dose report has no voxel of, each with its
 * distance from the simulated volume: what lets the safety dashboard judge a structure the beams never reach,
 * instead of showing no value (heat spreads ≈ √(4Dt) ≈ 3 mm in a 20 s sonication, so a structure centimetres
 * away stays at body temperature).
 * @param state - the case
 * @param report - the run's dose report
 * @param volume - the simulated volume
 * @returns one entry per absent critical tissue, the nearest of its parts
 */
export function criticalOutside(state: CaseState, report: DoseReport, volume: SimulatedVolume): OutsideStructure[] {
  const reached = new Set(report.tissueDose.filter((d) => d.voxels > 0).map((d) => d.tissue));
  const nearest = new Map<TissueId, number>();
  for (const part of state.loaded.parts) {
    if (!CRITICAL_TISSUES.includes(part.tissue) || reached.has(part.tissue)) continue;
    const d = meshDistanceToBox(part.geometry, volume.toLocal, volume.box, SAMPLING);
    nearest.set(part.tissue, Math.min(d, nearest.get(part.tissue) ?? Number.POSITIVE_INFINITY));
  }
  return [...nearest].map(([tissue, distance]) => ({ tissue, distance, maxTemperature: volume.edgeTemperature }));
}
