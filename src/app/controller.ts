import { type Plan, PlanFileError } from '../plan-file/parse.ts';
import { newId } from '../state/planning.ts';
import { planInputs, sonicateBlocker, sonicationInputs } from '../state/selectors.ts';
import type { CaseInfo, PlannerStoreApi } from '../state/store.ts';
import { DEFAULT_OPACITY } from '../style/palette.ts';
import type { CoverSummary } from '../ui/cover-note.ts';
import type { SimClient } from '../worker/client.ts';
import { keepEstimateLive } from './live-estimate.ts';
import { applyPlanFile, planStateFromFile } from './plan-file.ts';
import type { CasePlans } from './plan-keeper.ts';
import { limitsText, planLimitProblems } from './plan-limits.ts';
import { planRequest, sonicateRequest } from './planning-requests.ts';
import { keepFieldPrepared } from './prepare-field.ts';

/** What the controller asks of the simulation worker: the promise API of `worker/client.ts`, faked in tests. */
export type SimPort = Pick<SimClient, 'loadCase' | 'estimate' | 'sonicate' | 'runPlan' | 'spotLayout'> &
  Partial<Pick<SimClient, 'prepareSonication' | 'preparePlan' | 'dropPlanAhead' | 'onRestart'>>;

/** A case the app can open (src/app/catalogue.ts). */
export interface CaseSource {
  id: string;
  title: string;
  /** where its GLB file is served */
  url: string;
  info?: CaseInfo;
}

export interface ControllerOptions<Drawn> {
  store: PlannerStoreApi;
  client: SimPort;
  cases: readonly CaseSource[];
  /** the bytes of a case file (fetch in the browser, a file read in tests) */
  loadBytes(url: string): Promise<ArrayBuffer>;
  /** parses a case for drawing (three, main thread); what it returns goes to `onCaseDrawn` */
  parseForDrawing(bytes: ArrayBuffer, title: string): Promise<Drawn>;
  /** the drawable parts of the loaded case, or undefined while a case loads */
  onCaseDrawn(drawn: Drawn | undefined): void;
  /** true for the error a cancelled worker call rejects with (`SimulationCancelled`) */
  isCancellation(error: unknown): boolean;
  /** starts the live estimate (default: `keepEstimateLive`); returns its stop function */
  keepEstimateLive?(store: PlannerStoreApi, client: SimPort): () => void;
  /**
   * computes the sonication being set up while the user decides, field and heat, or a plan's spots' fields when Run
   * plan comes next (default: `keepFieldPrepared`, when the client can prepare); returns its stop function
   */
  keepFieldPrepared?(
    store: PlannerStoreApi,
    client: Required<Pick<SimPort, 'prepareSonication'>> & Pick<SimPort, 'preparePlan' | 'dropPlanAhead'>,
  ): () => void;
  /** keeps each case's plan and undo history across a switch (plan-keeper.ts); absent: a switch starts afresh */
  plans?: CasePlans;
}

/** How "Cover the lesion" treats the spots already in the plan. */
export type CoverMode = 'replace' | 'append';

/**
 * The app's orchestration, with no React and no DOM: loads cases, runs sonications and plans in the worker, keeps
 * the live estimate going, and writes every outcome into the store. `App.tsx` creates one and binds the panels'
 * buttons to it; tests drive it in Node with a fake worker client (tests/app/controller.test.ts).
 */
