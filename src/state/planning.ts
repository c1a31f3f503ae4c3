import type { TissueId } from '../physics/tissue-ids.ts';
import type { SphericalArraySpec } from '../physics/transducer.ts';
import type { Estimate, NoPassRegion, PlanOutcome } from '../worker/plan-protocol.ts';
import type { HeatSnapshot, SonicationSnapshot } from '../worker/protocol.ts';
import type { PlanInputs } from './selectors.ts';
import type { TissueKey, TissueOverrides } from './tissue-overrides.ts';

type Vec3 = [number, number, number];

/** One sonication of the plan: where it focuses and its parameters, SI. */
export interface PlanSpot {
  id: string;
  /** electronic focus [m] */
  focus: Vec3;
  /** [W] */
  acousticPower: number;
  /** [s] */
  duration: number;
  /** cooling after it [s] */
  cooling: number;
}

export interface PlanRunState {
  status: 'idle' | 'running' | 'done' | 'cancelled' | 'error';
  progress: number;
  message: string;
  outcome: PlanOutcome | undefined;
  /** the settings and spots that outcome was computed for (selectors.ts `planStale`); undefined = not known */
  inputs?: PlanInputs | undefined;
  /** while it runs: the heat of the spot being simulated so far (its number in the list, spot.index) */
  heat?: HeatSnapshot | undefined;
}

/** A point where the user asked to follow temperature and dose against time (skin, bone surface, nerve…). */
export interface ProbePoint {
  id: string;
  label: string;
  /** [m] */
  point: Vec3;
}

/** Everything a trainee plans: undoable, serialisable (plans become files later). */
export interface PlanningState {
  /** element indices switched off by hand */
  elementsOff: number[];
  /** switch off elements whose beam crosses gas, a critical structure or a no-pass region */
  autoSwitchOff: boolean;
  noPass: NoPassRegion[];
  spots: PlanSpot[];
  /** the spot shown in 3D and edited in the panel */
  selectedSpotId: string | undefined;
  /** free-beam mode: single beams the learner places anywhere, converging on the target */
  freeBeamMode: boolean;
  /** free beam sources [m] */
  freeBeams: Vec3[];
  /** snap a clicked target to the bone surface (periosteum) or keep it where the click met the lesion */
  targetSnap: 'surface' | 'inside';
  /** correct the element phases for the tissue's sound speeds (off: watch the focus blur) */
  aberrationCorrection: boolean;
  /** probe points for the plots */
  probes: ProbePoint[];
  /** tissue values changed in the advanced settings (SI), sent with every request; empty = the built-in table */
  tissueOverrides: TissueOverrides;
}

/** The planning state fields that undo/redo tracks, beside the target, direction, transducer and sonication. */
export const PLANNING_KEYS = [
  'elementsOff',
  'autoSwitchOff',
  'noPass',
  'spots',
  'selectedSpotId',
  'freeBeamMode',
  'freeBeams',
  'targetSnap',
  'aberrationCorrection',
  'probes',
  'tissueOverrides',
] as const satisfies readonly (keyof PlanningState)[];

export const INITIAL_PLANNING: PlanningState = {
  elementsOff: [],
  autoSwitchOff: false,
  noPass: [],
  spots: [],
  selectedSpotId: undefined,
  freeBeamMode: false,
  freeBeams: [],
  targetSnap: 'inside',
  aberrationCorrection: true,
  probes: [],
  tissueOverrides: {},
};

