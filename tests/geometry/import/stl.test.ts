import { describe, expect, it } from 'vitest';
import { importMeshFile } from '../../../src/geometry/import/mesh-file.ts';

// STL as real exporters write it, built here byte by byte: what each file reads as, or the message it is refused with.

const text = (s: string) => new TextEncoder().encode(s).buffer as ArrayBuffer;

/** A binary STL: 80-byte header, count, then per facet a zero normal, 9 coordinates and the attribute word. */
function binaryStl(header: string, facets: readonly number[][], attribute = 0, count = facets.length): ArrayBuffer {
  const bytes = new ArrayBuffer(84 + 50 * facets.length);
  new Uint8Array(bytes).set(new TextEncoder().encode(header).subarray(0, 80));
  const view = new DataView(bytes);
  view.setUint32(80, count, true);
  facets.forEach((facet, t) => {
    facet.forEach((v, k) => {
      view.setFloat32(84 + 50 * t + 12 + 4 * k, v, true);
    });
    view.setUint16(84 + 50 * t + 48, attribute, true);
  });
  return bytes;
}

const FACET = [0, 0, 0, 100, 0, 0, 0, 50, 0];
const facet = (v: readonly number[]) => {
  const vertices = [0, 3, 6].map((k) => `      vertex ${v[k]} ${v[k + 1]} ${v[k + 2]}\n`).join('');
  return `  facet normal 0 0 1\n    outer loop\n${vertices}    endloop\n  endfacet\n`;
};
const ASCII = `solid part\n${facet(FACET)}endsolid part\n`;

async function size(name: string, bytes: ArrayBuffer) {
  const [part, ...more] = await importMeshFile(name, bytes);
  expect(more).toEqual([]);
  return { triangles: part?.triangles, size: part?.max.map((hi, a) => hi - (part.min[a] as number)) };
}

describe('binary STL', () => {
  it('reads a binary STL whose header begins with "solid" (SolidWorks and others write this)', async () => {
    const bytes = binaryStl('solid Part1 exported by SolidWorks', [FACET, FACET.map((v) => v + 1)]);
    expect(await size('part.stl', bytes)).toEqual({ triangles: 2, size: [101, 51, 1] });
  });

  it('reads a binary STL whose attribute words hold colours (Materialise, VisCAM)', async () => {
    const bytes = binaryStl('COLOR=\xff\xff\xff\xff MATERIAL=', [FACET], 0x801f);
    expect(await size('colour.stl', bytes)).toEqual({ triangles: 1, size: [100, 50, 0] });
  });

  it('refuses a binary STL of 0 triangles, saying it has none', async () => {
    await expect(importMeshFile('empty.stl', binaryStl('solid empty', []))).rejects.toThrow(
      /^empty\.stl: a binary STL with no triangles/,
    );
  });

  it('reads a binary STL whose header count is 0 but whose facets fill the file (a streaming writer)', async () => {
    const bytes = binaryStl('', [FACET, FACET.map((v) => 2 * v)], 0, 0);
    expect(await size('stream.stl', bytes)).toEqual({ triangles: 2, size: [200, 100, 0] });
  });
});

describe('ASCII STL', () => {
  it.each([
    ['upper-case keywords', ASCII.toUpperCase()],
    ['tabs and scientific notation', ASCII.replace(/ +/g, '\t').replace('100', '1.0E+02').replace('50', '5e1')],
    ['"endsolid" without the name', ASCII.replace('endsolid part', 'endsolid')],
    ['no "endsolid" at all', ASCII.replace('endsolid part\n', '')],
    ['CRLF line ends', ASCII.replace(/\n/g, '\r\n')],
  ])('reads an ASCII STL with %s', async (_, file) => {
    expect(await size('ascii.stl', text(file))).toEqual({ triangles: 1, size: [100, 50, 0] });
  });

  it('reads every solid of an ASCII STL that holds several', async () => {
    const file = `${ASCII}solid second\n${facet(FACET.map((v) => v + 10))}endsolid second\n`;
    expect(await size('two.stl', text(file))).toEqual({ triangles: 2, size: [110, 60, 10] });
  });

  it('reads an ASCII STL padded with NUL bytes at its end', async () => {
    const bytes = new Uint8Array(ASCII.length + 300);
    bytes.set(new TextEncoder().encode(ASCII));
    expect(await size('padded.stl', bytes.buffer)).toEqual({ triangles: 1, size: [100, 50, 0] });
  });

  it('reads an ASCII STL that begins with a UTF-8 byte-order mark', async () => {
    expect(await size('bom.stl', text(`\uFEFF${ASCII}`))).toEqual({ triangles: 1, size: [100, 50, 0] });
  });

  it('does not take the word "vertex" in a solid\'s name for a vertex', async () => {
    const file = ASCII.replace('solid part', 'solid vertex colours 1');
    expect(await size('named.stl', text(file))).toEqual({ triangles: 1, size: [100, 50, 0] });
  });
});

describe('degenerate STL data', () => {
  it('reads a file of one triangle', async () => {
    expect(await size('one.stl', binaryStl('', [FACET]))).toEqual({ triangles: 1, size: [100, 50, 0] });
  });

  it('keeps zero-area triangles but does not count them in the closedness check', async () => {
    const [part] = await importMeshFile('sliver.stl', binaryStl('', [FACET, [0, 0, 0, 0, 0, 0, 100, 0, 0]]));
    expect(part?.triangles).toBe(2);
    expect(part?.check.triangles).toBe(1);
  });

  it.each([
    ['NaN', [Number.NaN, 0, 0, 1, 0, 0, 0, 1, 0], /^nan\.stl: a vertex that is not a finite number$/],
    ['Infinity', [Number.POSITIVE_INFINITY, 0, 0, 1, 0, 0, 0, 1, 0], /^nan\.stl: a vertex that is not a finite/],
    ['one point', [5, 5, 5, 5, 5, 5, 5, 5, 5], /^nan\.stl: every vertex is at one point: the mesh has no size$/],
  ])('refuses a binary STL with a vertex at %s, naming the file and the reason', async (_, facet, message) => {
    await expect(importMeshFile('nan.stl', binaryStl('', [facet]))).rejects.toThrow(message);
  });
});
