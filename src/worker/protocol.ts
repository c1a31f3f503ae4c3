import type { BeamStatus } from '../geometry/beam-status.ts';
import type { CaseMeta } from '../geometry/phantom.ts';
import type { VoxelGrid } from '../geometry/tissue-model.ts';
import type { TransducerPose } from '../geometry/transducer-pose.ts';
import type { TissueId } from '../physics/tissue-ids.ts';
import type { SphericalArraySpec } from '../physics/transducer.ts';

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
  pose: TransducerPose;
}

export interface BeamTrace {
  /** Element centres in the world, 3N [m]. */
  elementPositions: Float32Array;
  /** Per element, an index into BEAM_STATUS_CODES. */
  statuses: Uint8Array;
  counts: Record<BeamStatus, number>;
}

export interface SonicateRequest extends BeamRequest {
  /** Total acoustic power of the active elements [W]. */
  acousticPower: number;
  /** Heating time [s]. */
  duration: number;
  /** Cooling time simulated after the heating [s]. */
  cooling: number;
  /** The simulated region: a cube centred on the target. */
  region: { size: number; spacing: number };
}

/** Numbers only: what the results card shows. */
export interface SonicationSummary {
  peakPressure: number;
  peakPressureLocation: [number, number, number];
  focalIntensity: number;
  peakTemperature: number;
  peakTemperatureLocation: [number, number, number];
  peakDose: number;
  ablationVolume: number;
  energy: number;
  activeElements: number;
  timeStep: number;
}

export interface SonicationOutcome {
  summary: SonicationSummary;
  grid: VoxelGrid;
  /** Per voxel: max temperature over the run [°C], thermal dose [CEM43 min], pressure amplitude [Pa]. */
  maxTemperature: Float32Array;
  dose: Float32Array;
  pressure: Float32Array;
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
  traceBeams(request: BeamRequest): BeamTrace;
  sonicate(request: SonicateRequest, onProgress: (fraction: number) => void): SonicationOutcome;
}
