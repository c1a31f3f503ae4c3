import { createStore, type StoreApi } from 'zustand/vanilla';
import { DEFAULT_ENVELOPE } from '../geometry/import/envelope.ts';
import { MAX_FILE_BYTES } from '../geometry/import/import-error.ts';
import type { UpAxis } from '../geometry/import/placement.ts';
import type { LengthUnit } from '../geometry/import/units.ts';
import type { TissueId } from '../physics/tissue-ids.ts';
import type { CaseInfo } from '../state/store.ts';
import { DEFAULT_LESION_RADII, type EnvelopeLayers, envelopeProblem, lesionRadiiProblem } from '../ui/import-rules.ts';
import type { ImportPort } from '../worker/import-client.ts';
import type { CaseSource } from './controller.ts';
import { DEFAULT_SONICATION } from './defaults.ts';
import {
  baseName,
  forgetKept,
  type KeptCase,
  keepCase,
  keptCases,
  keptGlb,
  type MeshMedium,
  sameMedium,
} from './import-cases.ts';
import {
  buildProblem,
  caseRequest,
  guessUp,
  hasLesion,
  labelOf,
  needsEnvelope,
  type PartRow,
  rowOf,
} from './import-choices.ts';
import type { KeyValueStore } from './key-value.ts';

type Vec3 = [number, number, number];

/** A file handed to the importer: a dropped or picked File in the browser, a read file in tests. */
export interface FileSource {
  name: string;
  size: number;
  bytes(): Promise<ArrayBuffer>;
}

/** A lesion waiting to be placed on the imported case that is open. */
export interface PendingLesion {
  caseId: string;
  title: string;
  radii: Vec3;
  busy: boolean;
  error: string;
  /** asked for on a case opened again (startLesion): the importer needs the case's file, not its last build */
  later?: boolean;
}

export interface ImportState {
  /** the dialog is shown */
  open: boolean;
  /** names of files being read */
  reading: string[];
  /** files that could not be read, each message naming the file and the reason */
  errors: string[];
  /** what was read, and how long each file took */
  notes: string[];
  rows: PartRow[];
  up: UpAxis;
  upReason: string;
  /** the user chose the axis: a later file does not change it */
  upChosen: boolean;
  recentre: boolean;
  /** undefined: proposed when no part is soft tissue (needsEnvelope) */
  envelopeOn: boolean | undefined;
  envelope: EnvelopeLayers;
  building: boolean;
  buildError: string;
  lesion: PendingLesion | undefined;
  /** cases made here (this session, or kept from an earlier one), for the picker */
  cases: ImportedEntry[];
}

/** An imported case the picker lists: how to open it, and the choices it was made with. */
export type ImportedEntry = CaseSource & Omit<KeptCase, 'id' | 'title'>;

export interface ImportFlowOptions {
  port: ImportPort;
  /** opens a case file as a bundled one (controller.openCaseFile) */
  openCase(entry: CaseSource, bytes: ArrayBuffer, replaces?: string): Promise<boolean>;
  /** where the user put the target (a click on the bone): the lesion's centre [m] */
  target(): Vec3;
  /** a fresh case id */
  newCaseId?: () => string;
  /** the file of a case the app holds (controller.caseFileBytes), for a lesion placed on a case opened again */
  caseBytes?: (caseId: string) => ArrayBuffer | undefined;
  /** where made cases are kept across reloads (absent: for the session only) */
  kv?: KeyValueStore;
  /** the storage refused to keep or forget a case: said to the user */
  onStorageError?: (message: string) => void;
}

/** Outcome of making a case again from a plan's mesh medium and the files the user gave. */
export type MediumOutcome = { ok: true; caseId: string } | { ok: false; message: string };

