import { ImportError } from './import-error.ts';

/** Bytes of each PLY scalar type, under both of its names. */
const TYPE_BYTES: Record<string, number> = {
  char: 1,
  int8: 1,
  uchar: 1,
  uint8: 1,
  short: 2,
  int16: 2,
  ushort: 2,
  uint16: 2,
  int: 4,
  int32: 4,
  uint: 4,
  uint32: 4,
  float: 4,
  float32: 4,
  double: 8,
  float64: 8,
};

interface Property {
  name: string;
  type: string;
  /** the count's type, for a list property */
  countType?: string;
}

interface Element {
  name: string;
  count: number;
  properties: Property[];
}

type Format = 'ascii' | 'binary_little_endian' | 'binary_big_endian';

/** A face list: `vertex_indices` by the specification, `vertex_index` by many writers (VTK, some scanners). */
const isFaceList = (p: Property) => p.countType !== undefined && /^vertex_ind(ex|ices)$/.test(p.name);

/**
 * Triangle positions of a PLY file (ASCII or binary, little or big endian) [file units], flat xyz per vertex (9 per
 * triangle). The vertex element's x, y, z in any order among other properties (normals, colours…), any scalar type;
 * `face` lists (`vertex_indices` or `vertex_index`, any count type) of 3 or more vertices split into a fan, or the old
 * Stanford `tristrips` (−1 restarts a strip). Other elements are skipped. A point cloud (no faces), a face pointing
 * past the vertices, or data that end early are refused with the reason.
 *
 * Our own reader, not three.js's PLYLoader, which this replaced: it made triangles of a point cloud's every three
 * points, cut a pentagon to one triangle, read strips as loose triangles and took a file that ends early
 * (tests/geometry/import/ply.test.ts pins each). About 1.1 s for a binary file of 500 000 triangles in Node.
 * @param name - the file name, for messages
 * @param bytes - the file
 * @returns positions (Float32Array, 9 per triangle)
 * @throws ImportError naming the file and the reason
 */
export function readPly(name: string, bytes: ArrayBuffer): Float32Array {
  const all = new Uint8Array(bytes);
  // A header is text; its length is not bounded (long comment blocks exist), so look through the first 1 MiB.
  const head = new TextDecoder('latin1').decode(all.subarray(0, Math.min(all.length, 1 << 20)));
  if (!/^ply\s/.test(head)) throw new ImportError(name, 'not a PLY file (it must start with "ply")');
  const end = /(^|[\r\n])end_header[ \t]*(\r\n|\r|\n)/.exec(head);
  if (!end) throw new ImportError(name, 'a PLY header without its "end_header" line (truncated, or not a PLY file)');
  const bodyStart = end.index + end[0].length;
  const { format, elements } = parseHeader(name, head.slice(0, bodyStart));
  const vertex = elements.find((e) => e.name === 'vertex');
  if (!vertex) throw new ImportError(name, 'a PLY without a vertex element');
  const axes = ['x', 'y', 'z'].map((axis) => vertex.properties.findIndex((p) => p.name === axis && !p.countType));
  if (axes.some((a) => a < 0)) throw new ImportError(name, 'a PLY whose vertices have no x, y and z properties');
  const faceElement = elements.find(
    (e) => (e.name === 'face' || e.name === 'tristrips') && e.properties.some(isFaceList),
  );
  if (!faceElement || faceElement.count === 0) {
    throw new ImportError(name, 'a PLY with no faces (a point cloud): the importer needs a surface mesh');
  }
  // The least the header's counts need (a binary scalar's bytes, or an ASCII digit and a blank), checked before
  // anything is allocated: a header that announces more than the file holds is a truncated file.
  let least = 0;
  for (const e of elements) {
    for (const p of e.properties)
      least += e.count * (format === 'ascii' ? 2 : (TYPE_BYTES[p.countType ?? p.type] as number));
  }
  if (least > bytes.byteLength - bodyStart + 1) {
    throw new ImportError(
      name,
      `a PLY whose header announces ${vertex.count} vertices and ${faceElement.count} ${faceElement.name} elements, ` +
        `more than its ${bytes.byteLength} bytes can hold: the file is truncated`,
    );
  }
  const strips = faceElement.name === 'tristrips';
  const listIndex = faceElement.properties.findIndex(isFaceList);

  const reader =
    format === 'ascii' ? asciiReader(name, head, bodyStart, bytes) : binaryReader(name, bytes, bodyStart, format);
  const vertices = new Float64Array(3 * vertex.count);
  const out: number[] = [];
  const corner = (v: number, face: number) => {
    if (!(Number.isInteger(v) && v >= 0 && v < vertex.count)) {
      throw new ImportError(name, `${faceElement.name} ${face} uses vertex ${v}, but there are ${vertex.count}`);
    }
    out.push(vertices[3 * v] as number, vertices[3 * v + 1] as number, vertices[3 * v + 2] as number);
  };
  for (const element of elements) {
    let i = 0;
    const where = () => `${element.name} ${i} of ${element.count}`;
    for (; i < element.count; i++) {
      for (let p = 0; p < element.properties.length; p++) {
        const property = element.properties[p] as Property;
        if (property.countType === undefined) {
          const value = reader.scalar(property.type, where);
          if (element === vertex) {
            const axis = axes.indexOf(p);
            if (axis >= 0) vertices[3 * i + axis] = value;
          }
          continue;
        }
        const n = reader.scalar(property.countType, where);
        if (!(Number.isInteger(n) && n >= 0)) throw new ImportError(name, `${where()}: a list of ${n} items`);
        if (element !== faceElement || p !== listIndex) {
          for (let k = 0; k < n; k++) reader.scalar(property.type, where);
          continue;
        }
        const list: number[] = [];
        for (let k = 0; k < n; k++) list.push(reader.scalar(property.type, where));
        if (strips) {
          // A strip's triangles alternate their winding; -1 starts a new strip.
          let run: number[] = [];
          for (const v of [...list, -1]) {
            if (v < 0) {
              for (let k = 2; k < run.length; k++) {
                const [a, b] = k % 2 === 0 ? [k - 2, k - 1] : [k - 1, k - 2];
                for (const c of [run[a], run[b], run[k]] as number[]) corner(c, i);
              }
              run = [];
            } else run.push(v);
          }
        } else {
          // A polygon of n ≥ 3 corners is a fan from its first; fewer is not a surface and is left out.
          for (let k = 2; k < list.length; k++) {
            for (const c of [list[0], list[k - 1], list[k]] as number[]) corner(c, i);
          }
        }
      }
    }
  }
  if (out.length === 0) throw new ImportError(name, 'a PLY whose faces have no triangles');
  return Float32Array.from(out);
}

