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

/**
 * @param labels - lattice labels, n²·nz
 * @param n2 - columns per slice
 * @param nz - slices
 * @param faceInterface - the geometry's surfaces, asked at every change (absent: the changes carry no surface)
 * @returns uniform slices, labels present and the changes along z with their surfaces
 */
export function scanLabels(labels: Uint8Array, n2: number, nz: number, faceInterface?: FaceInterfaceLookup): LabelScan {
  const uniform = new Int16Array(nz);
  const present = new Uint8Array(256);
  const start = new Int32Array(nz + 1);
  // Grown by doubling: counting the changes first would take a second pass over the labels.
  let columns = new Int32Array(Math.max(1024, n2));
  let at = 0;
  for (let k = 0; k < nz; k++) {
    const offset = n2 * k;
    const first = labels[offset] as number;
    let same = true;
    start[k] = at;
    if (columns.length - at < n2) {
      const grown = new Int32Array(2 * columns.length + n2);
      grown.set(columns.subarray(0, at));
      columns = grown;
    }
    for (let c = 0; c < n2; c++) {
      const label = labels[offset + c] as number;
      present[label] = 1;
      if (label !== first) same = false;
      if (k > 0 && label !== labels[offset - n2 + c]) columns[at++] = c;
    }
    uniform[k] = same ? first : -1;
  }
  start[nz] = at;
  start[0] = 0;
  const changes = { start, columns: columns.slice(0, at) };
  return { uniform, present, changes: faceInterface ? withSurfaces(changes, nz, faceInterface) : changes };
}

function withSurfaces(changes: LabelChanges, nz: number, faceInterface: FaceInterfaceLookup): LabelChanges {
  const { start, columns } = changes;
  const offsets = new Float64Array(columns.length).fill(Number.NaN);
  const normals = new Float64Array(3 * columns.length);
  for (let face = 1; face < nz; face++) {
    for (let at = start[face] as number; at < (start[face + 1] as number); at++) {
      const surface = faceInterface(columns[at] as number, face);
      if (!surface) continue;
      offsets[at] = surface.offset;
      normals[3 * at] = surface.normal[0];
      normals[3 * at + 1] = surface.normal[1];
      normals[3 * at + 2] = surface.normal[2];
    }
  }
  return { start, columns, offsets, normals };
}
