import { type AcousticDrive, type FieldHooks, SonicationCancelled } from '../acoustic-field.ts';
import { type DoseReport, mergeDoseReports } from '../dose-report.ts';
import { edgeMax, type VoxelGrid, voxelCount } from '../grid.ts';
import {
  checkDrive,
  checkRegion,
  DOSE_CEILING,
  type SonicationInput,
  type SonicationResult,
  simulateSonication,
} from '../sonication.ts';
import { scheduleFor } from '../thermal-run.ts';
import { BODY_TEMPERATURE, type Medium, TISSUES } from '../tissues.ts';
import { type CoarseGrid, coarseGridOf } from './coarse-grid.ts';
import { COARSE_MAX_TIME_STEP, type CoarseRun, coarseReport, type PathPeak, runCoarse } from './coarse-run.ts';
import type { FocalProfiles } from './profiles.ts';
import { type SpotAcoustics, spotAcoustics, type WholePathAcoustics } from './spot-acoustics.ts';

type Vec3 = [number, number, number];

/** The whole beam path of a sonication: the acoustic lattice and the size of the coarse thermal blocks. */
export interface WholePath extends WholePathAcoustics {
  /** lattice voxels per coarse thermal block: bx laterally, bz axially (bx·dx = bz·dz) */
  readonly block: { readonly bx: number; readonly bz: number };
}

/**
 * A spot's field on the whole path and the coarse grid it was averaged onto: what a sonication computes before any
 * heat, kept by a caller that may run the same beams again at another power (engine/acoustics-reuse.ts).
 */
export interface PathAcoustics {
  readonly coarse: CoarseGrid;
  readonly acoustics: SpotAcoustics;
}

/** What the whole path adds to a sonication's result. */
export interface WholePathReport {
  /** largest |p| anywhere on the path [Pa], where [m], and |p| at the focus [Pa] */
  pathPeakPressure: number;
  pathPeakPressureLocation: Vec3;
  focusPressure: number;
  /** |p| profiles through the peak (beam frame: z along the beam from the geometric focus) and −6 dB sizes */
  profiles: FocalProfiles;
  /** the hottest place outside the focal region: skin, far bone, a structure beside the beam */
  pathPeakTemperature: PathPeak;
  /** acoustic power entering the lattice, turned into heat in it, and by mode-converted shear [W] */
  inputPower: number;
  absorbedPower: number;
  shearPower: number;
  /**
   * bone at the focus met by a cone of rays reaching past its critical angle, where its heating is approximate
   * (angular-spectrum/march.ts MarchResult.solidAtFocus)
   */
  solidAtFocus: { straddling: number; ofInput: number };
  /** one-way marches run */
  passes: number;
  /** heat deposited in the focal region's box by the lattice and after averaging onto the fine grid [W] */
  focalRegionHeat: { lattice: number; fine: number };
  /** the coarse thermal grid (beam-frame coordinates) */
  coarseGrid: VoxelGrid;
  /**
   * Highest temperature reached on the coarse grid's outermost layer of blocks [°C]. Outside the grid nothing is
   * heated by the beam, so by the maximum principle of the heat equation no point outside gets hotter than the
   * edge: what bounds a structure the simulated path does not reach (the fixed-temperature faces make the edge a
   * slight under-estimate).
   */
  edgeTemperature: number;
  /** the focal region's own report (the result's report merges it with the rest of the path) */
  focalRegion: DoseReport;
}

/** A sonication simulated along its whole beam path. */
export interface WholePathSonicationResult extends SonicationResult {
  wholePath: WholePathReport;
}

/** Share of the progress bar taken by the field and by the coarse thermal run. */
const FIELD_SHARE = 0.5;
const COARSE_SHARE = 0.15;

