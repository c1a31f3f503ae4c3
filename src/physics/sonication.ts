import { type AcousticDrive, type AcousticField, computeAcousticField, SonicationCancelled } from './acoustic-field.ts';
import {
  type BioheatMedium,
  type BoundaryCondition,
  bioheatMediumFromLabels,
  createBioheatState,
  prepareBioheat,
} from './bioheat.ts';
import type { BioheatKernels } from './bioheat-kernels.ts';
import { type DoseReport, doseReport } from './dose-report.ts';
import { type VoxelGrid, voxelCentre, voxelCount } from './grid.ts';
import { scratchF64 } from './scratch.ts';
import type { SonicationProgress } from './snapshot.ts';
import { volumeAboveDose } from './thermal-dose.ts';
import { type BoundaryDriver, runThermalSchedule, scheduleFor } from './thermal-run.ts';
import { type FieldFrames, type PointSeries, type RecordRequest, TimeResolvedRecorder } from './time-resolved.ts';
import type { TissueId } from './tissue-ids.ts';
import { BODY_TEMPERATURE, type Medium } from './tissues.ts';

export { type AcousticDrive, SonicationCancelled, type SonicationElements } from './acoustic-field.ts';

/** The grid, labels and thermal options a sonication (or a sequence of them) runs on. */
export interface SonicationRegion {
  grid: { nx: number; ny: number; nz: number; spacing: number; origin: readonly [number, number, number] };
  /** per voxel, index into tissueTable */
  labels: Uint8Array;
  tissueTable: readonly TissueId[];
  /** 0..1, called a few dozen times; a sonication adds what it already knows (snapshot.ts) */
  onProgress?: SonicationProgress;
  /** checked between chunks; if true a SonicationCancelled is thrown */
  isCancelled?: () => boolean;
  /** Upper bound on the bioheat step [s] (default 0.25 s, so the time course is resolved). */
  maxTimeStep?: number;
  /** Thermal boundary condition on the grid faces (default 'dirichlet': body temperature just outside). */
  boundary?: BoundaryCondition;
  /** Lower dose threshold reported per region [CEM43 min] (default SAFETY_THRESHOLD_CEM43 = 30). */
  safetyDoseThreshold?: number;
  /** Bone surface within this distance of the focus is target, beyond it a hazard [m] (default 5 mm). */
  boneSurfaceExclusionRadius?: number;
  /** tissue properties (default TISSUES) */
  medium?: Medium;
  /**
   * Per-voxel thermal properties to use instead of the labels' (partial volumes, thermal-mixture.ts); the labels
   * then only say which tissue a voxel reports as.
   */
  thermalMedium?: BioheatMedium;
  /**
   * Faces at a known temperature rise instead of 37 °C: a region nested in a coarser one (whole-path/nesting.ts).
   * Only with the default 'dirichlet' boundary.
   */
  boundaryDriver?: BoundaryDriver;
  /** where the Pennes steps run (default JavaScript, Float64; the engine passes WebAssembly kernels) */
  bioheatKernels?: BioheatKernels;
}

/** Input of simulateSonication. World frame, SI units. */
export interface SonicationInput extends AcousticDrive, SonicationRegion {
  /** sonication (heating) time [s] */
  duration: number;
  /** cooling after it [s] */
  cooling: number;
  /**
   * How many of the voxels with the highest initial heating rate q/(ρc) have their ΔT(t) recorded during the run
   * (default 64). If the hottest voxel is not among them the thermal run is repeated once for its history;
   * 0 forces that path.
   */
  historyProbes?: number;
  /**
   * Time-resolved recording (optional): temperature and cumulative dose at these points at every bioheat step,
   * and the whole region every `frameInterval` (see time-resolved.ts for the memory cost). Absent: nothing is
   * recorded and `series`/`frames` are absent from the result.
   */
  record?: RecordRequest;
  /**
   * The acoustic field on this region, when another model computed it (the whole-path march, whole-path/). Absent:
   * the ray model of acoustic-field.ts computes it.
   */
  field?: AcousticField;
}

