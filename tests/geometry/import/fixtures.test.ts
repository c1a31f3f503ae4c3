import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ImportError } from '../../../src/geometry/import/import-error.ts';
import { importMeshFile } from '../../../src/geometry/import/mesh-file.ts';

// Every real file of ../shared/fixtures/geometry/ behaves as its README says (issue 12): triangle counts, bounding
// boxes, units, closedness — or the expected refusal. The files are read where they are, never copied in.

const FIXTURES = new URL('../../../../shared/fixtures/geometry/', import.meta.url);
const bytesOf = (file: string): ArrayBuffer => {
  const b = readFileSync(new URL(file, FIXTURES));
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
};

/** From the README's table: triangles, bounding-box size (x × y × z, file units, 3 significant figures), unit. */
const GOOD: readonly [string, number, [number, number, number], 'm' | 'mm' | 'cm', string][] = [
  ['bone-coccyx_l-vhm-ascii-crlf.stl', 2480, [32.5, 12.5, 28.7], 'mm', 'cortical_bone'],
  ['bone-femur_r-opensim-converted.stl', 908, [0.072, 0.453, 0.1], 'm', 'cortical_bone'],
  ['bone-humerus_r-vhm-artisynth.obj', 5122, [0.053, 0.05, 0.211], 'm', 'cortical_bone'],
  ['bone-ribcage-opensim-converted.ply', 5442, [0.193, 0.31, 0.276], 'm', 'cortical_bone'],
  ['bone-tibia_l-vhf-binary.stl', 59456, [95.3, 71.6, 335.2], 'mm', 'cortical_bone'],
  ['misc-glb-box-textured.glb', 12, [1, 1, 1], 'm', 'cortical_bone'],
  ['misc-obj-negative-indices-quads.obj', 12, [2, 2, 2], 'cm', 'cortical_bone'],
];

describe('the shared geometry fixtures', () => {
  it.each(GOOD)('%s: %i triangles, bounding box %j, unit %s, role %s', async (file, triangles, size, unit, role) => {
    const [part, ...more] = await importMeshFile(file, bytesOf(file));
    expect(more).toEqual([]);
    expect(part?.triangles).toBe(triangles);
    part?.max.forEach((hi, a) => {
      const side = hi - (part.min[a] as number);
      expect(Math.abs(side / (size[a] as number) - 1), `side ${a}`).toBeLessThan(0.02);
    });
    expect(part?.unit.unit).toBe(unit);
    expect(part?.role.tissue).toBe(role);
    // The README: "0 bnd, 0 nm edges" for every bone (the GLB box is split along its texture seams).
    if (file.startsWith('bone-') || file.startsWith('misc-obj')) {
      expect(part?.check).toMatchObject({ closed: true, boundaryEdges: 0, nonManifoldEdges: 0 });
    }
  });

  it.each([
    ['broken-empty.obj', /^broken-empty\.obj: the file is empty$/],
    [
      'broken-truncated-binary.stl',
      /^broken-truncated-binary\.stl: a binary STL whose header announces 59456 triangles \(2972884 bytes\), but the file has 50107 bytes: it is truncated$/,
    ],
  ])('%s is refused, naming the file and the reason', async (file, message) => {
    await expect(importMeshFile(file, bytesOf(file))).rejects.toThrow(ImportError);
    await expect(importMeshFile(file, bytesOf(file))).rejects.toThrow(message);
  });
});