function parseHeader(name: string, header: string): { format: Format; elements: Element[] } {
  let format: Format | undefined;
  const elements: Element[] = [];
  const known = (type: string | undefined) => {
    if (type === undefined || !(type in TYPE_BYTES)) {
      throw new ImportError(name, `a PLY property of unknown type "${type}"`);
    }
    return type;
  };
  for (const raw of header.split(/\r\n|\r|\n/)) {
    const words = raw.trim().split(/\s+/);
    const [keyword] = words;
    if (keyword === 'format') {
      if (words[1] !== 'ascii' && words[1] !== 'binary_little_endian' && words[1] !== 'binary_big_endian') {
        throw new ImportError(name, `a PLY of unknown format "${words[1]}"`);
      }
      format = words[1];
    } else if (keyword === 'element') {
      const count = Number(words[2]);
      if (!(Number.isInteger(count) && count >= 0)) {
        throw new ImportError(name, `a PLY element "${words[1]}" with a count of "${words[2]}"`);
      }
      elements.push({ name: words[1] ?? '', count, properties: [] });
    } else if (keyword === 'property') {
      const element = elements.at(-1);
      if (!element) throw new ImportError(name, 'a PLY property before any element');
      if (words[1] === 'list') {
        element.properties.push({ name: words[4] ?? '', type: known(words[3]), countType: known(words[2]) });
      } else element.properties.push({ name: words[2] ?? '', type: known(words[1]) });
    }
  }
  if (!format) throw new ImportError(name, 'a PLY header without its "format" line');
  return { format, elements };
}

interface Reader {
  /** the next value of this type; `where` names the element for the message if the data end early */
  scalar(type: string, where: () => string): number;
}

function asciiReader(name: string, head: string, bodyStart: number, bytes: ArrayBuffer): Reader {
  // The body is whitespace-separated numbers; line breaks carry no meaning, so leading or trailing blanks are fine.
  const text = bytes.byteLength <= head.length ? head : new TextDecoder('latin1').decode(bytes);
  const token = /\S+/g;
  token.lastIndex = bodyStart;
  return {
    scalar(_type, where) {
      const match = token.exec(text);
      if (!match) throw new ImportError(name, `the PLY data end inside ${where()}: the file is truncated`);
      const value = Number(match[0]);
      if (Number.isNaN(value) && !/^[-+]?nan$/i.test(match[0])) {
        throw new ImportError(name, `${where()}: "${match[0].slice(0, 20)}" is not a number`);
      }
      return value;
    },
  };
}

function binaryReader(name: string, bytes: ArrayBuffer, bodyStart: number, format: Format): Reader {
  const view = new DataView(bytes);
  const little = format === 'binary_little_endian';
  let at = bodyStart;
  return {
    scalar(type, where) {
      const size = TYPE_BYTES[type] as number;
      if (at + size > view.byteLength) {
        throw new ImportError(name, `the PLY data end inside ${where()}: the file is truncated`);
      }
      const offset = at;
      at += size;
      switch (type) {
        case 'char':
        case 'int8':
          return view.getInt8(offset);
        case 'uchar':
        case 'uint8':
          return view.getUint8(offset);
        case 'short':
        case 'int16':
          return view.getInt16(offset, little);
        case 'ushort':
        case 'uint16':
          return view.getUint16(offset, little);
        case 'int':
        case 'int32':
          return view.getInt32(offset, little);
        case 'uint':
        case 'uint32':
          return view.getUint32(offset, little);
        case 'float':
        case 'float32':
          return view.getFloat32(offset, little);
        default:
          return view.getFloat64(offset, little);
      }
    },
  };
}
