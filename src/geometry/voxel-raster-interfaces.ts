type Vec3 = [number, number, number];

/**
 * The label changes along each scan line of a lattice voxelisation, with the surface crossed at each: for line
 * `line`, entries offsets[line] … offsets[line + 1] − 1, sorted by step. Entry e says that the label changes between
 * voxel `step[e]` and `step[e] + 1` along the scan axis, where the surface of part `part[e]` with unit normal
 * (normals[3e], normals[3e + 1], normals[3e + 2]) (world frame; the part's outward normal, from its NORMAL attribute
 * or its winding, never flipped toward the scan direction) is crossed at `position[e]` [m] along the scan axis,
 * measured from the centre of voxel 0 of the line.
 *
 * When several surfaces are crossed between the two voxel centres, the entry stands for the one that explains the
 * change: a surface of a part whose tissue is the higher-priority one of the two labels (such a part must have been
 * entered or left for the label to change), and among those the crossing nearest the mid-point between the centres.
 * Crossings that change no label (a muscle surface inside a lesion) and changes at the ends of a line are not listed.
 *
 * Line index: the voxel's linear index with the scan coordinate dropped, the other two kept in u, v, w order (scan
 * w: i + nu·j; scan u: j + nv·k; scan v: i + nu·k).
 */
export class LatticeInterfaces {
  constructor(
    /** 0 = u, 1 = v, 2 = w */
    readonly scanAxis: 0 | 1 | 2,
    /** lattice counts (nu, nv, nw) */
    readonly counts: readonly [number, number, number],
    /** length lines + 1 */
    readonly offsets: Int32Array,
    /** voxel step k before the change, along the scan axis */
    readonly step: Int32Array,
    /** unit normals, 3 per entry, world frame */
    readonly normals: Float64Array,
    /** crossing position along the scan axis from voxel 0's centre [m] */
    readonly position: Float64Array,
    /** index of the crossed part in the voxeliser's part list */
    readonly part: Int32Array,
  ) {}

  /** Number of scan lines. */
  get lineCount(): number {
    return this.offsets.length - 1;
  }

  /** The scan line through voxel (i, j, k). */
  lineOf(i: number, j: number, k: number): number {
    const [nu, nv] = this.counts;
    if (this.scanAxis === 2) return i + nu * j;
    if (this.scanAxis === 0) return j + nv * k;
    return i + nu * k;
  }

  /** The step of voxel (i, j, k) along its scan line. */
  stepOf(i: number, j: number, k: number): number {
    return this.scanAxis === 2 ? k : this.scanAxis === 0 ? i : j;
  }

  /** The entry for a change between steps k and k + 1 of a line, or −1. */
  entryAt(line: number, k: number): number {
    let lo = this.offsets[line] ?? 0;
    let hi = (this.offsets[line + 1] ?? 0) - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const at = this.step[mid] as number;
      if (at === k) return mid;
      if (at < k) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /** Unit normal (world frame) of the surface crossed where the label changes between steps k and k + 1. */
  normalAt(line: number, k: number): Vec3 | undefined {
    const entry = this.entryAt(line, k);
    if (entry < 0) return undefined;
    const n = this.normals;
    return [n[3 * entry] as number, n[3 * entry + 1] as number, n[3 * entry + 2] as number];
  }
}

/** Collects entries line by line, in line order, into growable typed arrays. */
export class InterfaceRecorder {
  private length = 0;
  private step = new Int32Array(1024);
  private normals = new Float64Array(3 * 1024);
  private position = new Float64Array(1024);
  private part = new Int32Array(1024);
  private readonly offsets: Int32Array;
  private line = 0;

  constructor(lines: number) {
    this.offsets = new Int32Array(lines + 1);
  }

  add(step: number, nx: number, ny: number, nz: number, position: number, part: number): void {
    if (this.length === this.step.length) this.grow();
    const e = this.length++;
    this.step[e] = step;
    this.normals[3 * e] = nx;
    this.normals[3 * e + 1] = ny;
    this.normals[3 * e + 2] = nz;
    this.position[e] = position;
    this.part[e] = part;
  }

  /** Closes the current line; call once per line, in order. */
  endLine(): void {
    this.offsets[++this.line] = this.length;
  }

  finish(scanAxis: 0 | 1 | 2, counts: readonly [number, number, number]): LatticeInterfaces {
    const n = this.length;
    return new LatticeInterfaces(
      scanAxis,
      counts,
      this.offsets,
      this.step.slice(0, n),
      this.normals.slice(0, 3 * n),
      this.position.slice(0, n),
      this.part.slice(0, n),
    );
  }

  private grow(): void {
    const size = this.step.length * 2;
    const step = new Int32Array(size);
    step.set(this.step);
    this.step = step;
    const normals = new Float64Array(3 * size);
    normals.set(this.normals);
    this.normals = normals;
    const position = new Float64Array(size);
    position.set(this.position);
    this.position = position;
    const part = new Int32Array(size);
    part.set(this.part);
    this.part = part;
  }
}
