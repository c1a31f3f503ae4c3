import type { EnvelopeThickness } from '../geometry/import/envelope.ts';
import type { MeshCheck } from '../geometry/import/mesh-check.ts';
import type { MeshFormat } from '../geometry/import/mesh-file.ts';
import type { UpAxis } from '../geometry/import/placement.ts';
import type { RoleGuess } from '../geometry/import/roles.ts';
import type { LengthUnit, UnitGuess } from '../geometry/import/units.ts';
import type { CaseMeta } from '../geometry/phantom.ts';
import type { TissueId } from '../physics/tissue-ids.ts';

type Vec3 = [number, number, number];

/**
 * The messages between the app and the import worker (import.worker.ts): files in, what was found in them out,
 * then the user's choices in and a case file (GLB) out. The meshes themselves stay in the worker, by id.
 */

/** One part read from a file: everything the import dialog shows, without the triangles. */
export interface ImportedPartInfo {
  /** the worker's handle on the part's triangles */
  id: string;
  file: string;
  name: string;
  format: MeshFormat;
  triangles: number;
  /** bounding box [file units] */
  min: Vec3;
  max: Vec3;
  check: MeshCheck;
  unit: UnitGuess;
  role: RoleGuess;
}

/** A file read: its parts and the time it took, or why it cannot be imported (never thrown). */
export type ReadFileOutcome =
  | { ok: true; file: string; parts: ImportedPartInfo[]; elapsedMs: number }
  | { ok: false; file: string; message: string };

/** The user's choices for the parts read, by id. */
export interface ImportCaseRequest {
  /** the case's id in the app */
  id: string;
  title: string;
  parts: { id: string; unit: LengthUnit; tissue: TissueId; label?: string }[];
  up: UpAxis;
  recentre: boolean;
  envelope?: EnvelopeThickness;
}

/** A case file made from imported parts (or why not), ready for the app's case loader. */
export type ImportCaseOutcome =
  | { ok: true; glb: ArrayBuffer; meta: CaseMeta; triangles: number; elapsedMs: number }
  | { ok: false; message: string };

/** A lesion the user placed [m, app frame], added to the last case built. */
export interface PlaceLesionRequest {
  id: string;
  title: string;
  centre: Vec3;
  radii: Vec3;
  /**
   * The bare case's file, when the lesion is placed on a case opened again (after another case or a reload): the
   * importer then holds only the last case it built, so the lesion goes into this file's parts instead.
   */
  caseGlb?: ArrayBuffer;
}

/** The import worker's API (exposed with comlink). */
export interface ImportWorkerApi {
  readFile(name: string, bytes: ArrayBuffer): Promise<ReadFileOutcome>;
  /** Drops parts the user removed or a closed dialog left behind. */
  forget(ids: string[]): void;
  buildCase(request: ImportCaseRequest): ImportCaseOutcome;
  placeLesion(request: PlaceLesionRequest): ImportCaseOutcome | Promise<ImportCaseOutcome>;
}
