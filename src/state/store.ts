import { temporal } from 'zundo';
import { createStore } from 'zustand/vanilla';
import type { TissueId } from '../physics/tissue-ids.ts';
import type { SphericalArraySpec } from '../physics/transducer.ts';
import type { Estimate } from '../worker/plan-protocol.ts';
import type { CaseSummary, HeatSnapshot, SonicationOutcome, SonicationSnapshot } from '../worker/protocol.ts';
import { createPlannerEvents } from './events.ts';
import { letGoOfFrames } from './let-go-of-frames.ts';
import {
  IDLE_PLAN_RUN,
  INITIAL_PLANNING,
  PLANNING_KEYS,
  type PlanningActions,
  type PlanningState,
  type PlanRunState,
  type PlaybackState,
  type SafetyThresholds,
  type SliceState,
} from './planning.ts';
import { DEFAULT_SAFETY_THRESHOLDS } from './safety-defaults.ts';
import { sameData } from './same-data.ts';
import type { SonicationInputs } from './selectors.ts';
import {
  caseTissues,
  keepTissues,
  type TissueOverrides,
  withoutTissue,
  withTissueValue,
  withTissueValues,
} from './tissue-overrides.ts';

type Vec3 = [number, number, number];

export interface PartView {
  name: string;
  tissue: TissueId;
  label: string;
  visible: boolean;
  opacity: number;
}

/** One sonication's parameters, SI. */
export interface SonicationParams {
  /** [W] */
  acousticPower: number;
  /** [s] */
  duration: number;
  /** [s] */
  cooling: number;
}

export type RunStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

/**
 * A run the page's reload stopped, or finished results it cleared (app/interrupted-run.ts): said once when the page
 * comes back, since a run's results live only in the page. Not saved, not undoable.
 */
export interface InterruptedRun {
  kind: 'sonication' | 'plan';
  /** whether it was still running (else its results were on screen) */
  running: boolean;
  /** how far it had come [0–1] */
  progress: number;
}

export interface RunState {
  status: RunStatus;
  progress: number;
  message: string;
  /** Result of the last completed run (typed arrays live here, not in serialised plans). */
  outcome: SonicationOutcome | undefined;
  /** the tissue values that outcome was computed with (empty = the built-in table) */
  tissueOverrides: TissueOverrides;
  /** the settings that outcome was computed for (selectors.ts `sonicationStale`); undefined = not known */
  inputs: SonicationInputs | undefined;
  /** what the running sonication already knows (its field, then its heat so far); only while it runs */
  found: RunFindings | undefined;
}

/** The latest snapshot of each stage of a running sonication (physics/snapshot.ts). */
export interface RunFindings {
  field?: Extract<SonicationSnapshot, { stage: 'field' }>;
  heat?: HeatSnapshot;
}

/**
 * What a case brings beside its geometry (src/app/catalogue.ts): its own default sonication, and the words for its
 * axes, so the panels can say where the transducer sits ("from the front and the outer side").
 */
export interface CaseInfo {
  sonication?: SonicationParams;
  /** the transducer of the case's example scenario; absent (an imported case): the one in use is kept */
  transducer?: SphericalArraySpec;
  /** per axis, the words for its negative and positive direction, e.g. y: ['the back', 'the front'] */
  axisWords?: AxisWords;
}

export interface AxisWords {
  x: readonly [string, string];
  y: readonly [string, string];
  z: readonly [string, string];
}

export interface PlannerState extends PlanningState {
  caseId: string;
  caseStatus: 'loading' | 'ready' | 'error';
  caseError: string;
  caseSummary: CaseSummary | undefined;
  parts: PartView[];
  transducer: SphericalArraySpec;
  target: Vec3;
  beamDirection: Vec3;
  sonication: SonicationParams;
  /** what the loaded case brings beside its geometry (set with the case) */
  caseInfo: CaseInfo;
  run: RunState;
  /**
   * @deprecated A counter read as an event: listen to `store.events.on('view-reset', …)` instead. Still bumped by
   * `resetView` until src/scene/Viewer.tsx listens to the event; then it goes.
   */
  viewResetCount: number;
  estimate: Estimate | undefined;
  planRun: PlanRunState;
  /** what the last reload stopped or cleared, until a run starts or the user dismisses it */
  interrupted: InterruptedRun | undefined;
  playback: PlaybackState;
  slices: SliceState;
  safetyThresholds: SafetyThresholds;
  /**
   * Labels of the fields whose typed text was refused (a run would use the last accepted value instead): Sonicate
   * waits until each is corrected or discarded (`sonicateBlocker`). Not undoable, not saved.
   */
  refusedInputs: { id: string; label: string }[];
}

