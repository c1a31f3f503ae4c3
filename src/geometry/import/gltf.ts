import { type BufferGeometry, type Mesh, Vector3 } from 'three';
import { GLTFLoader } from 'three/addons/loaders/GLTFLoader.js';
import { ImportError } from './import-error.ts';
import { triangleSoup } from './soup.ts';

/** One mesh of a glTF scene, in the file's units with its node transforms applied. */
export interface GltfPart {
  name: string;
  positions: Float32Array;
}

const GLB_MAGIC = 0x46546c67; // 'glTF'
const JSON_CHUNK = 0x4e4f534a;

/**
 * The meshes of a glTF 2.0 file (GLB, or .gltf text with its buffers embedded as data URIs), one part per mesh,
 * through three.js's GLTFLoader. Geometry only: images, textures and materials are removed before parsing (so an
 * embedded texture needs no image decoder), and an external .bin, which a single dropped file cannot bring, is
 * refused with the reason.
 * @param name - the file name, for messages
 * @param bytes - the file
 * @returns the meshes with their world transforms applied
 * @throws ImportError naming the file and the reason
 */
export async function readGltf(name: string, bytes: ArrayBuffer): Promise<GltfPart[]> {
  const stripped = isGlb(bytes) ? stripGlb(name, bytes) : stripGltfText(name, bytes);
  let scene: import('three').Object3D;
  try {
    scene = (await new GLTFLoader().parseAsync(stripped, '')).scene;
  } catch (error) {
    throw new ImportError(name, `the glTF cannot be read (${error instanceof Error ? error.message : String(error)})`);
  }
  scene.updateMatrixWorld(true);
  const parts: GltfPart[] = [];
  const v = new Vector3();
  scene.traverse((object) => {
    const mesh = object as Mesh;
    if (!mesh.isMesh) return;
    const positions = triangleSoup(name, mesh.geometry as BufferGeometry);
    for (let i = 0; i < positions.length; i += 3) {
      v.set(positions[i] as number, positions[i + 1] as number, positions[i + 2] as number).applyMatrix4(
        mesh.matrixWorld,
      );
      positions[i] = v.x;
      positions[i + 1] = v.y;
      positions[i + 2] = v.z;
    }
    parts.push({ name: mesh.name || `mesh ${parts.length + 1}`, positions });
  });
  if (parts.length === 0) throw new ImportError(name, 'a glTF with no triangle mesh');
  return parts;
}

function isGlb(bytes: ArrayBuffer): boolean {
  return bytes.byteLength >= 12 && new DataView(bytes).getUint32(0, true) === GLB_MAGIC;
}

/** The glTF JSON without images, textures, samplers and materials (and the primitives' references to them). */
function geometryOnly(json: Record<string, unknown>): Record<string, unknown> {
  const { images: _i, textures: _t, samplers: _s, materials: _m, ...rest } = json;
  const meshes = (rest.meshes as { primitives?: Record<string, unknown>[] }[] | undefined) ?? [];
  for (const mesh of meshes) for (const p of mesh.primitives ?? []) delete p.material;
  return rest;
}

function stripGlb(name: string, bytes: ArrayBuffer): ArrayBuffer {
  const view = new DataView(bytes);
  const length = view.getUint32(8, true);
  if (length > bytes.byteLength) {
    throw new ImportError(name, `a GLB that announces ${length} bytes but has ${bytes.byteLength}: it is truncated`);
  }
  if (bytes.byteLength < 20) throw new ImportError(name, 'a GLB without its JSON chunk');
  const jsonLength = view.getUint32(12, true);
  if (view.getUint32(16, true) !== JSON_CHUNK || 20 + jsonLength > length) {
    throw new ImportError(name, 'a GLB whose first chunk is not its JSON');
  }
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(new TextDecoder().decode(new Uint8Array(bytes, 20, jsonLength)));
  } catch {
    throw new ImportError(name, 'a GLB whose JSON chunk is not valid JSON');
  }
  const text = new TextEncoder().encode(JSON.stringify(geometryOnly(json)));
  const padded = Math.ceil(text.length / 4) * 4;
  const rest = new Uint8Array(bytes, 20 + jsonLength, length - 20 - jsonLength);
  const out = new Uint8Array(20 + padded + rest.length);
  const w = new DataView(out.buffer);
  w.setUint32(0, GLB_MAGIC, true);
  w.setUint32(4, 2, true);
  w.setUint32(8, out.length, true);
  w.setUint32(12, padded, true);
  w.setUint32(16, JSON_CHUNK, true);
  out.set(text, 20);
  out.fill(0x20, 20 + text.length, 20 + padded);
  out.set(rest, 20 + padded);
  return out.buffer;
}

function stripGltfText(name: string, bytes: ArrayBuffer): string {
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw new ImportError(name, 'neither a GLB nor glTF JSON');
  }
  const buffers = (json.buffers as { uri?: string }[] | undefined) ?? [];
  const external = buffers.find((b) => b.uri !== undefined && !b.uri.startsWith('data:'));
  if (external) {
    throw new ImportError(name, `a glTF whose buffer is a separate file (${external.uri}): open the GLB instead`);
  }
  return JSON.stringify(geometryOnly(json));
}
