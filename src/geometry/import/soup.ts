import type { BufferGeometry } from 'three';
import { ImportError } from './import-error.ts';

/**
 * A geometry's triangles as flat positions (9 per triangle), checked: every index points at a vertex and every
 * coordinate is finite.
 * @param name - the file name, for messages
 * @param geometry - indexed or not
 * @returns positions
 * @throws ImportError when the geometry has no triangles, a bad index or a non-finite coordinate
 */
export function triangleSoup(name: string, geometry: BufferGeometry): Float32Array {
  const position = geometry.getAttribute('position');
  if (!position || position.count === 0) throw new ImportError(name, 'no vertices');
  const index = geometry.getIndex();
  const corners = index ? index.count : position.count;
  const triangles = Math.floor(corners / 3);
  if (triangles === 0) throw new ImportError(name, 'no triangles (points or lines only)');
  const out = new Float32Array(9 * triangles);
  for (let c = 0; c < 3 * triangles; c++) {
    const v = index ? index.getX(c) : c;
    if (!(v >= 0 && v < position.count)) {
      throw new ImportError(name, `a face uses vertex ${v}, but there are ${position.count}`);
    }
    const x = position.getX(v);
    const y = position.getY(v);
    const z = position.getZ(v);
    if (!Number.isFinite(x) || !Number.isFinite(y) || !Number.isFinite(z)) {
      throw new ImportError(name, `vertex ${v} is not a finite point`);
    }
    out[3 * c] = x;
    out[3 * c + 1] = y;
    out[3 * c + 2] = z;
  }
  return out;
}