export interface ImportFlow {
  state: StoreApi<ImportState>;
  addFiles(files: readonly FileSource[]): Promise<void>;
  setUnit(id: string, unit: LengthUnit): void;
  setTissue(id: string, tissue: TissueId): void;
  removePart(id: string): void;
  setUp(up: UpAxis): void;
  setRecentre(on: boolean): void;
  setEnvelopeOn(on: boolean): void;
  setEnvelope(patch: Partial<EnvelopeLayers>): void;
  /** makes the case and opens it; true when it is open */
  build(): Promise<boolean>;
  cancel(): void;
  setLesionRadii(radii: Vec3): void;
  /** puts the lesion at the target and reopens the case with it; true when it is open */
  placeLesion(): Promise<boolean>;
  skipLesion(): void;
  /**
   * Asks again for the lesion of an imported case that has none (skipped, or left before it was placed): the
   * place-the-lesion panel opens on it. False for a case that is not imported or already has a lesion.
   */
  startLesion(caseId: string): boolean;
  /** whether `caseId` is an imported case with no lesion (startLesion would open the panel) */
  lacksLesion(caseId: string): boolean;
  /** The cases kept in the browser, back in the picker; their bytes for the controller (a case whose bytes are gone is dropped). */
  restore(): Promise<{ entry: ImportedEntry; glb: ArrayBuffer }[]>;
  /** Drops an imported case from the picker and frees its storage (its case file and its autosaved plan). */
  forgetCase(id: string): Promise<void>;
  /** The imported case made with these choices, when one is known. */
  caseOfMedium(medium: MeshMedium): string | undefined;
  /** The choices an imported case was made with (what a plan on it writes), or undefined for another case. */
  mediumOf(caseId: string): MeshMedium | undefined;
  /**
   * Makes a plan's case again from its mesh medium and the files given (each must be one the plan names, and every
   * one it names must be given), through the import worker with the plan's choices, and opens it.
   * Nothing already open changes unless it succeeds.
   */
  openMedium(medium: MeshMedium, files: readonly FileSource[]): Promise<MediumOutcome>;
}

/**
 * The mesh medium of the dialog's choices, as a plan file writes it: one part per file (the name as given), with
 * its unit, tissue and label; the up axis, recentring, the envelope asked for (metres). The command line
 * (src/cli/medium.ts) makes the same case from it. What the format cannot say is returned as caveats.
 */
export function meshMediumOf(
  rows: readonly PartRow[],
  choices: { up: UpAxis; recentre: boolean; envelope: EnvelopeLayers | undefined },
): { medium: MeshMedium; caveats: string[] } {
  const files = [...new Set(rows.map((r) => r.info.file))];
  const caveats: string[] = [];
  const parts = files.map((file) => {
    const of = rows.filter((r) => r.info.file === file);
    const first = of[0] as PartRow;
    if (of.some((r) => r.unit !== first.unit || r.tissue !== first.tissue)) {
      caveats.push(`${file}: its parts have different units or tissues; a plan gives all of them the first part's`);
    }
    return {
      file,
      unit: first.unit,
      tissue: first.tissue,
      // One label per file: a file of several parts has them numbered, as the command line does.
      ...(of.length === 1 ? { label: labelOf(first) } : {}),
    };
  });
  if (!choices.envelope && needsEnvelope(rows)) {
    caveats.push('no body envelope was asked for, but a plan on bare bone gets the default one when it is reopened');
  }
  const medium: MeshMedium = {
    type: 'mesh',
    parts,
    up: choices.up,
    recentre: choices.recentre,
    ...(choices.envelope ? { envelope: { ...choices.envelope } } : {}),
  };
  return { medium, caveats };
}

/** What an imported case brings beside its geometry: the femur's sonication, axis words of the app's frame. */
export const IMPORTED_CASE_INFO: CaseInfo = {
  sonication: { ...DEFAULT_SONICATION },
  axisWords: { x: ['−x', '+x'], y: ['below (down)', 'above (the up axis)'], z: ['−z', '+z'] },
};

const keptOf = (entry: ImportedEntry): KeptCase => ({
  id: entry.id,
  title: entry.title,
  description: entry.description,
  medium: entry.medium,
  caveats: entry.caveats,
});

