/**
 * Whether a triangle soup is a closed 2-manifold, as the voxeliser needs (its inside test counts surface crossings):
 * vertices are welded by position (to a millionth of the part's size), then every edge must be shared by exactly two
 * triangles. An edge used once is a hole; used three or more times, a non-manifold seam.
 */
export interface MeshCheck {
  /** triangles after dropping those with a repeated corner */
  triangles: number;
  /** distinct positions */
  vertices: number;
  /** edges used by one triangle */
  boundaryEdges: number;
  /** edges used by more than two */
  nonManifoldEdges: number;
  /** no hole and no non-manifold edge */
  closed: boolean;
}

/**
 * @param positions - 9 per triangle
 * @returns the counts and the verdict
 */
export function checkMesh(positions: Float32Array): MeshCheck {
  const n = positions.length / 9;
  let extent = 0;
  for (let i = 0; i < positions.length; i++) extent = Math.max(extent, Math.abs(positions[i] as number));
  const quantum = Math.max(extent, 1e-12) * 1e-6;
  const ids = new Map<string, number>();
  const id = (c: number): number => {
    const key = `${Math.round((positions[3 * c] as number) / quantum)},${Math.round((positions[3 * c + 1] as number) / quantum)},${Math.round((positions[3 * c + 2] as number) / quantum)}`;
    let v = ids.get(key);
    if (v === undefined) {
      v = ids.size;
      ids.set(key, v);
    }
    return v;
  };
  const edges = new Map<number, number>();
  let triangles = 0;
  const corners = [0, 0, 0];
  for (let t = 0; t < n; t++) {
    corners[0] = id(3 * t);
    corners[1] = id(3 * t + 1);
    corners[2] = id(3 * t + 2);
    const [a, b, c] = corners as [number, number, number];
    if (a === b || b === c || a === c) continue;
    triangles++;
    for (const [p, q] of [
      [a, b],
      [b, c],
      [c, a],
    ] as const) {
      const key = p < q ? p * 4294967296 + q : q * 4294967296 + p;
      edges.set(key, (edges.get(key) ?? 0) + 1);
    }
  }
  let boundaryEdges = 0;
  let nonManifoldEdges = 0;
  for (const uses of edges.values()) {
    if (uses === 1) boundaryEdges++;
    else if (uses > 2) nonManifoldEdges++;
  }
  return {
    triangles,
    vertices: ids.size,
    boundaryEdges,
    nonManifoldEdges,
    closed: boundaryEdges === 0 && nonManifoldEdges === 0,
  };
}
