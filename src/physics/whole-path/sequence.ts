import { SonicationCancelled } from '../acoustic-field.ts';
import { voxelCount } from '../grid.ts';
import { type SequenceInput, type SequenceResult, SequenceRun, type SonicationSpot, spotDrive } from '../sequence.ts';
import type { SonicationSnapshot } from '../snapshot.ts';
import { checkRegion } from '../sonication.ts';
import { type Medium, TISSUES } from '../tissues.ts';
import { type CoarseGrid, coarseGridOf } from './coarse-grid.ts';
import { CoarseRunner } from './coarse-run.ts';
import { coarseSchedule, type WholePath, type WholePathReport, withWholePath } from './sonication.ts';
import { type SpotAcoustics, spotAcoustics } from './spot-acoustics.ts';

/** A sequence simulated along its whole beam path. */
export interface WholePathSequenceResult extends SequenceResult {
  /** the whole-path numbers of the spot with the highest pressure, the coarse grid and the focal region's report */
  wholePath: WholePathReport;
}

/** Shares of a spot's part of the progress bar: its field, its coarse run, its fine run. */
const FIELD_SHARE = 0.6;
const COARSE_SHARE = 0.1;
const FINE_SHARE = 1 - FIELD_SHARE - COARSE_SHARE;

/** What the report of a sequence needs of a spot's acoustics once its heat has run: all but the fields. */
type SpotNumbers = Omit<SpotAcoustics, 'fine' | 'coarseHeat'>;

/** A spot's numbers without its fields (≈ 4 MB a spot on the femur plan, 29 of them held to the end before). */
function numbersOf(acoustics: SpotAcoustics): SpotNumbers {
  const { fine: _fine, coarseHeat: _coarseHeat, ...numbers } = acoustics;
  return numbers;
}

/** A whole-path sequence's input: simulateSequence's, with the whole path instead of a field function. */
export type WholePathSequenceInput = Omit<SequenceInput, 'fieldOf' | 'boundaryDriver'> & { wholePath: WholePath };

/**
 * The coarse thermal grid of a sequence's lattice (the same for every spot of the pose; made once per lattice and
 * medium, coarseGridOf, and only read after): a pool's helper marches a plan's spots one call at a time, and each
 * call needs it.
 * @param input - the sequence
 * @returns the coarse grid
 */
export function sequenceCoarseGrid(input: WholePathSequenceInput): CoarseGrid {
  return coarseGridOf(input.wholePath, input.medium ?? TISSUES);
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
  const run = new WholePathSequence(input, spots);
  for (let s = run.wanted; s !== undefined; s = run.wanted) run.give(precomputed[s] ?? run.computeWanted());
  return run.finish();
}

/**
 * simulateWholePathSequence spot by spot, as each spot's acoustics comes (from this thread or another worker):
 * `wanted` names the spot to `give` next; each one given runs its coarse period, then the fine heat of the spot
 * before it (the fine run reads the coarse ghost faces up to its own time, and a step may end a rounding past its
 * spot: the next coarse period is there first, as when the whole coarse run came first, so the result is the same
 * to the bit). Progress per spot: its field 60 %, its coarse heat 10 %, its fine heat 30 % of the spot's share.
 */
export class WholePathSequence {
  /** the coarse thermal grid (sequenceAcoustics needs it) */
  readonly coarse: CoarseGrid;
  private readonly medium: Medium;
  /** each spot's acoustics as given, then its numbers alone once both its heats have run (its fields are let go) */
  private readonly acoustics: (SpotAcoustics | SpotNumbers)[] = [];
  private readonly runner: CoarseRunner;
  private readonly fine: SequenceRun;
  /** each spot's share done, 0..1 */
  private readonly done: Float64Array;
  private readonly report: (fraction: number, snapshot?: SonicationSnapshot) => void;

