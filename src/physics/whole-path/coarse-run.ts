import type { BeamLattice } from '../angular-spectrum/lattice.ts';
import { bioheatMediumFromLabels, createBioheatState, prepareBioheat } from '../bioheat.ts';
import type { BioheatKernels } from '../bioheat-kernels.ts';
import { CRITICAL_TISSUES, type DoseReport, DoseReportBuilder, type DoseReportOptions } from '../dose-report.ts';
import { type VoxelGrid, voxelCount } from '../grid.ts';
import { scratchF64 } from '../scratch.ts';
import { runThermalSchedule, type ThermalSchedule } from '../thermal-run.ts';
import type { TissueId } from '../tissue-ids.ts';
import { BODY_TEMPERATURE, type Medium } from '../tissues.ts';
import { type BlockCensus, censusOf } from './block-census.ts';
import type { CoarseGrid } from './coarse-grid.ts';
import { type BeamFrame, toBeam, toWorld } from './frame.ts';
import { GhostHistory, nestGrids } from './nesting.ts';
import { inBox } from './row-interval.ts';

type Vec3 = [number, number, number];

/**
 * Largest bioheat step of the coarse grid [s]: its 1.4 mm blocks are stable to ≈ 2 s, and skin and far-field heating
 * change over tens of seconds; 1 s resolves a 20 s sonication in 20 steps for the dose.
 */
export const COARSE_MAX_TIME_STEP = 1;

/** One heating period of the coarse run, with the cooling after it. */
export interface CoarsePeriod {
  /** heat source per block [W/m³] */
  readonly heat: Float64Array;
  readonly schedule: ThermalSchedule;
}

/** The whole-path thermal run on the coarse grid, and what the nested fine run needs from it. */
export interface CoarseRun {
  /** max rise over the run per block [K] */
  readonly maxRise: Float64Array;
  /** CEM43 per block [min] */
  readonly dose: Float64Array;
  /** the coarse rise at the fine grid's ghost points at every coarse step */
  readonly ghosts: GhostHistory;
}

/** The fine grid nested in a coarse run, its labels and the frame (for the ghost points). */
export interface NestedFine {
  grid: VoxelGrid;
  labels: Uint8Array;
  tissueTable: readonly TissueId[];
  medium: Medium;
  frame: BeamFrame;
  /** the fine grid's own conductivity, when it has partial volumes (else from its labels) */
  conductivity?: Float64Array;
}

/**
 * Runs Pennes on the coarse grid through every period (heating then cooling, the state carried over), recording the
 * rise at the nested fine grid's ghost points after each step.
 * @param coarse - coarse grid (beam frame)
 * @param periods - heat sources and schedules in order
 * @param nested - the fine grid, its labels and the frame (for the ghost points)
 * @param onFraction - progress 0..1
 * @param isCancelled - checked between chunks
 * @param kernels - where the steps run (default JavaScript)
 * @returns per-block maxima and doses, and the ghost history
 */
export function runCoarse(
  coarse: CoarseGrid,
  periods: readonly CoarsePeriod[],
  nested: NestedFine,
  onFraction: (fraction: number) => void,
  isCancelled: () => void,
  kernels?: BioheatKernels,
): CoarseRun {
  const run = new CoarseRunner(coarse, nested, kernels);
  periods.forEach((period, p) => {
    run.runPeriod(period, (f) => {
      isCancelled();
      onFraction((p + f) / periods.length);
    });
  });
  return run;
}

/**
 * The coarse run one period at a time, for a caller that gets each period's heat when it comes (a plan whose fields
 * are computed by other workers): the same arithmetic as runCoarse. The ghost history holds the periods run so far,
 * so a fine run may read it up to the end of the last of them.
 */
export class CoarseRunner implements CoarseRun {
  readonly maxRise: Float64Array;
  readonly dose: Float64Array;
  readonly ghosts: GhostHistory;
  private readonly problem: ReturnType<typeof prepareBioheat>;
  private readonly state: ReturnType<typeof createBioheatState>;

  /**
   * @param coarse - coarse grid (beam frame)
   * @param nested - the fine grid, its labels and the frame
   * @param kernels - where the steps run (default JavaScript)
   */
  constructor(
    coarse: CoarseGrid,
    nested: NestedFine,
    private readonly kernels?: BioheatKernels,
  ) {
    this.problem = prepareBioheat(coarse.grid, coarse.medium, 'dirichlet');
    const fineConductivity =
      nested.conductivity ?? bioheatMediumFromLabels(nested.labels, nested.tissueTable, nested.medium).conductivity;
    this.ghosts = new GhostHistory(nestGrids(nested.grid, fineConductivity, coarse.grid, nested.frame));
    this.state = createBioheatState(coarse.grid);
    const voxels = voxelCount(coarse.grid);
    this.maxRise = scratchF64(voxels);
    this.dose = scratchF64(voxels);
    this.ghosts.record(0, this.state.rise);
  }

