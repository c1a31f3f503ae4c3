import { createStore } from 'zustand/vanilla';
import type { TissueId } from '../physics/tissue-ids.ts';
import type { SphericalArraySpec } from '../physics/transducer.ts';
import type { BeamTrace, CaseSummary, SonicationOutcome } from '../worker/protocol.ts';

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

export interface RunState {
  status: RunStatus;
  progress: number;
  message: string;
  /** Result of the last completed run (typed arrays live here, not in serialised plans). */
  outcome: SonicationOutcome | undefined;
}

export interface PlannerState {
  caseId: string;
  caseStatus: 'loading' | 'ready' | 'error';
  caseError: string;
  caseSummary: CaseSummary | undefined;
  parts: PartView[];
  transducer: SphericalArraySpec;
  target: Vec3;
  beamDirection: Vec3;
  sonication: SonicationParams;
  beams: BeamTrace | undefined;
  run: RunState;
  /** Bumped to ask the 3D view to frame the case again. */
  viewResetCount: number;
}

export interface PlannerActions {
  setCaseLoading(caseId: string): void;
  setCaseLoaded(summary: CaseSummary, opacityOf: (tissue: TissueId) => number): void;
  setCaseError(message: string): void;
  setPartVisible(name: string, visible: boolean): void;
  setPartOpacity(name: string, opacity: number): void;
  setSonication(patch: Partial<SonicationParams>): void;
  setBeams(beams: BeamTrace | undefined): void;
  startRun(): void;
  setProgress(fraction: number): void;
  finishRun(outcome: SonicationOutcome): void;
  failRun(status: 'cancelled' | 'error', message: string): void;
  resetView(): void;
}

export type PlannerStore = PlannerState & PlannerActions;

export interface PlannerDefaults {
  caseId: string;
  transducer: SphericalArraySpec;
  sonication: SonicationParams;
}

const IDLE_RUN: RunState = { status: 'idle', progress: 0, message: '', outcome: undefined };

export function createPlannerStore(defaults: PlannerDefaults) {
  return createStore<PlannerStore>()((set) => ({
    caseId: defaults.caseId,
    caseStatus: 'loading',
    caseError: '',
    caseSummary: undefined,
    parts: [],
    transducer: defaults.transducer,
    target: [0, 0, 0],
    beamDirection: [0, -1, 0],
    sonication: defaults.sonication,
    beams: undefined,
    run: IDLE_RUN,
    viewResetCount: 0,

    setCaseLoading: (caseId) =>
      set({
        caseId,
        caseStatus: 'loading',
        caseError: '',
        caseSummary: undefined,
        parts: [],
        beams: undefined,
        run: IDLE_RUN,
      }),
    setCaseLoaded: (summary, opacityOf) =>
      set({
        caseStatus: 'ready',
        caseSummary: summary,
        parts: summary.parts.map((p) => ({ ...p, visible: true, opacity: opacityOf(p.tissue) })),
        target: [...summary.meta.defaultTarget],
        beamDirection: [...summary.meta.defaultBeamDirection],
      }),
    setCaseError: (message) => set({ caseStatus: 'error', caseError: message }),
    setPartVisible: (name, visible) =>
      set((s) => ({ parts: s.parts.map((p) => (p.name === name ? { ...p, visible } : p)) })),
    setPartOpacity: (name, opacity) =>
      set((s) => ({
        parts: s.parts.map((p) => (p.name === name ? { ...p, opacity: Math.min(1, Math.max(0, opacity)) } : p)),
      })),
    setSonication: (patch) => set((s) => ({ sonication: { ...s.sonication, ...patch } })),
    setBeams: (beams) => set({ beams }),
    startRun: () => set((s) => ({ run: { ...s.run, status: 'running', progress: 0, message: 'Sonicating…' } })),
    setProgress: (fraction) =>
      set((s) =>
        s.run.status === 'running' ? { run: { ...s.run, progress: Math.max(s.run.progress, fraction) } } : {},
      ),
    finishRun: (outcome) => set({ run: { status: 'done', progress: 1, message: 'Done', outcome } }),
    failRun: (status, message) => set((s) => ({ run: { ...s.run, status, progress: 0, message } })),
    resetView: () => set((s) => ({ viewResetCount: s.viewResetCount + 1 })),
  }));
}

export type PlannerStoreApi = ReturnType<typeof createPlannerStore>;
