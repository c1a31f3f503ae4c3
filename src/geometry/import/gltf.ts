import { type BufferGeometry, type Mesh, type Object3D, Vector3 } from 'three';
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
const BIN_CHUNK = 0x004e4942;

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
  let gltf: import('three/addons/loaders/GLTFLoader.js').GLTF;
  try {
    gltf = await new GLTFLoader().parseAsync(stripped, '');
  } catch (error) {
    throw new ImportError(name, `the glTF cannot be read (${error instanceof Error ? error.message : String(error)})`);
  }
  const scene = gltf.scene;
  if (!scene) throw new ImportError(name, 'a glTF without a scene: none of its meshes is placed');
  scene.updateMatrixWorld(true);
  // three.js makes one Mesh per primitive, under a Group when a glTF mesh has several (one per material, or split
  // for 16-bit indices): those are one part, or one closed bone would come in as several open pieces.
  const associations = gltf.parser.associations;
  const partOf = (mesh: Mesh): Object3D => {
    const parent = mesh.parent;
    const own = associations.get(mesh);
    const group = parent ? associations.get(parent) : undefined;
    const sameMesh = group !== undefined && own?.primitives !== undefined && group.meshes === own.meshes;
    return parent && sameMesh && group.primitives === undefined ? parent : mesh;
  };
  const pieces = new Map<Object3D, { name: string; positions: Float32Array[] }>();
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
    const key = partOf(mesh);
    const piece = pieces.get(key);
    if (piece) piece.positions.push(positions);
    else pieces.set(key, { name: key.name || mesh.name || `mesh ${pieces.size + 1}`, positions: [positions] });
  });
  if (pieces.size === 0) throw new ImportError(name, 'a glTF with no triangle mesh');
  return [...pieces.values()].map(({ name: part, positions }) => ({ name: part, positions: concatenated(positions) }));
}

function concatenated(arrays: readonly Float32Array[]): Float32Array {
  if (arrays.length === 1) return arrays[0] as Float32Array;
  const out = new Float32Array(arrays.reduce((n, a) => n + a.length, 0));
  let at = 0;
  for (const a of arrays) {
    out.set(a, at);
    at += a.length;
  }
  return out;
}

function isGlb(bytes: ArrayBuffer): boolean {
  return bytes.byteLength >= 12 && new DataView(bytes).getUint32(0, true) === GLB_MAGIC;
}

/** Compressions whose decoders (WebAssembly, fetched at run time) the importer does not carry. */
const COMPRESSIONS = ['KHR_draco_mesh_compression', 'EXT_meshopt_compression', 'KHR_meshopt_compression'];

/**
 * The glTF JSON without images, textures, samplers and materials (and the primitives' references to them), checked
 * for what this reader cannot take: glTF 1.0, and meshes that only a Draco or meshopt decoder can read.
 */
function geometryOnly(name: string, json: Record<string, unknown>): Record<string, unknown> {
  const version = String((json.asset as { version?: unknown } | undefined)?.version ?? '');
  if (!version.startsWith('2')) {
    throw new ImportError(
      name,
      `a glTF ${version || 'without a version'}: only glTF 2.0 is read ` +
        '(convert it to glTF 2.0, or export STL, OBJ or PLY)',
    );
  }
  const required = (json.extensionsRequired as unknown[] | undefined) ?? [];
  const compression = COMPRESSIONS.find((c) => required.includes(c));
  if (compression) {
    throw new ImportError(
      name,
      `a glTF compressed with ${compression}, which this importer does not decode: export it again without mesh ` +
        'compression (in Blender, untick Compression in the glTF exporter), or as STL, OBJ or PLY',
    );
  }
  const { images: _i, textures: _t, samplers: _s, materials: _m, ...rest } = json;
  const meshes = (rest.meshes as { primitives?: Record<string, unknown>[] }[] | undefined) ?? [];
  for (const mesh of meshes) {
    for (const p of mesh.primitives ?? []) {
      delete p.material;
      // Draco that is not required has uncompressed accessors beside it; without the extension, three reads those.
      const extensions = p.extensions as Record<string, unknown> | undefined;
      if (extensions) delete extensions.KHR_draco_mesh_compression;
    }
  }
  if (Array.isArray(rest.extensionsUsed)) {
    rest.extensionsUsed = rest.extensionsUsed.filter((e) => e !== 'KHR_draco_mesh_compression');
  }
  return rest;
}

