import { PlanFileError } from '../plan-file/parse.ts';
import type { PlanFilesStoreApi, PlanMessage, RecentEntry } from '../state/plan-files.ts';
import type { PlannerStoreApi } from '../state/store.ts';
import type { PlannerController } from './controller.ts';
import { baseName } from './import-cases.ts';
import type { FileSource, ImportFlow } from './import-flow.ts';
import type { KeyValueStore } from './key-value.ts';
import {
  jsonOfText,
  MeshFilesNeeded,
  type PlanFile,
  type PlanMeshMedium,
  planFileOf,
  planFileProblem,
  planStateFromFile,
  readPlanJson,
} from './plan-file.ts';
import { planFileName } from './plan-file-name.ts';
import type { PlanKeeper } from './plan-keeper.ts';
import { limitsText, planLimitProblems } from './plan-limits.ts';
import { planFromFragment, planLink } from './plan-link.ts';
import { addRecent, LAST_CASE_KEY, type RecentHow, type RecentPlan, recentPlans } from './plan-storage.ts';

/**
 * Plans as the user's files (issue 11): Save plan (a download), Open plan… (a file picker, or a file dropped on the
 * page), Copy link, the recent list and the printable report, wired to the controller (which switches case when a
 * plan is on another) and the keeper (autosave). A plan that cannot be read changes nothing: it is read and checked
 * in full before anything is touched, and the message names the field the format refused.
 */

/** What plan-io needs of the browser: replaced by fakes in tests. */
export interface PlanIOPlatform {
  download(blob: Blob, filename: string): void;
  /** @returns false when the clipboard refused (the link is then shown to copy by hand) */
  copyText(text: string): Promise<boolean>;
  /** the page's fragment (`location.hash`) */
  hash(): string;
  /** the app's address without its fragment */
  base(): string;
  /** removes the fragment from the address bar (a reload then restores the autosave, not the link again) */
  clearFragment(): void;
  now(): number;
  /** the 3D view as a figure with its legend and scale bar (an object URL), if it can be composed */
  composeViewImage(): Promise<string | undefined>;
  releaseImage(url: string): void;
  print(): void;
}

export interface PlanIOOptions {
  store: PlannerStoreApi;
  controller: PlannerController;
  keeper: PlanKeeper;
  kv: KeyValueStore;
  files: PlanFilesStoreApi;
  cases: readonly { id: string; title: string }[];
  platform: PlanIOPlatform;
  /** imported cases (import-flow.ts): their plans are written on their mesh media, and made again from files */
  imports?: Pick<ImportFlow, 'state' | 'mediumOf' | 'caseOfMedium' | 'openMedium' | 'forgetCase'>;
}

export interface PlanIO {
  /** Opens the app: the plan of a link when the address carries one, else the last case with its autosaved plan. */
  start(): Promise<void>;
  pickCase(caseId: string): Promise<void>;
  save(): void;
  /** Opens a plan file; `meshes`: files given with it (dropped together), for a plan on an imported bone. */
  openFile(file: File, meshes?: readonly FileSource[]): Promise<boolean>;
  /**
   * Forgets an imported case: the default case opens first when it is the open one, then its case file, its
   * autosaved plan and what the session kept of it are dropped.
   */
  forgetCase(caseId: string): Promise<void>;
  /** The mesh files a plan waiting for them asked for (its message's file picker). */
  giveMeshFiles(files: readonly FileSource[]): Promise<boolean>;
  openText(text: string, label: string): Promise<boolean>;
  openRecent(id: string): Promise<boolean>;
  copyLink(): Promise<void>;
  openReport(): Promise<void>;
  closeReport(): void;
  printReport(): void;
  dismissMessage(): void;
}

/** A file larger than this is not a plan (the bundled ones are about 1 kB; an imported mesh travels on its own). */
export const MAX_PLAN_BYTES = 5 * 1024 * 1024;

/** A stand-in for a case's defaults: the values checked before a case is known do not depend on them. */
const NO_DEFAULTS = { defaultTarget: [0, 0, 0], defaultBeamDirection: [0, -1, 0] } as const;

