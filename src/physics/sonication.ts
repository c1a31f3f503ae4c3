import { bioheatMediumFromLabels, prepareBioheat } from './bioheat.ts';
import { conjugatePhases } from './focusing.ts';
import { type VoxelGrid, voxelCentre, voxelCentres, voxelCount } from './grid.ts';
import { localAttenuationCorrection } from './local-attenuation.ts';
import { rayleighPressure } from './rayleigh.ts';
import { volumeAboveDose } from './thermal-dose.ts';
import { runThermalSchedule } from './thermal-run.ts';
import type { TissueId } from './tissue-ids.ts';
import { pathFactors } from './tissue-path.ts';
import { absorptionAt, attenuationAt, BODY_TEMPERATURE, TISSUES } from './tissues.ts';

/** Input of simulateSonication. World frame, SI units. */
export interface SonicationInput {
  elements: {
    /** 3N world [m] */
    positions: Float64Array;
    /** 3N unit normals */
    normals: Float64Array;
    /** N [m²] */
    areas: Float64Array;
    /** element radius [m], 0 = point */
    radius: number;
    /** N, 1 = on (default all on) */
    active?: Uint8Array;
  };
  /** [Hz] */
  frequency: number;
  /** total acoustic power radiated by the active elements [W] */
  acousticPower: number;
  /** [m] world */
  focus: readonly [number, number, number];
  /** per element, the ordered tissue segments along the straight path element → focus (lengths [m]) */
  elementPaths: ReadonlyArray<ReadonlyArray<{ tissue: TissueId; length: number }>>;
  grid: { nx: number; ny: number; nz: number; spacing: number; origin: readonly [number, number, number] };
  /** per voxel, index into tissueTable */
  labels: Uint8Array;
  tissueTable: readonly TissueId[];
  /** sonication (heating) time [s] */
  duration: number;
  /** cooling after it [s] */
  cooling: number;
  /** 0..1, called a few dozen times */
  onProgress?: (fraction: number) => void;
  /** checked between chunks; if true a SonicationCancelled is thrown */
  isCancelled?: () => boolean;
  /** Upper bound on the bioheat step [s] (default 0.25 s, so the time course is resolved). */
  maxTimeStep?: number;
  /**
   * How many of the voxels with the highest initial heating rate q/(ρc) have their ΔT(t) recorded during the run
   * (default 64). If the hottest voxel is not among them the thermal run is repeated once for its history;
   * 0 forces that path.
   */
  historyProbes?: number;
}

/** Output of simulateSonication. */
export interface SonicationResult {
  /** [Pa] */
  peakPressure: number;
  /** [m] */
  peakPressureLocation: [number, number, number];
  /** spatial-peak intensity |p|²/(2ρc) at that voxel [W/m²] */
  focalIntensity: number;
  /** [°C] */
  peakTemperature: number;
  /** [m] */
  peakTemperatureLocation: [number, number, number];
  /** [CEM43 min] */
  peakDose: number;
  /** voxels with CEM43 ≥ 240 [m³] */
  ablationVolume: number;
  /** acoustic power × duration [J] */
  energy: number;
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
  /** the bioheat dt used during heating [s] */
  timeStep: number;
  activeElements: number;
}

/** Thrown by simulateSonication when `isCancelled()` returns true. */
export class SonicationCancelled extends Error {
  constructor() {
    super('Sonication cancelled');
    this.name = 'SonicationCancelled';
  }
}

/** Default cap on the bioheat step [s]. */
const DEFAULT_MAX_DT = 0.25;
/** Share of the progress bar given to the acoustic part. */
const ACOUSTIC_SHARE = 0.4;
const ACOUSTIC_CHUNKS = 20;
/** Voxels whose ΔT(t) is recorded so the hottest voxel's history is usually available without a second run. */
const PROBES = 64;
/**
 * Ceiling on reported doses [CEM43 min]. Above ~60 °C the dose grows by 2×/K and overflows Float32 beyond ~170 °C;
 * anything above 240 min already means necrosis, so values are saturated here rather than reported as Infinity.
 */
export const DOSE_CEILING = 1e30;

