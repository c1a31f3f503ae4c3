import type { CrossingBuffer } from './voxel-raster-crossings.ts';
import type { InterfaceRecorder } from './voxel-raster-interfaces.ts';

/** 'smooth': the part's vertex normals interpolated at the crossing; 'face': the flat triangle's normal. */
export type SurfaceNormals = 'smooth' | 'face';

/** What the sweep needs of a part. */
export interface SweptSolid {
  /** tissueRank of its tissue: lower wins */
  rank: number;
  /** its tissue's index in the tissue table */
  label: number;
  /** world positions, 3 per vertex [m] */
  position: Float64Array;
  normal: Float64Array | undefined;
  index: Uint32Array;
}

export interface SweepInput {
  crossings: CrossingBuffer;
  solids: readonly SweptSolid[];
  /** the water bath: label and rank */
  background: { label: number; rank: number };
  /** np · nq lines of ns voxels; line = p + np·q */
  lines: { np: number; nq: number; ns: number };
  /** linear-index strides of the p, q and scan axes */
  strides: { p: number; q: number; s: number };
  /** every voxel is written */
  labels: Uint8Array;
  recorder: InterfaceRecorder | undefined;
  normals: SurfaceNormals;
  /** [m] */
  scanSpacing: number;
}

/**
 * Sorts the crossings by line (counting sort) and along each line (insertion sort: a line meets a few dozen
 * surfaces at most), then walks each line once: between crossings every voxel gets the label of the
 * highest-priority part whose parity is odd. Returns, per part, whether some line ended with odd parity.
 */
export function sweepLines(input: SweepInput): boolean[] {
  const { crossings, solids, background, labels, strides } = input;
  const { np, nq, ns } = input.lines;
  const lineCount = np * nq;
  const count = crossings.length;
  const { line: lineOf } = crossings;

  const offsets = new Int32Array(lineCount + 1);
  for (let c = 0; c < count; c++) {
    const slot = (lineOf[c] as number) + 1;
    offsets[slot] = (offsets[slot] as number) + 1;
  }
  for (let l = 0; l < lineCount; l++) offsets[l + 1] = (offsets[l + 1] as number) + (offsets[l] as number);
  const cursor = offsets.slice(0, lineCount);
  const order = new Int32Array(count);
  for (let c = 0; c < count; c++) {
    const line = lineOf[c] as number;
    const slot = cursor[line] as number;
    order[slot] = c;
    cursor[line] = slot + 1;
  }

  const rankOf = Int32Array.from(solids, (solid) => solid.rank);
  // Tissue ranks are < 32, so the set of ranks with an odd-parity part fits in one integer: its lowest set bit is
  // the winning tissue.
  const labelOfRank = new Int32Array(32).fill(background.label);
  for (const solid of solids) labelOfRank[solid.rank] = solid.label;
  const insideCount = new Int32Array(32);
  const parity = new Uint8Array(solids.length);
  const open: boolean[] = solids.map(() => false);
  const normal = new Float64Array(3);

  // One row of lines (fixed q) is labelled into a contiguous buffer, line after line, with native fills, then
  // scattered into the lattice order with the loop nest that writes memory in order. Writing each line straight
  // into the lattice would stride by nu·nv bytes per voxel along w, which costs several times more.
  const row = new Uint8Array(np * ns);
  const sweep: LineSweep = {
    input,
    order,
    offsets,
    rankOf,
    labelOfRank,
    insideCount,
    parity,
    open,
    normal,
    row,
  };
  // A line per call: V8 compiles a long loop on the fly at the loop it runs in, and Chromium drops that code
  // whenever an inner loop is left — here at every crossing of every line (src/physics/CONTEXT.md, "Loops").
  for (let q = 0; q < nq; q++) {
    row.fill(background.label);
    for (let p = 0; p < np; p++) sweepLine(sweep, p, q);
    scatterRow(row, labels, q * strides.q, np, ns, strides.p, strides.s);
  }
  return open;
}

/** What sweepLines's lines share: the sorted crossings, the parities and the row being labelled. */
interface LineSweep {
  readonly input: SweepInput;
  readonly order: Int32Array;
  readonly offsets: Int32Array;
  readonly rankOf: Int32Array;
  readonly labelOfRank: Int32Array;
  readonly insideCount: Int32Array;
  readonly parity: Uint8Array;
  readonly open: boolean[];
  readonly normal: Float64Array;
  readonly row: Uint8Array;
}