/** The headline numbers of a sonication (or of one spot of a sequence), SI. */
export interface SonicationPeaks {
  /** [Pa] */
  peakPressure: number;
  /** [m] */
  peakPressureLocation: [number, number, number];
  /** spatial-peak intensity |p|²/(2ρc) at that voxel [W/m²] */
  focalIntensity: number;
  /** max over the grid and time [°C] */
  peakTemperature: number;
  /** [m] */
  peakTemperatureLocation: [number, number, number];
  /** max accumulated dose [CEM43 min] */
  peakDose: number;
  /** volume with CEM43 ≥ 240 [m³] */
  ablationVolume: number;
  /** acoustic power × duration [J] */
  energy: number;
}

/** Output of simulateSonication. The DoseReport fields give max T, max dose and volumes per region. */
export interface SonicationResult extends DoseReport, SonicationPeaks {
  /** |p| per voxel [Pa] */
  pressure: Float32Array;
  /** q per voxel [W/m³] */
  heatSource: Float32Array;
  /** max over time per voxel [°C] */
  maxTemperature: Float32Array;
  /** CEM43 per voxel [min] */
  dose: Float32Array;
  /** [s] */
  time: Float64Array;
  /** temperature against time at the hottest voxel [°C] */
  hottestTemperature: Float64Array;
  /** temperature at the end of the run (after the cooling) [°C] */
  finalTemperature: Float32Array;
  /** present when `record` was given: temperature and dose at the points at every step [°C], [CEM43 min] */
  series?: PointSeries;
  /** present when `record` was given: the region's temperature and dose every frameInterval */
  frames?: FieldFrames;
  /** the bioheat dt used during heating [s] */
  timeStep: number;
  activeElements: number;
  /**
   * Active elements whose path meets an interface beyond its longitudinal critical angle (e.g. > ≈ 27° into
   * cortical bone). The fluid model gives them zero transmission: they add nothing at the focus (PHYSICS.md §1.7).
   */
  elementsBeyondCriticalAngle: number;
  /**
   * Acoustic power of those elements [W]: counted in `acousticPower` but reflected or, in real bone, deposited as
   * mode-converted shear in a thin superficial bone layer at the interface, which this model does not place in q.
   */
  powerBeyondCriticalAngle: number;
}

/** Default cap on the bioheat step [s]. */
export const DEFAULT_MAX_TIME_STEP = 0.25;
/** Share of the progress bar given to the acoustic part. */
const ACOUSTIC_SHARE = 0.4;
/** Voxels whose ΔT(t) is recorded so the hottest voxel's history is usually available without a second run. */
const PROBES = 64;
/**
 * Ceiling on reported doses [CEM43 min]. Above ~60 °C the dose grows by 2×/K and overflows Float32 beyond ~170 °C;
 * anything above 240 min already means necrosis, so values are saturated here rather than reported as Infinity.
 */
export const DOSE_CEILING = 1e30;

/**
 * @param region - grid and labels
 * @param voxels - nx·ny·nz
 * @throws RangeError when the labels do not match the grid
 */
export function checkRegion(region: SonicationRegion, voxels: number): void {
  if (region.labels.length !== voxels) {
    throw new RangeError('simulateSonication: labels must have nx·ny·nz entries');
  }
}

/**
 * @param drive - array and paths
 * @param duration - [s]
 * @param cooling - [s]
 * @throws RangeError on inconsistent element arrays or negative times
 */
export function checkDrive(drive: AcousticDrive, duration: number, cooling: number): void {
  const e = drive.elements;
  const n = e.areas.length;
  if (e.positions.length !== 3 * n || e.normals.length !== 3 * n || (e.active && e.active.length !== n)) {
    throw new RangeError('simulateSonication: element arrays have inconsistent lengths');
  }
  if (drive.elementPaths.length !== n) {
    throw new RangeError('simulateSonication: elementPaths must have one entry per element');
  }
  if (!(drive.frequency > 0) || !(drive.acousticPower >= 0) || duration < 0 || cooling < 0) {
    throw new RangeError('simulateSonication: frequency > 0, power ≥ 0, duration ≥ 0, cooling ≥ 0 required');
  }
}

/**
 * The prepared Pennes problem of a region and its time-step cap.
 * @param region - grid, labels and thermal options
 * @returns problem and dt cap [s]
 */
