import { Box3, BufferGeometry, DoubleSide, Ray, Vector3 } from 'three';
import { MeshBVH } from 'three-mesh-bvh';
import type { TissueId } from '../physics/tissue-ids.ts';
import { BACKGROUND_TISSUE, tissueRank } from './part-names.ts';
import type { CasePart } from './phantom.ts';

type Vec3 = readonly [number, number, number];

/** A stretch of a straight path inside one tissue. */
export interface PathSegment {
  tissue: TissueId;
  /** [m] */
  length: number;
  /**
   * |cos θ| between the path and the normal of the surface crossed to enter this segment (1 = normal
   * incidence). Absent on the first segment, which starts at the source.
   */
  cosIncidence?: number;
}

interface Crossing {
  /** distance along the ray [m] */
  at: number;
  /** |cos θ| between the ray and the face normal */
  cos: number;
}

/** A regular voxel grid; voxel (i, j, k) has its centre at origin + spacing·(i, j, k). Index i + nx·(j + ny·k). */
export interface VoxelGrid {
  nx: number;
  ny: number;
  nz: number;
  /** [m] */
  spacing: number;
  /** centre of voxel (0, 0, 0) [m] */
  origin: readonly [number, number, number];
}

interface SolidPart {
  tissue: TissueId;
  rank: number;
  bvh: MeshBVH;
  /** the part's bounding box: a point outside it is outside the (closed) part, with no ray cast */
  box: Box3;
}

// An irrational-looking direction so parity rays do not run along the axis-aligned faces of generated meshes.
const PARITY_DIRECTION = new Vector3(0.5377, 0.6912, 0.4832).normalize();
// Crossings closer than this are one crossing counted twice (a ray through a shared edge) [m].
const DUPLICATE_HIT = 1e-9;
// A segment that misses a part's bounding box by less than this is still traced (the box test's rounding) [m].
const BOX_SLACK = 1e-9;

/**
 * The part's surface for ray casts: its positions and triangles alone (the same arrays, not copies). A hit on a mesh
 * with normals or texture coordinates also interpolates them, which no query here reads.
 */
function castGeometry(geometry: BufferGeometry): BufferGeometry {
  const cast = new BufferGeometry();
  cast.setAttribute('position', geometry.getAttribute('position'));
  if (geometry.index) cast.setIndex(geometry.index);
  return cast;
}

/**
 * The anatomy as solids that can be queried: which tissue is at a point, which tissues a straight beam crosses,
 * and a voxel labelling. Tissue at a point = the containing part of highest priority (TISSUE_PRIORITY), or the
 * water bath. Inside/outside is decided by crossing parity, so parts must be closed meshes.
 */
export class TissueModel {
  private readonly solids: SolidPart[];
  private readonly ray = new Ray();
  private readonly boxEntry = new Vector3();

  constructor(parts: readonly CasePart[]) {
    this.solids = parts
      .map((part) => {
        const bvh = new MeshBVH(castGeometry(part.geometry));
        return { tissue: part.tissue, rank: tissueRank(part.tissue), bvh, box: bvh.getBoundingBox(new Box3()) };
      })
      .sort((a, b) => a.rank - b.rank);
  }

  /** Where the ray crosses a part's surface, sorted by distance, duplicates (shared edges) merged. */
  private crossings(solid: SolidPart, origin: Vector3, direction: Vector3, far: number): Crossing[] {
    const hits = this.hits(solid, origin, direction, far);
    const merged: Crossing[] = [];
    let last = Number.NEGATIVE_INFINITY;
    for (const hit of hits) {
      if (hit.distance - last <= DUPLICATE_HIT) continue;
      last = hit.distance;
      merged.push({ at: hit.distance, cos: hit.face ? Math.abs(hit.face.normal.dot(direction)) : 1 });
    }
    return merged;
  }

  /** How many times the ray crosses a part's surface (as crossings counts them, without making them). */
  private crossingCount(solid: SolidPart, origin: Vector3, direction: Vector3, far: number): number {
    let count = 0;
    let last = Number.NEGATIVE_INFINITY;
    for (const hit of this.hits(solid, origin, direction, far)) {
      if (hit.distance - last <= DUPLICATE_HIT) continue;
      last = hit.distance;
      count++;
    }
    return count;
  }

  /** The ray's hits on a part's surface, sorted by distance (shared edges still counted twice). */
  private hits(solid: SolidPart, origin: Vector3, direction: Vector3, far: number) {
    this.ray.origin.copy(origin);
    this.ray.direction.copy(direction);
    return solid.bvh.raycast(this.ray, DoubleSide, 0, far).sort((a, b) => a.distance - b.distance);
  }

  /**
   * Whether the segment origin → origin + length·direction can cross the part's surface: it must meet the part's
   * bounding box. Most parts lie away from most beams, and this test is far cheaper than a ray cast.
   */
  private segmentMeetsBox(solid: SolidPart, origin: Vector3, direction: Vector3, length: number): boolean {
    this.ray.origin.copy(origin);
    this.ray.direction.copy(direction);
    const entry = this.ray.intersectBox(solid.box, this.boxEntry);
    return entry !== null && entry.distanceTo(origin) <= length + BOX_SLACK;
  }

  private isInside(solid: SolidPart, point: Vector3): boolean {
    if (!solid.box.containsPoint(point)) return false;
    return this.crossingCount(solid, point, PARITY_DIRECTION, Number.POSITIVE_INFINITY) % 2 === 1;
  }