export interface PlannerActions {
  setCaseLoading(caseId: string): void;
  /** `info`: the case's own defaults (its sonication replaces the current one) and axis words */
  setCaseLoaded(summary: CaseSummary, opacityOf: (tissue: TissueId) => number, info?: CaseInfo): void;
  setCaseError(message: string): void;
  setPartVisible(name: string, visible: boolean): void;
  setPartOpacity(name: string, opacity: number): void;
  setSonication(patch: Partial<SonicationParams>): void;
  /** says (or, undefined, stops saying) what the last reload stopped or cleared */
  setInterrupted(interrupted: InterruptedRun | undefined): void;
  startRun(): void;
  /** the running sonication's progress (0..1, never back) and what it already knows */
  setProgress(fraction: number, snapshot?: SonicationSnapshot): void;
  /**
   * @param inputs - the settings the outcome was computed for (`sonicationInputs` of the state the request was built
   *   from): the results turn stale when the plan moves away from them. Undefined: not known, never stale.
   */
  finishRun(outcome: SonicationOutcome, inputs?: SonicationInputs): void;
  /** A run that failed or was cancelled: the message shows, the previous results stay as they were. */
  failRun(status: 'cancelled' | 'error', message: string): void;
  /** Asks the 3D view to frame the case again (`events` 'view-reset'). */
  resetView(): void;
  /** Field `id`'s typed text was refused (true) or is accepted or discarded again (false). */
  setRefusedInput(id: string, label: string, refused: boolean): void;
}

export type PlannerStore = PlannerState & PlannerActions & PlanningActions;

/** What undo/redo restores: the plan a trainee builds, never results, progress or the loaded case. */
export type UndoableState = Pick<
  PlannerState,
  'target' | 'beamDirection' | 'transducer' | 'sonication' | (typeof PLANNING_KEYS)[number]
>;

function undoable(state: PlannerState): UndoableState {
  const picked: Partial<UndoableState> = {
    target: state.target,
    beamDirection: state.beamDirection,
    transducer: state.transducer,
    sonication: state.sonication,
  };
  for (const key of PLANNING_KEYS) (picked as Record<string, unknown>)[key] = state[key];
  return picked as UndoableState;
}

/**
 * Compared by value: a value typed again as it was, or a setter that builds an equal object, records no undo step
 * (otherwise one edit could take two Undo clicks).
 */
function sameUndoable(a: UndoableState, b: UndoableState): boolean {
  return (Object.keys(a) as (keyof UndoableState)[]).every((key) => a[key] === b[key] || sameData(a[key], b[key]));
}

function sameLayout(a: SphericalArraySpec, b: SphericalArraySpec): boolean {
  return (
    a.elementCount === b.elementCount &&
    a.radiusOfCurvature === b.radiusOfCurvature &&
    a.aperture === b.aperture &&
    a.centralHoleDiameter === b.centralHoleDiameter &&
    a.elementDiameter === b.elementDiameter
  );
}

/** Undo history depth: enough for a session of planning, bounded so memory stays small. */
const UNDO_LIMIT = 200;

export interface PlannerDefaults {
  caseId: string;
  transducer: SphericalArraySpec;
  sonication: SonicationParams;
}

const IDLE_RUN: RunState = {
  status: 'idle',
  progress: 0,
  message: '',
  outcome: undefined,
  tissueOverrides: {},
  inputs: undefined,
  found: undefined,
};

