import { type ImportedCaseSpec, importedParts } from '../../engine/imported-case.ts';
import { importedCaseFile, lesionPlacementProblem, withPlacedLesion } from '../../engine/imported-case-file.ts';
import { ImportError } from '../../geometry/import/import-error.ts';
import { type ImportedMesh, importMeshFile } from '../../geometry/import/mesh-file.ts';
import { type CasePart, parseCaseGlb } from '../../geometry/phantom.ts';
import type {
  ImportCaseOutcome,
  ImportCaseRequest,
  ImportedPartInfo,
  PlaceLesionRequest,
  ReadFileOutcome,
} from '../import-protocol.ts';

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The read-file op: the importer reads the file; the app gets each part's facts (the triangles stay in the
 * worker under `ids`). A file that cannot be imported comes back as its message, never as a throw.
 * @param name - file name
 * @param bytes - its contents
 * @param newId - a fresh handle per part
 * @returns the outcome for the app and the meshes for the worker to keep
 */
export async function readFileOp(
  name: string,
  bytes: ArrayBuffer,
  newId: () => string,
): Promise<{ outcome: ReadFileOutcome; meshes: Map<string, ImportedMesh> }> {
  const start = performance.now();
  const meshes = new Map<string, ImportedMesh>();
  try {
    const parts = await importMeshFile(name, bytes);
    const infos: ImportedPartInfo[] = parts.map((mesh) => {
      const id = newId();
      meshes.set(id, mesh);
      const { positions: _positions, ...facts } = mesh;
      return { id, ...facts };
    });
    return { outcome: { ok: true, file: name, parts: infos, elapsedMs: performance.now() - start }, meshes };
  } catch (error) {
    // An ImportError already names the file; anything else the readers let slip is said the same way.
    const message = error instanceof ImportError ? error.message : `${name}: cannot be imported (${messageOf(error)})`;
    return { outcome: { ok: false, file: name, message }, meshes: new Map() };
  }
}

/** The last case the worker built, kept so a lesion placed later does not regenerate the envelope. */
export interface BuiltCase {
  parts: CasePart[];
  description: string;
}

const description = (files: readonly string[]) => `Imported from ${[...new Set(files)].join(', ')}.`;

/**
 * The build-case op: the user's choices and the kept meshes → placed parts (with the envelope) → a case file.
 * @param request - choices by part id
 * @param meshes - the meshes the worker kept
 * @returns the outcome, and the parts with the case's description for a lesion placed later
 */
export function buildCaseOp(
  request: ImportCaseRequest,
  meshes: ReadonlyMap<string, ImportedMesh>,
): { outcome: ImportCaseOutcome; built?: BuiltCase } {
  const start = performance.now();
  try {
    const spec: ImportedCaseSpec = {
      title: request.title,
      parts: request.parts.map((choice) => {
        const mesh = meshes.get(choice.id);
        if (!mesh) throw new Error(`part ${choice.id} is no longer held by the importer: open the file again`);
        return { mesh, unit: choice.unit, tissue: choice.tissue, ...(choice.label ? { label: choice.label } : {}) };
      }),
      up: request.up,
      recentre: request.recentre,
      ...(request.envelope ? { envelope: request.envelope } : {}),
    };
    if (spec.parts.length === 0) throw new Error('no part to make a case of');
    const parts = importedParts(spec);
    const text = description(spec.parts.map((p) => p.mesh.file));
    const file = importedCaseFile({ id: request.id, title: request.title, description: text }, parts);
    return {
      outcome: { ok: true, ...file, triangles: trianglesOf(parts), elapsedMs: performance.now() - start },
      built: { parts, description: text },
    };
  } catch (error) {
    return { outcome: { ok: false, message: `The case could not be made: ${messageOf(error)}` } };
  }
}

/**
 * The place-lesion op: the last case built with the user's lesion in it, refused with the reason when the
 * lesion does not touch the bone.
 * @param request - where and how large
 * @param built - the parts of the last case built, and where its files came from
 * @returns the outcome
 */
export function placeLesionOp(request: PlaceLesionRequest, built: BuiltCase | undefined): ImportCaseOutcome {
  const start = performance.now();
  if (!built) return { ok: false, message: 'No imported case to put a lesion in: import the bone first.' };
  const problem = lesionPlacementProblem(built.parts, request.centre, request.radii);
  if (problem) return { ok: false, message: `The lesion was not placed: ${problem}.` };
  try {
    const parts = withPlacedLesion(built.parts, request);
    const file = importedCaseFile({ id: request.id, title: request.title, description: built.description }, parts);
    return { ok: true, ...file, triangles: trianglesOf(parts), elapsedMs: performance.now() - start };
  } catch (error) {
    return { ok: false, message: `The lesion could not be placed: ${messageOf(error)}` };
  }
}

function trianglesOf(parts: readonly CasePart[]): number {
  let n = 0;
  for (const p of parts) n += (p.geometry.index?.count ?? p.geometry.getAttribute('position').count) / 3;
  return n;
}

/**
 * A case file's parts, as the place-lesion op takes them: for a lesion placed on an imported case opened again,
 * whose parts the importer no longer holds (it keeps only the last case it built).
 * @param bytes - the bare case's GLB (as the import made it)
 * @param title - its title, should the file carry none
 * @returns its parts and description, or undefined when the file cannot be read
 */
async function builtFromCaseFile(bytes: ArrayBuffer, title: string): Promise<BuiltCase | undefined> {
  try {
    const loaded = await parseCaseGlb(bytes, title);
    return { parts: loaded.parts, description: loaded.meta.description };
  } catch {
    return undefined;
  }
}

/**
 * The place-lesion op as the worker dispatches it: on the case file the request brings (a case opened again), else
 * on the last case built.
 * @param request - where and how large, and perhaps the bare case's file
 * @param built - the parts of the last case built
 * @returns the outcome
 */
export async function placeLesionOnCase(
  request: PlaceLesionRequest,
  built: BuiltCase | undefined,
): Promise<ImportCaseOutcome> {
  if (!request.caseGlb) return placeLesionOp(request, built);
  const base = await builtFromCaseFile(request.caseGlb, request.title);
  if (!base) return { ok: false, message: 'The lesion was not placed: this case’s file could not be read.' };
  return placeLesionOp(request, base);
}
