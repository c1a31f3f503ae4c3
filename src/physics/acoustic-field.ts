import { conjugatePhases } from './focusing.ts';
import { type VoxelGrid, voxelCentres, voxelCount } from './grid.ts';
import { localAttenuationCorrection } from './local-attenuation.ts';
import { rayleighPressure } from './rayleigh.ts';
import type { TissueId } from './tissue-ids.ts';
import { type PathSegment, pathFactors } from './tissue-path.ts';
import { absorptionAt, attenuationAt, type Medium, TISSUES } from './tissues.ts';

/** The transducer elements of a sonication. World frame, SI units. */
export interface SonicationElements {
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
  /**
   * N, relative drive amplitude of each element (apodisation, ≥ 0; default all 1). The total acoustic power is
   * kept: the velocity scale is set from Σ w_i² ΔS_i.
   */
  amplitudes?: Float64Array;
  /** N, extra drive phase of each element [rad], added to the focusing phases (default 0). */
  phaseOffsets?: Float64Array;
}

/** What drives one acoustic field: the array, its power and focus, and each element's tissue path. */
export interface AcousticDrive {
  elements: SonicationElements;
  /** [Hz] */
  frequency: number;
  /** total acoustic power radiated by the active elements [W] */
  acousticPower: number;
  /** [m] world */
  focus: readonly [number, number, number];
  /**
   * per element, the ordered tissue segments along the straight path element → focus (lengths [m]); a segment after
   * the first may carry `cosIncidence`, |cos θ| of the incidence on the surface entered (oblique transmission)
   */
  elementPaths: ReadonlyArray<ReadonlyArray<PathSegment>>;
  /**
   * Include the tissue-path phase in the conjugate phases (default true: perfect aberration correction). False:
   * geometric (water-only) phases, so sound-speed differences along the paths defocus the beam.
   */
  aberrationCorrection?: boolean;
  /** tissue properties (default TISSUES) */
  medium?: Medium;
  /**
   * The medium the sources radiate into (default 'water', the coupling bath): its ρc relates the power to the
   * surface velocity, W = Σ ½ρc u² ΔS. A scenario with the transducer in a homogeneous tissue names that tissue.
   */
  couplingTissue?: TissueId;
}

/** The field of one drive on a grid. */
export interface AcousticField {
  /** |p| per voxel [Pa] */
  pressure: Float32Array;
  /** q per voxel [W/m³] */
  heatSource: Float64Array;
  /** [Pa] */
  peakPressure: number;
  /** voxel index of the peak |p| */
  peakIndex: number;
  /** |p|²/(2ρc) of the peak voxel's tissue [W/m²] */
  focalIntensity: number;
  activeElements: number;
  /** active elements whose path meets an interface beyond its critical angle (they add nothing at the focus) */
  elementsBeyondCriticalAngle: number;
  /** acoustic power radiated by those elements [W] (reflected or mode-converted at the interface, not at the focus) */
  powerBeyondCriticalAngle: number;
}

/** Thrown by simulateSonication and simulateSequence when `isCancelled()` returns true. */
export class SonicationCancelled extends Error {
  constructor() {
    super('Sonication cancelled');
    this.name = 'SonicationCancelled';
  }
}

/** Progress and cancellation hooks of the acoustic part. */
export interface FieldHooks {
  /** 0..1 of the acoustic part */
  progress?: (fraction: number) => void;
  isCancelled?: () => boolean;
}

const CHUNKS = 20;

/**
 * Per-element complex velocity and gain: amplitude from the power (uniform, or apodised by `amplitudes`), conjugate phases (with or without the
 * tissue-path phase), and gain = transmission × excess loss × e^{−i·excess phase}.
 */
export function elementDrive(drive: AcousticDrive, n: number) {
  const medium = drive.medium ?? TISSUES;
  const water = medium[drive.couplingTissue ?? 'water'];
  const z = water.density * water.speedOfSound;
  const e = drive.elements;
  const weight = (i: number): number => {
    if (e.active && e.active[i] !== 1) return 0;
    const w = e.amplitudes ? (e.amplitudes[i] as number) : 1;
    if (!(w >= 0) || !Number.isFinite(w)) throw new RangeError(`simulateSonication: amplitude of element ${i} is ${w}`);
    return w;
  };
  let activeArea = 0;
  let weightedArea = 0;
  let activeCount = 0;
  for (let i = 0; i < n; i++) {
    const w = weight(i);
    if (w > 0) {
      activeArea += e.areas[i] as number;
      weightedArea += w * w * (e.areas[i] as number);
      activeCount++;
    }
  }
  if (activeCount === 0 || !(weightedArea > 0)) {
    throw new RangeError('simulateSonication: no active element');
  }
  // Plane-piston radiation into water: W = Σ ½ ρ c (u0 w_i)² ΔS_i over the active elements.
  const u0 = Math.sqrt((2 * drive.acousticPower) / (z * weightedArea));
  const k = (2 * Math.PI * drive.frequency) / water.speedOfSound;
  const extra = new Float64Array(n);
  const gainRe = new Float64Array(n);
  const gainIm = new Float64Array(n);
  let beyond = 0;
  let beyondArea = 0;
  for (let i = 0; i < n; i++) {
    const f = pathFactors(drive.elementPaths[i] ?? [], drive.frequency, medium, drive.couplingTissue);
    const amplitude = f.transmission * f.excessLoss;
    extra[i] = f.excessPhase;
    gainRe[i] = amplitude * Math.cos(f.excessPhase);
    gainIm[i] = -amplitude * Math.sin(f.excessPhase);
    if (f.beyondCriticalAngle && weight(i) > 0) {
      beyond++;
      beyondArea += (weight(i) ** 2 * (e.areas[i] as number) * activeArea) / weightedArea;
    }
  }
  const corrected = drive.aberrationCorrection ?? true;
  const phases = conjugatePhases(e.positions, drive.focus, k, corrected ? extra : undefined);
  const velocityRe = new Float64Array(n);
  const velocityIm = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const u = u0 * weight(i);
    const phase = (phases[i] as number) + (e.phaseOffsets ? (e.phaseOffsets[i] as number) : 0);
    velocityRe[i] = u * Math.cos(phase);
    velocityIm[i] = u * Math.sin(phase);
  }
  const powerBeyond = (drive.acousticPower * beyondArea) / activeArea;
  return { velocityRe, velocityIm, gainRe, gainIm, activeCount, beyond, powerBeyond };
}

