import type { VoxelGrid } from './tissue-model.ts';

/** An indexed triangle mesh [m]; triangles wind counter-clockwise seen from outside (normals point outward). */
export interface Isosurface {
  positions: Float32Array;
  indices: Uint32Array;
}

// Cube corner c = dx | dy << 1 | dz << 2. Six tetrahedra share the main diagonal 0–7, one per order in which a
// monotone path 0 → 7 takes the axes; neighbouring cubes then split their shared faces along the same diagonal,
// so the surface has no cracks, and every tetrahedron edge runs from a corner to one with larger coordinates.
const TETRAHEDRA: readonly (readonly [number, number, number, number])[] = [
  [0, 1, 3, 7],
  [0, 1, 5, 7],
  [0, 2, 3, 7],
  [0, 2, 6, 7],
  [0, 4, 5, 7],
  [0, 4, 6, 7],
];

/**
 * The surface where `field` (values at the voxel centres of `grid`, x fastest) crosses `level`, by marching
 * tetrahedra: every cell between 8 voxel centres is cut into 6 tetrahedra, each crossed by at most two triangles,
 * vertices placed by linear interpolation along the edges and shared between neighbouring triangles (an indexed
 * mesh: computeVertexNormals gives smooth shading). Inside is value ≥ level; values outside the grid count as
 * below (NaN too), so a region that reaches the grid's faces is closed there by a cap through the outermost voxel
 * centres. Triangles face outward (from ≥ level to < level). Cost: one pass over the cells, skipping those whose
 * 8 corners are all on one side.
 */
export function isosurface(field: ArrayLike<number>, grid: VoxelGrid, level: number): Isosurface {
  const { nx, ny, nz, spacing, origin } = grid;
  const px = nx + 2;
  const py = ny + 2;
  const sample = (i: number, j: number, k: number): number => {
    if (i < 0 || j < 0 || k < 0 || i >= nx || j >= ny || k >= nz) return Number.NEGATIVE_INFINITY;
    const v = field[i + nx * (j + ny * k)] as number;
    return Number.isNaN(v) ? Number.NEGATIVE_INFINITY : v;
  };
  const positions: number[] = [];
  const indices: number[] = [];
  const vertexOfEdge = new Map<number, number>();
  // Corner data of the current cube.
  const ci = new Int32Array(8);
  const cj = new Int32Array(8);
  const ck = new Int32Array(8);
  const cv = new Float64Array(8);
  const tri = [0, 0, 0];

  // The vertex on the edge from corner a to corner b of the cube (b's coordinates ≥ a's), shared by key.
  const cornerKey = (c: number) =>
    ((ci[c] as number) + 1 + px * ((cj[c] as number) + 1 + py * ((ck[c] as number) + 1))) * 8;
  const edgeVertex = (a: number, b: number): number => {
    const va = cv[a] as number;
    const vb = cv[b] as number;
    // Interpolate from the inside end so an outside sample of −∞ puts the vertex on the inside sample.
    const [from, to, vf, vt] = va >= level ? [a, b, va, vb] : [b, a, vb, va];
    let t = (vf - level) / (vf - vt);
    if (!(t >= 0)) t = 0;
    if (t > 1) t = 1;
    // A vertex on a sample (t = 0: the sample is at the level, or a cap at the grid's faces) is keyed by that
    // sample, so the edges meeting there share it and the triangles it collapses are dropped.
    const key = t === 0 ? cornerKey(from) : cornerKey(a) + (a ^ b);
    const known = vertexOfEdge.get(key);
    if (known !== undefined) return known;
    const x = (ci[from] as number) + ((ci[to] as number) - (ci[from] as number)) * t;
    const y = (cj[from] as number) + ((cj[to] as number) - (cj[from] as number)) * t;
    const z = (ck[from] as number) + ((ck[to] as number) - (ck[from] as number)) * t;
    const index = positions.length / 3;
    positions.push(origin[0] + x * spacing, origin[1] + y * spacing, origin[2] + z * spacing);
    vertexOfEdge.set(key, index);
    return index;
  };

  // Emits triangle (p, q, r) facing from the inside point (grid coords) toward the outside point.
  const emit = (p: number, q: number, r: number, inside: readonly number[], outside: readonly number[]) => {
    if (p === q || q === r || p === r) return;
    const ax = positions[3 * p] as number;
    const ay = positions[3 * p + 1] as number;
    const az = positions[3 * p + 2] as number;
    const ux = (positions[3 * q] as number) - ax;
    const uy = (positions[3 * q + 1] as number) - ay;
    const uz = (positions[3 * q + 2] as number) - az;
    const wx = (positions[3 * r] as number) - ax;
    const wy = (positions[3 * r + 1] as number) - ay;
    const wz = (positions[3 * r + 2] as number) - az;
    const nxv = uy * wz - uz * wy;
    const nyv = uz * wx - ux * wz;
    const nzv = ux * wy - uy * wx;
    const dx = (outside[0] as number) - (inside[0] as number);
    const dy = (outside[1] as number) - (inside[1] as number);
    const dz = (outside[2] as number) - (inside[2] as number);
    if (nxv * dx + nyv * dy + nzv * dz >= 0) indices.push(p, q, r);
    else indices.push(p, r, q);
  };

  const inPt = [0, 0, 0];
  const outPt = [0, 0, 0];
  const centroid = (corners: readonly number[], out: number[]) => {
    out[0] = 0;
    out[1] = 0;
    out[2] = 0;
    for (const c of corners) {
      out[0] += ci[c] as number;
      out[1] += cj[c] as number;
      out[2] += ck[c] as number;
    }
    out[0] /= corners.length;
    out[1] /= corners.length;
    out[2] /= corners.length;
  };

  // The cube between voxel centres (i, j, k) and (i + 1, j + 1, k + 1).
  const cube = (i: number, j: number, k: number): void => {
    let insideCount = 0;
    for (let c = 0; c < 8; c++) {
      const ii = i + (c & 1);
      const jj = j + ((c >> 1) & 1);
      const kk = k + ((c >> 2) & 1);
      ci[c] = ii;
      cj[c] = jj;
      ck[c] = kk;
      const v = sample(ii, jj, kk);
      cv[c] = v;
      if (v >= level) insideCount++;
    }
    if (insideCount === 0 || insideCount === 8) return;
    for (const tet of TETRAHEDRA) {
      const inside: number[] = [];
      const outside: number[] = [];
      for (const c of tet) ((cv[c] as number) >= level ? inside : outside).push(c);
      if (inside.length === 0 || outside.length === 0) continue;
      centroid(inside, inPt);
      centroid(outside, outPt);
      // Edges are keyed from the lower corner; the tetrahedron's corners are listed in increasing order.
      const edge = (a: number, b: number) => (a < b ? edgeVertex(a, b) : edgeVertex(b, a));
      if (inside.length === 1 || outside.length === 1) {
        const lone = (inside.length === 1 ? inside[0] : outside[0]) as number;
        const others = inside.length === 1 ? outside : inside;
        for (let n = 0; n < 3; n++) tri[n] = edge(lone, others[n] as number);
        emit(tri[0] as number, tri[1] as number, tri[2] as number, inPt, outPt);
      } else {
        const [p, q] = inside as [number, number];
        const [r, s] = outside as [number, number];
        // The quad p–r, p–s, q–s, q–r (in this cyclic order), as two triangles.
        const a = edge(p, r);
        const b = edge(p, s);
        const c = edge(q, s);
        const d = edge(q, r);
        emit(a, b, c, inPt, outPt);
        emit(a, c, d, inPt, outPt);
      }
    }
  };
  // One flat loop over the cubes, each in a call: V8 compiles a long-running loop on the fly (OSR) at the loop it is
  // in, and Chromium threw that code away at every exit from an inner loop (thousands of times per surface with the
  // loops nested here).
  const cubes = (nx + 1) * (ny + 1) * (nz + 1);
  let i = -1;
  let j = -1;
  let k = -1;
  for (let c = 0; c < cubes; c++) {
    cube(i, j, k);
    if (++i === nx) {
      i = -1;
      if (++j === ny) {
        j = -1;
        k++;
      }
    }
  }
  return { positions: new Float32Array(positions), indices: new Uint32Array(indices) };
}