export interface PlanningActions {
  setTarget(target: Vec3): void;
  setBeamDirection(direction: Vec3): void;
  setTransducer(spec: SphericalArraySpec): void;
  toggleElement(index: number): void;
  setElementsOff(indices: number[]): void;
  setAutoSwitchOff(on: boolean): void;
  addNoPass(region: NoPassRegion): void;
  updateNoPass(id: string, patch: Partial<Omit<NoPassRegion, 'id'>>): void;
  removeNoPass(id: string): void;
  addSpot(spot: PlanSpot): void;
  updateSpot(id: string, patch: Partial<Omit<PlanSpot, 'id'>>): void;
  /** sets the power of the spots named, in one undoable step; the selection stays */
  setSpotPowers(powers: ReadonlyMap<string, number>): void;
  removeSpot(id: string): void;
  /** moves a spot one place earlier (−1) or later (+1) in the plan */
  moveSpot(id: string, by: -1 | 1): void;
  /** replaces the spots; `selected` (default: the first) becomes the selected spot */
  setSpots(spots: PlanSpot[], selected?: string): void;
  selectSpot(id: string | undefined): void;
  setFreeBeamMode(on: boolean): void;
  addFreeBeam(origin: Vec3): void;
  removeFreeBeam(index: number): void;
  setTargetSnap(snap: PlanningState['targetSnap']): void;
  setAberrationCorrection(on: boolean): void;
  addProbe(probe: ProbePoint): void;
  /** moves or renames a probe (the keyboard's way to place one: typed coordinates) */
  updateProbe(id: string, patch: Partial<Omit<ProbePoint, 'id'>>): void;
  removeProbe(id: string): void;
  /** one tissue value (SI); undefined or the built-in value clears it */
  setTissueValue(tissue: TissueId, key: TissueKey, value: number | undefined): void;
  /** several tissue values in one undo step (a bracket) */
  setTissueValues(changes: TissueOverrides): void;
  /** every value of one tissue back to the built-in table */
  resetTissue(tissue: TissueId): void;
  /** every tissue back to the built-in table */
  resetAllTissues(): void;
  /** not undoable: where the replay stands and whether it plays */
  setPlayback(patch: Partial<PlaybackState>): void;
  /** not undoable: the slice planes' crossing point and what they show */
  setSlices(patch: Partial<SliceState>): void;
  /** not undoable (a preference, not a plan): the safety dashboard's thresholds */
  setSafetyThresholds(patch: Partial<SafetyThresholds>): void;
  /**
   * A drag in the 3D view ended and changed the plan: emits `events` 'drag-settled' (not state, not undoable). It
   * starts nothing: the live estimate follows the drag and the user presses Sonicate.
   */
  settleDrag(): void;
  /** not undoable: the live estimate while dragging */
  setEstimate(estimate: Estimate | undefined): void;
  startPlanRun(): void;
  /** the running plan's progress (0..1, never back) and the heat of the spot being simulated */
  setPlanProgress(fraction: number, snapshot?: SonicationSnapshot): void;
  /** `inputs`: the settings the plan ran with (`planInputs`); its results turn stale when they change */
  finishPlanRun(outcome: PlanOutcome, inputs?: PlanInputs): void;
  failPlanRun(status: 'cancelled' | 'error', message: string): void;
}

/** Replay of the last sonication or plan. */
export interface PlaybackState {
  /** [s] on the run's time axis */
  time: number;
  playing: boolean;
  /** which run is replayed: the last single sonication or the last plan */
  source: 'sonication' | 'plan';
}

export type SliceQuantity = 'temperature' | 'dose' | 'pressure';

/** The three orthogonal slice planes through one point. */
export interface SliceState {
  /** where the planes cross [m]; undefined = the focus of the shown run */
  point: Vec3 | undefined;
  quantity: SliceQuantity;
  visible: boolean;
}

/**
 * Pass/warn/fail limits of the safety dashboard. Defaults and their sources are in src/state/safety-defaults.ts;
 * the user may edit them in the dashboard.
 */
export interface SafetyThresholds {
  /** skin, maximum temperature [°C] */
  skinMaxTemperature: number;
  /** bone surface outside the target, maximum temperature [°C] */
  boneSurfaceMaxTemperature: number;
  /** critical structures (nerve, bowel), maximum thermal dose [CEM43 min] */
  criticalMaxDose: number;
  /** energy per sonication [J] */
  maxEnergyPerSonication: number;
  /** a value within this fraction below a limit shows as a warning (e.g. 0.2 = the last 20 %) */
  warnFraction: number;
}

export const IDLE_PLAN_RUN: PlanRunState = { status: 'idle', progress: 0, message: '', outcome: undefined };

let nextId = 1;
/** A short id, unique within a session (plans get stable ids when they become files). */
export function newId(prefix: string): string {
  nextId += 1;
  return `${prefix}-${nextId.toString(36)}`;
}

/**
 * Keeps `newId` clear of ids that came from elsewhere (an opened plan file, a restored autosave): an id of the form
 * `<prefix>-<base 36>` moves the counter past its number, so a spot added later never repeats an id of the plan.
 * @param ids - ids now in the plan
 */
export function reserveIds(ids: Iterable<string>): void {
  for (const id of ids) {
    const match = /-([0-9a-z]+)$/.exec(id);
    const n = match?.[1] ? Number.parseInt(match[1], 36) : Number.NaN;
    if (Number.isSafeInteger(n) && n >= nextId) nextId = n;
  }
}
