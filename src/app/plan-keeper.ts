import { PlanFileError } from '../plan-file/parse.ts';
import type { PlannerState, PlannerStoreApi, UndoableState } from '../state/store.ts';
import { noteOnExit, takeInterrupted } from './interrupted-run.ts';
import type { KeyValueStore, SyncKeyValue } from './key-value.ts';
import {
  applyPlanFile,
  PLAN_STATE_KEYS,
  type PlanFile,
  type PlanMeta,
  type PlanState,
  planFileOf,
  planStateOf,
  readPlanJson,
} from './plan-file.ts';
import { asSavedPlan, LAST_CASE_KEY, planKey, type SavedPlan } from './plan-storage.ts';

/**
 * Nothing lost (issue 11, item 3): every case keeps its plan.
 * - **Autosave.** Every change to the plan (debounced, `delay` ms) writes the case's plan file to IndexedDB under
 *   `plan:<caseId>`, with the case as `last-case`; a reload, a crashed tab or a restarted browser opens the last case
 *   with its plan (a crashed worker leaves the store as it was: the pool restarts it).
 * - **One plan and one undo history per case.** Leaving a case keeps its plan, its undo and redo history and its last
 *   results in memory (and flushes its autosave); coming back restores all three, so Undo goes on where it stopped.
 *   After a reload the plan comes back from IndexedDB with a fresh history (the history is not stored).
 * - **A reload right after a change.** An IndexedDB write begun while the page goes away may never finish, so
 *   `saveOnExit` (pagehide) also writes a change not yet autosaved to the synchronous `exit` store (localStorage);
 *   reading a case's plan back takes the newer of the two.
 * - **What a reload loses is said.** A run's results live only in the page: `saveOnExit` also notes a run still
 *   running or a plan's results on screen, and the case's next load says what was lost (app/interrupted-run.ts).
 * A case's untouched default plan is not saved: it opens as the case's defaults.
 */
export interface CasePlans {
  /** The store still holds `caseId`'s plan, about to be replaced by another case's. */
  leave(caseId: string): void;
  /**
   * Reads what `caseId` had, while the case loads; the function it gives puts it back, called right after the case's
   * defaults are set (same task, so nothing sees or saves the defaults in between).
   */
  prepare(caseId: string): Promise<() => void>;
}

export interface PlanKeeper extends CasePlans {
  /** the plan's name and description, per case */
  meta(caseId: string): PlanMeta;
  setMeta(caseId: string, meta: PlanMeta): void;
  /** the autosaved plan file of a case (the current one when it has unsaved changes: flushed first) */
  savedFile(caseId: string): Promise<PlanFile | undefined>;
  /** writes a pending autosave now */
  flush(): Promise<void>;
  /** the page is going away: a change not yet autosaved is written synchronously to the `exit` store (and flushed) */
  saveOnExit(): void;
  /** drops what the session kept of a case (its plan, history, name): a forgotten imported case */
  forget(caseId: string): void;
  dispose(): void;
}

export interface PlanKeeperOptions {
  store: PlannerStoreApi;
  kv: KeyValueStore;
  /** the cases the app can open (a saved plan of another is ignored) */
  caseIds: readonly string[];
  /** debounce of the autosave [ms] */
  delay?: number;
  now?: () => number;
  /** the medium an imported case is written as (import-flow.ts); undefined for a bundled case */
  meshMedium?: (caseId: string) => PlanFile['medium'] | undefined;
  /** an autosave could not be written or read back */
  onError?: (message: string) => void;
  /** where saveOnExit writes (localStorage in the browser); absent: saveOnExit only flushes */
  exit?: SyncKeyValue;
}

/** What a case left behind in this session. */
interface CaseMemory {
  plan: PlanState;
  past: Partial<UndoableState>[];
  future: Partial<UndoableState>[];
  run: PlannerState['run'];
  planRun: PlannerState['planRun'];
  playback: PlannerState['playback'];
}

/** A run caught mid-way when its case was left is kept as it last finished (the switch cancelled it). */
function settled<T extends { status: string; progress: number; message: string }>(run: T): T {
  return run.status === 'running' ? { ...run, status: 'idle', progress: 0, message: '' } : run;
}

/** The autosave debounce: short enough that a crash loses at most the last keystrokes. */
export const AUTOSAVE_DELAY_MS = 400;

