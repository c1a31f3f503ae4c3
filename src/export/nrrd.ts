import type { VoxelGrid } from '../physics/grid.ts';

/**
 * NRRD export of a voxel field (pure TypeScript, no DOM: runs in Node and the browser). NRRD 0005 with the data
 * attached: opens in 3D Slicer, ITK-SNAP, ParaView and anything built on ITK or teem.
 * Format: http://teem.sourceforge.net/nrrd/format.html
 */

/** Anatomical space names NRRD knows (3D). */
export type NrrdSpace =
  | 'right-anterior-superior'
  | 'left-anterior-superior'
  | 'left-posterior-superior'
  | 'right-posterior-superior';

export interface NrrdMeta {
  /** what the values are, e.g. "maximum temperature" (NRRD `content` field) */
  content: string;
  /** unit of the values, e.g. "degC" or "CEM43 min" (key/value `unit:=`) */
  unit: string;
  /**
   * The anatomical meaning of the case's world axes, when known. Absent (default): `space dimension: 3`, i.e.
   * the axes are the case's own world frame (models/README.md), not asserted to be RAS or LPS.
   */
  space?: NrrdSpace;
  /** further key/value pairs written as `key:=value` */
  keyValues?: Record<string, string>;
}

export interface ParsedNrrd {
  /** the header's fields, by lower-case name (e.g. "sizes", "space directions") */
  fields: Record<string, string>;
  /** the `key:=value` pairs, unescaped */
  keyValues: Record<string, string>;
  sizes: number[];
  data: Float32Array;
}

const M_PER_MM = 1e-3;

/** A number written so it reads back exactly (shortest round-trip form; '.' decimal). */
function num(x: number): string {
  return Object.is(x, -0) ? '0' : String(x);
}

/** One header line's value: no newlines (NRRD fields are single lines). */
function oneLine(s: string): string {
  return s.replace(/[\r\n]+/g, ' ');
}

/** Escape of key/value pairs per the NRRD spec: backslash and newline. */
function escapeKeyValue(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/\r?\n/g, '\\n');
}

function unescapeKeyValue(s: string): string {
  return s.replace(/\\(\\|n)/g, (_, c: string) => (c === 'n' ? '\n' : '\\'));
}

/**
 * Write a scalar volume as a NRRD 0005 file: type float, dimension 3, sizes nx ny nz (x fastest, the grid's own
 * order i + nx(j + ny k)), space directions = spacing along each world axis in mm, space origin = centre of voxel
 * (0,0,0) in mm (NRRD's node-centred convention, like the grid), endian little, encoding raw, attached data.
 * @param volume - nx·ny·nz values (e.g. °C or CEM43 min)
 * @param grid - the region (SI: spacing and origin in m; written in mm)
 * @param meta - content, unit and optionally the anatomical space
 * @returns the file's bytes (UTF-8 header, then little-endian IEEE 754 float32 data)
 * @throws RangeError when the volume does not have nx·ny·nz values
 */
export function toNrrd(volume: Float32Array, grid: VoxelGrid, meta: NrrdMeta): Uint8Array {
  const count = grid.nx * grid.ny * grid.nz;
  if (volume.length !== count) throw new RangeError(`toNrrd: ${volume.length} values for a ${count}-voxel grid`);
  const h = grid.spacing / M_PER_MM;
  const o = grid.origin.map((x) => num(x / M_PER_MM));
  const lines = [
    'NRRD0005',
    '# Complete NRRD file format specification at:',
    '# http://teem.sourceforge.net/nrrd/format.html',
    `content: ${oneLine(meta.content)}`,
    'type: float',
    'dimension: 3',
    meta.space ? `space: ${meta.space}` : 'space dimension: 3',
    `sizes: ${grid.nx} ${grid.ny} ${grid.nz}`,
    `space directions: (${num(h)},0,0) (0,${num(h)},0) (0,0,${num(h)})`,
    'kinds: domain domain domain',
    'endian: little',
    'encoding: raw',
    'space units: "mm" "mm" "mm"',
    `space origin: (${o.join(',')})`,
    `unit:=${escapeKeyValue(meta.unit)}`,
    ...Object.entries(meta.keyValues ?? {}).map(([k, v]) => `${escapeKeyValue(k)}:=${escapeKeyValue(v)}`),
  ];
  const header = new TextEncoder().encode(`${lines.join('\n')}\n\n`);
  const out = new Uint8Array(header.length + 4 * count);
  out.set(header, 0);
  const view = new DataView(out.buffer, header.length, 4 * count);
  for (let v = 0; v < count; v++) view.setFloat32(4 * v, volume[v] as number, true);
  return out;
}

/**
 * Minimal NRRD reader for what toNrrd writes (attached raw float data, either endianness), used for round-trip
 * tests and re-import.
 * @param bytes - a NRRD file
 * @returns header fields, key/values, sizes and the data
 * @throws Error on anything else (detached data, other encodings or types, truncated data)
 */
export function parseNrrd(bytes: Uint8Array): ParsedNrrd {
  let end = -1;
  for (let i = 0; i + 1 < bytes.length; i++) {
    if (bytes[i] === 10 && bytes[i + 1] === 10) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Error('parseNrrd: no blank line ends the header');
  const lines = new TextDecoder().decode(bytes.subarray(0, end)).split('\n');
  if (!/^NRRD000\d$/.test(lines[0] ?? '')) throw new Error('parseNrrd: not a NRRD file');
  const fields: Record<string, string> = {};
  const keyValues: Record<string, string> = {};
  for (const line of lines.slice(1)) {
    if (line.startsWith('#') || line === '') continue;
    const kv = line.indexOf(':=');
    const f = line.indexOf(': ');
    if (kv >= 0 && (f < 0 || kv < f)) {
      keyValues[unescapeKeyValue(line.slice(0, kv))] = unescapeKeyValue(line.slice(kv + 2));
    } else if (f >= 0) {
      fields[line.slice(0, f).toLowerCase()] = line.slice(f + 2).trim();
    }
  }
  if (fields.type !== 'float') throw new Error(`parseNrrd: type ${fields.type} not supported`);
  if ((fields.encoding ?? '') !== 'raw') throw new Error(`parseNrrd: encoding ${fields.encoding} not supported`);
  if (fields['data file'] !== undefined) throw new Error('parseNrrd: detached data not supported');
  const sizes = (fields.sizes ?? '').split(/\s+/).map(Number);
  const count = sizes.reduce((a, b) => a * b, 1);
  const start = end + 2;
  if (bytes.length - start < 4 * count) throw new Error('parseNrrd: truncated data');
  const little = (fields.endian ?? 'little') === 'little';
  const view = new DataView(bytes.buffer, bytes.byteOffset + start, 4 * count);
  const data = new Float32Array(count);
  for (let v = 0; v < count; v++) data[v] = view.getFloat32(4 * v, little);
  return { fields, keyValues, sizes, data };
}
