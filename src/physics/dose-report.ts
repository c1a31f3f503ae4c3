import type { VoxelGrid } from './grid.ts';
import { NECROSIS_THRESHOLD_CEM43 } from './thermal-dose.ts';
import type { TissueId } from './tissue-ids.ts';
import { BODY_TEMPERATURE } from './tissues.ts';

/**
 * Lower, safety dose threshold for normal tissue [CEM43 min]: voxels at or above it are reported as at risk.
 * Planning choice [R]: an eighth of the 240-min necrosis threshold (PHYSICS.md §1.6), in the tens-of-minutes range
 * where normal-tissue damage thresholds begin for many tissues in the reviews of Dewhirst et al. 2003 (Proc SPIE
 * 4954:37) and Yarmolenko et al. 2011 (Int J Hyperthermia 27:320); nerve-specific values are to be verified there.
 * Exposed as an input (`safetyDoseThreshold`) because it is tissue- and protocol-dependent.
 */
export const SAFETY_THRESHOLD_CEM43 = 30;

/**
 * Default radius around the focus inside which bone surface counts as target [m]: about the −6 dB focal half-width
 * plus margin laterally (2.8 mm full width, PHYSICS.md §3); periosteal heating is intended there, not beyond.
 */
export const BONE_SURFACE_EXCLUSION_RADIUS = 5e-3;

/** Bone tissues (mineralised) whose surface is reported. */
export const BONE_TISSUES: readonly TissueId[] = ['cortical_bone', 'trabecular_bone'];
/** Tissues inside the bone: a bone voxel next to one of these is not on the (periosteal) surface. */
export const INTRAOSSEOUS_TISSUES: readonly TissueId[] = ['cortical_bone', 'trabecular_bone', 'marrow', 'lesion'];
/** Critical structures to spare (PRODUCT.md: nerve, bowel, lung; the skin has its own row). */
export const CRITICAL_TISSUES: readonly TissueId[] = ['nerve', 'bowel', 'lung'];

/** Heating of a set of voxels. Empty set: 0 voxels, maxTemperature = 37 °C, doses and volumes 0. */
export interface RegionDose {
  voxels: number;
  /** [m³] */
  volume: number;
  /** max over voxels and time [°C] */
  maxTemperature: number;
  /** [CEM43 min] */
  maxDose: number;
  /** volume with CEM43 ≥ 240 [m³] */
  ablatedVolume: number;
  /** volume with CEM43 ≥ the safety threshold [m³] */
  volumeAboveSafety: number;
}

/** RegionDose of one tissue. */
export interface TissueDose extends RegionDose {
  tissue: TissueId;
}

/** Dose report of a sonication (or an accumulated sequence). */
export interface DoseReport {
  /** one entry per distinct tissue of the tissue table, in table order */
  tissueDose: TissueDose[];
  /** cortical + trabecular bone */
  boneDose: RegionDose;
  /** nerve + bowel + lung */
  criticalDose: RegionDose;
  /** lesion voxels with CEM43 ≥ 240 / lesion voxels (0 if the grid holds no lesion) */
  lesionCoverage: number;
  /** bone voxels on the periosteal surface farther than `exclusionRadius` from the focus (every focus of a sequence) */
  boneSurfaceOutsideTarget: RegionDose & { exclusionRadius: number };
  /** [CEM43 min] */
  safetyDoseThreshold: number;
}

/** Options of doseReport. */
export interface DoseReportOptions {
  /** [CEM43 min], default SAFETY_THRESHOLD_CEM43 */
  safetyDoseThreshold?: number;
  /** [m], default BONE_SURFACE_EXCLUSION_RADIUS */
  boneSurfaceExclusionRadius?: number;
}

class Accumulator {
  voxels = 0;
  maxTemperature = BODY_TEMPERATURE;
  maxDose = 0;
  ablated = 0;
  atRisk = 0;
  /** `count` voxels at one temperature and dose (a coarse block's share of one tissue) */
  add(temperature: number, dose: number, safety: number, count = 1): void {
    this.voxels += count;
    if (temperature > this.maxTemperature) this.maxTemperature = temperature;
    if (dose > this.maxDose) this.maxDose = dose;
    if (dose >= NECROSIS_THRESHOLD_CEM43) this.ablated += count;
    if (dose >= safety) this.atRisk += count;
  }
  region(voxelVolume: number): RegionDose {
    return {
      voxels: this.voxels,
      volume: this.voxels * voxelVolume,
      maxTemperature: this.maxTemperature,
      maxDose: this.maxDose,
      ablatedVolume: this.ablated * voxelVolume,
      volumeAboveSafety: this.atRisk * voxelVolume,
    };
  }
}