function stripGlb(name: string, bytes: ArrayBuffer): ArrayBuffer {
  const view = new DataView(bytes);
  if (view.getUint32(4, true) === 1) {
    throw new ImportError(name, 'a GLB of glTF 1.0: only glTF 2.0 is read (convert it, or export STL, OBJ or PLY)');
  }
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
  return glbOf(geometryOnly(name, json), new Uint8Array(bytes, 20 + jsonLength, length - 20 - jsonLength));
}

/**
 * A GLB of this JSON followed by chunks already laid out as a GLB's (the BIN chunk with its 8-byte chunk header).
 * @param json - the glTF JSON
 * @param rest - the chunks after the JSON chunk, as bytes
 */
function glbOf(json: Record<string, unknown>, rest: Uint8Array): ArrayBuffer {
  const text = new TextEncoder().encode(JSON.stringify(json));
  const padded = Math.ceil(text.length / 4) * 4;
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

/**
 * A .gltf text file as a GLB: its data-URI buffers decoded here and joined into the one BIN chunk, so three.js loads
 * no URI (its loader fetches data URIs, which hangs in Node, where the command line reads the same files).
 */
function stripGltfText(name: string, bytes: ArrayBuffer): ArrayBuffer {
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw new ImportError(name, 'neither a GLB nor glTF JSON');
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    throw new ImportError(name, 'neither a GLB nor glTF JSON');
  }
  const buffers = (Array.isArray(json.buffers) ? json.buffers : []) as { uri?: string; byteLength?: number }[];
  const external = buffers.find((b) => b.uri !== undefined && !b.uri.startsWith('data:'));
  if (external) {
    throw new ImportError(name, `a glTF whose buffer is a separate file (${external.uri}): open the GLB instead`);
  }
  const datas = buffers.map((b, i) => {
    const data = b.uri === undefined ? new Uint8Array(0) : dataUriBytes(b.uri);
    if (!data) throw new ImportError(name, `a glTF whose buffer ${i} is a data URI that cannot be decoded`);
    if (data.length < (b.byteLength ?? 0)) {
      throw new ImportError(
        name,
        `a glTF whose buffer ${i} holds ${data.length} bytes of the ${b.byteLength} it announces`,
      );
    }
    return data;
  });
  // Each buffer starts on a 4-byte boundary of the joined one, as accessors of 4-byte components need.
  const starts: number[] = [];
  let total = 0;
  for (const data of datas) {
    starts.push(total);
    total = Math.ceil((total + data.length) / 4) * 4;
  }
  const stripped = geometryOnly(name, json);
  if (buffers.length > 0) {
    stripped.buffers = [{ byteLength: total }];
    for (const view of (Array.isArray(stripped.bufferViews) ? stripped.bufferViews : []) as Record<string, number>[]) {
      const start = starts[view.buffer as number];
      if (start === undefined) continue;
      view.byteOffset = (view.byteOffset ?? 0) + start;
      view.buffer = 0;
    }
  }
  const rest = new Uint8Array(total > 0 ? 8 + total : 0);
  if (total > 0) {
    const w = new DataView(rest.buffer);
    w.setUint32(0, total, true);
    w.setUint32(4, BIN_CHUNK, true);
    for (const [i, data] of datas.entries()) rest.set(data, 8 + (starts[i] as number));
  }
  return glbOf(stripped, rest);
}

/** The bytes of a `data:` URI (base64 or percent-encoded), or undefined when it is not one. */
function dataUriBytes(uri: string): Uint8Array | undefined {
  const comma = uri.indexOf(',');
  if (!uri.startsWith('data:') || comma < 0) return undefined;
  try {
    const payload = uri.slice(comma + 1);
    const binary = /;base64$/i.test(uri.slice(0, comma)) ? atob(payload) : decodeURIComponent(payload);
    const out = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
    return out;
  } catch {
    return undefined;
  }
}
