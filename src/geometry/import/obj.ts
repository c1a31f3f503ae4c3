import { ImportError } from './import-error.ts';

/** One object (or group) of an OBJ file: its name and its triangles. */
export interface ObjPart {
  name: string;
  /** Float32Array, 9 per triangle [file units] */
  positions: Float32Array;
}

/**
 * The triangles of a Wavefront OBJ file [file units], one part per object: exporters of segmentations write every
 * structure as an object (`o`) or, without objects, a group (`g`) of one file, and each is a part to give a tissue.
 * Faces before the first, and a file of one object, make a part named after the file; faces of a name met again join
 * its part. Geometry only: `v` and `f` lines (faces as `i`, `i/t`, `i//n` or `i/t/n`; negative indices
 * count back from the last vertex, which are the file's, not the group's; n-gons split into a fan), everything else
 * (normals, texture coordinates, materials, a missing .mtl) ignored. CRLF line ends, tabs, exponents, comments at a
 * line's end and `\` line continuations are fine.
 * @param name - the file name, for messages and the part of faces outside any object
 * @param bytes - the file
 * @returns the parts with triangles, in the order first met
 * @throws ImportError naming the file, the line and the reason
 */
export function readObj(name: string, bytes: ArrayBuffer): ObjPart[] {
  const text = new TextDecoder('utf-8').decode(bytes);
  const vertices: number[] = [];
  const groups = new Map<string, number[]>();
  let out: number[] = [];
  const enter = (group: string): void => {
    let list = groups.get(group);
    if (!list) {
      list = [];
      groups.set(group, list);
    }
    out = list;
  };
  enter(name);
  const lines = text.split(/\r?\n|\r/);
  // Objects ('o') when the file names any; otherwise groups ('g'). Some exporters also cut one object into a group
  // per material, which would make open pieces of one closed surface.
  const split = /^\s*o[ \t]/m.test(text) ? 111 : 103;
  const corner = (token: string, line: number): number => {
    const raw = Number(token.split('/', 1)[0]);
    const count = vertices.length / 3;
    if (!Number.isInteger(raw) || raw === 0) {
      throw new ImportError(name, `line ${line}: "${token}" is not a vertex index`);
    }
    const index = raw > 0 ? raw - 1 : count + raw;
    if (index < 0 || index >= count) {
      throw new ImportError(name, `line ${line}: vertex ${raw} does not exist (${count} so far)`);
    }
    return index;
  };
  for (let l = 0; l < lines.length; l++) {
    const first = l;
    let line = lines[l] as string;
    // A backslash at the end continues the record on the next line (long faces from some CAD exporters).
    while (line.includes('\\') && /\\\s*$/.test(line) && l + 1 < lines.length)
      line = `${line.replace(/\\\s*$/, ' ')}${lines[++l] as string}`;
    // A comment may end any record ("f 1 2 3 # base"); a '#' is never part of a number or an index.
    const hash = line.indexOf('#');
    line = (hash >= 0 ? line.slice(0, hash) : line).trim();
    if (line.length < 2) continue;
    const c0 = line.charCodeAt(0);
    const c1 = line.charCodeAt(1);
    // 'v' then whitespace: a position (vt, vn and vp are not positions).
    if (c0 === 118 && (c1 === 32 || c1 === 9)) {
      const parts = line.split(/\s+/);
      const x = Number(parts[1]);
      const y = Number(parts[2]);
      const z = Number(parts[3]);
      if (!Number.isFinite(x) || !Number.isFinite(y) || !Number.isFinite(z)) {
        throw new ImportError(name, `line ${first + 1}: "${line.slice(0, 60)}" is not a vertex of three numbers`);
      }
      vertices.push(x, y, z);
    } else if (c0 === split && (c1 === 32 || c1 === 9)) {
      // An object's (or group's) name: the faces that follow are its ("g" with several names: all of them).
      const group = line.slice(2).trim().replace(/\s+/g, ' ');
      enter(group.length > 0 ? group : name);
    } else if (c0 === 102 && (c1 === 32 || c1 === 9)) {
      const tokens = line.split(/\s+/).slice(1);
      if (tokens.length < 3) throw new ImportError(name, `line ${first + 1}: a face with fewer than 3 vertices`);
      const start = corner(tokens[0] as string, first + 1);
      let previous = corner(tokens[1] as string, first + 1);
      for (let t = 2; t < tokens.length; t++) {
        const next = corner(tokens[t] as string, first + 1);
        for (const v of [start, previous, next])
          out.push(vertices[3 * v] as number, vertices[3 * v + 1] as number, vertices[3 * v + 2] as number);
        previous = next;
      }
    }
  }
  const parts = [...groups].filter(([, positions]) => positions.length > 0);
  if (parts.length === 0) {
    throw new ImportError(name, bytes.byteLength === 0 ? 'the file is empty' : 'an OBJ file with no faces');
  }
  // One object: the file's part, named after the file as an STL's is.
  if (parts.length === 1) return [{ name, positions: Float32Array.from((parts[0] as [string, number[]])[1]) }];
  return parts.map(([group, positions]) => ({ name: group, positions: Float32Array.from(positions) }));
}