/**
 * Collects a dose report voxel by voxel (or a block's voxels of one label at a time): per tissue, bone, critical
 * structures, and the bone surface outside the target, which the caller decides voxel by voxel.
 */
export class DoseReportBuilder {
  private readonly distinct: TissueId[];
  private readonly perTissue: Accumulator[];
  private readonly slot: number[];
  /** per label: cortical or trabecular bone */
  readonly bone: boolean[];
  /** per label: inside a bone (bone, marrow, lesion), so not across the periosteal surface */
  readonly intraosseous: boolean[];
  private readonly critical: boolean[];
  private readonly boneAll = new Accumulator();
  private readonly criticalAll = new Accumulator();
  private readonly surface = new Accumulator();
  /** [CEM43 min] */
  readonly safety: number;
  /** [m] */
  readonly exclusionRadius: number;

  constructor(tissueTable: readonly TissueId[], options: DoseReportOptions = {}) {
    this.safety = options.safetyDoseThreshold ?? SAFETY_THRESHOLD_CEM43;
    this.exclusionRadius = options.boneSurfaceExclusionRadius ?? BONE_SURFACE_EXCLUSION_RADIUS;
    this.distinct = [...new Set(tissueTable)];
    this.perTissue = this.distinct.map(() => new Accumulator());
    this.slot = tissueTable.map((t) => this.distinct.indexOf(t));
    this.bone = tissueTable.map((t) => BONE_TISSUES.includes(t));
    this.intraosseous = tissueTable.map((t) => INTRAOSSEOUS_TISSUES.includes(t));
    this.critical = tissueTable.map((t) => CRITICAL_TISSUES.includes(t));
  }

  /** `count` voxels of `label` at a temperature [°C] and dose [CEM43 min]. */
  add(label: number, temperature: number, dose: number, count = 1): void {
    this.perTissue[this.slot[label] as number]?.add(temperature, dose, this.safety, count);
    if (this.critical[label]) this.criticalAll.add(temperature, dose, this.safety, count);
    if (this.bone[label]) this.boneAll.add(temperature, dose, this.safety, count);
  }

  /** One bone-surface voxel outside the target. */
  addSurface(temperature: number, dose: number): void {
    this.surface.add(temperature, dose, this.safety);
  }

  /** @param voxelVolume - [m³] */
  build(voxelVolume: number): DoseReport {
    const tissueDose = this.distinct.map((tissue, s) => ({
      tissue,
      ...(this.perTissue[s] as Accumulator).region(voxelVolume),
    }));
    const lesion = tissueDose.find((r) => r.tissue === 'lesion');
    return {
      tissueDose,
      boneDose: this.boneAll.region(voxelVolume),
      criticalDose: this.criticalAll.region(voxelVolume),
      lesionCoverage: lesion && lesion.voxels > 0 ? lesion.ablatedVolume / lesion.volume : 0,
      boneSurfaceOutsideTarget: { ...this.surface.region(voxelVolume), exclusionRadius: this.exclusionRadius },
      safetyDoseThreshold: this.safety,
    };
  }
}

/**
 * A set of voxels on a regular lattice to report on: a world grid, or the whole-path lattice in the beam frame
 * (anisotropic, possibly leaving out the voxels a finer nested region already reports).
 */
export interface ReportSpace {
  readonly nx: number;
  readonly ny: number;
  readonly nz: number;
  /** [m³] */
  readonly voxelVolume: number;
  /** centre of voxel v, in the same frame as the foci [m] */
  position(v: number, out: [number, number, number]): [number, number, number];
  /** voxels to leave out (default none) */
  include?(v: number): boolean;
}

/**
 * @param grid - world grid
 * @returns the grid as a report space
 */
export function gridSpace(grid: VoxelGrid): ReportSpace {
  return new GridSpace(grid);
}

