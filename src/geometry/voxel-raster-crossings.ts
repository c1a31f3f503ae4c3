import { orient2d } from './voxel-raster-predicates.ts';

/**
 * Where lattice lines cross triangles, as parallel typed arrays that grow by doubling. Kept between calls by the
 * voxeliser so a sonication's voxelisation does not reallocate them.
 */
export class CrossingBuffer {
  length = 0;
  /** line index (see LatticeVoxeliser) */
  line = new Int32Array(0);
  /** crossing coordinate along the scan axis [voxels from voxel 0] */
  at = new Float64Array(0);
  /** index of the part crossed */
  part = new Int32Array(0);
  /** index of the triangle crossed, within its part */
  triangle = new Int32Array(0);
  /** barycentric weights of the triangle's second and third vertex at the crossing */
  weightB = new Float64Array(0);
  weightC = new Float64Array(0);

  clear(): void {
    this.length = 0;
  }

  push(line: number, at: number, part: number, triangle: number, weightB: number, weightC: number): void {
    if (this.length === this.line.length) this.grow();
    const n = this.length++;
    this.line[n] = line;
    this.at[n] = at;
    this.part[n] = part;
    this.triangle[n] = triangle;
    this.weightB[n] = weightB;
    this.weightC[n] = weightC;
  }

  private grow(): void {
    const size = Math.max(1024, this.line.length * 2);
    const widen = <T extends Int32Array | Float64Array>(old: T, make: (n: number) => T): T => {
      const next = make(size);
      next.set(old);
      return next;
    };
    this.line = widen(this.line, (n) => new Int32Array(n));
    this.at = widen(this.at, (n) => new Float64Array(n));
    this.part = widen(this.part, (n) => new Int32Array(n));
    this.triangle = widen(this.triangle, (n) => new Int32Array(n));
    this.weightB = widen(this.weightB, (n) => new Float64Array(n));
    this.weightC = widen(this.weightC, (n) => new Float64Array(n));
  }
}

/** A part's vertices in lattice coordinates [voxels]: p, q span the projection plane, s is the scan axis. */
export interface ProjectedMesh {
  p: Float64Array;
  q: Float64Array;
  s: Float64Array;
  /** three vertex indices per triangle */
  index: Uint32Array;
}

// How far the per-row x-range of a triangle is widened before the exact tests decide. It only has to cover the
// rounding of one interpolation (a few ulps of the coordinates, ~1e-13 voxels for coordinates ~1e3), so points
// the exact test accepts are never skipped.
const SPAN_MARGIN = 1e-6;

/**
 * Rasterises one part's triangles onto the lattice lines at integer (p, q), 0 ≤ p < np, 0 ≤ q < nq, appending one
 * crossing per (triangle, covered line). Only rows inside a triangle's projected bounding box are visited, and on
 * each row only the x-range the triangle spans there, so the cost is triangles + covered lines. Triangles seen
 * edge-on (zero projected area) cover no line, and a line through a shared edge or vertex is claimed by exactly
 * one triangle of each side (exact orient2d with a consistent tie-break).
 */
export function rasterisePart(mesh: ProjectedMesh, part: number, np: number, nq: number, out: CrossingBuffer): void {
  const triangles = mesh.index.length / 3;
  // A triangle per call: V8 compiles a long loop on the fly at the loop it runs in, and Chromium drops that code
  // whenever an inner loop is left — here once per row of every triangle (src/physics/CONTEXT.md, "Loops").
  for (let triangle = 0; triangle < triangles; triangle++) rasteriseTriangle(mesh, triangle, part, np, nq, out);
}

/** One triangle of rasterisePart. */
function rasteriseTriangle(
  mesh: ProjectedMesh,
  triangle: number,
  part: number,
  np: number,
  nq: number,
  out: CrossingBuffer,
): void {
  const { p, q, s, index } = mesh;
  const lastP = np - 1;
  const lastQ = nq - 1;
  const ia = index[3 * triangle] as number;
  const ib = index[3 * triangle + 1] as number;
  const ic = index[3 * triangle + 2] as number;
  const ax = p[ia] as number;
  const ay = q[ia] as number;
  const bx = p[ib] as number;
  const by = q[ib] as number;
  const cx = p[ic] as number;
  const cy = q[ic] as number;
  const minY = Math.min(ay, by, cy);
  const maxY = Math.max(ay, by, cy);
  const minX = Math.min(ax, bx, cx);
  const maxX = Math.max(ax, bx, cx);
  // Negated comparisons also drop triangles with a non-finite vertex (NaN compares false).
  if (!(maxY >= 0 && minY <= lastQ && maxX >= 0 && minX <= lastP)) return;
  const as = s[ia] as number;
  const dbs = (s[ib] as number) - as;
  const dcs = (s[ic] as number) - as;
  if (!Number.isFinite(minX + maxX + minY + maxY + as + dbs + dcs)) return;
  const firstX = Math.max(0, Math.ceil(minX));
  const finalX = Math.min(lastP, Math.floor(maxX));
  const firstY = Math.max(0, Math.ceil(minY));
  const finalY = Math.min(lastQ, Math.floor(maxY));
  for (let y = firstY; y <= finalY; y++) {
    // The x-range of the triangle on this row, from the edges that reach it.
    let lo = Number.POSITIVE_INFINITY;
    let hi = Number.NEGATIVE_INFINITY;
    if ((ay <= y && y <= by) || (by <= y && y <= ay)) {
      const x = ay === by ? ax : ax + ((y - ay) * (bx - ax)) / (by - ay);
      const x2 = ay === by ? bx : x;
      lo = Math.min(lo, x, x2);
      hi = Math.max(hi, x, x2);
    }
    if ((by <= y && y <= cy) || (cy <= y && y <= by)) {
      const x = by === cy ? bx : bx + ((y - by) * (cx - bx)) / (cy - by);
      const x2 = by === cy ? cx : x;
      lo = Math.min(lo, x, x2);
      hi = Math.max(hi, x, x2);
    }
    if ((cy <= y && y <= ay) || (ay <= y && y <= cy)) {
      const x = cy === ay ? cx : cx + ((y - cy) * (ax - cx)) / (ay - cy);
      const x2 = cy === ay ? ax : x;
      lo = Math.min(lo, x, x2);
      hi = Math.max(hi, x, x2);
    }
    const startX = Math.max(firstX, Math.ceil(lo - SPAN_MARGIN));
    const endX = Math.min(finalX, Math.floor(hi + SPAN_MARGIN));
    const row = np * y;
    for (let x = startX; x <= endX; x++) {
      // Each edge function is twice the area opposite one vertex: the barycentric weight of that vertex.
      const wa = orient2d(bx, by, cx, cy, x, y);
      const wb = orient2d(cx, cy, ax, ay, x, y);
      const wc = orient2d(ax, ay, bx, by, x, y);
      if (!((wa > 0 && wb > 0 && wc > 0) || (wa < 0 && wb < 0 && wc < 0))) continue;
      const sum = wa + wb + wc;
      // Clamped so the crossing stays on the triangle even for slivers whose weights round badly.
      let fb = Math.min(1, Math.max(0, wb / sum));
      let fc = Math.min(1, Math.max(0, wc / sum));
      if (fb + fc > 1) {
        const scale = 1 / (fb + fc);
        fb *= scale;
        fc *= scale;
      }
      // From vertex a, so a face at one constant s gives exactly that s.
      out.push(row + x, as + fb * dbs + fc * dcs, part, triangle, fb, fc);
    }
  }
}
