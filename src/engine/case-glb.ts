import type { BufferGeometry } from 'three';
import type { CaseMeta, CasePart } from '../geometry/phantom.ts';

// glTF 2.0 binary container constants (Khronos glTF 2.0 specification, section "GLB File Format Specification").
const GLB_MAGIC = 0x46546c67; // 'glTF'
const CHUNK_JSON = 0x4e4f534a; // 'JSON'
const CHUNK_BIN = 0x004e4942; // 'BIN\0'
const FLOAT = 5126;
const UNSIGNED_INT = 5125;
const ARRAY_BUFFER = 34962;
const ELEMENT_ARRAY_BUFFER = 34963;
const TRIANGLES = 4;

const padded = (n: number) => Math.ceil(n / 4) * 4;

interface View {
  bytes: Uint8Array;
  target: number;
}

/**
 * Writes a case as the bundled phantoms are written (models/README.md, "The file contract"): one node and mesh per
 * part named `<tissue>-<label>` with `extras: { tissue, label }`, positions in metres with +y up, normals, indices
 * when the geometry has them, and the scene's `extras.fusPlanner` meta. An imported case then opens through the
 * same path as a bundled one (parseCaseGlb in the worker and for drawing). Written by hand rather than with three's
 * GLTFExporter, which needs FileReader and a DOM-like runtime for binary output: this runs in a worker and in Node.
 * @param meta - id, title, description, default target and beam direction
 * @param parts - the case's parts (world coordinates [m])
 * @returns the GLB bytes
 */
export function writeCaseGlb(meta: CaseMeta, parts: readonly CasePart[]): ArrayBuffer {
  const views: View[] = [];
  const accessors: Record<string, unknown>[] = [];
  const meshes: Record<string, unknown>[] = [];
  const nodes: Record<string, unknown>[] = [];
  const addView = (array: Float32Array | Uint32Array, target: number) =>
    views.push({ bytes: new Uint8Array(array.buffer, array.byteOffset, array.byteLength), target }) - 1;
  const addAccessor = (accessor: Record<string, unknown>) => accessors.push(accessor) - 1;
  for (const part of parts) {
    const geometry: BufferGeometry = part.geometry;
    if (!geometry.getAttribute('normal')) geometry.computeVertexNormals();
    const position = Float32Array.from(geometry.getAttribute('position').array as ArrayLike<number>);
    const normal = Float32Array.from(geometry.getAttribute('normal').array as ArrayLike<number>);
    const min = [Infinity, Infinity, Infinity];
    const max = [-Infinity, -Infinity, -Infinity];
    for (let i = 0; i < position.length; i += 3) {
      for (let a = 0; a < 3; a++) {
        const v = position[i + a] as number;
        if (v < (min[a] as number)) min[a] = v;
        if (v > (max[a] as number)) max[a] = v;
      }
    }
    const count = position.length / 3;
    const attributes = {
      POSITION: addAccessor({
        bufferView: addView(position, ARRAY_BUFFER),
        componentType: FLOAT,
        count,
        type: 'VEC3',
        min,
        max,
      }),
      NORMAL: addAccessor({ bufferView: addView(normal, ARRAY_BUFFER), componentType: FLOAT, count, type: 'VEC3' }),
    };
    const primitive: Record<string, unknown> = { attributes, mode: TRIANGLES };
    const index = geometry.getIndex();
    if (index) {
      const indices = Uint32Array.from(index.array as ArrayLike<number>);
      primitive.indices = addAccessor({
        bufferView: addView(indices, ELEMENT_ARRAY_BUFFER),
        componentType: UNSIGNED_INT,
        count: indices.length,
        type: 'SCALAR',
      });
    }
    meshes.push({ name: part.name, primitives: [primitive] });
    nodes.push({ name: part.name, mesh: meshes.length - 1, extras: { tissue: part.tissue, label: part.label } });
  }
  let offset = 0;
  const bufferViews = views.map((v) => {
    const view = { buffer: 0, byteOffset: offset, byteLength: v.bytes.byteLength, target: v.target };
    offset += padded(v.bytes.byteLength);
    return view;
  });
  const binLength = offset;
  const json = {
    asset: { version: '2.0', generator: 'FUS Planner import (src/engine/case-glb.ts)' },
    scene: 0,
    scenes: [{ name: meta.id, nodes: nodes.map((_, i) => i), extras: { fusPlanner: { ...meta } } }],
    nodes,
    meshes,
    accessors,
    bufferViews,
    buffers: [{ byteLength: binLength }],
  };
  const jsonBytes = new TextEncoder().encode(JSON.stringify(json));
  const jsonLength = padded(jsonBytes.byteLength);
  const total = 12 + 8 + jsonLength + 8 + binLength;
  const out = new ArrayBuffer(total);
  const data = new DataView(out);
  const bytes = new Uint8Array(out);
  data.setUint32(0, GLB_MAGIC, true);
  data.setUint32(4, 2, true);
  data.setUint32(8, total, true);
  data.setUint32(12, jsonLength, true);
  data.setUint32(16, CHUNK_JSON, true);
  bytes.set(jsonBytes, 20);
  // The JSON chunk is padded with spaces, the binary chunk with zeros (the specification's rule).
  bytes.fill(0x20, 20 + jsonBytes.byteLength, 20 + jsonLength);
  const bin = 20 + jsonLength;
  data.setUint32(bin, binLength, true);
  data.setUint32(bin + 4, CHUNK_BIN, true);
  views.forEach((v, i) => {
    bytes.set(v.bytes, bin + 8 + (bufferViews[i]?.byteOffset ?? 0));
  });
  return out;
}
