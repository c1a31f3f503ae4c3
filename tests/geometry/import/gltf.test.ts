import { describe, expect, it } from 'vitest';
import { importMeshFile } from '../../../src/geometry/import/mesh-file.ts';

// glTF 2.0 as real exporters write it (Blender, 3D Slicer, gltfpack, CAD converters), built here by hand: which
// parts each file gives, where they are, or the message it is refused with.

/** A closed tetrahedron with 1 m legs: 4 float positions, then 12 uint16 indices (4 triangles). */
const POSITIONS = new Float32Array([0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1]);
const INDICES = new Uint16Array([0, 2, 1, 0, 1, 3, 0, 3, 2, 1, 2, 3]);
function tetrahedronBin(): Uint8Array {
  const bin = new Uint8Array(72);
  bin.set(new Uint8Array(POSITIONS.buffer), 0);
  bin.set(new Uint8Array(INDICES.buffer), 48);
  return bin;
}

/** A GLB of this JSON and binary chunk. */
function glb(json: object, bin: Uint8Array, version = 2): ArrayBuffer {
  const text = new TextEncoder().encode(JSON.stringify(json));
  const jsonLength = Math.ceil(text.length / 4) * 4;
  const binLength = Math.ceil(bin.length / 4) * 4;
  const out = new Uint8Array(20 + jsonLength + 8 + binLength);
  const view = new DataView(out.buffer);
  view.setUint32(0, 0x46546c67, true);
  view.setUint32(4, version, true);
  view.setUint32(8, out.length, true);
  view.setUint32(12, jsonLength, true);
  view.setUint32(16, 0x4e4f534a, true);
  out.set(text, 20);
  out.fill(0x20, 20 + text.length, 20 + jsonLength);
  view.setUint32(20 + jsonLength, binLength, true);
  view.setUint32(24 + jsonLength, 0x004e4942, true);
  out.set(bin, 28 + jsonLength);
  return out.buffer;
}

/** The tetrahedron as one mesh on one node, with these fields replaced. */
const gltf = (fields: Record<string, unknown> = {}) => ({
  asset: { version: '2.0' },
  buffers: [{ byteLength: 72 }],
  bufferViews: [
    { buffer: 0, byteOffset: 0, byteLength: 48 },
    { buffer: 0, byteOffset: 48, byteLength: 24 },
  ],
  accessors: [
    { bufferView: 0, componentType: 5126, count: 4, type: 'VEC3', min: [0, 0, 0], max: [1, 1, 1] },
    { bufferView: 1, componentType: 5123, count: 12, type: 'SCALAR' },
  ],
  meshes: [{ name: 'femur', primitives: [{ attributes: { POSITION: 0 }, indices: 1 }] }],
  nodes: [{ mesh: 0 }],
  scenes: [{ nodes: [0] }],
  scene: 0,
  ...fields,
});

async function parts(name: string, bytes: ArrayBuffer) {
  return (await importMeshFile(name, bytes)).map((p) => ({
    name: p.name,
    triangles: p.triangles,
    min: p.min.map((v) => Number(v.toFixed(4)) + 0),
    max: p.max.map((v) => Number(v.toFixed(4)) + 0),
    closed: p.check.closed,
  }));
}

