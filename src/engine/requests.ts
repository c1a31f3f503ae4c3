import type { TransducerPose } from '../geometry/transducer-pose.ts';
import type { TissueId } from '../physics/tissue-ids.ts';
import type { TissueOverride } from '../physics/tissues.ts';
import type { SphericalArraySpec } from '../physics/transducer.ts';

/** Per tissue, the property values that replace the built-in table's (SI; physics/tissues.ts TissueOverride). */
export type TissueOverrides = Partial<Record<TissueId, TissueOverride>>;

type Vec3 = [number, number, number];

/**
 * What the engine is asked to do: plain data, SI units. The worker receives these from the app as they are
 * (src/worker/protocol.ts re-exports them) and the CLI builds them from a scenario file.
 */

export interface BeamRequest {
  transducer: SphericalArraySpec;
  /** Where the transducer sits: its geometric focus on `pose.target`. */
  pose: TransducerPose;
  /**
   * The electronic focus [m], when the array steers away from its geometric focus; absent = `pose.target`
   * (focus.ts focusOf). Beams are traced to it and the simulated region is centred on it.
   */
  focus?: [number, number, number];
  /** Per element, 1 = on, 0 = switched off; absent = all on. */
  elementsOn?: Uint8Array;
  /**
   * Correct each element's phase for the sound speeds on its path (default true). Off, the array focuses as if
   * in water and the tissue's phase aberration blurs the focus.
   */
  aberrationCorrection?: boolean;
  /** tissue property values replacing the built-in table's (advanced settings, scenarios) */
  tissueOverrides?: TissueOverrides;
}

/** A region beams must not cross, placed by the user. */
export interface NoPassRegion {
  id: string;
  kind: 'sphere' | 'box';
  /** [m] */
  centre: Vec3;
  /** sphere: radius; box: half the side of an axis-aligned cube [m] */
  size: number;
}

/** BeamRequest with the planning context beams are judged in (issue "Beam planning"). */
export interface PlanningBeamRequest extends BeamRequest {
  noPass?: NoPassRegion[];
  /** Switch off, automatically, elements whose beam crosses gas, a critical structure or a no-pass region. */
  autoSwitchOff?: boolean;
  /**
   * Free-beam mode: when non-empty, the sources are these points [m] instead of the array, each a 20 mm-diameter
   * piston aimed at the focus (FREE_BEAM_DIAMETER in engine/beam-sources.ts); elementsOn then indexes them.
   */
  freeBeams?: Vec3[];
}

/** What to record over time, sent with a sonicate or plan request (issue "Results"). */
export interface ResultsRequest {
  /** points where temperature and dose against time are recorded [m]; the focus is always recorded first */
  probes?: Vec3[];
  /** labels of those probes for legends and CSV headers (e.g. "skin", "bone surface") */
  probeLabels?: string[];
  /** interval between stored frames of the whole region [s] (default 2 s; the first and last steps always) */
  frameInterval?: number;
  /**
   * Plans only: also record the focus of every delivered spot after the first, after the probes, labelled
   * "spot <id>" (default false).
   */
  spotFoci?: boolean;
}

/** A sonication, judged like a plan's beams: no-pass regions, the automatic switch-off rule and free beams apply. */
export interface SonicateRequest extends PlanningBeamRequest {
  /** Total acoustic power of the active elements [W]. */
  acousticPower: number;
  /** Heating time [s]. */
  duration: number;
  /** Cooling time simulated after the heating [s]. */
  cooling: number;
  /**
   * The focal region: a cube centred on the focus ([m], [m]). With the whole-path model it is the fine grid nested
   * in the whole beam path; with the focal-ray model it is all that is simulated.
   */
  region: { size: number; spacing: number };
  /** 'whole-path' (default) or 'focal-ray' (engine/sonicate.ts FieldModel); free beams always run focal-ray */
  fieldModel?: 'whole-path' | 'focal-ray';
  /**
   * Whole-path lattice spacing as a fraction of its default, half the shortest wavelength (default 1; 0.75 is 25 %
   * finer, for convergence studies)
   */
  latticeRefinement?: number;
  /**
   * Time-resolved results: when present, the outcome carries `series` (the focus, then the probes, at every
   * bioheat step) and `frames` (the region every frameInterval). Absent: neither.
   */
  results?: ResultsRequest;
}

/** Within ~50 ms of a drag: a fast estimate, off the main thread. */
export interface EstimateRequest extends PlanningBeamRequest {
  /** [W] */
  acousticPower: number;
  /** [s] */
  duration: number;
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
  /** [W] */
  acousticPower: number;
  /** heating [s] */
  duration: number;
  /** pause before the next spot [s] */
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
   * Time-resolved results over the whole plan (spots and their cooling). The series' "focus" is the first
   * delivered spot's focus (the first spot when all are blocked); with `spotFoci` the other delivered spots' foci
   * follow the probes. Absent: the outcome has no `series`/`frames`.
   */
  results?: ResultsRequest;
  /** 'whole-path' (default) or 'focal-ray', as for a sonication; free beams always run focal-ray */
  fieldModel?: 'whole-path' | 'focal-ray';
}
