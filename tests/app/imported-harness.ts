import { readFileSync } from 'node:fs';
import { vi } from 'vitest';
import { type CaseSource, createPlannerController, type SimPort } from '../../src/app/controller.ts';
import { createImportFlow, type FileSource } from '../../src/app/import-flow.ts';
import { type KeyValueStore, memoryKeyValue } from '../../src/app/key-value.ts';
import { createPlanIO, type PlanIOPlatform } from '../../src/app/plan-io.ts';
import { createPlanKeeper } from '../../src/app/plan-keeper.ts';
import { caseSummary, loadCase } from '../../src/engine/case.ts';
import type { ImportedMesh } from '../../src/geometry/import/mesh-file.ts';
import { parseCaseGlb } from '../../src/geometry/phantom.ts';
import { createPlanFilesStore } from '../../src/state/plan-files.ts';
import type { ImportPort } from '../../src/worker/import-client.ts';
import { type BuiltCase, buildCaseOp, placeLesionOnCase, readFileOp } from '../../src/worker/ops/import.ts';
import { bundledCaseBytes } from '../fixtures/bundled-case.ts';
import { testStore } from '../fixtures/planner-store.ts';

// The app as App.tsx wires it for imported cases, in Node: the import flow on the import worker's own ops (in
// process), the real controller on the engine, the real keeper and plan-io on an in-memory IndexedDB.

export const FIXTURES = new URL('../../../shared/fixtures/geometry/', import.meta.url);
export const FEMUR = 'bone-femur_r-opensim-converted.stl';

export function fixture(name: string, as = name): FileSource {
  const buffer = readFileSync(new URL(name, FIXTURES));
  return {
    name: as,
    size: buffer.byteLength,
    bytes: async () => buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength) as ArrayBuffer,
  };
}

/** The import worker's API, in process: the ops and the worker's state, as import.worker.ts holds them. */
export function inProcessPort(): ImportPort & { held: Map<string, ImportedMesh> } {
  const held = new Map<string, ImportedMesh>();
  let built: BuiltCase | undefined;
  let n = 0;
  return {
    held,
    readFile: async (name, bytes) => {
      const { outcome, meshes } = await readFileOp(name, bytes, () => `p${++n}`);
      for (const [id, m] of meshes) held.set(id, m);
      return outcome;
    },
    forget: (ids) => {
      for (const id of ids) held.delete(id);
    },
    buildCase: async (request) => {
      const result = buildCaseOp(request, held);
      if (result.built) built = result.built;
      return result.outcome;
    },
    placeLesion: (request) => placeLesionOnCase(request, built),
  };
}

/** The simulation worker's loadCase on the engine in Node; the rest is not called here. */
export function engineSim(): SimPort {
  return {
    loadCase: vi.fn(async (bytes: ArrayBuffer, title: string) => caseSummary(await loadCase(bytes, title))),
    estimate: vi.fn(),
    sonicate: vi.fn(),
    runPlan: vi.fn(),
    spotLayout: vi.fn(),
  } as unknown as SimPort;
}

export function fakePlatform() {
  const downloads: { blob: Blob; filename: string }[] = [];
  const copied: string[] = [];
  const platform: PlanIOPlatform = {
    download: (blob, filename) => downloads.push({ blob, filename }),
    copyText: async (text) => {
      copied.push(text);
      return true;
    },
    hash: () => '',
    base: () => 'https://fus.example/app/',
    clearFragment: () => {},
    now: () => 1_700_000_000_000,
    composeViewImage: async () => undefined,
    releaseImage: () => {},
    print: () => {},
  };
  return { platform, downloads, copied };
}

const BUNDLED: CaseSource[] = [{ id: 'femur-shaft', title: 'Femur', url: 'femur-shaft' }];

/**
 * One app "session" on a key-value store (pass the same kv to a second session to model a reload).
 * @param kv - the browser's storage
 * @param idPrefix - distinguishes the case ids two sessions make
 */
export function session(kv: KeyValueStore & { data: Map<string, unknown> } = memoryKeyValue(), idPrefix = 'imported') {
  const store = testStore();
  const sim = engineSim();
  const files = createPlanFilesStore();
  const errors: string[] = [];
  const port = inProcessPort();
  let id = 0;
  const glbs = new Map<string, ArrayBuffer>();
  let controller: ReturnType<typeof createPlannerController>;
  const flow = createImportFlow({
    port,
    openCase: (entry, bytes, replaces) => {
      glbs.set(entry.id, bytes.slice(0));
      return controller.openCaseFile(entry, bytes, replaces);
    },
    target: () => [...store.getState().target],
    newCaseId: () => `${idPrefix}-${++id}`,
    kv,
    onStorageError: (text) => errors.push(text),
  });
  const keeper = createPlanKeeper({
    store,
    kv,
    caseIds: BUNDLED.map((c) => c.id),
    meshMedium: flow.mediumOf,
    delay: 1,
    onError: (text) => errors.push(text),
  });
  controller = createPlannerController({
    store,
    client: sim,
    cases: BUNDLED,
    loadBytes: async (url) => bundledCaseBytes(url),
    parseForDrawing: async (bytes, title) => (await parseCaseGlb(bytes, title)).parts,
    onCaseDrawn: () => {},
    isCancellation: () => false,
    keepEstimateLive: () => () => {},
    plans: keeper,
  });
  const { platform, downloads, copied } = fakePlatform();
  const io = createPlanIO({
    store,
    controller,
    keeper,
    kv,
    files,
    cases: BUNDLED,
    platform,
    imports: flow,
  });
  /** Starts as App.tsx does: the kept imported cases back in the picker, then the last case. */
  const start = async () => {
    for (const { entry, glb } of await flow.restore()) controller.addCaseFile(entry, glb);
    await io.start();
  };
  return { kv, store, files, flow, keeper, controller, io, port, downloads, copied, errors, glbs, start };
}

/** Imports the OpenSim femur with its envelope and places a lesion on a vertex of its bone, as a user would. */
export async function importFemurWithLesion(s: ReturnType<typeof session>, radii: [number, number, number]) {
  await s.flow.addFiles([fixture(FEMUR)]);
  if (!(await s.flow.build())) throw new Error('the femur did not open');
  const drawn = await parseCaseGlb(s.glbs.get(s.store.getState().caseId) as ArrayBuffer, '');
  const bone = drawn.parts.find((p) => p.tissue === 'cortical_bone')?.geometry.getAttribute('position');
  if (!bone) throw new Error('no bone');
  // The vertex farthest along +x near mid-shaft: where a click on the shaft lands.
  let onBone: [number, number, number] = [-1, 0, 0];
  for (let i = 0; i < bone.count; i++) {
    if (Math.abs(bone.getY(i)) < 0.02 && bone.getX(i) > onBone[0]) onBone = [bone.getX(i), bone.getY(i), bone.getZ(i)];
  }
  s.store.getState().setTarget(onBone);
  s.flow.setLesionRadii(radii);
  if (!(await s.flow.placeLesion())) throw new Error('the lesion was not placed');
  return onBone;
}