describe('glTF meshes, nodes and transforms', () => {
  it('reads a mesh of several primitives (one per material) as one part', async () => {
    // The tetrahedron's first two triangles in one primitive, the last two in another: one closed bone.
    const file = gltf({
      bufferViews: [
        { buffer: 0, byteOffset: 0, byteLength: 48 },
        { buffer: 0, byteOffset: 48, byteLength: 12 },
        { buffer: 0, byteOffset: 60, byteLength: 12 },
      ],
      accessors: [
        { bufferView: 0, componentType: 5126, count: 4, type: 'VEC3', min: [0, 0, 0], max: [1, 1, 1] },
        { bufferView: 1, componentType: 5123, count: 6, type: 'SCALAR' },
        { bufferView: 2, componentType: 5123, count: 6, type: 'SCALAR' },
      ],
      meshes: [
        {
          name: 'femur',
          primitives: [
            { attributes: { POSITION: 0 }, indices: 1, material: 0 },
            { attributes: { POSITION: 0 }, indices: 2, material: 1 },
          ],
        },
      ],
      materials: [{ name: 'cortex' }, { name: 'cut' }],
    });
    expect(await parts('femur.glb', glb(file, tetrahedronBin()))).toEqual([
      { name: 'femur (femur.glb)', triangles: 4, min: [0, 0, 0], max: [1, 1, 1], closed: true },
    ]);
  });

  it('reads a mesh used by two nodes as two parts, each where its node puts it', async () => {
    const file = gltf({
      nodes: [
        { mesh: 0, name: 'left' },
        { mesh: 0, name: 'right', translation: [5, 0, 0] },
      ],
      scenes: [{ nodes: [0, 1] }],
    });
    expect(await parts('pair.glb', glb(file, tetrahedronBin()))).toMatchObject([
      { name: 'left (pair.glb)', min: [0, 0, 0], max: [1, 1, 1] },
      { name: 'right (pair.glb)', min: [5, 0, 0], max: [6, 1, 1] },
    ]);
  });

  it('applies nested transforms: a parent scale, a child matrix, a rotation', async () => {
    const file = gltf({
      nodes: [
        { scale: [0.001, 0.001, 0.001], children: [1] },
        { matrix: [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 100, 0, 0, 1], children: [2] },
        { mesh: 0, rotation: [0, 0, Math.SQRT1_2, Math.SQRT1_2] },
      ],
    });
    expect(await parts('nested.glb', glb(file, tetrahedronBin()))).toMatchObject([
      { min: [0.099, 0, 0], max: [0.1, 0.001, 0.001] },
    ]);
  });

  it('reads non-indexed primitives, triangle strips and fans', async () => {
    for (const mode of [4, 5, 6]) {
      const file = gltf({ meshes: [{ primitives: [{ attributes: { POSITION: 0 }, mode }] }] });
      const [part] = await parts('soup.glb', glb(file, tetrahedronBin()));
      expect(part?.triangles, `mode ${mode}`).toBe(mode === 4 ? 1 : 2);
    }
  });

  it('reads KHR_mesh_quantization positions (normalized int16, scaled by the node)', async () => {
    const quantized = new Int16Array([0, 0, 0, 0, 32767, 0, 0, 0, 0, 32767, 0, 0, 0, 0, 32767, 0]);
    const bin = new Uint8Array(56);
    bin.set(new Uint8Array(quantized.buffer), 0);
    bin.set(new Uint8Array(INDICES.buffer), 32);
    const file = gltf({
      extensionsUsed: ['KHR_mesh_quantization'],
      extensionsRequired: ['KHR_mesh_quantization'],
      buffers: [{ byteLength: 56 }],
      bufferViews: [
        { buffer: 0, byteOffset: 0, byteLength: 32, byteStride: 8 },
        { buffer: 0, byteOffset: 32, byteLength: 24 },
      ],
      accessors: [
        {
          bufferView: 0,
          componentType: 5122,
          normalized: true,
          count: 4,
          type: 'VEC3',
          min: [0, 0, 0],
          max: [1, 1, 1],
        },
        { bufferView: 1, componentType: 5123, count: 12, type: 'SCALAR' },
      ],
      nodes: [{ mesh: 0, scale: [0.2, 0.2, 0.2] }],
    });
    expect(await parts('quantized.glb', glb(file, bin))).toMatchObject([
      { triangles: 4, min: [0, 0, 0], max: [0.2, 0.2, 0.2], closed: true },
    ]);
  });

  it('reads a sparse accessor over the positions', async () => {
    const bin = new Uint8Array(88);
    bin.set(tetrahedronBin());
    bin.set(new Uint8Array(new Uint16Array([3, 0]).buffer), 72);
    bin.set(new Uint8Array(new Float32Array([0, 0, 2]).buffer), 76);
    const file = gltf({
      buffers: [{ byteLength: 88 }],
      bufferViews: [
        { buffer: 0, byteOffset: 0, byteLength: 48 },
        { buffer: 0, byteOffset: 48, byteLength: 24 },
        { buffer: 0, byteOffset: 72, byteLength: 4 },
        { buffer: 0, byteOffset: 76, byteLength: 12 },
      ],
      accessors: [
        {
          bufferView: 0,
          componentType: 5126,
          count: 4,
          type: 'VEC3',
          min: [0, 0, 0],
          max: [1, 1, 2],
          sparse: { count: 1, indices: { bufferView: 2, componentType: 5123 }, values: { bufferView: 3 } },
        },
        { bufferView: 1, componentType: 5123, count: 12, type: 'SCALAR' },
      ],
    });
    expect(await parts('sparse.glb', glb(file, bin))).toMatchObject([{ max: [1, 1, 2] }]);
  });
});

