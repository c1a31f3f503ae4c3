import type { BufferGeometry } from 'three';
import { PLYLoader } from 'three/addons/loaders/PLYLoader.js';
import { ImportError } from './import-error.ts';
import { triangleSoup } from './soup.ts';

/**
 * Triangle positions of a PLY file (ASCII or binary, little or big endian) [file units], through three.js's
 * PLYLoader; a header it cannot read, or faces that point past the vertices, are refused with the reason.
 * @param name - the file name, for messages
 * @param bytes - the file
 * @returns positions (Float32Array, 9 per triangle)
 * @throws ImportError naming the file and the reason
 */
export function readPly(name: string, bytes: ArrayBuffer): Float32Array {
  const head = new TextDecoder('latin1').decode(new Uint8Array(bytes, 0, Math.min(bytes.byteLength, 2048)));
  if (!/^ply\s/.test(head)) throw new ImportError(name, 'not a PLY file (it must start with "ply")');
  if (!/end_header/.test(head)) throw new ImportError(name, 'a PLY header without "end_header" in its first 2 kB');
  let geometry: BufferGeometry;
  try {
    geometry = new PLYLoader().parse(bytes);
  } catch (error) {
    throw new ImportError(
      name,
      `the PLY data cannot be read (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  return triangleSoup(name, geometry);
}
