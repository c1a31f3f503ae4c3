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
import { buildProblem, caseRequest, guessUp, hasLesion, needsEnvelope, type PartRow, rowOf } from './import-choices.ts';

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
  /** cases made this session, for the picker */
  cases: (CaseSource & { description: string })[];
}

export interface ImportFlowOptions {
  port: ImportPort;
  /** opens a case file as a bundled one (controller.openCaseFile) */
  openCase(entry: CaseSource, bytes: ArrayBuffer, replaces?: string): Promise<boolean>;
  /** where the user put the target (a click on the bone): the lesion's centre [m] */
  target(): Vec3;
  /** a fresh case id */
  newCaseId?: () => string;
}

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
}

/** What an imported case brings beside its geometry: the femur's sonication, axis words of the app's frame. */
export const IMPORTED_CASE_INFO: CaseInfo = {
  sonication: { ...DEFAULT_SONICATION },
  axisWords: { x: ['−x', '+x'], y: ['below (down)', 'above (the up axis)'], z: ['−z', '+z'] },
};

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
    const entry = {
      id,
      title: outcome.meta.title,
      description: outcome.meta.description,
      url: `import:${id}`,
      info: IMPORTED_CASE_INFO,
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
    set({ lesion: { ...pending, busy: true, error: '' } });
    const id = newCaseId();
    const outcome = await port.placeLesion({
      id,
      title: pending.title,
      centre: options.target(),
      radii: pending.radii,
    });
    const now = state.getState().lesion;
    if (!outcome.ok) {
      if (now) set({ lesion: { ...now, busy: false, error: outcome.message } });
      return false;
    }
    const entry = {
      id,
      title: pending.title,
      description: outcome.meta.description,
      url: `import:${id}`,
      info: IMPORTED_CASE_INFO,
    };
    // The case with its lesion takes the place of the bare one in the picker.
    set((s) => ({ lesion: undefined, cases: [...s.cases.filter((c) => c.id !== pending.caseId), entry] }));
    return options.openCase(entry, outcome.glb, pending.caseId);
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
  };
}