describe('glTF files this reader turns down or works around', () => {
  it('reads a .gltf whose buffer is embedded as a data URI (in Node as in the browser)', {
    timeout: 10_000,
  }, async () => {
    const uri = `data:application/octet-stream;base64,${Buffer.from(tetrahedronBin()).toString('base64')}`;
    const file = new TextEncoder().encode(JSON.stringify(gltf({ buffers: [{ byteLength: 72, uri }] })));
    expect(await parts('embedded.gltf', file.buffer as ArrayBuffer)).toMatchObject([{ triangles: 4, closed: true }]);
  });

  it.each([
    ['KHR_draco_mesh_compression', { KHR_draco_mesh_compression: { bufferView: 0, attributes: { POSITION: 0 } } }],
    ['EXT_meshopt_compression', undefined],
  ])('refuses a glTF compressed with %s, naming the extension and what to do', async (extension, primitiveExt) => {
    const file = gltf({
      extensionsUsed: [extension],
      extensionsRequired: [extension],
      meshes: [{ primitives: [{ attributes: { POSITION: 0 }, indices: 1, extensions: primitiveExt }] }],
    });
    const read = importMeshFile('packed.glb', glb(file, tetrahedronBin()));
    await expect(read).rejects.toThrow(
      new RegExp(`^packed\\.glb: a glTF compressed with ${extension}, .*export it again without mesh compression`),
    );
  });

  it('reads the uncompressed data beside optional Draco compression', async () => {
    const draco = { KHR_draco_mesh_compression: { bufferView: 0, attributes: { POSITION: 0 } } };
    const file = gltf({
      extensionsUsed: ['KHR_draco_mesh_compression'],
      meshes: [{ primitives: [{ attributes: { POSITION: 0 }, indices: 1, extensions: draco }] }],
    });
    expect(await parts('fallback.glb', glb(file, tetrahedronBin()))).toMatchObject([{ triangles: 4, closed: true }]);
  });

  it('refuses glTF 1.0, as text or as a binary GLB, saying only 2.0 is read', async () => {
    const v1 = new TextEncoder().encode(JSON.stringify({ asset: { version: '1.0' }, meshes: {}, scene: 'default' }));
    await expect(importMeshFile('old.gltf', v1.buffer as ArrayBuffer)).rejects.toThrow(
      /^old\.gltf: a glTF 1\.0: only glTF 2\.0 is read/,
    );
    await expect(importMeshFile('old.glb', glb(gltf(), tetrahedronBin(), 1))).rejects.toThrow(
      /^old\.glb: a GLB of glTF 1\.0: only glTF 2\.0 is read/,
    );
  });

  it('refuses a glTF without a scene, saying so', async () => {
    const file = gltf({ scenes: undefined, scene: undefined });
    await expect(importMeshFile('loose.glb', glb(file, tetrahedronBin()))).rejects.toThrow(
      /^loose\.glb: a glTF without a scene/,
    );
  });

  it('refuses a glTF of points only, saying it has no triangle mesh', async () => {
    const file = gltf({ meshes: [{ primitives: [{ attributes: { POSITION: 0 }, mode: 0 }] }] });
    await expect(importMeshFile('cloud.glb', glb(file, tetrahedronBin()))).rejects.toThrow(
      /^cloud\.glb: a glTF with no triangle mesh$/,
    );
  });
});
