import type { VoxelGrid } from '../geometry/tissue-model.ts';
import type { SonicationPeaks } from '../physics/sonication.ts';
import type { TissueId } from '../physics/tissue-ids.ts';

type Vec3 = readonly [number, number, number];

/**
 * What happened at the target itself, beside the region's peaks: the peak and the target can differ (a standing
 * wave before a bone, aberration left uncorrected), and a learner must see both and how far apart they are.
 */
export interface AtTarget {
  /** the target (the electronic focus) [m] */
  position: [number, number, number];
  /** highest temperature reached at the target over the run [°C] (trilinear in the region's voxels) */
  temperature: number;
  /** thermal dose at the target at the end of the run [CEM43 min] (trilinear) */
  dose: number;
  /** distance from the target to the hottest voxel [m] */
  peakTemperatureDistance: number;
  /** distance from the target to the voxel of highest pressure [m] */
  peakPressureDistance: number;
  /**
   * whether each peak lies inside the focal spot around the target (the −6 dB pressure ellipsoid, a voxel larger):
   * a peak there is where the user aimed, however its distance reads; absent when the run gave no spot. The
   * pressure peak must also lie in the target's tissue or within the spot's half-width of the target (when the run
   * knows the tissues): a long spot (0.5 MHz, F# 2: ≈ 85 mm) reaches the skin or a bone's front face, whose peaks
   * are not the focus.
   */
  peakTemperatureInSpot?: boolean;
  peakPressureInSpot?: boolean;
  /**
   * the tissue at the hottest voxel: "10.1 mm from the target" on the card and "bone surface outside the target" on
   * the safety dashboard are the same point, which the card says (absent in runs that did not look it up)
   */
  peakTemperatureTissue?: TissueId;
  /** the tissue at the target itself (absent in runs that did not look it up): a dose in the water bath ablates nothing */
  tissue?: TissueId;
}

/** The focal spot around the target: an ellipsoid, long along the beam. */
export interface FocalEllipsoid {
  /** unit vector along the beam */
  axis: Vec3;
  /** half its length along the beam and half its width across [m] */
  halfLength: number;
  halfWidth: number;
}

/** √2: a focal profile's −6 dB width over its −3 dB width (Gaussian; the paraxial lateral ratio is 1.37). */
const SIX_DB_PER_THREE_DB = Math.SQRT2;

/**
 * The −6 dB pressure spot of an array focused at the target, from its paraxial focal spot: across, the −6 dB width;
 * along the beam, the intensity FWHM × √2; each half of it, plus a voxel (the peaks are voxels).
 * @param spot - the array's focal spot (physics/estimate focalSpot)
 * @param axis - along the beam (need not be unit length)
 * @param voxel - the region's voxel size [m]
 * @returns the ellipsoid
 */
export function focalEllipsoid(
  spot: { lateralWidth6dB: number; axialFwhm: number },
  axis: Vec3,
  voxel: number,
): FocalEllipsoid {
  const length = Math.hypot(axis[0], axis[1], axis[2]) || 1;
  return {
    axis: [axis[0] / length, axis[1] / length, axis[2] / length],
    halfLength: (SIX_DB_PER_THREE_DB * spot.axialFwhm) / 2 + voxel,
    halfWidth: spot.lateralWidth6dB / 2 + voxel,
  };
}

/** Whether `p` lies in the ellipsoid centred on `target`. */
function inSpot(spot: FocalEllipsoid, target: Vec3, p: Vec3): boolean {
  const d = [p[0] - target[0], p[1] - target[1], p[2] - target[2]];
  const along = (d[0] as number) * spot.axis[0] + (d[1] as number) * spot.axis[1] + (d[2] as number) * spot.axis[2];
  const across2 = Math.max(0, (d[0] as number) ** 2 + (d[1] as number) ** 2 + (d[2] as number) ** 2 - along ** 2);
  return (along / spot.halfLength) ** 2 + across2 / spot.halfWidth ** 2 <= 1;
}

/**
 * @param grid - the region the fields live on
 * @param maxTemperature - highest temperature per voxel [°C]
 * @param dose - CEM43 per voxel [min]
 * @param target - the focus [m]
 * @param peaks - the run's peaks and where they are
 * @param spot - the focal spot around the target, when known: says whether each peak lies in it
 * @param tissueAt - the tissue at a point, when known: a pressure peak in another tissue than the target's is not
 *   in the spot
 * @returns the values at the target and its distances to the peaks
 */
export function atTarget(
  grid: VoxelGrid,
  maxTemperature: ArrayLike<number>,
  dose: ArrayLike<number>,
  target: Vec3,
  peaks: Pick<SonicationPeaks, 'peakTemperatureLocation' | 'peakPressureLocation'>,
  spot?: FocalEllipsoid,
  tissueAt?: (p: Vec3) => TissueId,
): AtTarget {
  const distance = (p: Vec3) => Math.hypot(p[0] - target[0], p[1] - target[1], p[2] - target[2]);
  // Within the spot's half-width of the target a peak is the focus itself, whichever side of a surface it falls on.
  const sameTissue = (p: Vec3) =>
    !tissueAt || tissueAt(p) === tissueAt(target) || distance(p) <= (spot?.halfWidth ?? 0);
  return {
    position: [target[0], target[1], target[2]],
    temperature: trilinear(grid, maxTemperature, target),
    dose: trilinear(grid, dose, target),
    peakTemperatureDistance: distance(peaks.peakTemperatureLocation),
    peakPressureDistance: distance(peaks.peakPressureLocation),
    ...(tissueAt ? { tissue: tissueAt(target) } : {}),
    ...(spot
      ? {
          peakTemperatureInSpot: inSpot(spot, target, peaks.peakTemperatureLocation),
          peakPressureInSpot:
            inSpot(spot, target, peaks.peakPressureLocation) && sameTissue(peaks.peakPressureLocation),
        }
      : {}),
  };
}

/** A voxel field at a point, trilinear between voxel centres (clamped to the grid). */
function trilinear(grid: VoxelGrid, field: ArrayLike<number>, p: Vec3): number {
  const counts = [grid.nx, grid.ny, grid.nz];
  const cell = [0, 0, 0];
  const frac = [0, 0, 0];
  for (let a = 0; a < 3; a++) {
    const n = counts[a] as number;
    const x = Math.min(n - 1, Math.max(0, ((p[a] as number) - (grid.origin[a] as number)) / grid.spacing));
    const i = Math.min(n - 2, Math.floor(x));
    cell[a] = Math.max(0, i);
    frac[a] = n > 1 ? x - (cell[a] as number) : 0;
  }
  let sum = 0;
  for (let c = 0; c < 8; c++) {
    const di = c & 1;
    const dj = (c >> 1) & 1;
    const dk = (c >> 2) & 1;
    const i = Math.min(grid.nx - 1, (cell[0] as number) + di);
    const j = Math.min(grid.ny - 1, (cell[1] as number) + dj);
    const k = Math.min(grid.nz - 1, (cell[2] as number) + dk);
    const w =
      (di ? (frac[0] as number) : 1 - (frac[0] as number)) *
      (dj ? (frac[1] as number) : 1 - (frac[1] as number)) *
      (dk ? (frac[2] as number) : 1 - (frac[2] as number));
    sum += w * (field[i + grid.nx * (j + grid.ny * k)] as number);
  }
  return sum;
}