export function prepareRegion(region: SonicationRegion) {
  const thermalMedium =
    region.thermalMedium ?? bioheatMediumFromLabels(region.labels, region.tissueTable, region.medium);
  const problem = prepareBioheat(region.grid, thermalMedium, region.boundary ?? 'dirichlet');
  const dtMax = Math.min(region.maxTimeStep ?? DEFAULT_MAX_TIME_STEP, problem.maxTimeStep);
  return { problem, dtMax };
}

/**
 * The `count`-th largest value (the smallest value when there are fewer), as a full ascending sort would put it at
 * length − count, found with a heap of the `count` largest instead of sorting every voxel.
 * @param values - finite values (a NaN falls back to the sort, which places NaN last)
 * @param count - ≥ 1
 * @returns the value
 */
export function largest(values: Float64Array, count: number): number {
  const k = Math.min(count, values.length);
  if (k <= 0) return Number.NaN;
  // A min-heap of the k largest so far: heap[0] is the smallest of them.
  const heap = new Float64Array(k);
  let size = 0;
  for (let v = 0; v < values.length; v++) {
    const x = values[v] as number;
    if (Number.isNaN(x)) return Float64Array.from(values).sort()[values.length - k] as number;
    if (size < k) {
      let i = size++;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if ((heap[parent] as number) <= x) break;
        heap[i] = heap[parent] as number;
        i = parent;
      }
      heap[i] = x;
    } else if (x > (heap[0] as number)) {
      let i = 0;
      for (;;) {
        let child = 2 * i + 1;
        if (child >= k) break;
        if (child + 1 < k && (heap[child + 1] as number) < (heap[child] as number)) child++;
        if ((heap[child] as number) >= x) break;
        heap[i] = heap[child] as number;
        i = child;
      }
      heap[i] = x;
    }
  }
  return heap[0] as number;
}

/** Indices of the `count` voxels with the largest initial heating rate q/(ρc). */
function topVoxels(q: Float64Array, heatCapacity: Float64Array, count: number): Int32Array {
  if (count <= 0) {
    return new Int32Array(0);
  }
  const rate = scratchF64(q.length);
  for (let v = 0; v < q.length; v++) rate[v] = (q[v] as number) / (heatCapacity[v] as number);
  const threshold = largest(rate, count);
  const picked: number[] = [];
  for (let v = 0; v < q.length && picked.length < count; v++) {
    if ((rate[v] as number) >= threshold) picked.push(v);
  }
  return Int32Array.from(picked);
}

/**
 * First end-to-end sonication: acoustic field → heat source → Pennes heating and cooling → CEM43.
 *
 * Model (planning grade, first order):
 * - Acoustics: Rayleigh–Sommerfeld sum of the element pistons in WATER over the grid (local water-background
 *   model around the focus). Each element's path to the focus is reduced to one complex gain: Π interface
 *   pressure transmission from water through the segment tissues (oblique fluid–fluid with Snell where a segment
 *   carries `cosIncidence`, normal incidence otherwise) × exp(−Σ(α_j − α_water) d_j), and a tissue phase delay.
 *   These factors are evaluated to the focus and reused for every grid point, valid while the grid is small
 *   compared with the path (a few cm around the focus). Inside the region the field is then corrected for the
 *   tissues between each voxel and the focus along the beam axis (local-attenuation.ts), so what lies behind the
 *   focus (post-focal bone, marrow, anything behind gas) is attenuated. Refraction (the path stays straight), mode
 *   conversion, reflections and standing waves are not represented.
 * - Critical angle: an element whose path enters a faster medium beyond θ_c = arcsin(c1/c2) (≈ 27° soft tissue →
 *   cortical bone) transmits nothing longitudinally in the fluid model. Such an element is counted as NOT
 *   contributing to the focus (gain 0) and reported in `elementsBeyondCriticalAngle` / `powerBeyondCriticalAngle`;
 *   its power is still part of `acousticPower` (the total is what the generator delivers). The superficial bone
 *   heating its mode-converted shear wave would cause (PHYSICS.md §1.7) is not placed in q: plans should avoid
 *   such elements (switch them off) rather than rely on this number being harmless.
 * - Focusing: by default conjugate phases including the tissue path phase Σ(ω/c_j)d_j, i.e. perfect aberration
 *   correction (as MR-guided phase correction aims for); the field at the focus is then an upper bound. With
 *   `aberrationCorrection: false` the phases are geometric (water only) and sound-speed differences defocus.
 * - Heat source q = α_abs |p|²/(ρc) with the voxel's tissue (PHYSICS.md §1.4). Gas voxels (bowel gas, lung):
 *   the wave does not enter gas (T_p ≈ 5e-4), so |p| and q are set to 0 there; the water-background |p| would
 *   otherwise produce an absurd q through the tiny ρc of air.
 * - Heat: Pennes for ΔT over 37 °C, Dirichlet faces (or `boundary`), dt = min(stability bound, maxTimeStep),
 *   heating for `duration` then cooling for `cooling`; CEM43 accumulated each step with the exact linear-ramp
 *   integral. The dose report (dose-report.ts) summarises max T, max CEM43 and the volumes ≥ 240 and ≥ the safety
 *   threshold per tissue, for bone and critical structures, the lesion coverage and the bone surface outside the
 *   target.
 *
 * @param input - see SonicationInput
 * @returns fields and summary numbers, see SonicationResult
 * @throws SonicationCancelled when input.isCancelled() becomes true
 * @see PHYSICS.md §1.1, §1.4, §1.5, §1.6, §1.7
 * @example
 * const result = simulateSonication({ elements, frequency: 1e6, acousticPower: 60, focus, elementPaths,
 *   grid, labels, tissueTable, duration: 20, cooling: 40 });
 */
