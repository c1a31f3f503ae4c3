import { describe, expect, it } from 'vitest';
import { importMeshFile } from '../../../src/geometry/import/mesh-file.ts';
import { readOnePart, TETRAHEDRON } from './read-one.ts';

// PLY as real writers make it (MeshLab, VTK, scanners, the Stanford repository), built here: what each file reads as,
// or the message it is refused with.

/** A closed tetrahedron with 100-unit legs. */
const POINTS = [
  [0, 0, 0],
  [100, 0, 0],
  [0, 100, 0],
  [0, 0, 100],
];
const FACES = [
  [0, 2, 1],
  [0, 1, 3],
  [0, 3, 2],
  [1, 2, 3],
];

interface Property {
  type: string;
  name: string;
  value: (vertex: number) => number;
}
const xyz = (type = 'float'): Property[] =>
  ['x', 'y', 'z'].map((name, a) => ({ type, name, value: (i) => POINTS[i]?.[a] as number }));

const SIZES: Record<string, number> = { char: 1, uchar: 1, uint8: 1, short: 2, ushort: 2, int: 4, uint: 4, uint32: 4 };

/** A binary PLY of the tetrahedron (or these faces), its header lines as given. */
function binaryPly(
  options: {
    little?: boolean;
    vertex?: Property[];
    count?: string;
    index?: string;
    list?: string;
    faces?: number[][];
    float?: 'float' | 'double';
    newline?: string;
  } = {},
): ArrayBuffer {
  const {
    little = true,
    vertex = xyz(),
    count = 'uchar',
    index = 'int',
    list = 'vertex_indices',
    faces = FACES,
  } = options;
  const header = [
    'ply',
    `format binary_${little ? 'little' : 'big'}_endian 1.0`,
    'comment written by a scanner',
    'obj_info a test',
    `element vertex ${POINTS.length}`,
    ...vertex.map((p) => `property ${p.type} ${p.name}`),
    `element face ${faces.length}`,
    `property list ${count} ${index} ${list}`,
    'end_header',
    '',
  ].join(options.newline ?? '\n');
  const body: number[] = [];
  const put = (type: string, v: number) => {
    const n = type === 'double' ? 8 : type === 'float' ? 4 : (SIZES[type] as number);
    const view = new DataView(new ArrayBuffer(n));
    if (type === 'double') view.setFloat64(0, v, little);
    else if (type === 'float') view.setFloat32(0, v, little);
    else if (n === 1) view.setUint8(0, v);
    else if (n === 2) view.setUint16(0, v, little);
    else view.setUint32(0, v, little);
    for (let i = 0; i < n; i++) body.push(view.getUint8(i));
  };
  POINTS.forEach((_, i) => {
    for (const p of vertex) put(p.type, p.value(i));
  });
  for (const face of faces) {
    put(count, face.length);
    for (const v of face) put(index, v);
  }
  const head = new TextEncoder().encode(header);
  const out = new Uint8Array(head.length + body.length);
  out.set(head);
  out.set(body, head.length);
  return out.buffer;
}

const asciiPly = (body: string, elements = `element vertex 4\n${XYZ}element face 4\n${LIST}`) =>
  new TextEncoder().encode(`ply\nformat ascii 1.0\ncomment made here\n${elements}end_header\n${body}`)
    .buffer as ArrayBuffer;
const XYZ = 'property float x\nproperty float y\nproperty float z\n';
const LIST = 'property list uchar int vertex_indices\n';
const BODY = `${POINTS.map((p) => p.join(' ')).join('\n')}\n${FACES.map((f) => `3 ${f.join(' ')}`).join('\n')}\n`;

const read = readOnePart;

