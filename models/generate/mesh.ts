import { cross, sub, type Vec3 } from './vec';

/** A finished triangle mesh: flat arrays ready for glTF accessors. */
export interface MeshData {
  positions: Float32Array;
  normals: Float32Array;
  indices: Uint16Array | Uint32Array;
}

/**
 * Collects vertices and triangles in double precision. Vertices may be duplicated where a hard edge needs two normals
 * (e.g. a cylinder's cap rim); duplicates are computed from the same numbers, so they coincide bit for bit and the
 * mesh is watertight once welded by position.
 */
export class MeshBuilder {
  readonly points: Vec3[] = [];
  readonly triangles: [number, number, number][] = [];

  vertex(p: Vec3): number {
    this.points.push(p);
    return this.points.length - 1;
  }

  triangle(a: number, b: number, c: number): void {
    this.triangles.push([a, b, c]);
  }

  /** Six times the signed volume enclosed (positive when the winding is outward, counter-clockwise seen from outside). */
  signedVolume6(): number {
    let v = 0;
    for (const [a, b, c] of this.triangles) {
      const pa = this.point(a);
      const pb = this.point(b);
      const pc = this.point(c);
      v +=
        pa[0] * (pb[1] * pc[2] - pb[2] * pc[1]) -
        pa[1] * (pb[0] * pc[2] - pb[2] * pc[0]) +
        pa[2] * (pb[0] * pc[1] - pb[1] * pc[0]);
    }
    return v;
  }

  private point(i: number): Vec3 {
    const p = this.points[i];
    if (p === undefined) throw new Error(`vertex ${i} out of range`);
    return p;
  }

  /**
   * Orients every triangle outward (flips all if the enclosed volume is negative; builders wind consistently) and
   * computes area-weighted vertex normals: smooth where vertices are shared, flat where they are duplicated.
   */
  finish(): MeshData {
    if (this.signedVolume6() < 0) for (const t of this.triangles) t.reverse();
    const n = this.points.length;
    const acc = new Float64Array(n * 3);
    for (const [a, b, c] of this.triangles) {
      const pa = this.point(a);
      const fn = cross(sub(this.point(b), pa), sub(this.point(c), pa));
      for (const i of [a, b, c]) {
        acc[i * 3] = (acc[i * 3] ?? 0) + fn[0];
        acc[i * 3 + 1] = (acc[i * 3 + 1] ?? 0) + fn[1];
        acc[i * 3 + 2] = (acc[i * 3 + 2] ?? 0) + fn[2];
      }
    }
    const positions = new Float32Array(n * 3);
    const normals = new Float32Array(n * 3);
    for (let i = 0; i < n; i++) {
      const p = this.point(i);
      positions.set(p, i * 3);
      const x = acc[i * 3] ?? 0;
      const y = acc[i * 3 + 1] ?? 0;
      const z = acc[i * 3 + 2] ?? 0;
      const l = Math.hypot(x, y, z) || 1;
      normals.set([x / l, y / l, z / l], i * 3);
    }
    const flat = this.triangles.flat();
    const indices = n <= 65535 ? Uint16Array.from(flat) : Uint32Array.from(flat);
    return { positions, normals, indices };
  }
}