export function simulateSonication(input: SonicationInput): SonicationResult {
  const grid: VoxelGrid = input.grid;
  const voxels = voxelCount(grid);
  checkDrive(input, input.duration, input.cooling);
  checkRegion(input, voxels);
  const progress = input.onProgress ?? (() => {});
  const field =
    input.field ??
    computeAcousticField(input, grid, input.labels, input.tissueTable, {
      progress: (f) => progress(ACOUSTIC_SHARE * f),
      ...(input.isCancelled ? { isCancelled: input.isCancelled } : {}),
    });
  // A field handed in is the caller's to report (the whole path reports its lattice's peak, not this region's).
  if (!input.field) progress(ACOUSTIC_SHARE, { stage: 'field', peakPressure: field.peakPressure });
  const q = field.heatSource;

  // Pennes heating then cooling.
  if (input.isCancelled?.()) throw new SonicationCancelled();
  const { problem, dtMax } = prepareRegion(input);
  const schedule = scheduleFor(input.duration, input.cooling, dtMax);
  const { heatingSteps } = schedule;
  const totalSteps = heatingSteps + schedule.coolingSteps;
  const probes = topVoxels(q, problem.medium.heatCapacity, Math.min(input.historyProbes ?? PROBES, voxels));
  const history = new Float64Array(probes.length * (totalSteps + 1));
  const maxRise = scratchF64(voxels);
  const doseField = scratchF64(voxels);
  const time = new Float64Array(totalSteps + 1);
  for (let s = 0; s <= totalSteps; s++) {
    time[s] = s <= heatingSteps ? s * schedule.heatingDt : input.duration + (s - heatingSteps) * schedule.coolingDt;
  }
  const state = createBioheatState(grid);
  const recorder = input.record ? new TimeResolvedRecorder(grid, input.record, time, DOSE_CEILING) : undefined;
  runThermalSchedule(problem, q, schedule, {
    state,
    maxRise,
    dose: doseField,
    probes,
    history,
    ...(recorder ? { timeResolved: { recorder, firstStep: 0 } } : {}),
    ...(input.boundaryDriver ? { boundary: input.boundaryDriver } : {}),
    ...(input.bioheatKernels ? { kernels: input.bioheatKernels } : {}),
    onChunk: (fraction, peakRise) => {
      if (input.isCancelled?.()) throw new SonicationCancelled();
      progress(ACOUSTIC_SHARE + (1 - ACOUSTIC_SHARE) * fraction, {
        stage: 'heat',
        time: time[Math.round(fraction * totalSteps)] as number,
        duration: input.duration,
        cooling: input.cooling,
        // maxRise starts at 0, so the result's peak is never below body temperature
        peakTemperature: BODY_TEMPERATURE + Math.max(0, peakRise),
      });
    },
  });

  // Slice by slice (see CONTEXT.md, "Loops"): this function runs once per sonication, so a loop of its own would be
  // compiled on the fly again in every run; the per-slice functions are compiled once and kept.
  const slice = grid.nx * grid.ny;
  let hottest = 0;
  let peakDose = 0;
  for (let from = 0; from < voxels; from += slice) {
    const to = Math.min(voxels, from + slice);
    hottest = hottestIn(maxRise, from, to, hottest);
    peakDose = capDoseIn(doseField, from, to, peakDose);
  }
  let hottestHistory: Float64Array;
  const probeIndex = probes.indexOf(hottest);
  if (probeIndex >= 0) {
    hottestHistory = history.subarray(probeIndex * (totalSteps + 1), (probeIndex + 1) * (totalSteps + 1));
  } else {
    // Rare (strong conduction/perfusion contrasts): re-run once, recording only the hottest voxel. Deterministic,
    // so the history is exactly that of the first run.
    hottestHistory = new Float64Array(totalSteps + 1);
    runThermalSchedule(problem, q, schedule, {
      probes: Int32Array.of(hottest),
      history: hottestHistory,
      ...(input.boundaryDriver ? { boundary: input.boundaryDriver } : {}),
      ...(input.bioheatKernels ? { kernels: input.bioheatKernels } : {}),
    });
  }
  const hottestTemperature = new Float64Array(totalSteps + 1);
  for (let s = 0; s <= totalSteps; s++) {
    hottestTemperature[s] = BODY_TEMPERATURE + (hottestHistory[s] as number);
  }
  const maxTemperature = new Float32Array(voxels);
  const finalTemperature = new Float32Array(voxels);
  for (let from = 0; from < voxels; from += slice) {
    const to = Math.min(voxels, from + slice);
    toTemperature(maxRise, maxTemperature, from, to);
    toTemperature(state.rise, finalTemperature, from, to);
  }
  const report = doseReport(grid, input.labels, input.tissueTable, maxTemperature, doseField, [input.focus], input);
  progress(1);
  return {
    peakPressure: field.peakPressure,
    peakPressureLocation: voxelCentre(grid, field.peakIndex),
    focalIntensity: field.focalIntensity,
    peakTemperature: BODY_TEMPERATURE + (maxRise[hottest] as number),
    peakTemperatureLocation: voxelCentre(grid, hottest),
    peakDose,
    ablationVolume: volumeAboveDose(doseField, grid.spacing ** 3),
    energy: input.acousticPower * input.duration,
    pressure: field.pressure,
    heatSource: Float32Array.from(q),
    maxTemperature,
    dose: Float32Array.from(doseField),
    time,
    hottestTemperature,
    finalTemperature,
    ...(recorder ? recorder.result() : {}),
    timeStep: schedule.heatingDt,
    activeElements: field.activeElements,
    elementsBeyondCriticalAngle: field.elementsBeyondCriticalAngle,
    powerBeyondCriticalAngle: field.powerBeyondCriticalAngle,
    ...report,
  };
}

/**
 * The hottest voxel of [from, to) against the hottest so far (the first of equals, as one loop over all would).
 * @returns its index
 */
function hottestIn(maxRise: Float64Array, from: number, to: number, hottest: number): number {
  let best = hottest;
  for (let v = from; v < to; v++) if ((maxRise[v] as number) > (maxRise[best] as number)) best = v;
  return best;
}

/**
 * Caps the doses of [from, to) at DOSE_CEILING in place.
 * @returns the largest capped dose, against `peak` so far [CEM43 min]
 */
function capDoseIn(dose: Float64Array, from: number, to: number, peak: number): number {
  let most = peak;
  for (let v = from; v < to; v++) {
    const d = Math.min(dose[v] as number, DOSE_CEILING);
    dose[v] = d;
    if (d > most) most = d;
  }
  return most;
}

/** T = body temperature + ΔT over [from, to) [°C]. */
function toTemperature(rise: ArrayLike<number>, out: Float32Array, from: number, to: number): void {
  for (let v = from; v < to; v++) out[v] = BODY_TEMPERATURE + (rise[v] as number);
}
