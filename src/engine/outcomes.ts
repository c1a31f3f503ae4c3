import type { BeamStatus } from '../geometry/beam-status.ts';
import type { CaseMeta } from '../geometry/phantom.ts';
import type { VoxelGrid } from '../geometry/tissue-model.ts';
import type { DoseReport } from '../physics/dose-report.ts';
import type { SonicationPeaks } from '../physics/sonication.ts';
import type { TissueId } from '../physics/tissue-ids.ts';
import type { AtTarget } from './at-target.ts';
import type { BoneInSpot } from './bone-in-spot.ts';
import type { OutsideStructure } from './critical-outside.ts';
import type { Validity } from './validity.ts';

type Vec3 = [number, number, number];

/**
 * What the engine answers: plain data and typed arrays, SI units, temperatures in °C. The worker sends these to
 * the app as they are (src/worker/protocol.ts re-exports them); a sonication's outcome is the one the worker
 * encodes itself, from the engine's SonicationRun (engine/sonicate.ts).
 */

export interface CasePartSummary {
  name: string;
  tissue: TissueId;
  label: string;
}

/** What the app needs to know of a loaded case. */
export interface CaseSummary {
  meta: CaseMeta;
  parts: CasePartSummary[];
  /** the box holding every part (the body) [m]: a target outside it is in the water or the air */
  bounds: { min: [number, number, number]; max: [number, number, number] };
}

export interface BeamTrace {
  /** Element centres in the world, 3N [m]. */
  elementPositions: Float32Array;
  /** Per element, an index into BEAM_STATUS_CODES. */
  statuses: Uint8Array;
  counts: Record<BeamStatus, number>;
}

/** BeamTrace with what planning needs to show. */
export interface PlanningBeamTrace extends BeamTrace {
  /** per element, 1 = it will fire (on by hand and not switched off by the rule) */
  firing: Uint8Array;
  /** elements that fire */
  activeCount: number;
  /** fraction of the array's radiating area that does not fire (0 = full aperture) */
  lostAperture: number;
  /**
   * sources that sit inside tissue rather than in the water bath (a pose turned into the body): the array cannot be
   * there, and a run would radiate from inside the tissue (a walk's ribcage at azimuth −45°: "191 clear", then 1000 J
   * and no heat). A homogeneous scenario of the command line, whose sources radiate into its tissue, counts them all.
   */
  inTissue: number;
  /** status counts over every element, including 'angle', 'nopass' and 'off' */
  allCounts: Partial<Record<BeamStatus | 'angle' | 'nopass' | 'off', number>>;
  /**
   * The firing beams whose straight continuation beyond the focus meets gas or a critical structure within
   * `depth` (geometry/beam-status.ts hazardBeyond); absent when none does.
   */
  beyond?: BeyondFocus;
}

/** What the firing beams head into beyond the focus (engine/trace-beams.ts). */
export interface BeyondFocus {
  /** how far past the focus each beam was followed [m] */
  depth: number;
  /** firing beams that meet a hazard */
  beams: number;
  /** the nearest hazard over those beams */
  tissue: TissueId;
  /** its distance from the focus along that beam [m] */
  distance: number;
  /** the nearest hazard is gas (bowel gas, lung), which reflects the beams whole, rather than a critical structure */
  gas: boolean;
  /** per such beam, the point where it enters its hazard, 3 per beam [m] (what the 3D view draws to) */
  ends: Float32Array;
}

export interface Estimate {
  beams: PlanningBeamTrace;
  /** |p| at the focus from the firing elements through their tissue paths [Pa] */
  focalPressure: number;
  /** focal |p| over the surface pressure of the elements, ρc·u₀ (dimensionless gain) */
  focalGain: number;
  /** the tissue at the focus, whose properties the estimate heats */
  focusTissue: TissueId;
  /**
   * the tissue at the target, where the transducer aims, when the focus is steered away from it (to a plan's spot):
   * moving the target moves the transducer for every spot, so a target in bone is said even with the focus in the lesion
   */
  targetTissue?: TissueId;
  /** predicted peak temperature at the focus after `duration` [°C], from an analytic Gaussian-source model */
  predictedPeakTemperature: number;
  /** steering loss of the electronic focus (1 = not steered) */
  steeringLoss: number;
  /** true when the electronic focus lies beyond the array's steering range */
  beyondSteeringRange: boolean;
  /**
   * bone in the focal spot, where predictedPeakTemperature stops being valid: the focal model heats the focus's
   * own tissue only (engine/bone-in-spot.ts)
   */
  boneInSpot?: BoneInSpot;
  /** wall time of the estimate [ms] */
  elapsedMs: number;
}

