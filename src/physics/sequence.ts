import {
  type AcousticDrive,
  type AcousticField,
  computeAcousticField,
  type FieldHooks,
  type SonicationElements,
} from './acoustic-field.ts';
import { createBioheatState } from './bioheat.ts';
import { type DoseReport, doseReport } from './dose-report.ts';
import { type VoxelGrid, voxelCentre, voxelCount } from './grid.ts';
import type { SonicationSnapshot } from './snapshot.ts';
import {
  checkDrive,
  checkRegion,
  DOSE_CEILING,
  prepareRegion,
  SonicationCancelled,
  type SonicationPeaks,
  type SonicationRegion,
} from './sonication.ts';
import { volumeAboveDose } from './thermal-dose.ts';
import { createHeatBudget, type HeatBudget, runThermalSchedule, scheduleFor, storedHeat } from './thermal-run.ts';
import { type FieldFrames, type PointSeries, type RecordRequest, TimeResolvedRecorder } from './time-resolved.ts';
import type { TissueId } from './tissue-ids.ts';
import type { PathSegment } from './tissue-path.ts';
import { BODY_TEMPERATURE } from './tissues.ts';

/** What the spots of a sequence share: the region (grid, labels, tissues, thermal options) and the array. */
export interface SequenceInput extends SonicationRegion {
  /** the array, unless a spot brings its own (mechanical move) */
  elements: SonicationElements;
  /** [Hz] */
  frequency: number;
  /** default for the spots (default true) */
  aberrationCorrection?: boolean;
  /** the medium the array radiates into (default water; see AcousticDrive.couplingTissue) */
  couplingTissue?: TissueId;
  /**
   * Time-resolved recording over the whole sequence (spots and their cooling), see SonicationInput.record.
   * Absent: `series`/`frames` are absent from the result.
   */
  record?: RecordRequest;
  /**
   * Keep the heat budget (deposited, stored, perfused and boundary losses): one extra JavaScript pass over the voxels
   * per step, so only when asked (the conservation tests); default false.
   */
  heatBudget?: boolean;
  /**
   * The acoustic field of spot s on this region, when another model computes it (the whole-path march). Absent:
   * the ray model of acoustic-field.ts.
   */
  fieldOf?: (spot: number, hooks: FieldHooks) => AcousticField;
}

/** One sonication of a sequence. */
export interface SonicationSpot {
  /** [m] world */
  focus: readonly [number, number, number];
  /** per element, the tissue path element → this focus (see AcousticDrive.elementPaths) */
  elementPaths: ReadonlyArray<ReadonlyArray<PathSegment>>;
  /** [W] */
  acousticPower: number;
  /** heating [s] */
  duration: number;
  /** cooling after it, before the next spot [s] */
  cooling: number;
  /** overrides SequenceInput.elements (e.g. after a mechanical move) */
  elements?: SonicationElements;
  /** overrides SequenceInput.aberrationCorrection */
  aberrationCorrection?: boolean;
}

/**
 * Per-spot numbers of a sequence, SonicationPeaks of one spot: peak temperature is the max during this spot (its heating and cooling); peak dose
 * and ablation volume are the accumulated values at the end of this spot.
 */
export interface SpotSummary extends SonicationPeaks {
  /** when the spot's heating starts [s] */
  startTime: number;
  /** hottest temperature in the grid when the spot starts (residual heat of earlier spots) [°C] */
  startTemperature: number;
  /** heating dt [s] */
  timeStep: number;
  activeElements: number;
  elementsBeyondCriticalAngle: number;
  powerBeyondCriticalAngle: number;
  /** whole-path runs: bone met at the focus past its critical angle (angular-spectrum/march.ts solidAtFocus) */
  solidAtFocus?: { straddling: number; ofInput: number };
}

