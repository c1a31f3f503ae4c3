import type { BeamStatus } from '../geometry/beam-status.ts';
import type { CaseMeta } from '../geometry/phantom.ts';
import type { VoxelGrid } from '../geometry/tissue-model.ts';
import type { TransducerPose } from '../geometry/transducer-pose.ts';
import type { DoseReport } from '../physics/dose-report.ts';
import type { SonicationPeaks } from '../physics/sonication.ts';
import type { TissueId } from '../physics/tissue-ids.ts';
import type { SphericalArraySpec } from '../physics/transducer.ts';
import type {
  Estimate,
  EstimateRequest,
  PlanningBeamRequest,
  PlanningBeamTrace,
  PlanOutcome,
  PlanRequest,
  SpotGridRequest,
} from './plan-protocol.ts';
import type { ResultsRequest, TimeResolved } from './results-protocol.ts';

/** The messages between the app and the simulation worker: plain data and typed arrays, SI units. */

export interface CasePartSummary {
  name: string;
  tissue: TissueId;
  label: string;
}

export interface CaseSummary {
  meta: CaseMeta;
  parts: CasePartSummary[];
}

export interface BeamRequest {
  transducer: SphericalArraySpec;
  /** Where the transducer sits: its geometric focus on `pose.target`. */
  pose: TransducerPose;
  /**
   * The electronic focus [m], when the array steers away from its geometric focus; absent = `pose.target`.
   * Beams are traced to it and the simulated region is centred on it.
   */
  focus?: [number, number, number];
  /** Per element, 1 = on, 0 = switched off; absent = all on. */
  elementsOn?: Uint8Array;
  /**
   * Correct each element's phase for the sound speeds on its path (default true). Off, the array focuses as if
   * in water and the tissue's phase aberration blurs the focus.
   */
  aberrationCorrection?: boolean;
}

export interface BeamTrace {
  /** Element centres in the world, 3N [m]. */
  elementPositions: Float32Array;
  /** Per element, an index into BEAM_STATUS_CODES. */
  statuses: Uint8Array;
  counts: Record<BeamStatus, number>;
}

/** A sonication, judged like a plan's beams: no-pass regions, the automatic switch-off rule and free beams apply. */
export interface SonicateRequest extends PlanningBeamRequest {
  /** Total acoustic power of the active elements [W]. */
  acousticPower: number;
  /** Heating time [s]. */
  duration: number;
  /** Cooling time simulated after the heating [s]. */
  cooling: number;
  /** The simulated region: a cube centred on the target. */
  region: { size: number; spacing: number };
  /**
   * Time-resolved results (results-protocol.ts): when present, the outcome carries `series` (the focus, then
   * the probes, at every bioheat step) and `frames` (the region every frameInterval). Absent: neither.
   */
  results?: ResultsRequest;
}

/** Numbers only: what the results card shows. */
export interface SonicationSummary extends SonicationPeaks {
  activeElements: number;
  timeStep: number;
  /** |p| at the electronic focus over |p| at the geometric focus, same drive, in water (1 = not steered). */
  steeringLoss: number;
  /** Active elements whose path meets bone beyond the critical angle: they add nothing at the focus. */
  elementsBeyondCriticalAngle: number;
  /** Lesion voxels with CEM43 ≥ 240 over lesion voxels in the region (0 when the region holds no lesion). */
  lesionCoverage: number;
}

/** `series` and `frames` (TimeResolved) are present exactly when the request carried `results`. */
export interface SonicationOutcome extends Partial<TimeResolved> {
  summary: SonicationSummary;
  grid: VoxelGrid;
  /** Per voxel: max temperature over the run [°C], thermal dose [CEM43 min], pressure amplitude [Pa], heat source [W/m³]. */
  maxTemperature: Float32Array;
  dose: Float32Array;
  pressure: Float32Array;
  heatSource: Float32Array;
  /** Per tissue and region: max temperature, max dose and volumes above the ablation and safety thresholds. */
  doses: DoseReport;
  /** Temperature against time at the hottest voxel [s], [°C]. */
  time: Float64Array;
  hottestTemperature: Float64Array;
  /** The global scope the computation ran in, so tests can prove it left the main thread. */
  computedIn: string;
  /** Wall time of the computation [ms]. */
  elapsedMs: number;
}

/** The worker's API (exposed with comlink). */
export interface SimWorkerApi {
  loadCase(bytes: ArrayBuffer, fallbackTitle: string): Promise<CaseSummary>;
  sonicate(request: SonicateRequest, onProgress: (fraction: number) => void): SonicationOutcome;
  /** Beam planning (plan-protocol.ts): statuses with no-pass regions and the switch-off rule. */
  traceBeamsForPlanning(request: PlanningBeamRequest): PlanningBeamTrace;
  /** Live estimate while dragging (≈ 10–25 ms for the 208-element array on the 2-core machine). */
  estimate(request: EstimateRequest): Estimate;
  /** Spot centres covering the lesion, in delivery order [m]. */
  spotGrid(request: SpotGridRequest): [number, number, number][];
  /** A plan of several spots on one region, dose and temperature carried over. */
  runPlan(request: PlanRequest, onProgress: (fraction: number) => void): PlanOutcome;
}
