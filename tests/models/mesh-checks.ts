/** Geometry helpers for the phantom tests: read parts from a GLB, weld, check closure, point/ray vs solid. */
import { type Document, NodeIO } from '@gltf-transform/core';
import { TISSUE_PRIORITY } from '../../src/geometry/part-names.ts';
import type { TissueId } from '../../src/physics/tissue-ids.ts';

export type V3 = [number, number, number];

export interface SolidPart {
  name: string;
  tissue: string;
  label: string;
  extras: Record<string, unknown>;
  positions: Float32Array;
  /** Triangle vertex indices after welding coincident positions. */
  triangles: Uint32Array;
  /** Welded vertex positions (x, y, z per vertex). */
  welded: Float64Array;
  normals: Float32Array | null;
  rawIndices: Uint32Array;
  min: V3;
  max: V3;
  hasTransform: boolean;
}

/** The priority rule of the file contract is the app's own (src/geometry/part-names.ts). */
export const PRIORITY = TISSUE_PRIORITY;

export async function readGlb(bytes: Uint8Array): Promise<Document> {
  return new NodeIO().readBinary(bytes);
}

export function solidParts(doc: Document): SolidPart[] {
  const out: SolidPart[] = [];
  for (const node of doc.getRoot().listNodes()) {
    const mesh = node.getMesh();
    if (!mesh) continue;
    const [prim, ...rest] = mesh.listPrimitives();
    if (!prim || rest.length > 0) throw new Error(`${node.getName()}: expected exactly one primitive`);
    const pos = prim.getAttribute('POSITION')?.getArray();
    if (!(pos instanceof Float32Array)) throw new Error(`${node.getName()}: no float POSITION`);
    const nor = prim.getAttribute('NORMAL')?.getArray();
    const idx = prim.getIndices()?.getArray();
    if (!idx) throw new Error(`${node.getName()}: not indexed`);
    const rawIndices = Uint32Array.from(idx);
    const map = new Map<string, number>();
    const remap = new Uint32Array(pos.length / 3);
    const welded: number[] = [];
    const min: V3 = [Infinity, Infinity, Infinity];
    const max: V3 = [-Infinity, -Infinity, -Infinity];
    for (let i = 0; i < pos.length / 3; i++) {
      const p: V3 = [pos[i * 3] ?? 0, pos[i * 3 + 1] ?? 0, pos[i * 3 + 2] ?? 0];
      for (let k = 0; k < 3; k++) {
        min[k] = Math.min(min[k] ?? 0, p[k] ?? 0);
        max[k] = Math.max(max[k] ?? 0, p[k] ?? 0);
      }
      const key = p.join(',');
      let w = map.get(key);
      if (w === undefined) {
        w = welded.length / 3;
        map.set(key, w);
        welded.push(...p);
      }
      remap[i] = w;
    }
    const extras = node.getExtras() as Record<string, unknown>;
    const t = node.getTranslation();
    const r = node.getRotation();
    const s = node.getScale();
    out.push({
      name: node.getName(),
      tissue: String(extras.tissue),
      label: String(extras.label),
      extras,
      positions: pos,
      triangles: rawIndices.map((i) => remap[i] ?? 0),
      welded: Float64Array.from(welded),
      normals: nor instanceof Float32Array ? nor : null,
      rawIndices,
      min,
      max,
      hasTransform:
        t.some((x) => x !== 0) || r[0] !== 0 || r[1] !== 0 || r[2] !== 0 || r[3] !== 1 || s.some((x) => x !== 1),
    });
  }
  return out;
}

const vtx = (p: SolidPart, i: number): V3 => [p.welded[i * 3] ?? 0, p.welded[i * 3 + 1] ?? 0, p.welded[i * 3 + 2] ?? 0];