/** Output of simulateSequence: per-spot summaries, accumulated fields and the dose report of the whole run. */
export interface SequenceResult extends DoseReport {
  spots: SpotSummary[];
  /** max over the whole run per voxel [°C] */
  maxTemperature: Float32Array;
  /** accumulated CEM43 per voxel [min] (saturated at DOSE_CEILING) */
  dose: Float32Array;
  /** temperature at the end of the run [°C] */
  finalTemperature: Float32Array;
  /** [°C] */
  peakTemperature: number;
  /** [m] */
  peakTemperatureLocation: [number, number, number];
  /** [CEM43 min] */
  peakDose: number;
  /** [m³] */
  ablationVolume: number;
  /** Σ power × duration [J] */
  energy: number;
  /** [s], every bioheat step of the run */
  time: Float64Array;
  /** hottest temperature in the grid at each time [°C] */
  peakTemperatureHistory: Float64Array;
  /** present when `record` was given: temperature and dose at the points at every step of the whole run */
  series?: PointSeries;
  /** present when `record` was given: the region every frameInterval over the whole run */
  frames?: FieldFrames;
  /**
   * Heat bookkeeping [J]: deposited = stored + perfusionLoss + boundaryLoss to round-off (explicit scheme;
   * `stored` is Σ ρc ΔT V at the end).
   */
  heatBudget?: HeatBudget & { stored: number };
}

/**
 * The acoustic drive of one spot of a sequence: the spot's own elements, power, focus, paths and aberration switch,
 * else the sequence's.
 * @param input - the sequence
 * @param spot - the spot
 * @returns its drive
 */
export function spotDrive(
  input: Pick<SequenceInput, 'elements' | 'frequency' | 'aberrationCorrection' | 'medium' | 'couplingTissue'>,
  spot: SonicationSpot,
): AcousticDrive {
  const correction = spot.aberrationCorrection ?? input.aberrationCorrection;
  return {
    elements: spot.elements ?? input.elements,
    frequency: input.frequency,
    acousticPower: spot.acousticPower,
    focus: spot.focus,
    elementPaths: spot.elementPaths,
    ...(correction === undefined ? {} : { aberrationCorrection: correction }),
    ...(input.medium ? { medium: input.medium } : {}),
    ...(input.couplingTissue ? { couplingTissue: input.couplingTissue } : {}),
  };
}

/**
 * A sequence of sonications on one grid: ΔT and dose carry over from each spot into the next (the spot's own
 * cooling is the pause between them), so residual heat raises the next spot's temperatures and doses add.
 * The acoustic field of every spot is computed as in simulateSonication (same model and limits); the
 * thermal run continues one Pennes state with one dt cap (the region's stability bound and maxTimeStep).
 *
 * @param input - shared region, array and options
 * @param spots - the sonications in order
 * @returns per-spot summaries, accumulated fields and their dose report
 * @throws SonicationCancelled when input.isCancelled() becomes true
 * @see PHYSICS.md §1.5, §1.6; clinical cooling 30–90 s between sonications, §3
 * @example
 * const run = simulateSequence({ elements, frequency: 1e6, grid, labels, tissueTable }, [
 *   { focus: a, elementPaths: pathsA, acousticPower: 60, duration: 20, cooling: 60 },
 *   { focus: b, elementPaths: pathsB, acousticPower: 60, duration: 20, cooling: 60 },
 * ]);
 */
export function simulateSequence(input: SequenceInput, spots: readonly SonicationSpot[]): SequenceResult {
  const run = new SequenceRun(input, spots);
  for (let s = 0; s < spots.length; s++) {
    const hooks: FieldHooks = {
      progress: (f) => run.progress(s, 0.4 * f),
      ...(input.isCancelled ? { isCancelled: input.isCancelled } : {}),
    };
    const field = input.fieldOf
      ? input.fieldOf(s, hooks)
      : computeAcousticField(run.drives[s] as AcousticDrive, input.grid, input.labels, input.tissueTable, hooks);
    run.heatSpot(field);
  }
  return run.finish();
}

/** Progress of a sequence by spot: `fraction` (0..1) of spot `s`'s share (its field the first 40 %, its heat the rest). */
export type SpotProgress = (s: number, fraction: number, snapshot?: SonicationSnapshot) => void;

/**
 * simulateSequence one spot at a time, for a caller that gets each spot's field when it comes (a plan whose fields
 * are computed by other workers): `heatSpot` with the fields in order, then `finish`. The same arithmetic, in the
 * same order, as simulateSequence.
 */