  /**
   * Heats and cools through one more period.
   * @param period - its heat source and schedule
   * @param onChunk - 0..1 of the period, between chunks (it may throw to cancel)
   */
  runPeriod(period: CoarsePeriod, onChunk: (fraction: number) => void): void {
    const { ghosts } = this;
    runThermalSchedule(this.problem, period.heat, period.schedule, {
      state: this.state,
      maxRise: this.maxRise,
      dose: this.dose,
      probes: new Int32Array(0),
      history: new Float64Array(0),
      afterStep: (s) => ghosts.record(s.time, s.rise),
      ...(this.kernels ? { kernels: this.kernels } : {}),
      onChunk,
    });
  }
}

/** The hottest place on the beam path outside the fine region. */
export interface PathPeak {
  /** [°C] */
  readonly temperature: number;
  /** [m] world */
  readonly location: Vec3;
  readonly tissue: TissueId;
}

/**
 * Dose report of the lattice voxels outside the fine region, each read from its coarse block (the block's mean
 * temperature and dose, on the lattice's exact tissue labels and partial volumes), and the hottest of them.
 * @param lattice - lattice
 * @param labels - lattice labels
 * @param tissueTable - lattice tissues
 * @param coarse - coarse grid
 * @param run - coarse run
 * @param frame - beam frame
 * @param fine - the fine grid (its voxels are reported by the fine run)
 * @param foci - world foci
 * @param options - thresholds
 * @param doseCeiling - saturation of reported doses [min]
 * @returns the report and the path peak
 */
export function coarseReport(
  lattice: BeamLattice,
  labels: Uint8Array,
  tissueTable: readonly TissueId[],
  coarse: CoarseGrid,
  run: CoarseRun,
  frame: BeamFrame,
  fine: VoxelGrid,
  foci: readonly (readonly [number, number, number])[],
  options: DoseReportOptions,
  doseCeiling: number,
): { report: DoseReport; peak: PathPeak } {
  const { n, dx, dz, z0 } = lattice;
  const lo = fine.origin.map((o) => o - fine.spacing / 2);
  const hi = [fine.nx, fine.ny, fine.nz].map((count, a) => (fine.origin[a] as number) + (count - 0.5) * fine.spacing);
  const census = censusOf(lattice, labels, tissueTable, coarse, frame, fine);
  const builder = new DoseReportBuilder(tissueTable, options);
  // Its loops go a slice or a chunk per call (CONTEXT.md, "Loops"): the report is made once per run, so loops here
  // would be compiled on the fly again in every run; the functions below are compiled once and kept.
  const { nx, ny, nz, spacing, origin } = coarse.grid;
  const slice = nx * ny;
  const blocks = census.counts.length / census.labelCount;
  for (let from = 0; from < blocks; from += slice) {
    addBlocks(builder, census, run, from, Math.min(blocks, from + slice), doseCeiling);
  }
  const surfaces: SurfaceScan = { lattice, frame, foci, r2: builder.exclusionRadius ** 2, doseCeiling };
  const count = census.surfaceVoxels.length;
  for (let from = 0; from < count; from += SURFACE_CHUNK) {
    addSurfaces(builder, census, run, surfaces, from, Math.min(count, from + SURFACE_CHUNK));
  }
  const report = builder.build(census.voxelVolume);
  // Hottest block whose centre lies outside the fine region; its tissue is that of the lattice voxel at its centre.
  let best = -1;
  for (let from = 0; from < nx * ny * nz; from += slice) {
    best = hottestOutside(run.maxRise, coarse.grid, frame, lo, hi, from, Math.min(nx * ny * nz, from + slice), best);
  }
  if (best < 0) {
    return { report, peak: { temperature: BODY_TEMPERATURE, location: [...frame.origin] as Vec3, tissue: 'water' } };
  }
  const bx = (origin[0] as number) + (best % nx) * spacing;
  const by = (origin[1] as number) + (Math.floor(best / nx) % ny) * spacing;
  const bz = (origin[2] as number) + Math.floor(best / (nx * ny)) * spacing;
  const location = toWorld(frame, bx, by, bz);
  const local = toBeam(frame, location);
  const i = Math.min(n - 1, Math.max(0, Math.round(local[0] / dx + n / 2)));
  const j = Math.min(n - 1, Math.max(0, Math.round(local[1] / dx + n / 2)));
  const k = Math.min(lattice.nz - 1, Math.max(0, Math.floor((local[2] - z0) / dz)));
  return {
    report,
    peak: {
      temperature: BODY_TEMPERATURE + (run.maxRise[best] as number),
      location,
      tissue: peakTissue(census, best, tissueTable, tissueTable[labels[i + n * (j + n * k)] as number] ?? 'water'),
    },
  };
}