/** Problems with closure/2-manifoldness/orientation (empty when the mesh is a proper closed solid). */
export function closureProblems(p: SolidPart): string[] {
  const problems: string[] = [];
  const directed = new Map<string, number>();
  const tri = p.triangles;
  for (let t = 0; t < tri.length; t += 3) {
    const a = tri[t] ?? 0;
    const b = tri[t + 1] ?? 0;
    const c = tri[t + 2] ?? 0;
    if (a === b || b === c || a === c) {
      problems.push(`degenerate triangle ${t / 3}`);
      continue;
    }
    for (const [u, v] of [
      [a, b],
      [b, c],
      [c, a],
    ] as const) {
      const key = `${u}>${v}`;
      directed.set(key, (directed.get(key) ?? 0) + 1);
    }
  }
  for (const [key, n] of directed) {
    const [u, v] = key.split('>');
    if (n !== 1) problems.push(`directed edge ${key} used ${n} times (non-manifold or inconsistent winding)`);
    if (directed.get(`${v}>${u}`) !== 1) problems.push(`edge ${key} has no opposite (open boundary or flipped face)`);
    if (problems.length > 5) break;
  }
  return problems;
}

export function signedVolume(p: SolidPart): number {
  let v = 0;
  const tri = p.triangles;
  for (let t = 0; t < tri.length; t += 3) {
    const a = vtx(p, tri[t] ?? 0);
    const b = vtx(p, tri[t + 1] ?? 0);
    const c = vtx(p, tri[t + 2] ?? 0);
    v += a[0] * (b[1] * c[2] - b[2] * c[1]) - a[1] * (b[0] * c[2] - b[2] * c[0]) + a[2] * (b[0] * c[1] - b[1] * c[0]);
  }
  return v / 6;
}

/** Fraction of triangles whose geometric normal agrees (dot > 0) with the mean of their stored vertex normals. */
export function normalAgreement(p: SolidPart): number {
  const n = p.normals;
  if (!n) return 0;
  let ok = 0;
  const tri = p.rawIndices;
  const P = p.positions;
  const at = (i: number, k: number) => P[i * 3 + k] ?? 0;
  for (let t = 0; t < tri.length; t += 3) {
    const [a, b, c] = [tri[t] ?? 0, tri[t + 1] ?? 0, tri[t + 2] ?? 0];
    const e1: V3 = [at(b, 0) - at(a, 0), at(b, 1) - at(a, 1), at(b, 2) - at(a, 2)];
    const e2: V3 = [at(c, 0) - at(a, 0), at(c, 1) - at(a, 1), at(c, 2) - at(a, 2)];
    const fn: V3 = [e1[1] * e2[2] - e1[2] * e2[1], e1[2] * e2[0] - e1[0] * e2[2], e1[0] * e2[1] - e1[1] * e2[0]];
    let d = 0;
    for (const i of [a, b, c]) for (let k = 0; k < 3; k++) d += (fn[k] ?? 0) * (n[i * 3 + k] ?? 0);
    if (d > 0) ok++;
  }
  return ok / (tri.length / 3);
}

/** Distances t > 0 at which the ray origin + t·dir crosses the part's surface (Möller–Trumbore). */
export function rayHits(p: SolidPart, o: V3, d: V3): number[] {
  const hits: number[] = [];
  const tri = p.triangles;
  for (let t = 0; t < tri.length; t += 3) {
    const a = vtx(p, tri[t] ?? 0);
    const b = vtx(p, tri[t + 1] ?? 0);
    const c = vtx(p, tri[t + 2] ?? 0);
    const e1: V3 = [b[0] - a[0], b[1] - a[1], b[2] - a[2]];
    const e2: V3 = [c[0] - a[0], c[1] - a[1], c[2] - a[2]];
    const pv: V3 = [d[1] * e2[2] - d[2] * e2[1], d[2] * e2[0] - d[0] * e2[2], d[0] * e2[1] - d[1] * e2[0]];
    const det = e1[0] * pv[0] + e1[1] * pv[1] + e1[2] * pv[2];
    if (Math.abs(det) < 1e-18) continue;
    const inv = 1 / det;
    const s: V3 = [o[0] - a[0], o[1] - a[1], o[2] - a[2]];
    const u = (s[0] * pv[0] + s[1] * pv[1] + s[2] * pv[2]) * inv;
    if (u < 0 || u > 1) continue;
    const q: V3 = [s[1] * e1[2] - s[2] * e1[1], s[2] * e1[0] - s[0] * e1[2], s[0] * e1[1] - s[1] * e1[0]];
    const v = (d[0] * q[0] + d[1] * q[1] + d[2] * q[2]) * inv;
    if (v < 0 || u + v > 1) continue;
    const dist = (e2[0] * q[0] + e2[1] * q[1] + e2[2] * q[2]) * inv;
    if (dist > 0) hits.push(dist);
  }
  return hits.sort((x, y) => x - y);
}

