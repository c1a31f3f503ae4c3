import type { BeamStatus } from '../geometry/beam-status.ts';
import type { VoxelGrid } from '../geometry/tissue-model.ts';
import type { DoseReport } from '../physics/dose-report.ts';
import type { BeamRequest, BeamTrace, SonicationSummary } from './protocol.ts';
import type { ResultsRequest, TimeResolved } from './results-protocol.ts';

type Vec3 = [number, number, number];

/**
 * Messages of beam planning (issue "Beam planning"): live estimates while dragging, the automatic spot grid and
 * a plan of several sonications. Plain data, SI units, like protocol.ts.
 */

/** A region beams must not cross, placed by the user. */
export interface NoPassRegion {
  id: string;
  kind: 'sphere' | 'box';
  /** [m] */
  centre: Vec3;
  /** sphere: radius; box: half the side of an axis-aligned cube [m] */
  size: number;
}

/** BeamRequest with the planning context beams are judged in. */
export interface PlanningBeamRequest extends BeamRequest {
  noPass?: NoPassRegion[];
  /** Switch off, automatically, elements whose beam crosses gas, a critical structure or a no-pass region. */
  autoSwitchOff?: boolean;
  /**
   * Free-beam mode: when non-empty, the sources are these points [m] instead of the array, each a 20 mm-diameter
   * piston aimed at the focus (FREE_BEAM_DIAMETER in worker/ops/beam-sources.ts); elementsOn then indexes them.
   */
  freeBeams?: Vec3[];
}

/** BeamTrace with what planning needs to show. */
export interface PlanningBeamTrace extends BeamTrace {
  /** per element, 1 = it will fire (on by hand and not switched off by the rule) */
  firing: Uint8Array;
  /** elements that fire */
  activeCount: number;
  /** fraction of the array's radiating area that does not fire (0 = full aperture) */
  lostAperture: number;
  /** status counts over every element, including 'angle', 'nopass' and 'off' */
  allCounts: Partial<Record<BeamStatus | 'angle' | 'nopass' | 'off', number>>;
}

/** Within ~50 ms of a drag: a fast estimate, off the main thread. */
export interface EstimateRequest extends PlanningBeamRequest {
  /** [W] */
  acousticPower: number;
  /** [s] */
  duration: number;
}

export interface Estimate {
  beams: PlanningBeamTrace;
  /** |p| at the focus from the firing elements through their tissue paths [Pa] */
  focalPressure: number;
  /** focal |p| over the surface pressure of the elements, ρc·u₀ (dimensionless gain) */
  focalGain: number;
  /** predicted peak temperature at the focus after `duration` [°C], from an analytic Gaussian-source model */
  predictedPeakTemperature: number;
  /** steering loss of the electronic focus (1 = not steered) */
  steeringLoss: number;
  /** true when the electronic focus lies beyond the array's steering range */
  beyondSteeringRange: boolean;
  /** wall time of the estimate in the worker [ms] */
  elapsedMs: number;
}

/** Spot centres covering the lesion, spaced from the focal spot size. */
export interface SpotGridRequest {
  /** part name of the lesion to cover (a part with tissue 'lesion') */
  lesionPart?: string;
  /** spot spacing [m]; absent = from the focal spot size (−6 dB lateral width) of the transducer */
  spacing?: number;
  transducer: BeamRequest['transducer'];
  /** at most this many spots (default 30); the spacing grows until the lattice fits */
  maxSpots?: number;
  /**
   * Unit vector from the target toward the transducer (the pose's direction). When given, the lattice is aligned
   * with the beam axis and the spots are delivered deepest layer first; absent = world axes, lowest z first.
   */
  direction?: Vec3;
}

export interface PlanSpotRequest {
  id: string;
  /** electronic focus [m] */
  focus: Vec3;
  acousticPower: number;
  duration: number;
  cooling: number;
}

export interface PlanRequest extends PlanningBeamRequest {
  spots: PlanSpotRequest[];
  /** voxel size of the simulated region, which is sized to hold every spot [m] */
  spacing: number;
  /**
   * Extra points [m] the region must also hold (e.g. the spots of a larger plan, so a sub-plan runs on the same
   * grid and voxels compare one to one). Absent = the spots only.
   */
  include?: Vec3[];
  /**
   * Time-resolved results over the whole plan (spots and their cooling; results-protocol.ts). The series'
   * "focus" is the first delivered spot's focus (the first spot when all are blocked); with `spotFoci` the
   * other delivered spots' foci follow the probes. Absent: the outcome has no `series`/`frames`.
   */
  results?: ResultsRequest;
}

export interface PlanSpotOutcome {
  id: string;
  status: 'valid' | 'warning' | 'blocked';
  /** why it is not valid, in plain words */
  reasons: string[];
  summary: SonicationSummary;
  /** start time of this spot in the plan [s] */
  startTime: number;
}

/** `series` and `frames` (TimeResolved) are present exactly when the request carried `results`. */
export interface PlanOutcome extends Partial<TimeResolved> {
  spots: PlanSpotOutcome[];
  grid: VoxelGrid;
  /** accumulated over the plan, per voxel: max temperature [°C] and CEM43 [min] */
  maxTemperature: Float32Array;
  dose: Float32Array;
  /** time [s] and the hottest temperature in the region at that time [°C] */
  time: Float64Array;
  peakTemperature: Float64Array;
  doses: DoseReport;
  elapsedMs: number;
}
