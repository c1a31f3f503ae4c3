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
import type { SpotLayout } from '../engine/spot-grid.ts';
import type { VoxelGrid } from '../geometry/tissue-model.ts';
import type { SonicationProgress } from '../physics/snapshot.ts';
import type { SpotAcoustics } from '../physics/whole-path/spot-acoustics.ts';

export type { BeamTrace, CasePartSummary, CaseSummary, SonicationSummary } from '../engine/outcomes.ts';
/**
 * The messages between the app and the simulation worker: plain data and typed arrays, SI units. Requests and
 * most outcomes are the engine's own (src/engine/requests.ts, outcomes.ts), re-exported so the app names them by
 * the worker it talks to; a sonication's outcome is the worker's encoding of the engine's run (ops/sonicate.ts).
 */
export type { BeamRequest, SonicateRequest } from '../engine/requests.ts';
export type { SpotLayout } from '../engine/spot-grid.ts';
export type { HeatSnapshot, SonicationProgress, SonicationSnapshot } from '../physics/snapshot.ts';

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
  /**
   * Begun ahead, while the settings stood still (prepareSonication), and handed to the Sonicate that asked for the
   * same request: 'ready' when it was done before the click, 'finished' when the click waited for its end (the
   * client says which). elapsedMs is then that computation's, field and heat.
   */
  computedAhead?: 'ready' | 'finished';
}

/**
 * Share of a sonication's progress that its field takes (as in the engine's whole-path sonication): a sonication
 * computed ahead reports its field on [0, share] and its heat on [share, 1], and a Sonicate that waits for it
 * shows that progress instead of standing at 0 %.
 */
export const SONICATION_FIELD_SHARE = 0.5;

/**
 * The worker's API (exposed with comlink). A `ticket` numbers a call the page may stop through the worker's stop word
 * (stop-word.ts): such a call rejects with SonicationCancelled once stopped, and the worker goes on serving.
 */
export interface SimWorkerApi {
  /** The word of shared memory the page stops this worker's calls with (posted first, where memory is shared). */
  shareStopWord(word: Int32Array): void;
  loadCase(bytes: ArrayBuffer, fallbackTitle: string): Promise<CaseSummary>;
  /** onProgress: 0..1, with what the run already knows (its field's peak, then the heat so far) */
  sonicate(request: SonicateRequest, onProgress: SonicationProgress, ticket?: number): Promise<SonicationOutcome>;
  /**
   * The sonication being set up, computed ahead and kept: its field (the next Sonicate of the same beams runs the
   * heat alone) and then its heat (a Sonicate of the same request takes the outcome as it is). Resolves true when
   * something was computed, false when nothing was (or it was stopped). Progress: the field on
   * [0, SONICATION_FIELD_SHARE], then the heat with its snapshots.
   */
  prepareSonication(request: SonicateRequest, onProgress: SonicationProgress, ticket?: number): Promise<boolean>;
  /** Beam planning (plan-protocol.ts): statuses with no-pass regions and the switch-off rule. */
  traceBeamsForPlanning(request: PlanningBeamRequest): PlanningBeamTrace;
  /** Live estimate while dragging (≈ 10–25 ms for the 208-element array on the 2-core machine). */
  estimate(request: EstimateRequest): Estimate;
  /** Spots covering the lesion: centres in delivery order [m], their spacing and the count before the cap. */
  spotLayout(request: SpotGridRequest): SpotLayout;
  /**
   * A plan of several spots on one region, dose and temperature carried over, run spot by spot: in a pool, `fieldOf`
   * brings a spot's acoustics from the other workers (planAcoustics) as they finish, or undefined when no other
   * worker took the spot (this worker computes it); it is not asked for the spots whose fields this worker keeps.
   */
  runPlan(
    request: PlanRequest,
    onProgress: SonicationProgress,
    fieldOf?: (id: string) => Promise<SpotAcoustics | undefined>,
    ticket?: number,
  ): Promise<PlanOutcome>;
  /** The spots of a plan whose fields this worker keeps from its last run of the same plan (no one computes them). */
  keptPlanSpots(request: PlanRequest): string[];
  /** Lets go of the plan preparation that planAcoustics keeps between calls. */
  releasePlan(): void;
  /**
   * The acoustics of some spots of a plan (a pool's share); `keep` keeps the plan's preparation for the next call of
   * the same request.
   */
  planAcoustics(
    request: PlanRequest,
    ids: string[],
    keep: boolean,
    /** undefined: no progress is posted (a pool's helper, the plan marched ahead: one message less per report) */
    onProgress: ((fraction: number) => void) | undefined,
    ticket?: number,
  ): Promise<Record<string, SpotAcoustics>>;
}