/** Unit vector from the focus toward the centroid of the active elements (the beam axis, reversed). */
function directionToArray(drive: AcousticDrive): [number, number, number] {
  const { positions, active } = drive.elements;
  let x = 0;
  let y = 0;
  let z = 0;
  for (let i = 0; i < positions.length / 3; i++) {
    if (active && active[i] !== 1) continue;
    x += (positions[3 * i] as number) - drive.focus[0];
    y += (positions[3 * i + 1] as number) - drive.focus[1];
    z += (positions[3 * i + 2] as number) - drive.focus[2];
  }
  const n = Math.hypot(x, y, z);
  return n > 0 ? [x / n, y / n, z / n] : [0, 0, -1];
}

/**
 * Acoustic field and heat source of one drive on a labelled grid (the acoustic half of simulateSonication; see
 * its TSDoc for the model). Elements whose path crosses an interface beyond its critical angle get zero gain
 * (pathFactors) and are counted; their power still counts in `acousticPower`, so the focus does not get it.
 * @param drive - array, power, focus, paths and the aberration-correction switch
 * @param grid - voxel grid
 * @param labels - per voxel, index into tissueTable
 * @param tissueTable - tissue of each label
 * @param hooks - progress (0..1) and cancellation
 * @returns |p|, q and summary numbers
 * @throws SonicationCancelled when hooks.isCancelled() becomes true
 * @see PHYSICS.md §1.1, §1.4, §1.7
 */
export function computeAcousticField(
  drive: AcousticDrive,
  grid: VoxelGrid,
  labels: Uint8Array,
  tissueTable: readonly TissueId[],
  hooks: FieldHooks = {},
): AcousticField {
  const n = drive.elements.areas.length;
  const voxels = voxelCount(grid);
  const cancelCheck = (): void => {
    if (hooks.isCancelled?.()) throw new SonicationCancelled();
  };
  cancelCheck();
  const d = elementDrive(drive, n);
  const medium = drive.medium ?? TISSUES;
  // The sum runs in the medium the array radiates into, as elementDrive's impedance and pathFactors' reference: with
  // water here and muscle there, an array in muscle lost the muscle's whole attenuation (a held-out check: 4.2 MPa
  // at the focus against 1.7 MPa from a lossy Rayleigh integral).
  const water = medium[drive.couplingTissue ?? 'water'];
  const points = voxelCentres(grid);
  const re = new Float64Array(voxels);
  const im = new Float64Array(voxels);
  const sources = {
    positions: drive.elements.positions,
    normals: drive.elements.normals,
    areas: drive.elements.areas,
    velocityRe: d.velocityRe,
    velocityIm: d.velocityIm,
    gainRe: d.gainRe,
    gainIm: d.gainIm,
    elementRadius: drive.elements.radius,
  };
  const alphaWater = attenuationAt(water, drive.frequency);
  const coupling = { density: water.density, speedOfSound: water.speedOfSound, attenuation: alphaWater };
  const chunk = Math.max(1, Math.ceil(voxels / CHUNKS));
  for (let start = 0; start < voxels; start += chunk) {
    cancelCheck();
    const end = Math.min(voxels, start + chunk);
    rayleighPressure(sources, coupling, drive.frequency, points, re, im, { start, end });
    hooks.progress?.(end / voxels);
  }

  // |p| and q per voxel with the voxel's own tissue, after the in-region attenuation correction.
  const tissues = tissueTable.map((id) => medium[id]);
  const excess = Float64Array.from(tissues, (t) => (t ? attenuationAt(t, drive.frequency) - alphaWater : 0));
  const correction = localAttenuationCorrection(grid, labels, excess, directionToArray(drive), drive.focus);
  const pressure = new Float32Array(voxels);
  const q = new Float64Array(voxels);
  let peakPressure = 0;
  let peakIndex = 0;
  for (let v = 0; v < voxels; v++) {
    const t = tissues[labels[v] as number];
    if (t === undefined) {
      throw new RangeError(`simulateSonication: label at voxel ${v} is not in the tissue table`);
    }
    if (t.isGas) {
      continue;
    }
    const p2 = ((re[v] as number) ** 2 + (im[v] as number) ** 2) * (correction[v] as number) ** 2;
    const p = Math.sqrt(p2);
    pressure[v] = p;
    q[v] = (absorptionAt(t, drive.frequency) * p2) / (t.density * t.speedOfSound);
    if (p > peakPressure) {
      peakPressure = p;
      peakIndex = v;
    }
  }
  const peakTissue = tissues[labels[peakIndex] as number] ?? water;
  return {
    pressure,
    heatSource: q,
    peakPressure,
    peakIndex,
    focalIntensity: (peakPressure * peakPressure) / (2 * peakTissue.density * peakTissue.speedOfSound),
    activeElements: d.activeCount,
    elementsBeyondCriticalAngle: d.beyond,
    powerBeyondCriticalAngle: d.powerBeyond,
  };
}