function checkInput(input: SonicationInput, n: number, voxels: number): void {
  const e = input.elements;
  if (e.positions.length !== 3 * n || e.normals.length !== 3 * n || (e.active && e.active.length !== n)) {
    throw new RangeError('simulateSonication: element arrays have inconsistent lengths');
  }
  if (input.elementPaths.length !== n) {
    throw new RangeError('simulateSonication: elementPaths must have one entry per element');
  }
  if (input.labels.length !== voxels) {
    throw new RangeError('simulateSonication: labels must have nx·ny·nz entries');
  }
  if (!(input.frequency > 0) || !(input.acousticPower >= 0) || input.duration < 0 || input.cooling < 0) {
    throw new RangeError('simulateSonication: frequency > 0, power ≥ 0, duration ≥ 0, cooling ≥ 0 required');
  }
}

/**
 * Per-element complex velocity and gain: uniform amplitude from the power, conjugate phases that include the tissue
 * path (perfect aberration correction), and gain = transmission × excess loss × e^{−i·excess phase}.
 */
function elementDrive(input: SonicationInput, n: number) {
  const water = TISSUES.water;
  const z = water.density * water.speedOfSound;
  const e = input.elements;
  let activeArea = 0;
  let activeCount = 0;
  for (let i = 0; i < n; i++) {
    if (!e.active || e.active[i] === 1) {
      activeArea += e.areas[i] as number;
      activeCount++;
    }
  }
  if (activeCount === 0 || !(activeArea > 0)) {
    throw new RangeError('simulateSonication: no active element');
  }
  // Plane-piston radiation into water: W = Σ ½ ρ c u² ΔS over the active elements.
  const u0 = Math.sqrt((2 * input.acousticPower) / (z * activeArea));
  const k = (2 * Math.PI * input.frequency) / water.speedOfSound;
  const extra = new Float64Array(n);
  const gainRe = new Float64Array(n);
  const gainIm = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const f = pathFactors(input.elementPaths[i] ?? [], input.frequency);
    const amplitude = f.transmission * f.excessLoss;
    extra[i] = f.excessPhase;
    gainRe[i] = amplitude * Math.cos(f.excessPhase);
    gainIm[i] = -amplitude * Math.sin(f.excessPhase);
  }
  const phases = conjugatePhases(e.positions, input.focus, k, extra);
  const velocityRe = new Float64Array(n);
  const velocityIm = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const on = !e.active || e.active[i] === 1;
    velocityRe[i] = on ? u0 * Math.cos(phases[i] as number) : 0;
    velocityIm[i] = on ? u0 * Math.sin(phases[i] as number) : 0;
  }
  return { velocityRe, velocityIm, gainRe, gainIm, activeCount };
}

/** Unit vector from the focus toward the centroid of the active elements (the beam axis, reversed). */
function directionToArray(input: SonicationInput): [number, number, number] {
  const { positions, active } = input.elements;
  let x = 0;
  let y = 0;
  let z = 0;
  for (let i = 0; i < positions.length / 3; i++) {
    if (active && active[i] !== 1) continue;
    x += (positions[3 * i] as number) - input.focus[0];
    y += (positions[3 * i + 1] as number) - input.focus[1];
    z += (positions[3 * i + 2] as number) - input.focus[2];
  }
  const n = Math.hypot(x, y, z);
  return n > 0 ? [x / n, y / n, z / n] : [0, 0, -1];
}

function throwIfCancelled(input: SonicationInput): void {
  if (input.isCancelled?.()) {
    throw new SonicationCancelled();
  }
}

