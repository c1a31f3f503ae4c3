import { type BufferGeometry, type Mesh, type Object3D, Vector3 } from 'three';
import { GLTFLoader } from 'three/addons/loaders/GLTFLoader.js';
import { type PartRole, parsePartName } from './part-names.ts';

type Vec3 = [number, number, number];

/** What a case file says about itself beside its meshes (glTF scene `extras.fusPlanner`). */
export interface CaseMeta {
  id: string;
  title: string;
  description: string;
  /** Where the beams converge by default, on or in the lesion [m]. */
  defaultTarget: Vec3;
  /** Unit vector from the target toward where the transducer sits. */
  defaultBeamDirection: Vec3;
}

/** One solid of a case, with its geometry baked into world coordinates [m]. */
export interface CasePart extends PartRole {
  /** Unique within the case: the node name. */
  name: string;
  geometry: BufferGeometry;
}

export interface LoadedCase {
  meta: CaseMeta;
  parts: CasePart[];
  /** The scene as the loader built it, for drawing. */
  scene: Object3D;
}

export class CaseFormatError extends Error {
  override name = 'CaseFormatError';
}

function isVec3(value: unknown): value is Vec3 {
  return Array.isArray(value) && value.length === 3 && value.every((v) => typeof v === 'number' && Number.isFinite(v));
}

function readMeta(scene: Object3D, fallbackTitle: string): CaseMeta {
  const raw = (scene.userData as { fusPlanner?: Record<string, unknown> }).fusPlanner ?? {};
  const target = isVec3(raw.defaultTarget) ? raw.defaultTarget : undefined;
  const direction = isVec3(raw.defaultBeamDirection)
    ? (new Vector3(...raw.defaultBeamDirection).normalize().toArray() as Vec3)
    : undefined;
  return {
    id: typeof raw.id === 'string' ? raw.id : fallbackTitle,
    title: typeof raw.title === 'string' ? raw.title : fallbackTitle,
    description: typeof raw.description === 'string' ? raw.description : '',
    defaultTarget: target ?? [0, 0, 0],
    defaultBeamDirection: direction ?? [0, -1, 0],
  };
}

function roleOf(object: Object3D): PartRole | undefined {
  const extras = object.userData as { tissue?: unknown; label?: unknown };
  if (typeof extras.tissue === 'string') {
    const fromExtras = parsePartName(extras.tissue);
    if (fromExtras) return { tissue: fromExtras.tissue, label: typeof extras.label === 'string' ? extras.label : '' };
  }
  return parsePartName(object.name);
}

/**
 * Parses a GLB case file into tissue-labelled parts. Runs in the worker, in Node and on the main thread: the
 * loader's parse path needs no DOM for files without textures.
 */
export async function parseCaseGlb(bytes: ArrayBuffer, fallbackTitle = 'case'): Promise<LoadedCase> {
  let scene: Object3D;
  try {
    const gltf = await new GLTFLoader().parseAsync(bytes, '');
    scene = gltf.scene;
  } catch (error) {
    throw new CaseFormatError(
      `Not a readable glTF/GLB file: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  scene.updateMatrixWorld(true);
  const parts: CasePart[] = [];
  const unnamed: string[] = [];
  scene.traverse((object) => {
    const mesh = object as Mesh;
    if (!mesh.isMesh) return;
    const role = roleOf(mesh) ?? (mesh.parent ? roleOf(mesh.parent) : undefined);
    if (!role) {
      unnamed.push(mesh.name || '(unnamed)');
      return;
    }
    const geometry = mesh.geometry.clone().applyMatrix4(mesh.matrixWorld);
    parts.push({ ...role, name: mesh.name, geometry });
  });
  if (parts.length === 0) {
    throw new CaseFormatError(
      `No part names a tissue (found: ${unnamed.join(', ') || 'no meshes'}). Name parts <tissue> or <tissue>-<label>.`,
    );
  }
  return { meta: readMeta(scene, fallbackTitle), parts, scene };
}
