import { describe, expect, it } from 'vitest';
import { importMeshFile } from '../../../src/geometry/import/mesh-file.ts';
import { readOnePart, TETRAHEDRON } from './read-one.ts';

// OBJ as real exporters write it, built here as text: what each file reads as, or the message it is refused with.

const text = (s: string) => new TextEncoder().encode(s).buffer as ArrayBuffer;

/** A closed tetrahedron with 100-unit legs: 4 vertices, 4 faces. */
const V = 'v 0 0 0\nv 100 0 0\nv 0 100 0\nv 0 0 100\n';
const F = 'f 1 3 2\nf 1 2 4\nf 1 4 3\nf 2 3 4\n';

const read = (name: string, file: string) => readOnePart(name, text(file));

describe('OBJ', () => {
  it('joins a record continued on the next line with a backslash', async () => {
    const file = `v 0 0 \\\n0\nv 100 0 0\nv 0 100 0\nv 0 0 100\nf 1 3 \\\n  2\n${F.slice('f 1 3 2\n'.length)}`;
    expect(await read('long.obj', file)).toEqual(TETRAHEDRON);
  });

  it('ignores a comment at the end of a face line', async () => {
    expect(await read('commented.obj', `${V}${F.replace('f 1 3 2\n', 'f 1 3 2 # the base\n')}`)).toEqual(TETRAHEDRON);
  });

  it.each([
    ['vertex colours (v x y z r g b)', V.replace(/\n/g, ' 0.9 0.8 0.7\n') + F],
    ['a w coordinate (v x y z w)', V.replace(/\n/g, ' 1.0\n') + F],
    ['vp and l records', `${V}vp 0.5 0.5\nl 1 2 3\n${F}`],
    ['faces as v//n', `${V}vn 0 0 1\n${F.replace(/(\d)(?= |\n)/g, '$1//1')}`],
    ['faces as v/t/n', `${V}vt 0 0\nvn 0 0 1\n${F.replace(/(\d)(?= |\n)/g, '$1/1/1')}`],
    ['tabs, CRLF and trailing comments', `${V}${F}`.replace(/ /g, '\t').replace(/\n/g, '\t# c\r\n')],
    ['an mtllib and usemtl with spaces in their names', `mtllib my bone material.mtl\nusemtl bone white\n${V}${F}`],
    ['o and g records (one part: the file is one part)', `o femur\ng cortex\n${V}s 1\n${F}`],
  ])('reads an OBJ with %s', async (_, file) => {
    expect(await read('bone.obj', file)).toEqual(TETRAHEDRON);
  });

  it('gives each object its own part, named by the file’s name for it (a segmentation exported as one file)', async () => {
    // Two tetrahedra: the second's vertices follow the first's (indices count over the file, not the object).
    const V2 = 'v 0 0 200\nv 50 0 200\nv 0 50 200\nv 0 0 250\n';
    const F2 = 'f 5 7 6\nf 5 6 8\nf 5 8 7\nf 6 7 8\n';
    const parts = await importMeshFile('case.obj', text(`o Femur\n${V}${F}o Tumour left\n${V2}${F2}`));
    expect(parts.map((p) => [p.name, p.triangles, p.check.closed])).toEqual([
      ['Femur (case.obj)', 4, true],
      ['Tumour left (case.obj)', 4, true],
    ]);
    expect(parts[1]?.max.map((hi, a) => hi - (parts[1]?.min[a] as number))).toEqual([50, 50, 50]);
  });

  it('without objects, each group is a part; with objects, groups inside one object stay in it', async () => {
    const V2 = 'v 0 0 200\nv 50 0 200\nv 0 50 200\nv 0 0 250\n';
    // Negative indices count back over the file's vertices so far.
    const F2 = 'f -4 -2 -3\nf -4 -3 -1\nf -4 -1 -2\nf -3 -2 -1\n';
    const grouped = await importMeshFile('groups.obj', text(`g bone\n${V}${F}g lesion\n${V2}${F2}`));
    expect(grouped.map((p) => [p.name, p.triangles, p.check.closed])).toEqual([
      ['bone (groups.obj)', 4, true],
      ['lesion (groups.obj)', 4, true],
    ]);
    // One object cut into a group per material (an exporter's habit): one closed part, not two open ones.
    const halves = `o femur\n${V}g white\n${F.split('\n').slice(0, 2).join('\n')}\ng grey\n${F.split('\n').slice(2).join('\n')}`;
    expect(await read('femur.obj', halves)).toEqual(TETRAHEDRON);
  });

  it('splits a polygon of five corners into three triangles', async () => {
    const pentagon = 'v 0 0 0\nv 100 0 0\nv 120 80 0\nv 50 120 0\nv -20 80 0\nf 1 2 3 4 5\n';
    expect(await read('pentagon.obj', pentagon)).toMatchObject({ triangles: 3, size: [140, 120, 0] });
  });

  it('refuses a face whose vertex does not exist, naming the line', async () => {
    await expect(importMeshFile('bad.obj', text(`${V}f 1 2 9\n`))).rejects.toThrow(
      /^bad\.obj: line 5: vertex 9 does not exist \(4 so far\)$/,
    );
  });

  it('refuses an OBJ of lines only, saying it has no faces', async () => {
    await expect(importMeshFile('wire.obj', text(`${V}l 1 2 3 4\n`))).rejects.toThrow(
      /^wire\.obj: an OBJ file with no faces$/,
    );
  });
});