/**
 * A sonication on its whole beam path, from the water in front of the skin to beyond the bone (issue "whole-path,
 * bone-aware acoustics and heating"):
 * 1. the field: hybrid angular spectrum march through the labelled lattice (spot-acoustics.ts) — right on both sides
 *    of every interface, with reflections, the wavelength change in bone and mode-converted shear heat;
 * 2. the heat of the whole path on the coarse grid (blocks of ≈ 1.4 mm): skin, fat, far bone, structures beside the
 *    beam get a temperature and a dose;
 * 3. the focal region on the fine world grid (the input's grid, labels and record options) with the lattice's heat
 *    averaged onto it and its faces at the coarse grid's temperature (nesting.ts), through simulateSonication;
 * 4. one dose report: the fine region's voxels from the fine run, the rest of the path from the coarse run.
 * @param input - the sonication (the fine region is its grid) and its whole path
 * @returns simulateSonication's result on the fine region, the merged report and the whole-path numbers
 * @throws SonicationCancelled when input.isCancelled() becomes true
 * @see PHYSICS.md §1.4–§1.7, §5; src/physics/CONTEXT.md (whole-path model)
 */
export function simulateWholePathSonication(
  input: Omit<SonicationInput, 'field' | 'boundaryDriver'> & {
    wholePath: WholePath;
    /** the field computed before for this very path and drive pattern, at this input's power: no march */
    reuse?: PathAcoustics;
    /** receives the field computed (or reused), e.g. to keep it */
    onAcoustics?: (computed: PathAcoustics) => void;
  },
): WholePathSonicationResult {
  checkDrive(input, input.duration, input.cooling);
  checkRegion(input, voxelCount(input.grid));
  const medium: Medium = input.medium ?? TISSUES;
  const progress = input.onProgress ?? (() => {});
  const cancelCheck = (): void => {
    if (input.isCancelled?.()) throw new SonicationCancelled();
  };
  const path = input.wholePath;
  const fine = { grid: input.grid, labels: input.labels, tissueTable: input.tissueTable };
  const { coarse, acoustics } =
    input.reuse ??
    wholePathAcoustics(input, {
      progress: (f) => progress(FIELD_SHARE * f),
      ...(input.isCancelled ? { isCancelled: input.isCancelled } : {}),
    });
  input.onAcoustics?.({ coarse, acoustics });
  progress(FIELD_SHARE, { stage: 'field', peakPressure: acoustics.pathPeakPressure });
  const run = runCoarse(
    coarse,
    [{ heat: acoustics.coarseHeat, schedule: coarseSchedule(coarse, input.duration, input.cooling) }],
    {
      ...fine,
      medium,
      frame: path.frame,
      ...(input.thermalMedium ? { conductivity: input.thermalMedium.conductivity } : {}),
    },
    (f) => progress(FIELD_SHARE + COARSE_SHARE * f),
    cancelCheck,
    input.bioheatKernels,
  );
  const result = simulateSonication({
    ...input,
    field: acoustics.fine,
    // Every record kept: simulateSonication runs the heat a second time when its hottest voxel was not recorded.
    boundaryDriver: run.ghosts.driver(input.grid),
    onProgress: (f, snapshot) => progress(FIELD_SHARE + COARSE_SHARE + (1 - FIELD_SHARE - COARSE_SHARE) * f, snapshot),
  });
  return {
    ...withWholePath(result, input, coarse, run, acoustics, [input.focus]),
    // The field's peak is the lattice's (exact face samples), wherever on the path it is.
    peakPressure: acoustics.pathPeakPressure,
    peakPressureLocation: acoustics.pathPeakLocation,
    focalIntensity: acoustics.pathPeakIntensity,
  };
}

/**
 * The first half of a whole-path sonication, before any heat: the coarse thermal grid of the path and the field
 * marched through it (spotAcoustics). A caller may compute it ahead of the sonication — while the user is still
 * deciding — and hand it over as simulateWholePathSonication's `reuse`.
 * @param input - the drive, the fine region (grid, labels) and the whole path
 * @param hooks - progress (0..1 of this half) and cancellation
 * @returns the coarse grid and the field
 */