/** Line (p, q) of sweepLines, labelled into the row buffer. */
function sweepLine(sweep: LineSweep, p: number, q: number): void {
  const { input, order, offsets, rankOf, labelOfRank, insideCount, parity, open, normal, row } = sweep;
  const { crossings, solids, background, recorder } = input;
  const { np, ns } = input.lines;
  const { at, part: partOf } = crossings;
  const line = p + np * q;
  const start = offsets[line] as number;
  const end = offsets[line + 1] as number;
  if (start === end) {
    recorder?.endLine();
    return;
  }
  sortByPosition(order, at, start, end);
  const base = p * ns;
  let mask = 0;
  let label = background.label;
  let rank = background.rank;
  let next = 0; // first voxel of the line not yet labelled
  let e = start;
  while (e < end) {
    // Crossings in [g, g + 1) lie between voxels g and g + 1: voxel k counts those strictly before it.
    const group = gapOf(at[order[e] as number] as number, ns);
    if (label !== background.label && group >= next) row.fill(label, base + next, base + group + 1);
    next = group + 1;
    const first = e;
    for (; e < end; e++) {
      const c = order[e] as number;
      if (gapOf(at[c] as number, ns) !== group) break;
      const part = partOf[c] as number;
      const r = rankOf[part] as number;
      const inside = (parity[part] as number) ^ 1;
      parity[part] = inside;
      const n = (insideCount[r] as number) + (inside === 1 ? 1 : -1);
      insideCount[r] = n;
      if (n === 0) mask &= ~(1 << r);
      else mask |= 1 << r;
    }
    const newRank = mask === 0 ? background.rank : 31 - Math.clz32(mask & -mask);
    const newLabel = mask === 0 ? background.label : (labelOfRank[newRank] as number);
    if (recorder && newLabel !== label && group >= 0 && group < ns - 1) {
      const c = pickCrossing(input, order, first, e, group, Math.min(rank, newRank), rankOf);
      surfaceNormal(solids[partOf[c] as number] as SweptSolid, crossings, c, input.normals, normal);
      const position = (at[c] as number) * input.scanSpacing;
      recorder.add(group, normal[0] as number, normal[1] as number, normal[2] as number, position, partOf[c] as number);
    }
    label = newLabel;
    rank = newRank;
  }
  if (label !== background.label && next < ns) row.fill(label, base + next, base + ns);
  for (let part = 0; part < parity.length; part++) {
    if (parity[part] === 1) open[part] = true;
    parity[part] = 0;
  }
  insideCount.fill(0);
  recorder?.endLine();
}

/** Copies a row buffer (line p at p·ns … p·ns + ns − 1) into the lattice, in the lattice's memory order. */
function scatterRow(
  row: Uint8Array,
  labels: Uint8Array,
  base: number,
  np: number,
  ns: number,
  strideP: number,
  strideS: number,
): void {
  if (strideS === 1) {
    for (let p = 0; p < np; p++) labels.set(row.subarray(p * ns, p * ns + ns), base + p * strideP);
  } else if (strideP < strideS) {
    for (let k = 0; k < ns; k++) {
      const out = base + k * strideS;
      for (let p = 0; p < np; p++) labels[out + p * strideP] = row[p * ns + k] as number;
    }
  } else {
    for (let p = 0; p < np; p++) {
      const out = base + p * strideP;
      for (let k = 0; k < ns; k++) labels[out + k * strideS] = row[p * ns + k] as number;
    }
  }
}

/** The gap between voxel centres a crossing lies in: g for [g, g + 1), −1 before voxel 0, ns − 1 after the last. */
function gapOf(at: number, ns: number): number {
  return Math.min(Math.max(Math.floor(at), -1), ns - 1);
}

function sortByPosition(order: Int32Array, at: Float64Array, start: number, end: number): void {
  for (let a = start + 1; a < end; a++) {
    const c = order[a] as number;
    const t = at[c] as number;
    let b = a - 1;
    while (b >= start && (at[order[b] as number] as number) > t) {
      order[b + 1] = order[b] as number;
      b--;
    }
    order[b + 1] = c;
  }
}

/**
 * The crossing that stands for a label change between voxels g and g + 1: among the crossings in that gap, those
 * of parts of the higher-priority tissue of the two sides (one of them must have flipped for the label to change),
 * the one nearest the mid-point g + ½.
 */
function pickCrossing(
  input: SweepInput,
  order: Int32Array,
  first: number,
  end: number,
  group: number,
  winningRank: number,
  rankOf: Int32Array,
): number {
  const { at, part } = input.crossings;
  let best = order[first] as number;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (let e = first; e < end; e++) {
    const c = order[e] as number;
    if (rankOf[part[c] as number] !== winningRank) continue;
    const distance = Math.abs((at[c] as number) - group - 0.5);
    if (distance < bestDistance) {
      best = c;
      bestDistance = distance;
    }
  }
  return best;
}

/** The unit normal (world frame) of a part's surface at a crossing, into `out`. */
function surfaceNormal(
  solid: SweptSolid,
  crossings: CrossingBuffer,
  c: number,
  mode: SurfaceNormals,
  out: Float64Array,
): void {
  const t = crossings.triangle[c] as number;
  const ia = 3 * (solid.index[3 * t] as number);
  const ib = 3 * (solid.index[3 * t + 1] as number);
  const ic = 3 * (solid.index[3 * t + 2] as number);
  const vertexNormals = solid.normal;
  if (mode === 'smooth' && vertexNormals) {
    const wb = crossings.weightB[c] as number;
    const wc = crossings.weightC[c] as number;
    const wa = 1 - wb - wc;
    for (let axis = 0; axis < 3; axis++) {
      out[axis] =
        wa * (vertexNormals[ia + axis] as number) +
        wb * (vertexNormals[ib + axis] as number) +
        wc * (vertexNormals[ic + axis] as number);
    }
    // Opposing vertex normals can cancel (a crease); the face normal is then the only meaningful answer.
    if (normalise(out)) return;
  }
  const v = solid.position;
  const ux = (v[ib] as number) - (v[ia] as number);
  const uy = (v[ib + 1] as number) - (v[ia + 1] as number);
  const uz = (v[ib + 2] as number) - (v[ia + 2] as number);
  const wx = (v[ic] as number) - (v[ia] as number);
  const wy = (v[ic + 1] as number) - (v[ia + 1] as number);
  const wz = (v[ic + 2] as number) - (v[ia + 2] as number);
  out[0] = uy * wz - uz * wy;
  out[1] = uz * wx - ux * wz;
  out[2] = ux * wy - uy * wx;
  normalise(out);
}

function normalise(v: Float64Array): boolean {
  const length = Math.hypot(v[0] as number, v[1] as number, v[2] as number);
  if (!(length > 1e-12)) return false;
  v[0] = (v[0] as number) / length;
  v[1] = (v[1] as number) / length;
  v[2] = (v[2] as number) / length;
  return true;
}