export function createPlanKeeper(options: PlanKeeperOptions): PlanKeeper {
  const { store, kv, caseIds } = options;
  const delay = options.delay ?? AUTOSAVE_DELAY_MS;
  const now = options.now ?? Date.now;
  const report = options.onError ?? (() => undefined);
  const memory = new Map<string, CaseMemory>();
  const metas = new Map<string, PlanMeta>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let restoring = false;
  let writing: Promise<void> = Promise.resolve();
  /** autosaves begun and not yet written */
  let unwritten = 0;

  const currentRecord = (): { caseId: string; record: SavedPlan } | undefined => {
    const s = store.getState();
    if (s.caseStatus !== 'ready') return undefined;
    const caseId = s.caseId;
    return {
      caseId,
      record: { file: planFileOf(s, metas.get(caseId), options.meshMedium?.(caseId)), savedAt: now() },
    };
  };

  /** Writes the store's plan as its case's autosave (in order: a later write never lands before an earlier one). */
  const save = (): Promise<void> => {
    timer = undefined;
    const current = currentRecord();
    if (!current) return writing;
    const { caseId, record } = current;
    unwritten++;
    writing = writing
      .then(() => kv.set(planKey(caseId), record))
      .then(() => {
        // IndexedDB now holds this case's latest: an exit copy of an older state must not win later.
        options.exit?.remove(planKey(caseId));
        return kv.set(LAST_CASE_KEY, caseId);
      })
      .catch((error: unknown) => report(`The plan could not be autosaved: ${String(error)}`))
      .finally(() => {
        unwritten--;
      });
    return writing;
  };

  const saveOnExit = (): void => {
    if (options.exit) noteOnExit(store.getState(), options.exit);
    const pending = timer !== undefined || unwritten > 0;
    const current = pending ? currentRecord() : undefined;
    if (current && options.exit) {
      try {
        options.exit.set(planKey(current.caseId), JSON.stringify(current.record));
      } catch {
        // a plan that cannot be written synchronously still has the flush below
      }
    }
    void flush();
  };

  const schedule = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => void save(), delay);
  };

  const flush = (): Promise<void> => {
    if (timer === undefined) return writing;
    clearTimeout(timer);
    return save();
  };

  const unsubscribe = store.subscribe((s, prev) => {
    if (restoring || s.caseStatus !== 'ready' || prev.caseStatus !== 'ready' || s.caseId !== prev.caseId) return;
    if (PLAN_STATE_KEYS.some((key) => s[key] !== prev[key])) schedule();
  });

  /** The exit copy of a case's plan, if one was written and is readable. */
  const exitCopy = (caseId: string): SavedPlan | undefined => {
    const text = options.exit?.get(planKey(caseId));
    if (!text) return undefined;
    try {
      return asSavedPlan(JSON.parse(text));
    } catch {
      return undefined;
    }
  };

  const readSaved = async (caseId: string): Promise<PlanFile | undefined> => {
    let saved: SavedPlan | undefined;
    try {
      saved = asSavedPlan(await kv.get(planKey(caseId)));
    } catch (error) {
      report(`The autosaved plan could not be read: ${String(error)}`);
    }
    const onExit = exitCopy(caseId);
    if (!onExit) return saved?.file;
    if (saved && onExit.savedAt <= saved.savedAt) {
      options.exit?.remove(planKey(caseId));
      return saved.file;
    }
    // The page went away with a change IndexedDB never got: the exit copy is the newer plan, and IndexedDB gets it.
    writing = writing
      .then(() => kv.set(planKey(caseId), onExit))
      .then(() => options.exit?.remove(planKey(caseId)))
      .catch((error: unknown) => report(`The plan could not be autosaved: ${String(error)}`));
    return onExit.file;
  };

  const leave = (caseId: string): void => {
    const s = store.getState();
    if (s.caseId !== caseId || s.caseStatus !== 'ready') return;
    const temporal = store.temporal.getState();
    memory.set(caseId, {
      plan: planStateOf(s),
      past: temporal.pastStates,
      future: temporal.futureStates,
      run: settled(s.run),
      planRun: settled(s.planRun),
      playback: { ...s.playback, playing: false },
    });
    void flush();
  };

  const prepare = async (caseId: string): Promise<() => void> => {
    const kept = memory.get(caseId);
    const file = kept ? undefined : await readSaved(caseId);
    return () => {
      restoring = true;
      try {
        if (kept) {
          const temporal = store.temporal.getState();
          temporal.pause();
          store.setState({ ...kept.plan, run: kept.run, planRun: kept.planRun, playback: kept.playback });
          temporal.resume();
          store.temporal.setState({ pastStates: kept.past, futureStates: kept.future });
        } else if (file) {
          try {
            // An imported case's autosave is on its own mesh medium: it is this case's by its key.
            const imported = options.meshMedium?.(caseId) !== undefined;
            const { plan, caseId: of } = readPlanJson(file, caseIds, () => (imported ? caseId : undefined));
            if (of === caseId) {
              applyPlanFile(store, plan, { record: false });
              metas.set(caseId, { name: plan.input.name, description: plan.input.description });
            }
          } catch (error) {
            const why = error instanceof PlanFileError ? error.message : String(error);
            report(`The autosaved plan of this case could not be read (${why}); it opens with its defaults.`);
          }
        }
      } finally {
        restoring = false;
      }
      const lost = options.exit ? takeInterrupted(options.exit, caseId) : undefined;
      if (lost) store.getState().setInterrupted(lost);
      writing = writing.then(() => kv.set(LAST_CASE_KEY, caseId)).catch(() => undefined);
    };
  };

  return {
    leave,
    prepare,
    meta: (caseId) => metas.get(caseId) ?? {},
    setMeta: (caseId, meta) => {
      metas.set(caseId, meta);
      if (store.getState().caseId === caseId) schedule();
    },
    savedFile: async (caseId) => {
      if (store.getState().caseId === caseId) await flush();
      const kept = memory.get(caseId);
      if (kept && store.getState().caseId !== caseId) {
        return planFileOf({ ...kept.plan, caseId }, metas.get(caseId), options.meshMedium?.(caseId));
      }
      return readSaved(caseId);
    },
    flush,
    saveOnExit,
    forget: (caseId) => {
      options.exit?.remove(planKey(caseId));
      memory.delete(caseId);
      metas.delete(caseId);
    },
    dispose: () => {
      unsubscribe();
      void flush();
    },
  };
}
