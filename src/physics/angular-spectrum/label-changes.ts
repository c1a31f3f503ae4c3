import { madeOncePer } from '../made-once.ts';
import type { FaceInterfaceLookup } from './march.ts';

/**
 * The surfaces of a labelled lattice along the beam: the columns c whose label changes at face f (labels[f − 1] ≠
 * labels[f]) are columns[start[f] … start[f + 1]), ascending, for f in 1 … nz − 1. Every pass of a march crosses
 * these same surfaces, and the heat source splits the voxels they cut.
 */
export interface LabelChanges {
  readonly start: Int32Array;
  readonly columns: Int32Array;
  /**
   * Where the geometry knows the surface at each change (FaceInterfaceLookup, asked once per change): its offset
   * from the face [m], NaN where it does not know it, and its normal (3 per change, beam frame).
   */
  readonly offsets?: Float64Array;
  readonly normals?: Float64Array;
}

/** What the march needs of the labels, found in one pass over them (a lattice holds millions of voxels). */
export interface LabelScan {
  /** per voxel slice: its label if every column has it, else −1 */
  readonly uniform: Int16Array;
  /** 1 for each label that occurs */
  readonly present: Uint8Array;
  readonly changes: LabelChanges;
}

/** The last scan of each labels array. */
const scans = madeOncePer<Uint8Array, LabelScan>();

/**
 * @param labels - lattice labels, n²·nz (never changed once made: a lattice's labels are read, not written)
 * @param n2 - columns per slice
 * @param nz - slices
 * @param faceInterface - the geometry's surfaces, asked at every change (absent: the changes carry no surface)
 * @returns uniform slices, labels present and the changes along z with their surfaces (read-only: the scan of the
 *   same labels is handed out again, so the marches of a plan's spots, or of new beams on the same lattice, find
 *   it made; it was ≈ 40 ms of a femur sonication)
 */
export function scanLabels(labels: Uint8Array, n2: number, nz: number, faceInterface?: FaceInterfaceLookup): LabelScan {
  return scans(labels, [n2, nz, faceInterface], () => scanLabelsOnce(labels, n2, nz, faceInterface));
}

function scanLabelsOnce(labels: Uint8Array, n2: number, nz: number, faceInterface?: FaceInterfaceLookup): LabelScan {
  const uniform = new Int16Array(nz);
  const present = new Uint8Array(256);
  const start = new Int32Array(nz + 1);
  // Grown by doubling: counting the changes first would take a second pass over the labels.
  let columns = new Int32Array(Math.max(1024, n2));
  let at = 0;
  // A slice per call: see scanSlice.
  for (let k = 0; k < nz; k++) {
    start[k] = at;
    if (columns.length - at < n2) {
      const grown = new Int32Array(2 * columns.length + n2);
      grown.set(columns.subarray(0, at));
      columns = grown;
    }
    at = scanSlice(labels, n2, k, uniform, present, columns, at);
  }
  start[nz] = at;
  start[0] = 0;
  const changes = { start, columns: columns.slice(0, at) };
  return { uniform, present, changes: faceInterface ? withSurfaces(changes, nz, faceInterface) : changes };
}

/**
 * Slice k of scanLabels: its labels into `present`, whether it is uniform, and its changes from slice k − 1 from
 * columns[at] on. In a function of its own, called per slice, because V8 compiles a long-running loop on the fly
 * (OSR) at the loop it is in, and Chromium throws that code away whenever the loop is left: a slice loop nested in
 * the loop over slices was left once per slice; a call made for every slice is compiled as a whole.
 * @returns the next free place in columns
 */
function scanSlice(
  labels: Uint8Array,
  n2: number,
  k: number,
  uniform: Int16Array,
  present: Uint8Array,
  columns: Int32Array,
  at: number,
): number {
  const offset = n2 * k;
  const first = labels[offset] as number;
  let same = true;
  for (let c = 0; c < n2; c++) {
    const label = labels[offset + c] as number;
    present[label] = 1;
    if (label !== first) same = false;
    if (k > 0 && label !== labels[offset - n2 + c]) columns[at++] = c;
  }
  uniform[k] = same ? first : -1;
  return at;
}

function withSurfaces(changes: LabelChanges, nz: number, faceInterface: FaceInterfaceLookup): LabelChanges {
  const { start, columns } = changes;
  const offsets = new Float64Array(columns.length).fill(Number.NaN);
  const normals = new Float64Array(3 * columns.length);
  // One flat loop over the changes of faces 1 … nz − 1, the face followed along (no inner loop to leave: see
  // scanSlice).
  let face = 1;
  for (let at = start[1] as number; at < (start[nz] as number); at++) {
    while (at >= (start[face + 1] as number)) face++;
    const surface = faceInterface(columns[at] as number, face);
    if (!surface) continue;
    offsets[at] = surface.offset;
    normals[3 * at] = surface.normal[0];
    normals[3 * at + 1] = surface.normal[1];
    normals[3 * at + 2] = surface.normal[2];
  }
  return { start, columns, offsets, normals };
}