  /**
   * @param input - the sequence (its grid is the focal region holding every spot) and the whole path
   * @param spots - the sonications in order
   */
  constructor(
    private readonly input: WholePathSequenceInput,
    private readonly spots: readonly SonicationSpot[],
  ) {
    checkRegion(input, voxelCount(input.grid));
    if (spots.length === 0) throw new RangeError('simulateWholePathSequence: no spot');
    this.medium = input.medium ?? TISSUES;
    this.report = input.onProgress ?? (() => {});
    this.done = new Float64Array(spots.length);
    const path = input.wholePath;
    this.coarse = sequenceCoarseGrid(input);
    this.runner = new CoarseRunner(
      this.coarse,
      {
        grid: input.grid,
        labels: input.labels,
        tissueTable: input.tissueTable,
        medium: this.medium,
        frame: path.frame,
        ...(input.thermalMedium ? { conductivity: input.thermalMedium.conductivity } : {}),
      },
      input.bioheatKernels,
    );
    this.fine = new SequenceRun(
      { ...input, medium: this.medium, boundaryDriver: this.runner.ghosts.driver(input.grid, { forwardOnly: true }) },
      spots,
      (s, fraction, snapshot) => {
        // SequenceRun's own split of a spot (field 40 %, heat 60 %): only its heat runs here.
        this.advance(s, FIELD_SHARE + COARSE_SHARE + FINE_SHARE * Math.max(0, (fraction - 0.4) / 0.6), snapshot);
      },
    );
  }

  /** The spot whose acoustics is to be given next; undefined when every spot has them. */
  get wanted(): number | undefined {
    const s = this.acoustics.length;
    return s < this.spots.length ? s : undefined;
  }

  /**
   * Computes the wanted spot's acoustics on this thread (reporting its progress as the spot's field share).
   * @returns them, for `give`
   * @throws SonicationCancelled when input.isCancelled() becomes true
   */
  computeWanted(): SpotAcoustics {
    const s = this.wanted;
    if (s === undefined) throw new RangeError('WholePathSequence: every spot has its acoustics');
    return sequenceAcoustics(this.input, this.spots, [s], this.coarse, (f) =>
      this.advance(s, FIELD_SHARE * f),
    )[0] as SpotAcoustics;
  }

  /**
   * Takes the wanted spot's acoustics and runs what they make possible: the spot's coarse period, the fine heat of
   * the spot before, and after the last spot its own fine heat.
   * @param acoustics - the wanted spot's (from sequenceAcoustics, here or in another worker)
   * @throws SonicationCancelled when input.isCancelled() becomes true
   */
  give(acoustics: SpotAcoustics): void {
    const s = this.wanted;
    if (s === undefined) throw new RangeError('WholePathSequence: every spot has its acoustics');
    this.acoustics.push(acoustics);
    this.advance(s, FIELD_SHARE);
    // The spot before still holds its fields: they go after its fine heat below.
    const before = s > 0 ? (this.acoustics[s - 1] as SpotAcoustics) : undefined;
    const spot = this.spots[s] as SonicationSpot;
    this.runner.runPeriod(
      { heat: acoustics.coarseHeat, schedule: coarseSchedule(this.coarse, spot.duration, spot.cooling) },
      (f) => {
        if (this.input.isCancelled?.()) throw new SonicationCancelled();
        this.advance(s, FIELD_SHARE + COARSE_SHARE * f);
      },
    );
    if (before) {
      this.fine.heatSpot(before.fine);
      this.acoustics[s - 1] = numbersOf(before);
    }
    if (s === this.spots.length - 1) {
      this.fine.heatSpot(acoustics.fine);
      this.acoustics[s] = numbersOf(acoustics);
    }
  }

  /**
   * The result, once every spot's acoustics is given.
   * @returns simulateSequence's result with the whole path's report merged in and each spot's peak pressure taken
   *   from the lattice
   */
  finish(): WholePathSequenceResult {
    const { acoustics, spots, input } = this;
    const result = this.fine.finish();
    const loudest = acoustics.reduce((best, a) => (a.pathPeakPressure > best.pathPeakPressure ? a : best));
    const merged = withWholePath(
      result,
      input,
      this.coarse,
      this.runner,
      loudest,
      spots.map((spot) => spot.focus),
    );
    return {
      ...merged,
      spots: result.spots.map((summary, s) => {
        const a = acoustics[s] as SpotNumbers;
        return {
          ...summary,
          peakPressure: a.pathPeakPressure,
          peakPressureLocation: a.pathPeakLocation,
          focalIntensity: a.pathPeakIntensity,
          solidAtFocus: { ...a.solidAtFocus },
        };
      }),
    };
  }

  /** Spot `s` is `share` done (never less than it was): reports the whole sequence's fraction. */
  private advance(s: number, share: number, snapshot?: SonicationSnapshot): void {
    if (share > (this.done[s] as number)) this.done[s] = share;
    let sum = 0;
    for (const d of this.done) sum += d;
    this.report(sum / this.spots.length, snapshot);
  }
}
