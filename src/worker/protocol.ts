import type {
  CaseSummary,
  Estimate,
  PlanningBeamTrace,
  PlanOutcome,
  RunDoses,
  SonicationSummary,
  TimeResolved,
} from '../engine/outcomes.ts';
import type {
  EstimateRequest,
  PlanningBeamRequest,
  PlanRequest,
  SonicateRequest,
  SpotGridRequest,
} from '../engine/requests.ts';
import type { VoxelGrid } from '../geometry/tissue-model.ts';
import type { SonicationProgress, SonicationSnapshot } from '../physics/snapshot.ts';
import type { SpotAcoustics } from '../physics/whole-path/spot-acoustics.ts';

export type { BeamTrace, CasePartSummary, CaseSummary, SonicationSummary } from '../engine/outcomes.ts';
/**
 * The messages between the app and the simulation worker: plain data and typed arrays, SI units. Requests and
 * most outcomes are the engine's own (src/engine/requests.ts, outcomes.ts), re-exported so the app names them by
 * the worker it talks to; a sonication's outcome is the worker's encoding of the engine's run (ops/sonicate.ts).
 */
export type { BeamRequest, SonicateRequest } from '../engine/requests.ts';
export type { HeatSnapshot, SonicationProgress, SonicationSnapshot } from '../physics/snapshot.ts';

/** A plan's spot fields computed so far over the workers that share them out (the pool reports it, not a worker). */
export interface FieldsSnapshot {
  readonly stage: 'fields';
  readonly done: number;
  readonly count: number;
}

/** Anything the pool reports with a run's progress: what the run already knows, or the pool's own count. */
export type RunSnapshot = SonicationSnapshot | FieldsSnapshot;

/** A run's progress as the app receives it from the pool: 0..1 and, where there is one, a snapshot. */
export type RunProgress = (fraction: number, snapshot?: RunSnapshot) => void;

/** `series` and `frames` (TimeResolved) are present exactly when the request carried `results`. */
export interface SonicationOutcome extends Partial<TimeResolved> {
  summary: SonicationSummary;
  grid: VoxelGrid;
  /** Per voxel: max temperature over the run [°C], thermal dose [CEM43 min], pressure amplitude [Pa], heat source [W/m³]. */
  maxTemperature: Float32Array;
  dose: Float32Array;
  pressure: Float32Array;
  heatSource: Float32Array;
  /**
   * Per tissue and region: max temperature, max dose and volumes above the ablation and safety thresholds; the
   * critical structures the run did not reach, with their distance.
   */
  doses: RunDoses;
  /** Temperature against time at the hottest voxel [s], [°C]. */
  time: Float64Array;
  hottestTemperature: Float64Array;
  /** Wall time of the computation [ms]. */
  elapsedMs: number;
}

/** The worker's API (exposed with comlink). */
export interface SimWorkerApi {
  loadCase(bytes: ArrayBuffer, fallbackTitle: string): Promise<CaseSummary>;
  /** onProgress: 0..1, with what the run already knows (its field's peak, then the heat so far) */
  sonicate(request: SonicateRequest, onProgress: SonicationProgress): Promise<SonicationOutcome>;
  /**
   * The field of the sonication being set up, computed ahead and kept, so the next Sonicate of the same beams runs
   * the heat alone; resolves true when a field was computed. Progress is 0..1 of the field.
   */
  prepareSonication(request: SonicateRequest, onProgress: (fraction: number) => void): Promise<boolean>;
  /** Beam planning (plan-protocol.ts): statuses with no-pass regions and the switch-off rule. */
  traceBeamsForPlanning(request: PlanningBeamRequest): PlanningBeamTrace;
  /** Live estimate while dragging (≈ 10–25 ms for the 208-element array on the 2-core machine). */
  estimate(request: EstimateRequest): Estimate;
  /** Spot centres covering the lesion, in delivery order [m]. */
  spotGrid(request: SpotGridRequest): [number, number, number][];
  /**
   * A plan of several spots on one region, dose and temperature carried over; `precomputed` holds the acoustics of
   * spots other workers of the pool computed (planAcoustics), by spot id.
   */
  runPlan(
    request: PlanRequest,
    onProgress: SonicationProgress,
    precomputed?: Record<string, SpotAcoustics>,
  ): PlanOutcome;
  /**
   * The acoustics of some spots of a plan (a pool's share); `keep` keeps the plan's preparation for this worker's own
   * runPlan of the same request.
   */
  planAcoustics(
    request: PlanRequest,
    ids: string[],
    keep: boolean,
    onProgress: (fraction: number) => void,
  ): Record<string, SpotAcoustics>;
}