describe('binary PLY', () => {
  it.each([
    ['little endian', {}],
    ['big endian', { little: false }],
    ['double-precision coordinates', { vertex: xyz('double') }],
    ['double-precision coordinates, big endian', { vertex: xyz('double'), little: false }],
    ['"vertex_index" for the face list (VTK)', { list: 'vertex_index' }],
    ['uint8 / uint32 list types', { count: 'uint8', index: 'uint32' }],
    ['int / int list types', { count: 'int', index: 'int' }],
    ['a CRLF header', { newline: '\r\n' }],
    [
      'normals and colours around x, y, z in any order',
      {
        vertex: [
          { type: 'uchar', name: 'red', value: () => 200 },
          { type: 'float', name: 'nx', value: () => 0.5 },
          ...xyz().reverse(),
          { type: 'double', name: 'quality', value: () => 1 },
        ],
      },
    ],
  ])('reads a binary PLY with %s', async (_, options) => {
    expect(await read('bone.ply', binaryPly(options))).toEqual(TETRAHEDRON);
  });

  it('splits quads and n-gons into a fan of triangles', async () => {
    const faces = [
      [0, 1, 2, 3],
      [0, 1, 2, 3, 1],
    ];
    expect(await read('polygons.ply', binaryPly({ faces }))).toMatchObject({ triangles: 5 });
  });

  it('says a binary PLY that ends early is truncated', async () => {
    const whole = binaryPly();
    await expect(importMeshFile('cut.ply', whole.slice(0, whole.byteLength - 5))).rejects.toThrow(
      /^cut\.ply: .*the file is truncated$/,
    );
  });
});

describe('ASCII PLY', () => {
  it('reads the tetrahedron', async () => {
    expect(await read('bone.ply', asciiPly(BODY))).toEqual(TETRAHEDRON);
  });

  it('reads header and data lines with leading and trailing blanks', async () => {
    const bytes = new Uint8Array(asciiPly(BODY));
    const padded = new TextDecoder()
      .decode(bytes)
      .replace(/\n(?=\d)/g, '\n  ')
      .replace(/\n/g, '  \n');
    expect(await read('blanks.ply', new TextEncoder().encode(padded).buffer as ArrayBuffer)).toEqual(TETRAHEDRON);
  });

  it('reads a header longer than 2 kB (long comment blocks)', async () => {
    const comments = 'comment a scanner that says a great deal about itself on every line of its header\n'.repeat(40);
    expect(
      await read('long.ply', asciiPly(BODY, `${comments}element vertex 4\n${XYZ}element face 4\n${LIST}`)),
    ).toEqual(TETRAHEDRON);
  });

  it('skips an element declared before the vertices', async () => {
    const material = 'element material 1\nproperty uchar red\nproperty list uchar float extra\n';
    const elements = `${material}element vertex 4\n${XYZ}element face 4\n${LIST}`;
    expect(await read('material.ply', asciiPly(`7 2 0.5 0.25\n${BODY}`, elements))).toEqual(TETRAHEDRON);
  });

  it('splits a pentagon into three triangles', async () => {
    const elements = `element vertex 5\n${XYZ}element face 1\n${LIST}`;
    const body = '0 0 0\n100 0 0\n120 80 0\n50 120 0\n-20 80 0\n5 0 1 2 3 4\n';
    expect(await read('pentagon.ply', asciiPly(body, elements))).toMatchObject({ triangles: 3, size: [140, 120, 0] });
  });

  it('reads the triangle strips of old Stanford files, -1 starting a new strip', async () => {
    const elements = `element vertex 4\n${XYZ}element tristrips 1\nproperty list int int vertex_indices\n`;
    const body = '0 0 0\n100 0 0\n0 100 0\n100 100 0\n6 0 1 2 3 -1 0\n';
    expect(await read('strips.ply', asciiPly(body, elements))).toMatchObject({ triangles: 2, size: [100, 100, 0] });
  });

  it('refuses a point cloud (vertices and no faces), saying so', async () => {
    await expect(
      importMeshFile('scan.ply', asciiPly('0 0 0\n1 0 0\n0 1 0\n', `element vertex 3\n${XYZ}`)),
    ).rejects.toThrow(/^scan\.ply: a PLY with no faces \(a point cloud\)/);
  });

  it('refuses an ASCII PLY that ends early, saying it is truncated', async () => {
    await expect(importMeshFile('cut.ply', asciiPly(BODY.slice(0, -12)))).rejects.toThrow(
      /^cut\.ply: the PLY data end inside face 2 of 4: the file is truncated$/,
    );
  });

  it('refuses a face whose vertex does not exist, naming the face', async () => {
    await expect(importMeshFile('bad.ply', asciiPly(BODY.replace('3 1 2 3', '3 1 2 9')))).rejects.toThrow(
      /^bad\.ply: face 3 uses vertex 9, but there are 4$/,
    );
  });
});