/** Indices of the `count` voxels with the largest initial heating rate q/(ρc). */
function topVoxels(q: Float64Array, heatCapacity: Float64Array, count: number): Int32Array {
  if (count <= 0) {
    return new Int32Array(0);
  }
  const rate = new Float64Array(q.length);
  for (let v = 0; v < q.length; v++) rate[v] = (q[v] as number) / (heatCapacity[v] as number);
  const sorted = Float64Array.from(rate).sort();
  const threshold = sorted[Math.max(0, sorted.length - count)] as number;
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
 *   model around the focus). Each element's path to the focus is reduced to one complex gain: Π normal-incidence
 *   pressure transmission from water through the segment tissues × exp(−Σ(α_j − α_water) d_j), and a tissue phase
 *   delay. These factors are evaluated to the focus and reused for every grid point, valid while the grid is small
 *   compared with the path (a few cm around the focus). Inside the region the field is then corrected for the
 *   tissues between each voxel and the focus along the beam axis (local-attenuation.ts), so what lies behind the
 *   focus (post-focal bone, marrow, anything behind gas) is attenuated. Oblique incidence, refraction, mode conversion,
 *   reflections and standing waves are not represented.
 * - Focusing: conjugate phases including the tissue path phase Σ(ω/c_j)d_j, i.e. perfect aberration correction
 *   (as MR-guided phase correction aims for); the field at the focus is therefore an upper bound.
 * - Heat source q = α_abs |p|²/(ρc) with the voxel's tissue (PHYSICS.md §1.4). Gas voxels (bowel gas, lung):
 *   the wave does not enter gas (T_p ≈ 5e-4), so |p| and q are set to 0 there; the water-background |p| would
 *   otherwise produce an absurd q through the tiny ρc of air.
 * - Heat: Pennes for ΔT over 37 °C, Dirichlet faces, dt = min(stability bound, maxTimeStep), heating for
 *   `duration` then cooling for `cooling`; CEM43 accumulated each step with the exact linear-ramp integral.
 *
 * @param input - see SonicationInput
 * @returns fields and summary numbers, see SonicationResult
 * @throws SonicationCancelled when input.isCancelled() becomes true
 * @see PHYSICS.md §1.1, §1.4, §1.5, §1.6
 * @example
 * const result = simulateSonication({ elements, frequency: 1e6, acousticPower: 60, focus, elementPaths,
 *   grid, labels, tissueTable, duration: 20, cooling: 40 });
 */