/**
 * The tissue to name for the hottest block: the block's temperature holds for every tissue in it, and the report
 * gives each of them that maximum, so a block of fat over skin is skin's hottest point too. Skin, then a critical
 * structure, when the block holds one (what the safety limits are about, and what the dashboard shows at this
 * temperature); otherwise the tissue at the block's centre.
 */
function peakTissue(census: BlockCensus, block: number, tissueTable: readonly TissueId[], centre: TissueId): TissueId {
  const holds = (tissue: TissueId) =>
    tissueTable.some((t, l) => t === tissue && (census.counts[block * census.labelCount + l] as number) > 0);
  for (const tissue of ['skin', ...CRITICAL_TISSUES] as TissueId[]) if (holds(tissue)) return tissue;
  return centre;
}

/** Surfaces per call of addSurfaces. */
const SURFACE_CHUNK = 4096;

/** The blocks [from, to) into the report: each label's voxels in a block at the block's temperature and dose. */
function addBlocks(
  builder: DoseReportBuilder,
  census: BlockCensus,
  run: CoarseRun,
  from: number,
  to: number,
  doseCeiling: number,
): void {
  const { labelCount, counts } = census;
  for (let b = from; b < to; b++) {
    const t = BODY_TEMPERATURE + (run.maxRise[b] as number);
    const d = Math.min(doseCeiling, run.dose[b] as number);
    for (let l = 0; l < labelCount; l++) {
      const count = counts[b * labelCount + l] as number;
      if (count > 0) builder.add(l, t, d, count);
    }
  }
}

/** What addSurfaces needs beside the census. */
interface SurfaceScan {
  readonly lattice: BeamLattice;
  readonly frame: BeamFrame;
  readonly foci: readonly (readonly [number, number, number])[];
  /** the exclusion radius squared [m²] */
  readonly r2: number;
  readonly doseCeiling: number;
}

/** The census's bone-surface voxels [from, to) away from every focus into the report, at their block's values. */
function addSurfaces(
  builder: DoseReportBuilder,
  census: BlockCensus,
  run: CoarseRun,
  scan: SurfaceScan,
  from: number,
  to: number,
): void {
  const { n, dx, dz, z0 } = scan.lattice;
  const { foci, r2, doseCeiling } = scan;
  const n2 = n * n;
  const { origin: o, u, v: vAxis, w } = scan.frame;
  for (let s = from; s < to; s++) {
    const v = census.surfaceVoxels[s] as number;
    const x = ((v % n) - n / 2) * dx;
    const y = ((Math.floor(v / n) % n) - n / 2) * dx;
    const z = z0 + (Math.floor(v / n2) + 0.5) * dz;
    const px = o[0] + x * u[0] + y * vAxis[0] + z * w[0];
    const py = o[1] + x * u[1] + y * vAxis[1] + z * w[1];
    const pz = o[2] + x * u[2] + y * vAxis[2] + z * w[2];
    if (foci.some((f) => (px - f[0]) ** 2 + (py - f[1]) ** 2 + (pz - f[2]) ** 2 <= r2)) continue;
    const b = census.surfaceBlocks[s] as number;
    builder.addSurface(BODY_TEMPERATURE + (run.maxRise[b] as number), Math.min(doseCeiling, run.dose[b] as number));
  }
}

/**
 * The hottest of blocks [from, to) whose centre lies outside the fine region's box [lo, hi], against `best` so far
 * (−1: none yet; the first of equals, as one loop over all would).
 * @returns its index, or `best`
 */
function hottestOutside(
  maxRise: ArrayLike<number>,
  grid: VoxelGrid,
  frame: BeamFrame,
  lo: readonly number[],
  hi: readonly number[],
  from: number,
  to: number,
  best: number,
): number {
  const { nx, ny, spacing, origin } = grid;
  let hottest = best;
  for (let b = from; b < to; b++) {
    if (hottest >= 0 && (maxRise[b] as number) <= (maxRise[hottest] as number)) continue;
    const x = (origin[0] as number) + (b % nx) * spacing;
    const y = (origin[1] as number) + (Math.floor(b / nx) % ny) * spacing;
    const z = (origin[2] as number) + Math.floor(b / (nx * ny)) * spacing;
    const [px, py, pz] = toWorld(frame, x, y, z);
    if (!inBox(px, py, pz, lo, hi)) hottest = b;
  }
  return hottest;
}
