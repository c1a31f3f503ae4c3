import { bytesOf } from './heat-format.ts';

/**
 * The lecture's precomputed plan, public/lecture/femur-plan.json: a small plan on the bundled femur, its spots laid
 * by the planner's Cover the lesion (engine/spot-grid.ts), each at a power that keeps it valid (no boiling), and run
 * by the engine's runPlan (dose carrying over from
 * spot to spot), computed at build time by `npm run lecture-heat` (tests/modes/lecture-plan-compute.ts) so the spots
 * step plays a simulated plan, the same every time, without waiting on the core. The picture needs only where the
 * ablation zone (≥ 240 CEM43) stands after each spot: every voxel ever ablated is kept (little-endian uint32 index
 * into the stored box, base64) with the number of the spot after which it first was (one byte, base64).
 */
export const LECTURE_PLAN_FORMAT = 'fus-planner-lecture-plan/2';

type Vec3 = [number, number, number];

export interface LecturePlanSpot {
  /** [m] */
  focus: Vec3;
  /** this spot's acoustic power [W]: set spot by spot so that none boils */
  acousticPower: number;
  /** the hottest point during this spot [°C] */
  peakTemperature: number;
  /** the lesion's share ablated once this spot and its cooling are over (0..1) */
  coverage: number;
}

export interface LecturePlan {
  format: string;
  about: string;
  /** the plan file whose pose and transducer it uses */
  plan: string;
  /** every spot's sonication and the pause after it [s], [s] */
  duration: number;
  cooling: number;
  spots: LecturePlanSpot[];
  /** the engine's own lesion coverage at the plan's end (0..1) */
  lesionCoverage: number;
  /** the box around the ablated voxels: voxel centres at origin + index × spacing [m], x fastest */
  grid: { nx: number; ny: number; nz: number; spacing: number; origin: Vec3 };
  /** kept voxels' indices in the box (uint32, base64) and the spot (1-based, one byte each, base64) that ablated each */
  voxels: string;
  ablatedBy: string;
}

/**
 * The ablation zone after spot `upTo` (1-based) as a field over the stored box: 1 where ablated by then, 0 elsewhere,
 * for an isosurface at ½.
 * @param plan - the asset
 * @param upTo - the last spot counted
 * @returns nx·ny·nz values, x fastest
 */
export function ablatedAfter(plan: LecturePlan, upTo: number): Float32Array {
  const { nx, ny, nz } = plan.grid;
  const bytes = bytesOf(plan.voxels);
  const indices = new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength >> 2);
  const by = bytesOf(plan.ablatedBy);
  const field = new Float32Array(nx * ny * nz);
  indices.forEach((v, i) => {
    if ((by[i] ?? 0) <= upTo) field[v] = 1;
  });
  return field;
}

/** A loose check that a fetched document is the asset this code reads. */
export function isLecturePlan(value: unknown): value is LecturePlan {
  const v = value as Partial<LecturePlan> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    v.format === LECTURE_PLAN_FORMAT &&
    Array.isArray(v.spots) &&
    typeof v.grid?.nx === 'number' &&
    typeof v.voxels === 'string' &&
    typeof v.ablatedBy === 'string'
  );
}