export function createPlannerStore(defaults: PlannerDefaults) {
  const events = createPlannerEvents();
  const store = createStore<PlannerStore>()(
    temporal<PlannerStore, [], [], UndoableState>(
      (set, get) => ({
        caseId: defaults.caseId,
        caseStatus: 'loading',
        caseError: '',
        caseSummary: undefined,
        parts: [],
        transducer: defaults.transducer,
        target: [0, 0, 0],
        beamDirection: [0, -1, 0],
        sonication: defaults.sonication,
        caseInfo: {},
        run: IDLE_RUN,
        viewResetCount: 0,

        setCaseLoading: (caseId) =>
          set({
            caseId,
            caseStatus: 'loading',
            caseError: '',
            caseSummary: undefined,
            caseInfo: {},
            parts: [],
            run: IDLE_RUN,
            // A plan belongs to its case: spots, regions, probes and free beams are in its coordinates.
            spots: [],
            selectedSpotId: undefined,
            noPass: [],
            probes: [],
            freeBeams: [],
            elementsOff: [],
            estimate: undefined,
            planRun: IDLE_PLAN_RUN,
            interrupted: undefined,
          }),
        setCaseLoaded: (summary, opacityOf, info = {}) =>
          set((s) => ({
            caseStatus: 'ready',
            caseSummary: summary,
            caseInfo: info,
            // Each case has its own sensible sonication (a bone plate in water needs a few watts, a thigh tens).
            sonication: info.sonication ? { ...info.sonication } : s.sonication,
            // …and its own transducer, as its scenario: a frequency typed on one case is not the next case's setting.
            transducer: info.transducer ?? s.transducer,
            parts: summary.parts.map((p) => ({ ...p, visible: true, opacity: opacityOf(p.tissue) })),
            target: [...summary.meta.defaultTarget],
            beamDirection: [...summary.meta.defaultBeamDirection],
            // Values describe tissues, not places: keep those of tissues this case has, drop any a user cannot see.
            tissueOverrides: keepTissues(s.tissueOverrides, caseTissues(summary.parts)),
          })),
        setCaseError: (message) => set({ caseStatus: 'error', caseError: message }),
        setPartVisible: (name, visible) =>
          set((s) => ({ parts: s.parts.map((p) => (p.name === name ? { ...p, visible } : p)) })),
        setPartOpacity: (name, opacity) =>
          set((s) => ({
            parts: s.parts.map((p) => (p.name === name ? { ...p, opacity: Math.min(1, Math.max(0, opacity)) } : p)),
          })),
        setSonication: (patch) =>
          set((s) => {
            const sonication = { ...s.sonication, ...patch };
            return sameData(sonication, s.sonication) ? {} : { sonication };
          }),
        setInterrupted: (interrupted) => set({ interrupted }),
        startRun: () =>
          set((s) => ({
            run: { ...s.run, status: 'running', progress: 0, message: 'Sonicating…', found: {} },
            interrupted: undefined,
          })),
        setProgress: (fraction, snapshot) =>
          set((s) =>
            s.run.status === 'running'
              ? {
                  run: {
                    ...s.run,
                    progress: Math.max(s.run.progress, fraction),
                    ...(snapshot ? { found: { ...s.run.found, [snapshot.stage]: snapshot } } : {}),
                  },
                }
              : {},
          ),
        // A finished run is shown at its end (peak dose reached); the replay starts from there.
        finishRun: (outcome, inputs) => {
          letGoOfFrames(get().run.outcome, outcome);
          set({
            run: {
              status: 'done',
              progress: 1,
              message: 'Done',
              outcome,
              tissueOverrides: inputs?.tissueOverrides ?? {},
              inputs,
              found: undefined,
            },
            playback: { time: outcome.time[outcome.time.length - 1] ?? 0, playing: false, source: 'sonication' },
          });
        },
        failRun: (status, message) =>
          set((s) => ({ run: { ...s.run, status, progress: 0, message, found: undefined } })),
        resetView: () => {
          events.emit('view-reset', undefined);
          set((s) => ({ viewResetCount: s.viewResetCount + 1 }));
        },

        ...INITIAL_PLANNING,
        estimate: undefined,
        planRun: IDLE_PLAN_RUN,
        interrupted: undefined,
        playback: { time: 0, playing: false, source: 'sonication' },
        slices: { point: undefined, quantity: 'temperature', visible: true },
        safetyThresholds: DEFAULT_SAFETY_THRESHOLDS,
        refusedInputs: [],
        setRefusedInput: (id, label, refused) =>
          set((s) =>
            s.refusedInputs.some((r) => r.id === id) === refused
              ? {}
              : {
                  refusedInputs: refused
                    ? [...s.refusedInputs, { id, label }]
                    : s.refusedInputs.filter((r) => r.id !== id),
                },
          ),
        addProbe: (probe) => set((s) => ({ probes: [...s.probes, probe] })),
        updateProbe: (id, patch) =>
          set((s) => ({ probes: s.probes.map((p) => (p.id === id ? { ...p, ...patch } : p)) })),
        removeProbe: (id) => set((s) => ({ probes: s.probes.filter((p) => p.id !== id) })),
        setTissueValue: (tissue, key, value) =>
          set((s) => ({ tissueOverrides: withTissueValue(s.tissueOverrides, tissue, key, value) })),
        setTissueValues: (changes) => set((s) => ({ tissueOverrides: withTissueValues(s.tissueOverrides, changes) })),
        resetTissue: (tissue) => set((s) => ({ tissueOverrides: withoutTissue(s.tissueOverrides, tissue) })),
        resetAllTissues: () => set((s) => (Object.keys(s.tissueOverrides).length > 0 ? { tissueOverrides: {} } : {})),
        setPlayback: (patch) => set((s) => ({ playback: { ...s.playback, ...patch } })),
        setSlices: (patch) => set((s) => ({ slices: { ...s.slices, ...patch } })),
        setSafetyThresholds: (patch) => set((s) => ({ safetyThresholds: { ...s.safetyThresholds, ...patch } })),
        // An event, not state: nothing in the app starts a sonication on it (README, "What you can do today": Live feedback).
        settleDrag: () => events.emit('drag-settled', undefined),
        setTarget: (target) => set({ target }),
        setBeamDirection: (direction) => {
          const n = Math.hypot(...direction);
          if (n > 0) set({ beamDirection: [direction[0] / n, direction[1] / n, direction[2] / n] });
        },
        // Element indices only mean something for one layout: a new geometry switches every element back on,
        // a new frequency keeps the hand-switched ones.
        setTransducer: (transducer) =>
          set((s) => ({ transducer, elementsOff: sameLayout(s.transducer, transducer) ? s.elementsOff : [] })),
        toggleElement: (index) =>
          set((s) => ({
            elementsOff: s.elementsOff.includes(index)
              ? s.elementsOff.filter((i) => i !== index)
              : [...s.elementsOff, index].sort((a, b) => a - b),
          })),
        setElementsOff: (indices) => set({ elementsOff: [...new Set(indices)].sort((a, b) => a - b) }),
        setAutoSwitchOff: (autoSwitchOff) => set({ autoSwitchOff }),
        addNoPass: (region) => set((s) => ({ noPass: [...s.noPass, region] })),
        updateNoPass: (id, patch) =>
          set((s) => ({ noPass: s.noPass.map((r) => (r.id === id ? { ...r, ...patch } : r)) })),
        removeNoPass: (id) => set((s) => ({ noPass: s.noPass.filter((r) => r.id !== id) })),
        addSpot: (spot) => set((s) => ({ spots: [...s.spots, spot], selectedSpotId: spot.id })),
        updateSpot: (id, patch) => set((s) => ({ spots: s.spots.map((p) => (p.id === id ? { ...p, ...patch } : p)) })),
        setSpotPowers: (powers) =>
          set((s) => ({
            spots: s.spots.map((p) => {
              const acousticPower = powers.get(p.id);
              return acousticPower === undefined ? p : { ...p, acousticPower };
            }),
          })),
        removeSpot: (id) =>
          set((s) => ({
            spots: s.spots.filter((p) => p.id !== id),
            selectedSpotId: s.selectedSpotId === id ? undefined : s.selectedSpotId,
          })),
        moveSpot: (id, by) =>
          set((s) => {
            const from = s.spots.findIndex((p) => p.id === id);
            const to = from + by;
            if (from < 0 || to < 0 || to >= s.spots.length) return {};
            const spots = [...s.spots];
            const [spot] = spots.splice(from, 1);
            if (spot) spots.splice(to, 0, spot);
            return { spots };
          }),
        setSpots: (spots, selected = spots[0]?.id) => set({ spots, selectedSpotId: selected }),
        selectSpot: (selectedSpotId) => set({ selectedSpotId }),
        setFreeBeamMode: (freeBeamMode) => set({ freeBeamMode }),
        addFreeBeam: (origin) => set((s) => ({ freeBeams: [...s.freeBeams, origin] })),
        removeFreeBeam: (index) => set((s) => ({ freeBeams: s.freeBeams.filter((_, i) => i !== index) })),
        setTargetSnap: (targetSnap) => set({ targetSnap }),
        setAberrationCorrection: (aberrationCorrection) => set({ aberrationCorrection }),
        setEstimate: (estimate) => set({ estimate }),
        // The last plan's results stay until the new one is done (a cancelled or failed run leaves them as they were).
        startPlanRun: () =>
          set((s) => ({
            planRun: {
              ...s.planRun,
              status: 'running',
              progress: 0,
              message: 'Running the plan…',
              heat: undefined,
            },
            interrupted: undefined,
          })),
        setPlanProgress: (fraction, snapshot) =>
          set((s) =>
            s.planRun.status === 'running'
              ? {
                  planRun: {
                    ...s.planRun,
                    progress: Math.max(s.planRun.progress, fraction),
                    ...(snapshot?.stage === 'heat' ? { heat: snapshot } : {}),
                  },
                }
              : {},
          ),
        finishPlanRun: (outcome, inputs) => {
          letGoOfFrames(get().planRun.outcome, outcome);
          set({
            planRun: { status: 'done', progress: 1, message: 'Plan done', outcome, inputs },
            playback: { time: outcome.time[outcome.time.length - 1] ?? 0, playing: false, source: 'plan' },
          });
        },
        failPlanRun: (status, message) =>
          set((s) => ({ planRun: { ...s.planRun, status, progress: 0, message, heat: undefined } })),
      }),
      { partialize: undoable, equality: sameUndoable, limit: UNDO_LIMIT },
    ),
  );
  return Object.assign(store, { events });
}

export type PlannerStoreApi = ReturnType<typeof createPlannerStore>;