const INITIAL: Omit<ImportState, 'cases' | 'lesion'> = {
  open: false,
  reading: [],
  errors: [],
  notes: [],
  rows: [],
  up: '+y',
  upReason: '',
  upChosen: false,
  recentre: true,
  envelopeOn: undefined,
  envelope: { ...DEFAULT_ENVELOPE },
  building: false,
  buildError: '',
};

/** The envelope the dialog will ask for, or undefined for none. */
export function envelopeAsked(s: ImportState): EnvelopeLayers | undefined {
  return (s.envelopeOn ?? needsEnvelope(s.rows)) ? s.envelope : undefined;
}

/** Why "Open as a case" cannot run now, or undefined. */
export function importBlocker(s: ImportState): string | undefined {
  if (s.reading.length > 0) return `reading ${s.reading.join(', ')}…`;
  if (s.building) return 'making the case…';
  const envelope = envelopeAsked(s);
  return buildProblem(s.rows, envelope ? envelopeProblem(envelope) : undefined);
}

/**
 * The import, from files to an open case (issue 12), with no React and no DOM: files are read in the import
 * worker one by one (a bad one leaves a message naming it and changes nothing else), the user's choices are kept
 * here, and "Open as a case" has the worker make a case file that the controller opens like a bundled case, so the
 * case and the plan already open stay as they are until the new case is made. A bone without a lesion then waits
 * for one: the user clicks on the bone (the target) and the case is made again with the lesion there.
 */