/** An oblique direction unlikely to graze edges of the axis-aligned, symmetric phantom meshes. */
const PROBE: V3 = normalize([0.3141, 0.7183, 0.6213]);

export function normalize(v: V3): V3 {
  const l = Math.hypot(...v);
  return [v[0] / l, v[1] / l, v[2] / l];
}

export function inside(p: SolidPart, point: V3): boolean {
  for (let k = 0; k < 3; k++) if ((point[k] ?? 0) < (p.min[k] ?? 0) || (point[k] ?? 0) > (p.max[k] ?? 0)) return false;
  return rayHits(p, point, PROBE).length % 2 === 1;
}

/** Tissue at a point by the priority rule; 'water' outside every part. */
export function tissueAt(parts: readonly SolidPart[], point: V3): string {
  let best = PRIORITY.length - 1;
  for (const p of parts) {
    const rank = PRIORITY.indexOf(p.tissue as TissueId);
    if (rank >= 0 && rank < best && inside(p, point)) best = rank;
  }
  return PRIORITY[best] ?? 'water';
}

/**
 * Tissues met along the segment origin → origin + length·dir, in order (consecutive repeats merged). Surface crossings
 * along the segment split it into intervals; each interval's midpoint is classified by the priority rule with the
 * oblique point-in-solid probe, so a segment that grazes a vertex or edge is still classified correctly.
 */
export function tissuesAlong(parts: readonly SolidPart[], origin: V3, dir: V3, length: number): string[] {
  const cuts = new Set<number>([0, length]);
  for (const p of parts) for (const h of rayHits(p, origin, dir)) if (h < length) cuts.add(h);
  const sorted = [...cuts].sort((a, b) => a - b);
  const seq: string[] = [];
  for (let i = 0; i + 1 < sorted.length; i++) {
    const a = sorted[i] ?? 0;
    const b = sorted[i + 1] ?? 0;
    if (b - a < 1e-7) continue;
    const tissue = tissueAt(parts, [
      origin[0] + (dir[0] * (a + b)) / 2,
      origin[1] + (dir[1] * (a + b)) / 2,
      origin[2] + (dir[2] * (a + b)) / 2,
    ]);
    if (seq[seq.length - 1] !== tissue) seq.push(tissue);
  }
  return seq;
}

/** Unit directions filling a cone of half-angle `half` [rad] about `axis`: the axis and `rings` rings of `perRing`. */
export function coneDirections(axis: V3, half: number, rings: number, perRing: number): V3[] {
  const a = normalize(axis);
  const helper: V3 = Math.abs(a[0]) < 0.9 ? [1, 0, 0] : [0, 1, 0];
  const u = normalize([
    a[1] * helper[2] - a[2] * helper[1],
    a[2] * helper[0] - a[0] * helper[2],
    a[0] * helper[1] - a[1] * helper[0],
  ]);
  const v: V3 = [a[1] * u[2] - a[2] * u[1], a[2] * u[0] - a[0] * u[2], a[0] * u[1] - a[1] * u[0]];
  const out: V3[] = [a];
  for (let r = 1; r <= rings; r++) {
    const th = (half * r) / rings;
    for (let k = 0; k < perRing; k++) {
      const ph = (2 * Math.PI * k) / perRing;
      const s = Math.sin(th);
      out.push(
        normalize([
          a[0] * Math.cos(th) + s * (u[0] * Math.cos(ph) + v[0] * Math.sin(ph)),
          a[1] * Math.cos(th) + s * (u[1] * Math.cos(ph) + v[1] * Math.sin(ph)),
          a[2] * Math.cos(th) + s * (u[2] * Math.cos(ph) + v[2] * Math.sin(ph)),
        ]),
      );
    }
  }
  return out;
}