/** Enclosed volume of a closed, outward-facing triangle mesh (divergence theorem) [m³ for metres]. */
export function meshVolume(surface: Isosurface): number {
  const { positions: p, indices: ix } = surface;
  let sum = 0;
  for (let t = 0; t < ix.length; t += 3) {
    const a = 3 * (ix[t] as number);
    const b = 3 * (ix[t + 1] as number);
    const c = 3 * (ix[t + 2] as number);
    const ax = p[a] as number;
    const ay = p[a + 1] as number;
    const az = p[a + 2] as number;
    const bx = p[b] as number;
    const by = p[b + 1] as number;
    const bz = p[b + 2] as number;
    const cx = p[c] as number;
    const cy = p[c + 1] as number;
    const cz = p[c + 2] as number;
    sum += ax * (by * cz - bz * cy) - ay * (bx * cz - bz * cx) + az * (bx * cy - by * cx);
  }
  return sum / 6;
}

/** Total area of a triangle mesh. */
export function meshArea(surface: Isosurface): number {
  const { positions: p, indices: ix } = surface;
  let sum = 0;
  for (let t = 0; t < ix.length; t += 3) {
    const a = 3 * (ix[t] as number);
    const b = 3 * (ix[t + 1] as number);
    const c = 3 * (ix[t + 2] as number);
    const ux = (p[b] as number) - (p[a] as number);
    const uy = (p[b + 1] as number) - (p[a + 1] as number);
    const uz = (p[b + 2] as number) - (p[a + 2] as number);
    const wx = (p[c] as number) - (p[a] as number);
    const wy = (p[c + 1] as number) - (p[a + 1] as number);
    const wz = (p[c + 2] as number) - (p[a + 2] as number);
    sum += Math.hypot(uy * wz - uz * wy, uz * wx - ux * wz, ux * wy - uy * wx) / 2;
  }
  return sum;
}