/** Numbers only: what the results card shows. */
export interface SonicationSummary extends SonicationPeaks {
  /** which field model ran (engine/sonicate.ts FieldModel); plans say 'whole-path' or 'focal-ray' too */
  fieldModel?: 'whole-path' | 'focal-ray';
  /**
   * set when no march ran (engine/acoustics-reuse.ts): the field was computed ahead while the beams stood still
   * ('prepared') or was the last sonication's ('last-run'), rescaled to this power
   */
  fieldReused?: 'prepared' | 'last-run';
  /** |p| at the focus [Pa] (whole-path model: interpolated in the lattice; the peak may lie elsewhere) */
  targetPressure?: number;
  /** the hottest place on the beam path outside the focal region (whole-path model) */
  pathPeakTemperature?: { temperature: number; location: [number, number, number]; tissue: TissueId };
  /** acoustic power deposited by mode-converted shear waves in bone [W] (whole-path model) */
  shearPower?: number;
  /** where the model stops being trustworthy for this run */
  validity?: Validity;
  /**
   * the firing beams that crossed gas or a no-pass region (the run's own trace): Run plan would block such a spot, so
   * the run's heat could not be given as it is (absent in outcomes from before it was recorded)
   */
  blockedBeams?: { gas: number; nopass: number };
  /** temperature and dose at the target, and the distances from it to the peaks (absent for a blocked spot) */
  atTarget?: AtTarget;
  activeElements: number;
  /** bioheat step during heating [s] */
  timeStep: number;
  /** |p| at the electronic focus over |p| at the geometric focus, same drive, in water (1 = not steered). */
  steeringLoss: number;
  /** Active elements whose path meets bone beyond the critical angle: they add nothing at the focus. */
  elementsBeyondCriticalAngle: number;
  /** Lesion voxels with CEM43 ≥ 240 over lesion voxels in the region (0 when the region holds no lesion). */
  lesionCoverage: number;
}

/** A run's dose report, with the critical structures it did not reach and how far away they lie. */
export interface RunDoses extends DoseReport {
  criticalOutside?: OutsideStructure[];
}

/** Temperature and thermal dose against time at a few points. */
export interface TimeSeries {
  /** [s], one per recorded step */
  time: Float64Array;
  /**
   * the recorded points [m]: the focus first, then the probes (then, for a plan with `spotFoci`, the other spots'
   * foci). Values are those of the nearest voxel; a point more than half a voxel outside the region reads NaN.
   */
  points: Vec3[];
  labels: string[];
  /** points × time, row-major by point [°C] */
  temperature: Float32Array;
  /** points × time, cumulative CEM43 [min] */
  dose: Float32Array;
}

/**
 * Snapshots of the whole region for playback. Memory: frames × voxels × 8 B (femur default, 51³ voxels, 50 s at
 * 2 s: 26 frames, 27.6 MB); above 256 MiB the interval is doubled until it fits (physics/time-resolved.ts).
 */
export interface RegionFrames {
  /** [s], one per frame: the time of a bioheat step (the first at or after each multiple of the interval) */
  time: Float64Array;
  /** frames × voxels, row-major by frame [°C] */
  temperature: Float32Array;
  /** frames × voxels, cumulative CEM43 [min] */
  dose: Float32Array;
}

/**
 * Time-resolved results (issue "Results"): what a sonication or a plan records beyond its peak numbers, so the
 * app can replay it (slices, surfaces and curves moving together) and export it. Added to an outcome when the
 * request carried a ResultsRequest.
 */
export interface TimeResolved {
  series: TimeSeries;
  frames: RegionFrames;
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
  /**
   * the hottest place on the beam path outside the plan's region over the whole plan (whole-path model), which the
   * region's peak does not include
   */
  pathPeakTemperature?: { temperature: number; location: [number, number, number]; tissue: TissueId };
  doses: RunDoses;
  /** where the model stops holding for the plan as a whole (the hottest anywhere, the lattice's limits) */
  validity?: Validity;
  /** wall time of the plan [ms] */
  elapsedMs: number;
}
