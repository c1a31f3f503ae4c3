import type { AcousticField } from '../acoustic-field.ts';
import { SonicationCancelled } from '../acoustic-field.ts';
import { voxelCount } from '../grid.ts';
import {
  type SequenceInput,
  type SequenceResult,
  type SonicationSpot,
  simulateSequence,
  spotDrive,
} from '../sequence.ts';
import { checkRegion } from '../sonication.ts';
import { type Medium, TISSUES } from '../tissues.ts';
import { type CoarseGrid, coarseGrid } from './coarse-grid.ts';
import { runCoarse } from './coarse-run.ts';
import { coarseSchedule, type WholePath, type WholePathReport, withWholePath } from './sonication.ts';
import { type SpotAcoustics, spotAcoustics } from './spot-acoustics.ts';

/** A sequence simulated along its whole beam path. */
export interface WholePathSequenceResult extends SequenceResult {
  /** the whole-path numbers of the spot with the highest pressure, the coarse grid and the focal region's report */
  wholePath: WholePathReport;
}

/**
 * Share of the progress bar taken by the fields (exported: a caller that marches them first reports on it) and by
 * the coarse run.
 */
export const SEQUENCE_FIELD_SHARE = 0.6;
const FIELD_SHARE = SEQUENCE_FIELD_SHARE;
const COARSE_SHARE = 0.1;

/** A whole-path sequence's input: simulateSequence's, with the whole path instead of a field function. */
export type WholePathSequenceInput = Omit<SequenceInput, 'fieldOf' | 'boundaryDriver'> & { wholePath: WholePath };

/**
 * The coarse thermal grid of a sequence's lattice (the same for every spot of the pose).
 * @param input - the sequence
 * @returns the coarse grid
 */
export function sequenceCoarseGrid(input: WholePathSequenceInput): CoarseGrid {
  const path = input.wholePath;
  return coarseGrid(path.lattice, path.labels, path.tissueTable, input.medium ?? TISSUES, path.block.bx, path.block.bz);
}

/**
 * The acoustics of some spots of a sequence: what a pool of workers shares out, each marching its spots through
 * the same lattice (the results are the same wherever they are computed).
 * @param input - the sequence
 * @param spots - every spot of the sequence
 * @param indices - the spots to compute
 * @param coarse - the sequence's coarse grid (sequenceCoarseGrid)
 * @param onProgress - 0..1 over the listed spots
 * @returns their acoustics, in the order of `indices`
 * @throws SonicationCancelled when input.isCancelled() becomes true
 */
export function sequenceAcoustics(
  input: WholePathSequenceInput,
  spots: readonly SonicationSpot[],
  indices: readonly number[],
  coarse: CoarseGrid,
  onProgress: (fraction: number) => void = () => {},
): SpotAcoustics[] {
  const medium: Medium = input.medium ?? TISSUES;
  const fine = { grid: input.grid, labels: input.labels, tissueTable: input.tissueTable };
  return indices.map((index, s) => {
    const drive = spotDrive({ ...input, medium }, spots[index] as SonicationSpot);
    return spotAcoustics(drive, input.wholePath, coarse, fine, {
      progress: (f) => onProgress((s + f) / indices.length),
      ...(input.isCancelled ? { isCancelled: input.isCancelled } : {}),
    });
  });
}

/**
 * A sequence of sonications from one transducer pose along the whole beam path: each spot's field is marched
 * through the same lattice (the array steers electronically, so the lattice of the pose holds every spot), the
 * whole path heats and cools on the coarse grid through every spot, and the plan's focal region (the input's grid)
 * runs simulateSequence with each spot's field averaged onto it and its faces at the coarse temperature.
 * @param input - the sequence (its grid is the focal region holding every spot) and the whole path
 * @param spots - the sonications in order
 * @param precomputed - acoustics of some spots already computed elsewhere (sequenceAcoustics), by spot index
 * @returns simulateSequence's result with the whole path's report merged in and each spot's peak pressure taken
 *   from the lattice
 * @throws SonicationCancelled when input.isCancelled() becomes true
 * @see simulateWholePathSonication
 */
export function simulateWholePathSequence(
  input: WholePathSequenceInput,
  spots: readonly SonicationSpot[],
  precomputed: readonly (SpotAcoustics | undefined)[] = [],
): WholePathSequenceResult {
  checkRegion(input, voxelCount(input.grid));
  if (spots.length === 0) throw new RangeError('simulateWholePathSequence: no spot');
  const medium: Medium = input.medium ?? TISSUES;
  const progress = input.onProgress ?? (() => {});
  const cancelCheck = (): void => {
    if (input.isCancelled?.()) throw new SonicationCancelled();
  };
  const path = input.wholePath;
  const coarse = sequenceCoarseGrid(input);
  const fine = { grid: input.grid, labels: input.labels, tissueTable: input.tissueTable };
  const missing = spots.map((_, s) => s).filter((s) => precomputed[s] === undefined);
  const computed = sequenceAcoustics(input, spots, missing, coarse, (f) => progress(FIELD_SHARE * f));
  const acoustics: SpotAcoustics[] = spots.map(
    (_, s) => precomputed[s] ?? (computed[missing.indexOf(s)] as SpotAcoustics),
  );
  const run = runCoarse(
    coarse,
    spots.map((spot, s) => ({
      heat: (acoustics[s] as SpotAcoustics).coarseHeat,
      schedule: coarseSchedule(coarse, spot.duration, spot.cooling),
    })),
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
  const fields: AcousticField[] = acoustics.map((a) => a.fine);
  const result = simulateSequence(
    {
      ...input,
      medium,
      fieldOf: (s) => fields[s] as AcousticField,
      boundaryDriver: run.ghosts.driver(input.grid),
      onProgress: (f, snapshot) =>
        progress(FIELD_SHARE + COARSE_SHARE + (1 - FIELD_SHARE - COARSE_SHARE) * f, snapshot),
    },
    spots,
  );
  const loudest = acoustics.reduce((best, a) => (a.pathPeakPressure > best.pathPeakPressure ? a : best));
  const merged = withWholePath(
    result,
    input,
    coarse,
    run,
    loudest,
    spots.map((spot) => spot.focus),
  );
  return {
    ...merged,
    spots: result.spots.map((summary, s) => {
      const a = acoustics[s] as SpotAcoustics;
      return {
        ...summary,
        peakPressure: a.pathPeakPressure,
        peakPressureLocation: a.pathPeakLocation,
        focalIntensity: a.pathPeakIntensity,
      };
    }),
  };
}
