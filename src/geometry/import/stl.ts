import { ImportError } from './import-error.ts';

/** Bytes of one binary STL facet: normal, three vertices (12 float32) and the attribute count (uint16). */
const FACET_BYTES = 50;
const HEADER_BYTES = 84;

/**
 * Triangle positions of an STL file, binary or ASCII [file units], flat xyz per vertex (9 per triangle).
 *
 * Binary is recognised by its exact size (84 + 50·n bytes, n from the header), which some binary files need because
 * their 80-byte header starts with "solid"; otherwise a file that starts with "solid" is read as ASCII (CRLF or LF,
 * tabs or runs of spaces, exponents, a byte-order mark, NUL padding at the end). A binary file whose header count is
 * 0 but whose facets fill it exactly (a streaming writer's) is read by its size. Anything else is refused with the
 * reason: a binary file whose size does not match its header is truncated or padded, and says by how much.
 * @param name - the file name, for messages
 * @param bytes - the file
 * @returns positions (Float32Array, 9 per triangle)
 * @throws ImportError naming the file and the reason
 */
export function readStl(name: string, bytes: ArrayBuffer): Float32Array {
  const size = bytes.byteLength;
  if (size >= HEADER_BYTES) {
    const view = new DataView(bytes);
    const count = view.getUint32(80, true);
    if (HEADER_BYTES + FACET_BYTES * count === size) {
      if (count === 0) throw new ImportError(name, 'a binary STL with no triangles (its header announces 0)');
      return readBinary(view, count);
    }
  }
  // latin1 shows a UTF-8 byte-order mark (Notepad and some Windows exporters write one) as "ï»¿".
  const head = new TextDecoder('latin1').decode(new Uint8Array(bytes, 0, Math.min(size, 512)));
  if (/^(\u00EF\u00BB\u00BF)?\s*solid/i.test(head) && looksLikeText(bytes)) return readAscii(name, bytes);
  if (
    size >= HEADER_BYTES &&
    new DataView(bytes).getUint32(80, true) === 0 &&
    (size - HEADER_BYTES) % FACET_BYTES === 0
  ) {
    // Writers that stream the facets and never go back to fill in the count leave it 0: the size says how many.
    return readBinary(new DataView(bytes), (size - HEADER_BYTES) / FACET_BYTES);
  }
  if (size < HEADER_BYTES) {
    throw new ImportError(name, `not an STL file: ${size} bytes, shorter than a binary STL's 84-byte header`);
  }
  const count = new DataView(bytes).getUint32(80, true);
  const expected = HEADER_BYTES + FACET_BYTES * count;
  throw new ImportError(
    name,
    `a binary STL whose header announces ${count} triangles (${expected} bytes), but the file has ${size} bytes: it is ${size < expected ? 'truncated' : 'longer than its header says'}`,
  );
}

/**
 * True when the first kilobytes hold no NUL bytes before the NUL padding some writers put at the end of an ASCII STL
 * (so a binary file with a "solid" header is not taken for text, but a padded text file is).
 */
function looksLikeText(bytes: ArrayBuffer): boolean {
  const all = new Uint8Array(bytes);
  let end = all.length;
  while (end > 0 && all[end - 1] === 0) end--;
  const probe = all.subarray(0, Math.min(end, 4096));
  for (const b of probe) if (b === 0) return false;
  return end > 0;
}

function readBinary(view: DataView, count: number): Float32Array {
  const out = new Float32Array(9 * count);
  for (let t = 0; t < count; t++) {
    const base = HEADER_BYTES + FACET_BYTES * t + 12;
    for (let k = 0; k < 9; k++) out[9 * t + k] = view.getFloat32(base + 4 * k, true);
  }
  return out;
}

// The three coordinates are on the vertex's own line: a solid named "Vertex shell" is not a vertex.
const VERTEX = /(?<!\S)vertex[ \t]+(\S+)[ \t]+(\S+)[ \t]+(\S+)/gi;

function readAscii(name: string, bytes: ArrayBuffer): Float32Array {
  const text = new TextDecoder('latin1').decode(bytes);
  const values: number[] = [];
  for (const match of text.matchAll(VERTEX)) {
    for (let k = 1; k <= 3; k++) {
      const v = Number(match[k]);
      if (!Number.isFinite(v)) throw new ImportError(name, `an ASCII STL vertex that is not a number: "${match[0]}"`);
      values.push(v);
    }
  }
  if (values.length === 0) throw new ImportError(name, 'an ASCII STL with no facets');
  if (values.length % 9 !== 0) {
    throw new ImportError(name, `an ASCII STL with ${values.length / 3} vertices, not a multiple of 3 (truncated?)`);
  }
  return Float32Array.from(values);
}