export function simulateSonication(input: SonicationInput): SonicationResult {
  const n = input.elements.areas.length;
  const grid: VoxelGrid = input.grid;
  const voxels = voxelCount(grid);
  checkInput(input, n, voxels);
  const progress = input.onProgress ?? (() => {});
  throwIfCancelled(input);
  const drive = elementDrive(input, n);

  // Acoustic field in chunks, so progress and cancellation stay responsive.
  const water = TISSUES.water;
  const points = voxelCentres(grid);
  const re = new Float64Array(voxels);
  const im = new Float64Array(voxels);
  const sources = {
    positions: input.elements.positions,
    normals: input.elements.normals,
    areas: input.elements.areas,
    velocityRe: drive.velocityRe,
    velocityIm: drive.velocityIm,
    gainRe: drive.gainRe,
    gainIm: drive.gainIm,
    elementRadius: input.elements.radius,
  };
  const medium = {
    density: water.density,
    speedOfSound: water.speedOfSound,
    attenuation: attenuationAt(water, input.frequency),
  };
  const chunk = Math.max(1, Math.ceil(voxels / ACOUSTIC_CHUNKS));
  for (let start = 0; start < voxels; start += chunk) {
    throwIfCancelled(input);
    const end = Math.min(voxels, start + chunk);
    rayleighPressure(sources, medium, input.frequency, points, re, im, { start, end });
    progress((ACOUSTIC_SHARE * end) / voxels);
  }

  // |p| and q per voxel with the voxel's own tissue, after the in-region attenuation correction.
  const tissues = input.tissueTable.map((id) => TISSUES[id]);
  const alphaWater = attenuationAt(water, input.frequency);
  const excess = Float64Array.from(tissues, (t) => (t ? attenuationAt(t, input.frequency) - alphaWater : 0));
  const correction = localAttenuationCorrection(grid, input.labels, excess, directionToArray(input), input.focus);
  const pressure = new Float32Array(voxels);
  const q = new Float64Array(voxels);
  let peakPressure = 0;
  let peakIndex = 0;
  for (let v = 0; v < voxels; v++) {
    const t = tissues[input.labels[v] as number];
    if (t === undefined) {
      throw new RangeError(`simulateSonication: label at voxel ${v} is not in the tissue table`);
    }
    if (t.isGas) {
      continue;
    }
    const p2 = ((re[v] as number) ** 2 + (im[v] as number) ** 2) * (correction[v] as number) ** 2;
    const p = Math.sqrt(p2);
    pressure[v] = p;
    q[v] = (absorptionAt(t, input.frequency) * p2) / (t.density * t.speedOfSound);
    if (p > peakPressure) {
      peakPressure = p;
      peakIndex = v;
    }
  }
  const peakTissue = tissues[input.labels[peakIndex] as number] ?? water;
  const focalIntensity = (peakPressure * peakPressure) / (2 * peakTissue.density * peakTissue.speedOfSound);

  // Pennes heating then cooling.
  throwIfCancelled(input);
  const thermalMedium = bioheatMediumFromLabels(input.labels, input.tissueTable);
  const problem = prepareBioheat(grid, thermalMedium, 'dirichlet');
  const dtMax = Math.min(input.maxTimeStep ?? DEFAULT_MAX_DT, problem.maxTimeStep);
  const heatingSteps = Math.ceil(input.duration / dtMax - 1e-9);
  const coolingSteps = Math.ceil(input.cooling / dtMax - 1e-9);
  const schedule = {
    heatingSteps,
    heatingDt: heatingSteps > 0 ? input.duration / heatingSteps : dtMax,
    coolingSteps,
    coolingDt: coolingSteps > 0 ? input.cooling / coolingSteps : dtMax,
  };
  const totalSteps = heatingSteps + coolingSteps;
  const probes = topVoxels(q, thermalMedium.heatCapacity, Math.min(input.historyProbes ?? PROBES, voxels));
  const history = new Float64Array(probes.length * (totalSteps + 1));
  const maxRise = new Float64Array(voxels);
  const doseField = new Float64Array(voxels);
  runThermalSchedule(problem, q, schedule, {
    maxRise,
    dose: doseField,
    probes,
    history,
    onChunk: (fraction) => {
      throwIfCancelled(input);
      progress(ACOUSTIC_SHARE + (1 - ACOUSTIC_SHARE) * fraction);
    },
  });

  let hottest = 0;
  let peakDose = 0;
  for (let v = 0; v < voxels; v++) {
    if ((maxRise[v] as number) > (maxRise[hottest] as number)) hottest = v;
    const d = Math.min(doseField[v] as number, DOSE_CEILING);
    doseField[v] = d;
    if (d > peakDose) peakDose = d;
  }
  let hottestHistory: Float64Array;
  const probeIndex = probes.indexOf(hottest);
  if (probeIndex >= 0) {
    hottestHistory = history.subarray(probeIndex * (totalSteps + 1), (probeIndex + 1) * (totalSteps + 1));
  } else {
    // Rare (strong conduction/perfusion contrasts): re-run once, recording only the hottest voxel. Deterministic,
    // so the history is exactly that of the first run.
    hottestHistory = new Float64Array(totalSteps + 1);
    runThermalSchedule(problem, q, schedule, { probes: Int32Array.of(hottest), history: hottestHistory });
  }
  const time = new Float64Array(totalSteps + 1);
  const hottestTemperature = new Float64Array(totalSteps + 1);
  for (let s = 0; s <= totalSteps; s++) {
    time[s] = s <= heatingSteps ? s * schedule.heatingDt : input.duration + (s - heatingSteps) * schedule.coolingDt;
    hottestTemperature[s] = BODY_TEMPERATURE + (hottestHistory[s] as number);
  }
  const maxTemperature = new Float32Array(voxels);
  for (let v = 0; v < voxels; v++) maxTemperature[v] = BODY_TEMPERATURE + (maxRise[v] as number);
  progress(1);
  return {
    peakPressure,
    peakPressureLocation: voxelCentre(grid, peakIndex),
    focalIntensity,
    peakTemperature: BODY_TEMPERATURE + (maxRise[hottest] as number),
    peakTemperatureLocation: voxelCentre(grid, hottest),
    peakDose,
    ablationVolume: volumeAboveDose(doseField, grid.spacing ** 3),
    energy: input.acousticPower * input.duration,
    pressure,
    heatSource: Float32Array.from(q),
    maxTemperature,
    dose: Float32Array.from(doseField),
    time,
    hottestTemperature,
    timeStep: schedule.heatingDt,
    activeElements: drive.activeCount,
  };
}