export class SequenceRun {
  /** the spots' acoustic drives, checked */
  readonly drives: readonly AcousticDrive[];
  private readonly grid: VoxelGrid;
  private readonly voxels: number;
  private readonly problem: ReturnType<typeof prepareRegion>['problem'];
  private readonly state: ReturnType<typeof createBioheatState>;
  private readonly maxRise: Float64Array;
  private readonly doseField: Float64Array;
  private readonly budget: HeatBudget | undefined;
  private readonly summaries: SpotSummary[] = [];
  private readonly schedules: ReturnType<typeof scheduleFor>[];
  private readonly time: Float64Array;
  private readonly recorder: TimeResolvedRecorder | undefined;
  private readonly peaks: number[] = [0];
  private readonly report: (f: number, snapshot?: SonicationSnapshot) => void;
  private readonly spotProgress: SpotProgress | undefined;
  private clock = 0;
  private firstStep = 0;

  /**
   * @param input - shared region, array and options (its `fieldOf` is not used: heatSpot brings each field)
   * @param spots - the sonications in order
   * @param spotProgress - progress by spot, instead of input.onProgress's fraction of the whole run
   */
  constructor(
    private readonly input: SequenceInput,
    private readonly spots: readonly SonicationSpot[],
    spotProgress?: SpotProgress,
  ) {
    this.spotProgress = spotProgress;
    const grid: VoxelGrid = input.grid;
    this.grid = grid;
    const voxels = voxelCount(grid);
    this.voxels = voxels;
    checkRegion(input, voxels);
    this.drives = spots.map((spot) => {
      const drive = spotDrive(input, spot);
      checkDrive(drive, spot.duration, spot.cooling);
      return drive;
    });
    this.report = input.onProgress ?? (() => {});
    const { problem, dtMax } = prepareRegion(input);
    this.problem = problem;
    this.state = createBioheatState(grid);
    this.maxRise = new Float64Array(voxels);
    this.doseField = new Float64Array(voxels);
    this.budget = input.heatBudget ? createHeatBudget() : undefined;
    // The whole timeline is known before the run (the schedules depend on dtMax only).
    this.schedules = spots.map((spot) => scheduleFor(spot.duration, spot.cooling, dtMax));
    const times: number[] = [0];
    let start = 0;
    spots.forEach((spot, s) => {
      const schedule = this.schedules[s] as ReturnType<typeof scheduleFor>;
      const steps = schedule.heatingSteps + schedule.coolingSteps;
      for (let i = 1; i <= steps; i++) {
        times.push(
          start +
            (i <= schedule.heatingSteps
              ? i * schedule.heatingDt
              : spot.duration + (i - schedule.heatingSteps) * schedule.coolingDt),
        );
      }
      start += spot.duration + spot.cooling;
    });
    this.time = Float64Array.from(times);
    this.recorder = input.record ? new TimeResolvedRecorder(grid, input.record, this.time, DOSE_CEILING) : undefined;
    this.recorder?.record(0, this.state.rise, this.doseField);
  }

  /** The spots heated so far. */
  get heated(): number {
    return this.summaries.length;
  }

  /**
   * Reports progress: `fraction` (0..1) of spot `s`'s share of the run (its field the first 40 %, its heat the rest).
   */
  progress(s: number, fraction: number, snapshot?: SonicationSnapshot): void {
    if (this.spotProgress) this.spotProgress(s, fraction, snapshot);
    else this.report((s + fraction) / Math.max(1, this.spots.length), snapshot);
  }