  /** The tissue at a point [m]. */
  tissueAt(point: Vec3): TissueId {
    const p = new Vector3(...point);
    for (const solid of this.solids) if (this.isInside(solid, p)) return solid.tissue;
    return BACKGROUND_TISSUE;
  }

  /**
   * The tissues a straight path from `from` to `to` [m] crosses, in order, with their lengths; consecutive
   * stretches of one tissue are merged. The lengths add up to |to − from|.
   */
  pathSegments(from: Vec3, to: Vec3): PathSegment[] {
    const origin = new Vector3(...from);
    return this.segmentsAlong(
      origin,
      to,
      this.solids.map((s) => this.isInside(s, origin)),
    );
  }

  /**
   * pathSegments from one point to each of several: the parts containing the common start are found once (the
   * parity rays are most of a short path's cost), e.g. the beams' continuations beyond the focus.
   * @param from - the common start [m]
   * @param ends - where each path ends [m]
   * @param atMostRank - only the parts of this priority or higher (rank ≤ it, TISSUE_PRIORITY) are traced; points
   *   in none of them read as water. Exact wherever a traced tissue is found, since no part left out outranks it:
   *   a caller looking for some tissues passes the lowest rank among them and skips every lesser part's rays.
   * @returns per end, the path's segments as pathSegments gives them (up to the parts left out)
   */
  pathsFrom(from: Vec3, ends: readonly Vec3[], atMostRank = Number.POSITIVE_INFINITY): PathSegment[][] {
    const origin = new Vector3(...from);
    const traced = this.solids.map((s) => s.rank <= atMostRank);
    const inside = this.solids.map((s, index) => traced[index] === true && this.isInside(s, origin));
    return ends.map((to) => this.segmentsAlong(origin, to, [...inside], traced));
  }

  /** The lowest priority (highest rank) among the parts of these tissues; undefined when the case has none of them. */
  lowestRankOf(tissues: ReadonlySet<TissueId>): number | undefined {
    let rank: number | undefined;
    for (const solid of this.solids) if (tissues.has(solid.tissue)) rank = Math.max(rank ?? solid.rank, solid.rank);
    return rank;
  }

  private segmentsAlong(origin: Vector3, to: Vec3, inside: boolean[], traced?: readonly boolean[]): PathSegment[] {
    const delta = new Vector3(...to).sub(origin);
    const total = delta.length();
    if (total === 0) return [];
    const direction = delta.divideScalar(total);
    const events: { at: number; cos: number; solid: number }[] = [];
    this.solids.forEach((solid, index) => {
      if (traced && !traced[index]) return;
      if (!this.segmentMeetsBox(solid, origin, direction, total)) return;
      for (const hit of this.crossings(solid, origin, direction, total))
        events.push({ at: hit.at, cos: hit.cos, solid: index });
    });
    events.sort((a, b) => a.at - b.at);
    const current = (): TissueId => {
      const index = inside.indexOf(true);
      return index < 0 ? BACKGROUND_TISSUE : (this.solids[index] as SolidPart).tissue;
    };
    const segments: PathSegment[] = [];
    // The surface crossed to enter the stretch being measured: its incidence belongs to the next new segment.
    let entryCos: number | undefined;
    const push = (tissue: TissueId, length: number) => {
      if (length <= 0) return;
      const last = segments[segments.length - 1];
      if (last && last.tissue === tissue) last.length += length;
      else segments.push(entryCos === undefined ? { tissue, length } : { tissue, length, cosIncidence: entryCos });
    };
    let position = 0;
    for (const event of events) {
      const before = current();
      push(before, event.at - position);
      position = event.at;
      inside[event.solid] = !inside[event.solid];
      if (current() !== before) entryCos = event.cos;
    }
    push(current(), total - position);
    return segments;
  }

  /**
   * Labels every voxel centre with an index into `tissueTable` (tissues not in the table are added to it).
   * One ray per grid row and part: scanline parity fill, so cost grows with rows, not voxels.
   */
  voxelise(grid: VoxelGrid, tissueTable: TissueId[]): Uint8Array {
    const { nx, ny, nz, spacing, origin } = grid;
    const labels = new Uint8Array(nx * ny * nz);
    const rank = new Uint8Array(nx * ny * nz).fill(255);
    const indexOf = (tissue: TissueId): number => {
      let index = tissueTable.indexOf(tissue);
      if (index < 0) index = tissueTable.push(tissue) - 1;
      return index;
    };
    labels.fill(indexOf(BACKGROUND_TISSUE));
    const direction = new Vector3(1, 0, 0);
    const start = new Vector3();
    const margin = spacing;
    const span = (nx - 1) * spacing + 2 * margin;
    for (const solid of this.solids) {
      const label = indexOf(solid.tissue);
      for (let k = 0; k < nz; k++) {
        for (let j = 0; j < ny; j++) {
          start.set(origin[0] - margin, origin[1] + j * spacing, origin[2] + k * spacing);
          let inside = this.isInside(solid, start);
          const hits = this.crossings(solid, start, direction, span);
          let h = 0;
          const row = nx * (j + ny * k);
          for (let i = 0; i < nx; i++) {
            const x = margin + i * spacing;
            while (h < hits.length && (hits[h] as Crossing).at < x) {
              inside = !inside;
              h++;
            }
            if (inside && solid.rank < (rank[row + i] as number)) {
              rank[row + i] = solid.rank;
              labels[row + i] = label;
            }
          }
        }
      }
    }
    return labels;
  }
}