/** A world grid as a report space (a class: one `position` for every report, compiled once). */
class GridSpace implements ReportSpace {
  readonly nx: number;
  readonly ny: number;
  readonly nz: number;
  readonly voxelVolume: number;
  private readonly spacing: number;
  private readonly origin: readonly [number, number, number];

  constructor(grid: VoxelGrid) {
    this.nx = grid.nx;
    this.ny = grid.ny;
    this.nz = grid.nz;
    this.spacing = grid.spacing;
    this.origin = grid.origin;
    this.voxelVolume = grid.spacing ** 3;
  }

  position(v: number, out: [number, number, number]): [number, number, number] {
    const { nx, ny, spacing, origin } = this;
    out[0] = origin[0] + (v % nx) * spacing;
    out[1] = origin[1] + (Math.floor(v / nx) % ny) * spacing;
    out[2] = origin[2] + Math.floor(v / (nx * ny)) * spacing;
    return out;
  }
}

/**
 * Bone voxels on the periosteal surface: cortical or trabecular, with a face neighbour inside the space that is
 * not intraosseous (not bone, marrow or lesion), i.e. soft tissue or water outside the bone. Faces on the space's
 * boundary do not count (the tissue beyond is unknown).
 */
export function isBoneSurface(
  space: Pick<ReportSpace, 'nx' | 'ny' | 'nz'>,
  labels: Uint8Array,
  bone: boolean[],
  inside: boolean[],
  v: number,
): boolean {
  if (!bone[labels[v] as number]) return false;
  const { nx, ny, nz } = space;
  const i = v % nx;
  const j = Math.floor(v / nx) % ny;
  const k = Math.floor(v / (nx * ny));
  return (
    (i > 0 && !inside[labels[v - 1] as number]) ||
    (i < nx - 1 && !inside[labels[v + 1] as number]) ||
    (j > 0 && !inside[labels[v - nx] as number]) ||
    (j < ny - 1 && !inside[labels[v + nx] as number]) ||
    (k > 0 && !inside[labels[v - nx * ny] as number]) ||
    (k < nz - 1 && !inside[labels[v + nx * ny] as number])
  );
}

/**
 * Thermal-dose report by region: per tissue, bone, critical structures, the lesion coverage, and the bone surface
 * outside the target (where periosteal heating is a hazard rather than the aim).
 * @param grid - voxel grid
 * @param labels - per voxel, index into tissueTable
 * @param tissueTable - tissue of each label
 * @param maxTemperature - per voxel max over time [°C]
 * @param dose - per voxel CEM43 [min]
 * @param foci - the sonicated focus or foci [m]; bone surface within `boneSurfaceExclusionRadius` of any is target
 * @param options - thresholds
 * @returns the report
 * @see PHYSICS.md §1.6 (240 CEM43), §1.7 (periosteal heating), §3
 * @example
 * const report = doseReport(grid, labels, ['muscle', 'cortical_bone'], result.maxTemperature, result.dose, [focus]);
 */
export function doseReport(
  grid: VoxelGrid,
  labels: Uint8Array,
  tissueTable: readonly TissueId[],
  maxTemperature: ArrayLike<number>,
  dose: ArrayLike<number>,
  foci: ReadonlyArray<readonly [number, number, number]>,
  options: DoseReportOptions = {},
): DoseReport {
  return doseReportOn(gridSpace(grid), labels, tissueTable, maxTemperature, dose, foci, options);
}

/**
 * doseReport on any report space.
 * @param space - voxels, their positions and volume, and which to include
 * @param labels - per voxel, index into tissueTable
 * @param tissueTable - tissue of each label
 * @param temperature - max temperature per voxel [°C]
 * @param dose - CEM43 per voxel [min]
 * @param foci - focus or foci, in the space's frame [m]
 * @param options - thresholds
 * @returns the report
 */
export function doseReportOn(
  space: ReportSpace,
  labels: Uint8Array,
  tissueTable: readonly TissueId[],
  temperature: ArrayLike<number>,
  dose: ArrayLike<number>,
  foci: ReadonlyArray<readonly [number, number, number]>,
  options: DoseReportOptions = {},
): DoseReport {
  const report = new DoseReportBuilder(tissueTable, options);
  const n = space.nx * space.ny * space.nz;
  const slice = space.nx * space.ny;
  const scan: ReportScan = {
    report,
    space,
    labels,
    temperature,
    dose,
    foci,
    r2: report.exclusionRadius ** 2,
    at: [0, 0, 0],
  };
  // A call per slice (CONTEXT.md, "Loops"): a report is made once per run, so a loop here would be compiled on the
  // fly again in every run; the slice function is compiled once and kept.
  for (let from = 0; from < n; from += slice) reportSlice(scan, from, Math.min(n, from + slice));
  return report.build(space.voxelVolume);
}