  /**
   * Heats and cools the next spot with its field.
   * @param field - the spot's acoustic field on the region
   * @throws SonicationCancelled when input.isCancelled() becomes true
   */
  heatSpot(field: AcousticField): void {
    const { input, state, voxels, grid, maxRise, doseField, budget, recorder } = this;
    const s = this.summaries.length;
    const spot = this.spots[s];
    if (!spot) throw new RangeError('SequenceRun: every spot is heated already');
    const schedule = this.schedules[s] as ReturnType<typeof scheduleFor>;
    const steps = schedule.heatingSteps + schedule.coolingSteps;
    const spotMax = Float64Array.from(state.rise);
    let startRise = Number.NEGATIVE_INFINITY;
    for (const r of state.rise) if (r > startRise) startRise = r;
    const peakHistory = new Float64Array(steps + 1);
    runThermalSchedule(this.problem, field.heatSource, schedule, {
      state,
      maxRise: spotMax,
      dose: doseField,
      probes: new Int32Array(0),
      history: new Float64Array(0),
      peakHistory,
      ...(budget ? { budget } : {}),
      ...(recorder ? { timeResolved: { recorder, firstStep: this.firstStep } } : {}),
      ...(input.boundaryDriver ? { boundary: input.boundaryDriver } : {}),
      ...(input.bioheatKernels ? { kernels: input.bioheatKernels } : {}),
      onChunk: (fraction, peakRise) => {
        if (input.isCancelled?.()) throw new SonicationCancelled();
        const step = Math.round(fraction * steps);
        this.progress(s, 0.4 + 0.6 * fraction, {
          stage: 'heat',
          time:
            step <= schedule.heatingSteps
              ? step * schedule.heatingDt
              : spot.duration + (step - schedule.heatingSteps) * schedule.coolingDt,
          duration: spot.duration,
          cooling: spot.cooling,
          // the spot's own maximum starts from the rise it found (spotMax), as its summary's peak does
          peakTemperature: BODY_TEMPERATURE + Math.max(startRise, peakRise),
          spot: { index: s, count: this.spots.length },
        });
      },
    });
    let hottest = 0;
    for (let v = 0; v < voxels; v++) {
      const r = spotMax[v] as number;
      if (r > (spotMax[hottest] as number)) hottest = v;
      if (r > (maxRise[v] as number)) maxRise[v] = r;
    }
    let peakDose = 0;
    for (const d of doseField) if (d > peakDose) peakDose = d;
    for (let i = 1; i <= steps; i++) this.peaks.push(peakHistory[i] as number);
    this.firstStep += steps;
    this.summaries.push({
      startTime: this.clock,
      startTemperature: BODY_TEMPERATURE + startRise,
      peakPressure: field.peakPressure,
      peakPressureLocation: voxelCentre(grid, field.peakIndex),
      focalIntensity: field.focalIntensity,
      peakTemperature: BODY_TEMPERATURE + (spotMax[hottest] as number),
      peakTemperatureLocation: voxelCentre(grid, hottest),
      peakDose: Math.min(peakDose, DOSE_CEILING),
      ablationVolume: volumeAboveDose(doseField, grid.spacing ** 3),
      energy: spot.acousticPower * spot.duration,
      timeStep: schedule.heatingDt,
      activeElements: field.activeElements,
      elementsBeyondCriticalAngle: field.elementsBeyondCriticalAngle,
      powerBeyondCriticalAngle: field.powerBeyondCriticalAngle,
    });
    this.clock += spot.duration + spot.cooling;
  }

  /**
   * The run's result, once every spot is heated.
   * @returns per-spot summaries, accumulated fields and their dose report
   */
  finish(): SequenceResult {
    const { input, spots, state, voxels, grid, maxRise, doseField, budget, recorder } = this;
    if (this.summaries.length !== spots.length) throw new RangeError('SequenceRun: not every spot is heated');
    let hottest = 0;
    let peakDose = 0;
    const maxTemperature = new Float32Array(voxels);
    const finalTemperature = new Float32Array(voxels);
    for (let v = 0; v < voxels; v++) {
      if ((maxRise[v] as number) > (maxRise[hottest] as number)) hottest = v;
      const d = Math.min(doseField[v] as number, DOSE_CEILING);
      doseField[v] = d;
      if (d > peakDose) peakDose = d;
      maxTemperature[v] = BODY_TEMPERATURE + (maxRise[v] as number);
      finalTemperature[v] = BODY_TEMPERATURE + (state.rise[v] as number);
    }
    const foci = spots.map((spot) => spot.focus);
    const report = doseReport(grid, input.labels, input.tissueTable, maxTemperature, doseField, foci, input);
    if (!this.spotProgress) this.report(1);
    return {
      spots: this.summaries,
      maxTemperature,
      dose: Float32Array.from(doseField),
      finalTemperature,
      peakTemperature: BODY_TEMPERATURE + (maxRise[hottest] as number),
      peakTemperatureLocation: voxelCentre(grid, hottest),
      peakDose,
      ablationVolume: volumeAboveDose(doseField, grid.spacing ** 3),
      energy: spots.reduce((sum, spot) => sum + spot.acousticPower * spot.duration, 0),
      time: this.time,
      peakTemperatureHistory: Float64Array.from(this.peaks, (r) => BODY_TEMPERATURE + r),
      ...(budget ? { heatBudget: { ...budget, stored: storedHeat(this.problem, state.rise) } } : {}),
      ...(recorder ? recorder.result() : {}),
      ...report,
    };
  }
}
