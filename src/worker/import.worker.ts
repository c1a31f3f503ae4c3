/// <reference lib="webworker" />
import * as Comlink from 'comlink';
import type { ImportedMesh } from '../geometry/import/mesh-file.ts';
import type { ImportWorkerApi } from './import-protocol.ts';
import { type BuiltCase, buildCaseOp, placeLesionOnCase, readFileOp } from './ops/import.ts';

// The import worker: reading files (500 000 triangles take seconds) and building a case (the body envelope takes
// seconds more) off the main thread, apart from the simulation pool so a sonication is never queued behind them.
// Its state: the meshes read, by id, and the last case built (its parts, for a lesion placed afterwards).
const meshes = new Map<string, ImportedMesh>();
let built: BuiltCase | undefined;
let counter = 0;

const api: ImportWorkerApi = {
  async readFile(name, bytes) {
    const { outcome, meshes: read } = await readFileOp(name, bytes, () => `part-${++counter}`);
    for (const [id, mesh] of read) meshes.set(id, mesh);
    return outcome;
  },
  forget(ids) {
    for (const id of ids) meshes.delete(id);
  },
  buildCase(request) {
    const result = buildCaseOp(request, meshes);
    if (result.built) built = result.built;
    const { outcome } = result;
    return outcome.ok ? Comlink.transfer(outcome, [outcome.glb]) : outcome;
  },
  async placeLesion(request) {
    // A case opened again brings its own file: its parts, not the last case built here.
    const outcome = await placeLesionOnCase(request, built);
    return outcome.ok ? Comlink.transfer(outcome, [outcome.glb]) : outcome;
  },
};

Comlink.expose(api);