/** What doseReportOn's slices share. */
interface ReportScan {
  readonly report: DoseReportBuilder;
  readonly space: ReportSpace;
  readonly labels: Uint8Array;
  readonly temperature: ArrayLike<number>;
  readonly dose: ArrayLike<number>;
  readonly foci: ReadonlyArray<readonly [number, number, number]>;
  /** the exclusion radius squared [m²] */
  readonly r2: number;
  readonly at: [number, number, number];
}

/** Voxels [from, to) into the report, in order. */
function reportSlice(scan: ReportScan, from: number, to: number): void {
  const { report, space, labels, temperature, dose, foci, r2, at } = scan;
  const { bone, intraosseous } = report;
  const include = space.include;
  for (let v = from; v < to; v++) {
    if (include && !include(v)) continue;
    const label = labels[v] as number;
    const t = temperature[v] as number;
    const d = dose[v] as number;
    report.add(label, t, d);
    if (!bone[label]) continue;
    const [x, y, z] = space.position(v, at);
    const nearTarget = foci.some((f) => (x - f[0]) ** 2 + (y - f[1]) ** 2 + (z - f[2]) ** 2 <= r2);
    if (!nearTarget && isBoneSurface(space, labels, bone, intraosseous, v)) report.addSurface(t, d);
  }
}

function mergeRegions(a: RegionDose, b: RegionDose): RegionDose {
  const some = (r: RegionDose) => r.voxels > 0;
  return {
    voxels: a.voxels + b.voxels,
    volume: a.volume + b.volume,
    maxTemperature: Math.max(
      some(a) ? a.maxTemperature : BODY_TEMPERATURE,
      some(b) ? b.maxTemperature : BODY_TEMPERATURE,
    ),
    maxDose: Math.max(a.maxDose, b.maxDose),
    ablatedVolume: a.ablatedVolume + b.ablatedVolume,
    volumeAboveSafety: a.volumeAboveSafety + b.volumeAboveSafety,
  };
}

/**
 * The report of two disjoint sets of voxels (a nested focal region and the rest of the beam path): counts and
 * volumes add, maxima take the larger; a tissue in either appears once, in the order first seen.
 * @param a - report of one set (its thresholds are kept)
 * @param b - report of the other
 * @returns the merged report
 */
export function mergeDoseReports(a: DoseReport, b: DoseReport): DoseReport {
  const tissues = [...new Set([...a.tissueDose.map((d) => d.tissue), ...b.tissueDose.map((d) => d.tissue)])];
  const empty = (tissue: TissueId): TissueDose => ({
    tissue,
    voxels: 0,
    volume: 0,
    maxTemperature: BODY_TEMPERATURE,
    maxDose: 0,
    ablatedVolume: 0,
    volumeAboveSafety: 0,
  });
  const tissueDose = tissues.map((tissue) => ({
    tissue,
    ...mergeRegions(
      a.tissueDose.find((d) => d.tissue === tissue) ?? empty(tissue),
      b.tissueDose.find((d) => d.tissue === tissue) ?? empty(tissue),
    ),
  }));
  const lesion = tissueDose.find((r) => r.tissue === 'lesion');
  return {
    tissueDose,
    boneDose: mergeRegions(a.boneDose, b.boneDose),
    criticalDose: mergeRegions(a.criticalDose, b.criticalDose),
    lesionCoverage: lesion && lesion.volume > 0 ? lesion.ablatedVolume / lesion.volume : 0,
    boneSurfaceOutsideTarget: {
      ...mergeRegions(a.boneSurfaceOutsideTarget, b.boneSurfaceOutsideTarget),
      exclusionRadius: a.boneSurfaceOutsideTarget.exclusionRadius,
    },
    safetyDoseThreshold: a.safetyDoseThreshold,
  };
}