export interface PlannerController {
  /**
   * Opens a bundled case: its plan as it was left (this session) or autosaved, else its defaults.
   * @returns true when the case is loaded and still the one open (false: it failed, or another was picked meanwhile)
   */
  loadCase(caseId: string): Promise<boolean>;
  /**
   * Opens a read plan: on its case (switching to it when another is open; that case's own plan and history come
   * back first) as one undo step, so Undo returns to the plan it replaced.
   * @returns notes on what of the file the app does not hold, or undefined when the case could not be opened
   */
  openPlan(plan: Plan, caseId: string): Promise<string[] | undefined>;
  /**
   * Opens a case made in the app (an imported bone, src/app/import-flow.ts) through the same path as a bundled one,
   * and keeps its bytes so the picker can open it again this session. `replaces`: the id of a case it supersedes
   * (the same bone before its lesion was placed), forgotten.
   * @returns as loadCase
   */
  openCaseFile(entry: CaseSource, bytes: ArrayBuffer, replaces?: string): Promise<boolean>;
  /** Holds a case made in the app (kept from an earlier session) so that it opens like any other, without opening it. */
  addCaseFile(entry: CaseSource, bytes: ArrayBuffer): void;
  /** a copy of the file of a case added with addCaseFile, or undefined */
  caseFileBytes(caseId: string): ArrayBuffer | undefined;
  /** Lets go of a case made in the app (the user forgot it); it cannot be opened again. */
  forgetCaseFile(caseId: string): void;
  /** One sonication at the target; refused with the reason (`sonicateBlocker`) when it cannot run. */
  sonicate(): Promise<void>;
  cancelSonication(): void;
  runPlan(): Promise<void>;
  cancelPlan(): void;
  /**
   * Spots covering the lesion, replacing the plan's spots or appended to them (one undo step either way).
   * @returns how they were laid out, or undefined when nothing was placed (no case, a newer case, a failure)
   */
  coverLesion(mode: CoverMode): Promise<CoverSummary | undefined>;
  dispose(): void;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function createPlannerController<Drawn>(options: ControllerOptions<Drawn>): PlannerController {
  const { store, client, cases } = options;
  let sonicating: AbortController | undefined;
  let planning: AbortController | undefined;
  let disposed = false;
  const stopEstimate = (options.keepEstimateLive ?? keepEstimateLive)(store, client);
  const prepareClient = client.prepareSonication
    ? {
        prepareSonication: client.prepareSonication.bind(client),
        ...(client.preparePlan ? { preparePlan: client.preparePlan.bind(client) } : {}),
        ...(client.dropPlanAhead ? { dropPlanAhead: client.dropPlanAhead.bind(client) } : {}),
      }
    : undefined;
  const stopPreparing = prepareClient
    ? (options.keepFieldPrepared ?? keepFieldPrepared)(store, prepareClient)
    : () => {};
  // Cases made in the app: their entries and bytes (there is no URL to fetch them from).
  const added: CaseSource[] = [];
  const addedBytes = new Map<string, ArrayBuffer>();

  const loadCase = async (caseId: string, then?: () => void): Promise<boolean> => {
    sonicating?.abort();
    planning?.abort();
    const entry = cases.find((c) => c.id === caseId) ?? added.find((c) => c.id === caseId);
    const leaving = store.getState().caseId;
    options.plans?.leave(leaving);
    store.getState().setCaseLoading(caseId);
    options.onCaseDrawn(undefined);
    try {
      if (!entry) throw new Error(`No case called "${caseId}".`);
      const kept = addedBytes.get(caseId);
      const bytes = kept ? kept.slice(0) : await options.loadBytes(entry.url);
      const [drawn, summary, restore] = await Promise.all([
        options.parseForDrawing(bytes.slice(0), entry.title),
        client.loadCase(bytes, entry.title),
        options.plans?.prepare(caseId),
      ]);
      // The user picked another case meanwhile: that one's load owns the store now.
      if (disposed || store.getState().caseId !== caseId) return false;
      options.onCaseDrawn(drawn);
      store.getState().setCaseLoaded(summary, (tissue) => DEFAULT_OPACITY[tissue], entry.info);
      // The case's defaults are no undo step; its own plan and history, when it had them, come back (plan-keeper.ts).
      store.temporal.getState().clear();
      restore?.();
      then?.();
      return true;
    } catch (error) {
      if (!disposed && store.getState().caseId === caseId) store.getState().setCaseError(errorMessage(error));
      return false;
    }
  };

  const openPlan = async (plan: Plan, caseId: string): Promise<string[] | undefined> => {
    // A target or a spot focus outside the body is refused as where it is typed: the case's box is known once it is in.
    const apply = (): string[] => {
      const { caseSummary } = store.getState();
      const problems = caseSummary
        ? planLimitProblems(planStateFromFile(plan, caseSummary.meta).state, caseSummary.bounds)
        : [];
      if (problems.length > 0) throw new PlanFileError('', limitsText(problems));
      return applyPlanFile(store, plan);
    };
    const s = store.getState();
    if (s.caseId === caseId && s.caseStatus === 'ready') return apply();
    let notes: string[] | undefined;
    let refused: unknown;
    await loadCase(caseId, () => {
      try {
        notes = apply();
      } catch (error) {
        refused = error;
      }
    });
    if (refused !== undefined) throw refused;
    return notes;
  };

  const sonicate = async (): Promise<void> => {
    const s = store.getState();
    const blocked = sonicateBlocker(s);
    if (blocked) {
      // Refused before anything runs: a click or a key press that raced the disabled button. The results stay.
      if (s.run.status !== 'running') s.failRun('error', `Not sonicated: ${blocked}`);
      return;
    }
    const controller = new AbortController();
    sonicating = controller;
    const request = sonicateRequest(s);
    const inputs = sonicationInputs(s);
    s.startRun();
    try {
      const outcome = await client.sonicate(
        request,
        (fraction, snapshot) => store.getState().setProgress(fraction, snapshot),
        controller.signal,
      );
      if (sonicating === controller && !disposed) store.getState().finishRun(outcome, inputs);
    } catch (error) {
      if (sonicating !== controller || disposed) return;
      // failRun keeps the last outcome: a failed or cancelled run never wipes the results on screen.
      if (options.isCancellation(error)) store.getState().failRun('cancelled', 'Cancelled; your settings are kept.');
      else store.getState().failRun('error', `The sonication failed: ${errorMessage(error)}`);
    } finally {
      if (sonicating === controller) sonicating = undefined;
    }
  };

  const runPlan = async (): Promise<void> => {
    const s = store.getState();
    if (s.spots.length === 0 || s.caseStatus !== 'ready' || s.run.status === 'running') return;
    if (s.planRun.status === 'running') return;
    // A field showing a refused value: the plan would run with the last accepted one (the button says why).
    if (s.refusedInputs.length > 0) return;
    const controller = new AbortController();
    planning = controller;
    const request = planRequest(s);
    const inputs = planInputs(s);
    s.startPlanRun();
    try {
      const outcome = await client.runPlan(
        request,
        (fraction, snapshot) => store.getState().setPlanProgress(fraction, snapshot),
        controller.signal,
      );
      if (planning === controller && !disposed) store.getState().finishPlanRun(outcome, inputs);
    } catch (error) {
      if (planning !== controller || disposed) return;
      if (options.isCancellation(error)) store.getState().failPlanRun('cancelled', 'Cancelled: the plan is unchanged.');
      else store.getState().failPlanRun('error', `The plan failed: ${errorMessage(error)}`);
    } finally {
      if (planning === controller) planning = undefined;
    }
  };

  const coverLesion = async (mode: CoverMode): Promise<CoverSummary | undefined> => {
    const s = store.getState();
    if (s.caseStatus !== 'ready') return undefined;
    const caseId = s.caseId;
    const lesion = s.parts.find((p) => p.tissue === 'lesion');
    try {
      const { centres, spacing, focalWidth, fullCount, maxSpots } = await client.spotLayout({
        transducer: s.transducer,
        ...(lesion ? { lesionPart: lesion.name } : {}),
      });
      const now = store.getState();
      if (disposed || now.caseId !== caseId) return undefined;
      const added = centres.map((focus) => ({ id: newId('spot'), focus, ...now.sonication }));
      // One setSpots call: one undo step brings the previous spots back. The first new spot is selected.
      now.setSpots(mode === 'append' ? [...now.spots, ...added] : added, added[0]?.id);
      return { count: centres.length, spacing, focalWidth, fullCount, maxSpots };
    } catch (error) {
      store.getState().failPlanRun('error', `Could not cover the lesion: ${errorMessage(error)}`);
      return undefined;
    }
  };

  const forgetCaseFile = (id: string | undefined) => {
    const at = added.findIndex((c) => c.id === id);
    if (at >= 0) added.splice(at, 1);
    if (id !== undefined) addedBytes.delete(id);
  };

  const addCaseFile = (entry: CaseSource, bytes: ArrayBuffer) => {
    forgetCaseFile(entry.id);
    added.push(entry);
    addedBytes.set(entry.id, bytes.slice(0));
  };

  const openCaseFile = (entry: CaseSource, bytes: ArrayBuffer, replaces?: string): Promise<boolean> => {
    forgetCaseFile(replaces);
    addCaseFile(entry, bytes);
    return loadCase(entry.id);
  };

  return {
    loadCase: (caseId) => loadCase(caseId),
    openPlan,
    openCaseFile,
    addCaseFile,
    caseFileBytes: (caseId) => addedBytes.get(caseId)?.slice(0),
    forgetCaseFile,
    sonicate,
    cancelSonication: () => sonicating?.abort(),
    runPlan,
    cancelPlan: () => planning?.abort(),
    coverLesion,
    dispose: () => {
      disposed = true;
      sonicating?.abort();
      planning?.abort();
      stopEstimate();
      stopPreparing();
    },
  };
}