/** A plan worth a place in the recent list when it is replaced: one with something the user placed. */
function hasWork(file: PlanFile): boolean {
  const p = file.planning;
  return (
    (p?.spots?.length ?? 0) + (p?.noPass?.length ?? 0) + (p?.probes?.length ?? 0) + (p?.freeBeams?.length ?? 0) > 0
  );
}

export function createPlanIO(options: PlanIOOptions): PlanIO {
  const { store, controller, keeper, kv, files, cases, platform, imports } = options;
  const caseIds = cases.map((c) => c.id);
  const importedCases = () => imports?.state.getState().cases ?? [];
  const titleOf = (id: string) =>
    cases.find((c) => c.id === id)?.title ?? importedCases().find((c) => c.id === id)?.title ?? id;
  const meshCase = (medium: PlanMeshMedium) => imports?.caseOfMedium(medium);
  let recentQueue: Promise<unknown> = Promise.resolve();
  /** A plan on an imported bone waiting for its mesh files. */
  let waiting: { plan: MeshFilesNeeded; label: string; how: RecentHow } | undefined;

  const say = (message: PlanMessage | undefined) => files.setState({ message });
  const summary = (e: RecentPlan): RecentEntry => ({
    id: e.id,
    name: e.name,
    caseTitle: e.caseId === '' && e.file.medium.type === 'mesh' ? 'an imported bone' : titleOf(e.caseId),
    spots: e.spots,
    savedAt: e.savedAt,
    how: e.how,
  });

  /** Puts a plan on the recent list (one write at a time: each reads the list the previous one wrote). */
  const remember = (file: PlanFile, how: RecentHow): Promise<unknown> => {
    recentQueue = recentQueue
      .then(async () => {
        const caseId =
          file.medium.type === 'phantom'
            ? file.medium.id
            : file.medium.type === 'mesh'
              ? (meshCase(file.medium) ?? '')
              : '';
        const list = await addRecent(kv, {
          name: file.name ?? `${titleOf(caseId)} plan`,
          caseId,
          spots: file.planning?.spots?.length ?? 0,
          savedAt: platform.now(),
          how,
          file,
        });
        files.setState({ recent: list.map(summary) });
      })
      .catch((error: unknown) =>
        say({ kind: 'error', text: `The recent plans could not be stored: ${String(error)}` }),
      );
    return recentQueue;
  };

  /** The open plan as a file, with its name (the case's title when it has none yet). */
  const currentFile = (): PlanFile => {
    const s = store.getState();
    const meta = keeper.meta(s.caseId);
    return planFileOf(s, { ...meta, name: meta.name ?? `${titleOf(s.caseId)} plan` }, imports?.mediumOf(s.caseId));
  };

  /** Asks for a plan's mesh files by name (its message holds a file picker); they may also be dropped with it. */
  const askForFiles = (needed: MeshFilesNeeded, label: string, how: RecentHow, problem?: string) => {
    waiting = { plan: needed, label, how };
    const names = [...new Set(needed.medium.parts.map((p) => baseName(p.file)))];
    say({
      kind: problem ? 'error' : 'info',
      text: problem
        ? `${label} is not open yet: ${problem}. Nothing was changed. Give its mesh files: ${names.join(', ')}.`
        : `${label} is on an imported bone: give its mesh files (${names.join(', ')}) to open it, or drop the plan together with them.`,
      needs: names,
    });
  };

  /** Makes a plan's imported case from the files given, then opens the plan on it. */
  const openWithFiles = async (
    needed: MeshFilesNeeded,
    meshes: readonly FileSource[],
    label: string,
    how: RecentHow,
  ): Promise<boolean> => {
    if (!imports) {
      say({ kind: 'error', text: `${label} was not opened: this app cannot import meshes. Nothing was changed.` });
      return false;
    }
    files.setState({ busy: true });
    let made: Awaited<ReturnType<typeof imports.openMedium>>;
    try {
      made = await imports.openMedium(needed.medium, meshes);
    } finally {
      files.setState({ busy: false });
    }
    if (!made.ok) {
      askForFiles(needed, label, how, made.message);
      return false;
    }
    waiting = undefined;
    return openOn({ plan: needed.plan, caseId: made.caseId }, label, how);
  };

  /** Reads, checks, keeps what it replaces, opens. Nothing changes unless the plan reads in full. */
  const open = async (
    read: () => unknown,
    label: string,
    how: RecentHow,
    meshes?: readonly FileSource[],
  ): Promise<boolean> => {
    let plan: ReturnType<typeof readPlanJson>;
    try {
      plan = readPlanJson(read(), caseIds, meshCase);
    } catch (error) {
      if (error instanceof MeshFilesNeeded) {
        if (meshes && meshes.length > 0) return openWithFiles(error, meshes, label, how);
        askForFiles(error, label, how);
        return false;
      }
      if (!(error instanceof PlanFileError)) throw error;
      say({ kind: 'error', text: `${label} was not opened: ${error.message}. Nothing was changed.` });
      return false;
    }
    // Values the planner's fields would refuse are refused here too, before anything changes (the target's place in
    // the body is checked once the case is known: controller.openPlan).
    const problems = planLimitProblems(planStateFromFile(plan.plan, NO_DEFAULTS).state);
    if (problems.length > 0) {
      say({ kind: 'error', text: `${label} was not opened: ${limitsText(problems)}. Nothing was changed.` });
      return false;
    }
    waiting = undefined;
    return openOn(plan, label, how);
  };

  /** Opens a read plan on its case (loaded already, or loaded now). */
  const openOn = async (plan: ReturnType<typeof readPlanJson>, label: string, how: RecentHow): Promise<boolean> => {
    files.setState({ busy: true });
    try {
      const s = store.getState();
      const here = plan.caseId === s.caseId && s.caseStatus === 'ready';
      // On the case open now, a target outside its body is refused before the plan it would replace is filed away.
      const problems =
        here && s.caseSummary
          ? planLimitProblems(planStateFromFile(plan.plan, s.caseSummary.meta).state, s.caseSummary.bounds)
          : [];
      if (problems.length > 0) {
        say({ kind: 'error', text: `${label} was not opened: ${limitsText(problems)}. Nothing was changed.` });
        return false;
      }
      const previous = here ? currentFile() : await keeper.savedFile(plan.caseId);
      if (previous && hasWork(previous)) await remember(previous, 'replaced');
      let notes: string[] | undefined;
      try {
        notes = await controller.openPlan(plan.plan, plan.caseId);
      } catch (error) {
        if (!(error instanceof PlanFileError)) throw error;
        const kept = here ? 'Nothing was changed.' : `${titleOf(plan.caseId)} is open with its own plan.`;
        say({ kind: 'error', text: `${label} was not opened: ${error.message}. ${kept}` });
        return false;
      }
      if (notes === undefined) {
        say({
          kind: 'error',
          text: `${label} was not opened: its case (${titleOf(plan.caseId)}) could not be loaded.`,
        });
        return false;
      }
      keeper.setMeta(plan.caseId, { name: plan.plan.input.name, description: plan.plan.input.description });
      const file = currentFile();
      void remember(file, how);
      const name = file.name ?? 'the plan';
      say({
        kind: 'info',
        text: `Opened “${name}” on ${titleOf(plan.caseId)}${how === 'link' ? ' from a link' : ''}. Undo brings back the plan it replaced.`,
        notes,
      });
      return true;
    } finally {
      files.setState({ busy: false });
    }
  };

  const openText = (text: string, label: string) => open(() => jsonOfText(text), label, 'opened');

  return {
    start: async () => {
      void recentPlans(kv)
        .then((list) => files.setState({ recent: list.map(summary) }))
        .catch(() => undefined);
      let linked: unknown;
      try {
        linked = planFromFragment(platform.hash());
      } catch (error) {
        platform.clearFragment();
        say({ kind: 'error', text: `The link’s plan was not opened: ${(error as Error).message}.` });
      }
      if (linked !== undefined) {
        platform.clearFragment();
        if (await open(() => linked, 'The link’s plan', 'link')) return;
      }
      let last: unknown;
      try {
        last = await kv.get(LAST_CASE_KEY);
      } catch {
        last = undefined;
      }
      const known = [...caseIds, ...importedCases().map((c) => c.id)];
      const first = typeof last === 'string' && known.includes(last) ? last : store.getState().caseId;
      await controller.loadCase(first);
    },
    pickCase: async (caseId) => {
      say(undefined);
      await controller.loadCase(caseId);
    },
    save: () => {
      const s = store.getState();
      if (s.caseStatus !== 'ready') {
        say({ kind: 'error', text: 'The case is still loading: nothing to save yet.' });
        return;
      }
      const file = currentFile();
      const problem = planFileProblem(file, caseIds);
      if (problem) {
        say({ kind: 'error', text: `The plan was not saved: ${problem.message}.` });
        return;
      }
      const filename = planFileName(
        s.caseId,
        importedCases().find((c) => c.id === s.caseId),
      );
      platform.download(new Blob([`${JSON.stringify(file, null, 2)}\n`], { type: 'application/json' }), filename);
      void remember(file, 'saved');
      if (file.medium.type === 'mesh') {
        const meshes = file.medium.parts.map((p) => p.file).join(', ');
        const caveats = importedCases().find((c) => c.id === s.caseId)?.caveats ?? [];
        say({
          kind: 'info',
          text: `Saved ${filename}. The plan names its mesh files and does not hold them: keep ${meshes} beside it and send them with it. Open it here again (the app asks for the files), or run it with npm run simulate -- ${filename} from the folder that holds them.`,
          ...(caveats.length > 0 ? { notes: caveats } : {}),
        });
        return;
      }
      say({
        kind: 'info',
        text: `Saved ${filename}: open it here again, or run it with npm run simulate -- ${filename}.`,
      });
    },
    forgetCase: async (caseId) => {
      if (!imports?.mediumOf(caseId)) return;
      const title = titleOf(caseId);
      if (store.getState().caseId === caseId) await controller.loadCase(caseIds[0] ?? '');
      // Its last autosave lands before its storage is freed, so nothing writes it back afterwards.
      await keeper.flush();
      keeper.forget(caseId);
      controller.forgetCaseFile(caseId);
      await imports.forgetCase(caseId);
      if (files.getState().message?.kind !== 'error') {
        say({
          kind: 'info',
          text: `${title} is forgotten: its case and its autosaved plan are gone from this browser. A plan saved as a file still opens with its mesh files.`,
        });
      }
    },
    giveMeshFiles: async (meshes) => {
      if (!waiting) return false;
      const { plan, label, how } = waiting;
      return openWithFiles(plan, meshes, label, how);
    },
    openFile: async (file, meshes) => {
      if (file.size > MAX_PLAN_BYTES) {
        say({
          kind: 'error',
          text: `${file.name} was not opened: it is ${(file.size / 2 ** 20).toFixed(1)} MB, larger than a plan file can be (${MAX_PLAN_BYTES / 2 ** 20} MB). Nothing was changed.`,
        });
        return false;
      }
      const text = await file.text();
      return open(() => jsonOfText(text), file.name, 'opened', meshes);
    },
    openText,
    openRecent: async (id) => {
      const entry = (await recentPlans(kv)).find((e) => e.id === id);
      if (!entry) return false;
      return open(() => entry.file, `“${entry.name}”`, 'opened');
    },
    copyLink: async () => {
      if (store.getState().caseStatus !== 'ready') return;
      const link = planLink(currentFile(), platform.base());
      if (!link.ok) {
        say({ kind: 'error', text: link.reason });
        return;
      }
      const copied = await platform.copyText(link.url).catch(() => false);
      say({
        kind: 'info',
        text: copied
          ? 'Link copied: it opens this plan (case, target, spots, limits) for anyone, in any browser.'
          : 'Copy this link: it opens this plan (case, target, spots, limits) for anyone, in any browser.',
        link: link.url,
      });
    },
    openReport: async () => {
      await keeper.flush();
      const image = await platform.composeViewImage().catch(() => undefined);
      const planName = currentFile().name ?? 'Plan';
      files.setState({ report: { image, planName, createdAt: platform.now() } });
    },
    closeReport: () => {
      const image = files.getState().report?.image;
      if (image) platform.releaseImage(image);
      files.setState({ report: undefined });
    },
    printReport: () => platform.print(),
    dismissMessage: () => {
      waiting = undefined;
      say(undefined);
    },
  };
}
