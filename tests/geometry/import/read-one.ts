import { expect } from 'vitest';
import { importMeshFile } from '../../../src/geometry/import/mesh-file.ts';

/** What the import dialog shows of a file that must hold exactly one part: triangles, size per axis, closed. */
export async function readOnePart(name: string, bytes: ArrayBuffer) {
  const [part, ...more] = await importMeshFile(name, bytes);
  expect(more).toEqual([]);
  return {
    triangles: part?.triangles,
    size: part?.max.map((hi, a) => hi - (part.min[a] as number)),
    closed: part?.check.closed,
  };
}

/** A closed tetrahedron with corners at the origin and 100 along each axis, as readOnePart reports it. */
export const TETRAHEDRON = { triangles: 4, size: [100, 100, 100], closed: true };