export function createImportFlow(options: ImportFlowOptions): ImportFlow {
  const { port } = options;
  let serial = 0;
  const newCaseId = options.newCaseId ?? (() => `imported-${Date.now().toString(36)}-${++serial}`);
  const state = createStore<ImportState>(() => ({ ...INITIAL, lesion: undefined, cases: [] }));
  const set = (patch: Partial<ImportState> | ((s: ImportState) => Partial<ImportState>)) => state.setState(patch);

  const reguessUp = () =>
    set((s) => {
      if (s.upChosen) return {};
      const guess = guessUp(s.rows);
      return { up: guess.up, upReason: guess.reason };
    });

  const readOne = async (file: FileSource): Promise<void> => {
    if (file.size > MAX_FILE_BYTES) {
      // Refused before reading: a file this large would only be copied to be refused by the importer.
      set((s) => ({
        errors: [
          ...s.errors,
          `${file.name}: ${(file.size / 2 ** 20).toFixed(0)} MiB is more than the ${MAX_FILE_BYTES / 2 ** 20} MiB the importer reads`,
        ],
      }));
      return;
    }
    let bytes: ArrayBuffer;
    try {
      bytes = await file.bytes();
    } catch (error) {
      set((s) => ({ errors: [...s.errors, `${file.name}: the file could not be read (${String(error)})`] }));
      return;
    }
    const outcome = await port.readFile(file.name, bytes);
    if (!state.getState().open) {
      // The dialog was closed meanwhile: nothing of this file is wanted.
      if (outcome.ok) port.forget(outcome.parts.map((p) => p.id));
      return;
    }
    if (!outcome.ok) {
      set((s) => ({ errors: [...s.errors, outcome.message] }));
      return;
    }
    const triangles = outcome.parts.reduce((n, p) => n + p.triangles, 0);
    set((s) => ({
      rows: [...s.rows, ...outcome.parts.map(rowOf)],
      notes: [
        ...s.notes,
        `${file.name}: ${outcome.parts.length} part${outcome.parts.length === 1 ? '' : 's'}, ${triangles.toLocaleString('en')} triangles, read in ${(outcome.elapsedMs / 1000).toFixed(2)} s`,
      ],
    }));
    reguessUp();
  };

  const addFiles = async (files: readonly FileSource[]): Promise<void> => {
    if (files.length === 0) return;
    if (state.getState().building) {
      // The dialog's parts are being made into a case: files now would be lost when it opens.
      set((s) => ({
        errors: [
          ...s.errors,
          ...files.map((f) => `${f.name}: not read, a case is being made; drop it again once it is open`),
        ],
      }));
      return;
    }
    set((s) => ({
      open: true,
      buildError: '',
      reading: [...s.reading, ...files.map((f) => f.name)],
    }));
    // One at a time: the worker holds one file's bytes and triangles at once, not all of them.
    for (const file of files) {
      try {
        await readOne(file);
      } finally {
        set((s) => {
          const at = s.reading.indexOf(file.name);
          return { reading: at < 0 ? s.reading : [...s.reading.slice(0, at), ...s.reading.slice(at + 1)] };
        });
      }
    }
  };

  const patchRow = (id: string, patch: Partial<PartRow>) =>
    set((s) => ({ rows: s.rows.map((r) => (r.info.id === id ? { ...r, ...patch } : r)) }));

  const close = () => {
    const ids = state.getState().rows.map((r) => r.info.id);
    port.forget(ids);
    set({ ...INITIAL });
  };

  const build = async (): Promise<boolean> => {
    const s = state.getState();
    const blocked = importBlocker(s);
    if (blocked) {
      set({ buildError: `The case was not made: ${blocked}.` });
      return false;
    }
    const id = newCaseId();
    const envelope = envelopeAsked(s);
    const request = caseRequest(id, s.rows, { up: s.up, recentre: s.recentre, ...(envelope ? { envelope } : {}) });
    set({ building: true, buildError: '' });
    const outcome = await port.buildCase(request);
    if (!outcome.ok) {
      set({ building: false, buildError: outcome.message });
      return false;
    }
    const { medium, caveats } = meshMediumOf(s.rows, { up: s.up, recentre: s.recentre, envelope });
    const entry: ImportedEntry = {
      id,
      title: outcome.meta.title,
      description: outcome.meta.description,
      url: `import:${id}`,
      info: IMPORTED_CASE_INFO,
      medium,
      caveats,
    };
    const needsLesion = !hasLesion(s.rows);
    set((now) => ({
      ...INITIAL,
      cases: [...now.cases, entry],
      lesion: needsLesion
        ? { caseId: id, title: entry.title, radii: [...DEFAULT_LESION_RADII], busy: false, error: '' }
        : undefined,
    }));
    // The worker keeps the built parts for the lesion; the meshes as read are no longer needed.
    port.forget(s.rows.map((r) => r.info.id));
    const opened = await options.openCase(entry, outcome.glb);
    if (!opened) set({ lesion: undefined });
    await keep(entry, outcome.glb);
    return opened;
  };

  const placeLesion = async (): Promise<boolean> => {
    const pending = state.getState().lesion;
    if (!pending || pending.busy) return false;
    const problem = lesionRadiiProblem(pending.radii);
    if (problem) {
      set({ lesion: { ...pending, error: `The lesion was not placed: ${problem}.` } });
      return false;
    }
    const caseGlb = pending.later ? options.caseBytes?.(pending.caseId) : undefined;
    if (pending.later && !caseGlb) {
      set({
        lesion: {
          ...pending,
          error: 'The lesion was not placed: this case’s file is not at hand; import the bone again.',
        },
      });
      return false;
    }
    set({ lesion: { ...pending, busy: true, error: '' } });
    const id = newCaseId();
    const outcome = await port.placeLesion({
      id,
      title: pending.title,
      centre: options.target(),
      radii: pending.radii,
      ...(caseGlb ? { caseGlb } : {}),
    });
    const now = state.getState().lesion;
    if (!outcome.ok) {
      if (now) set({ lesion: { ...now, busy: false, error: outcome.message } });
      return false;
    }
    const bare = state.getState().cases.find((c) => c.id === pending.caseId);
    const centre = options.target();
    const entry: ImportedEntry = {
      id,
      title: pending.title,
      description: outcome.meta.description,
      url: `import:${id}`,
      info: IMPORTED_CASE_INFO,
      // The lesion as the command line places it: centre and semi-axes in the case's frame [m] (imported-case.ts).
      medium: { ...(bare?.medium ?? { type: 'mesh', parts: [] }), lesion: { centre, radii: [...pending.radii] } },
      caveats: bare?.caveats ?? [],
    };
    // The case with its lesion takes the place of the bare one in the picker.
    set((s) => ({ lesion: undefined, cases: [...s.cases.filter((c) => c.id !== pending.caseId), entry] }));
    const opened = await options.openCase(entry, outcome.glb, pending.caseId);
    await keep(entry, outcome.glb, pending.caseId);
    return opened;
  };

  /** The imported case `caseId` when it has no lesion (none placed, and no part of it one). */
  const bareCase = (caseId: string): ImportedEntry | undefined => {
    const entry = state.getState().cases.find((c) => c.id === caseId);
    if (!entry || entry.medium.lesion || entry.medium.parts.some((p) => p.tissue === 'lesion')) return undefined;
    return entry;
  };

  const storageError = (what: string, error: unknown) =>
    options.onStorageError?.(
      `${what}: the browser's storage refused (${error instanceof Error ? error.message : String(error)}).`,
    );

  /** Keeps a made case in the browser; a refusal is said, and the case stays open for the session. */
  const keep = async (entry: ImportedEntry, glb: ArrayBuffer, replaces?: string): Promise<void> => {
    if (!options.kv) return;
    try {
      await keepCase(options.kv, keptOf(entry), glb, replaces);
    } catch (error) {
      storageError(`${entry.title} is open for this session only and will be gone after a reload`, error);
    }
  };

  const restore = async (): Promise<{ entry: ImportedEntry; glb: ArrayBuffer }[]> => {
    if (!options.kv) return [];
    const out: { entry: ImportedEntry; glb: ArrayBuffer }[] = [];
    try {
      for (const kept of await keptCases(options.kv)) {
        const glb = await keptGlb(options.kv, kept.id);
        if (glb) out.push({ entry: { ...kept, url: `import:${kept.id}`, info: IMPORTED_CASE_INFO }, glb });
      }
    } catch (error) {
      storageError('The imported cases kept in this browser could not be read', error);
    }
    set((s) => ({
      cases: [...out.map((o) => o.entry), ...s.cases.filter((c) => !out.some((o) => o.entry.id === c.id))],
    }));
    return out;
  };

  const forgetCase = async (id: string): Promise<void> => {
    set((s) => ({
      cases: s.cases.filter((c) => c.id !== id),
      lesion: s.lesion?.caseId === id ? undefined : s.lesion,
    }));
    if (!options.kv) return;
    try {
      await forgetKept(options.kv, id);
    } catch (error) {
      storageError('The imported case could not be removed from the browser’s storage', error);
    }
  };

  const openMedium = async (medium: MeshMedium, files: readonly FileSource[]): Promise<MediumOutcome> => {
    const now = state.getState();
    if (now.open || now.building || now.lesion?.busy) {
      return { ok: false, message: 'an import is under way: finish or close it first' };
    }
    const needed = [...new Set(medium.parts.map((p) => baseName(p.file)))];
    const byName = new Map(files.map((f) => [f.name, f]));
    const stranger = files.find((f) => !needed.includes(f.name));
    if (stranger) {
      return {
        ok: false,
        message: `${stranger.name} is not one of this plan's files (it needs ${needed.join(', ')})`,
      };
    }
    const missing = needed.filter((n) => !byName.has(n));
    if (missing.length > 0) return { ok: false, message: `it also needs ${missing.join(', ')}` };
    // The parts each file gives, read in the worker with the plan's unit, tissue and label for all of them.
    const read = new Map<string, { id: string; unit: LengthUnit; tissue: TissueId }[]>();
    const held: string[] = [];
    try {
      for (const name of needed) {
        const file = byName.get(name) as FileSource;
        if (file.size > MAX_FILE_BYTES) {
          return { ok: false, message: `${name}: larger than the ${MAX_FILE_BYTES / 2 ** 20} MiB the importer reads` };
        }
        let bytes: ArrayBuffer;
        try {
          bytes = await file.bytes();
        } catch (error) {
          return { ok: false, message: `${name}: the file could not be read (${String(error)})` };
        }
        const outcome = await port.readFile(name, bytes);
        if (!outcome.ok) return { ok: false, message: outcome.message };
        held.push(...outcome.parts.map((p) => p.id));
        read.set(
          name,
          outcome.parts.map((p) => ({ id: p.id, unit: p.unit.unit, tissue: p.role.tissue })),
        );
      }
      const parts = medium.parts.flatMap((part) =>
        (read.get(baseName(part.file)) ?? []).map((p) => ({
          id: p.id,
          unit: part.unit ?? p.unit,
          tissue: part.tissue ?? p.tissue,
          ...(part.label === undefined ? {} : { label: part.label }),
        })),
      );
      // As the command line: bare bone gets the default envelope when the plan asks for none.
      const soft = parts.some((p) => ['skin', 'fat', 'muscle'].includes(p.tissue));
      const envelope = medium.envelope ?? (soft ? undefined : DEFAULT_ENVELOPE);
      const first = needed[0]?.replace(/\.(nii\.gz|[a-z0-9]+)$/i, '') ?? 'mesh';
      const title = `Imported: ${first}${needed.length > 1 ? ` + ${needed.length - 1} more` : ''}`;
      let id = newCaseId();
      let made = await port.buildCase({
        id,
        title,
        parts,
        up: medium.up ?? '+y',
        recentre: medium.recentre ?? true,
        ...(envelope ? { envelope } : {}),
      });
      if (made.ok && medium.lesion) {
        id = newCaseId();
        made = await port.placeLesion({
          id,
          title,
          centre: [...medium.lesion.centre],
          radii: [...medium.lesion.radii],
        });
      }
      if (!made.ok) return { ok: false, message: made.message };
      const entry: ImportedEntry = {
        id,
        title,
        description: made.meta.description,
        url: `import:${id}`,
        info: IMPORTED_CASE_INFO,
        medium,
        caveats: [],
      };
      // The worker's last case is now this one: a lesion still waiting on another imported case is dropped.
      set((s) => ({ lesion: undefined, cases: [...s.cases, entry] }));
      const opened = await options.openCase(entry, made.glb);
      await keep(entry, made.glb);
      return opened ? { ok: true, caseId: id } : { ok: false, message: 'the case was made but could not be opened' };
    } finally {
      port.forget(held);
    }
  };

  return {
    state,
    addFiles,
    setUnit: (id, unit) => {
      patchRow(id, { unit });
      reguessUp();
    },
    setTissue: (id, tissue) => patchRow(id, { tissue }),
    removePart: (id) => {
      port.forget([id]);
      set((s) => ({ rows: s.rows.filter((r) => r.info.id !== id) }));
      reguessUp();
    },
    setUp: (up) => set({ up, upChosen: true, upReason: '' }),
    setRecentre: (recentre) => set({ recentre }),
    setEnvelopeOn: (envelopeOn) => set({ envelopeOn }),
    setEnvelope: (patch) => set((s) => ({ envelope: { ...s.envelope, ...patch } })),
    build,
    cancel: close,
    setLesionRadii: (radii) => set((s) => (s.lesion ? { lesion: { ...s.lesion, radii, error: '' } } : {})),
    placeLesion,
    skipLesion: () => set({ lesion: undefined }),
    startLesion: (caseId) => {
      const entry = bareCase(caseId);
      if (!entry) return false;
      set({
        lesion: { caseId, title: entry.title, radii: [...DEFAULT_LESION_RADII], busy: false, error: '', later: true },
      });
      return true;
    },
    lacksLesion: (caseId) => bareCase(caseId) !== undefined,
    restore,
    forgetCase,
    caseOfMedium: (medium) => state.getState().cases.find((c) => sameMedium(c.medium, medium))?.id,
    mediumOf: (caseId) => state.getState().cases.find((c) => c.id === caseId)?.medium,
    openMedium,
  };
}