export function wholePathAcoustics(
  input: AcousticDrive & Pick<SonicationInput, 'grid' | 'labels' | 'tissueTable'> & { wholePath: WholePath },
  hooks: FieldHooks = {},
): PathAcoustics {
  const medium: Medium = input.medium ?? TISSUES;
  const path = input.wholePath;
  const fine = { grid: input.grid, labels: input.labels, tissueTable: input.tissueTable };
  const coarse = coarseGridOf(path, medium);
  return { coarse, acoustics: spotAcoustics(input, path, coarse, fine, hooks) };
}

/**
 * The coarse schedule of one heating period.
 * @param coarse - coarse grid
 * @param duration - heating [s]
 * @param cooling - cooling [s]
 * @returns steps no longer than COARSE_MAX_TIME_STEP or the grid's stability bound
 */
export function coarseSchedule(coarse: CoarseGrid, duration: number, cooling: number) {
  return scheduleFor(duration, cooling, Math.min(COARSE_MAX_TIME_STEP, coarseStability(coarse)));
}

function coarseStability(coarse: CoarseGrid): number {
  // The same per-voxel bound as prepareBioheat, without building the problem twice: 6 faces of the largest k.
  const h2 = coarse.grid.spacing ** 2;
  let rate = 0;
  const { heatCapacity, conductivity, perfusionHeat } = coarse.medium;
  for (let v = 0; v < heatCapacity.length; v++) {
    const r = ((12 * (conductivity[v] as number)) / h2 + (perfusionHeat[v] as number)) / (heatCapacity[v] as number);
    if (r > rate) rate = r;
  }
  return rate > 0 ? 1 / rate : Number.POSITIVE_INFINITY;
}

/**
 * Merges the fine result with the coarse run: report, path peaks.
 * @param result - the fine region's result
 * @param input - region and options
 * @param coarse - coarse grid
 * @param run - coarse run
 * @param acoustics - the (last) spot's acoustics, for the pressures and powers
 * @param foci - every focus
 * @returns the whole-path result
 */
export function withWholePath<R extends DoseReport>(
  result: R,
  input: {
    grid: VoxelGrid;
    safetyDoseThreshold?: number;
    boneSurfaceExclusionRadius?: number;
    wholePath: WholePath;
  },
  coarse: CoarseGrid,
  run: CoarseRun,
  acoustics: Omit<SpotAcoustics, 'fine' | 'coarseHeat'>,
  foci: readonly (readonly [number, number, number])[],
): R & { wholePath: WholePathReport } {
  const path = input.wholePath;
  const options = {
    ...(input.safetyDoseThreshold === undefined ? {} : { safetyDoseThreshold: input.safetyDoseThreshold }),
    ...(input.boneSurfaceExclusionRadius === undefined
      ? {}
      : { boneSurfaceExclusionRadius: input.boneSurfaceExclusionRadius }),
  };
  const { report, peak } = coarseReport(
    path.lattice,
    path.labels,
    path.tissueTable,
    coarse,
    run,
    path.frame,
    input.grid,
    foci,
    options,
    DOSE_CEILING,
  );
  const focalRegion: DoseReport = {
    tissueDose: result.tissueDose,
    boneDose: result.boneDose,
    criticalDose: result.criticalDose,
    lesionCoverage: result.lesionCoverage,
    boneSurfaceOutsideTarget: result.boneSurfaceOutsideTarget,
    safetyDoseThreshold: result.safetyDoseThreshold,
  };
  return {
    ...result,
    ...mergeDoseReports(focalRegion, report),
    wholePath: {
      pathPeakPressure: acoustics.pathPeakPressure,
      pathPeakPressureLocation: acoustics.pathPeakLocation,
      focusPressure: acoustics.focusPressure,
      profiles: acoustics.profiles,
      pathPeakTemperature: peak,
      inputPower: acoustics.inputPower,
      absorbedPower: acoustics.absorbedPower,
      shearPower: acoustics.shearPower,
      solidAtFocus: { ...acoustics.solidAtFocus },
      passes: acoustics.passes,
      focalRegionHeat: { ...acoustics.focalRegionHeat },
      coarseGrid: coarse.grid,
      edgeTemperature: BODY_TEMPERATURE + edgeMax(coarse.grid, run.maxRise),
      focalRegion,
    },
  };
}
