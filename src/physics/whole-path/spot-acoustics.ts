import { type AcousticDrive, type AcousticField, elementDrive, type FieldHooks } from '../acoustic-field.ts';
import { axisymmetricInputPlane, inputPlane } from '../angular-spectrum/input-plane.ts';
import type { BeamLattice } from '../angular-spectrum/lattice.ts';
import { type FaceInterfaceLookup, type FocalZone, type MarchResult, marchField } from '../angular-spectrum/march.ts';
import { type AcousticMaterial, materialsAt } from '../angular-spectrum/materials.ts';
import type { SliceKernels } from '../angular-spectrum/slice-kernels.ts';
import { focalSpot } from '../estimate.ts';
import { type VoxelGrid, voxelCount } from '../grid.ts';
import type { RayleighKernel, RayleighMedium, RayleighSources } from '../rayleigh.ts';
import { scratchF32 } from '../scratch.ts';
import type { TissueId } from '../tissue-ids.ts';
import { attenuationAt, type Medium, TISSUES } from '../tissues.ts';
import { blockMean, type CoarseGrid } from './coarse-grid.ts';
import { type BeamFrame, directionToBeam, toBeam, toWorld } from './frame.ts';
import { type FacePressureSquared, latticeHeat } from './lattice-heat.ts';
import { planePower } from './plane-power.ts';
import { type FocalProfiles, type FocalWindow, focalProfiles, focalSpotVoxel } from './profiles.ts';
import { resampleToGrid, sampleLatticeAt } from './resample.ts';
import { inBox, rowInterval } from './row-interval.ts';

type Vec3 = [number, number, number];

/** The whole beam path as the acoustic model sees it: the beam-aligned lattice, its labels and how to march it. */
export interface WholePathAcoustics {
  readonly frame: BeamFrame;
  readonly lattice: BeamLattice;
  /** per lattice voxel, an index into tissueTable */
  readonly labels: Uint8Array;
  readonly tissueTable: readonly TissueId[];
  /** the exact surface (normal in the beam frame, sub-voxel position) where the geometry knows it */
  readonly faceInterface?: FaceInterfaceLookup;
  /** one-way marches (default: marchField's) */
  readonly passes?: number;
  /** where the march's bulk arithmetic runs (default plain JavaScript) */
  readonly kernels?: SliceKernels;
  /** where the input plane's Rayleigh sum runs (default plain JavaScript) */
  readonly rayleigh?: RayleighKernel;
  /**
   * True when the source is a uniformly driven single-element bowl whose axis is the lattice's axis: its input plane
   * is then computed on one radial line (input-plane.ts), thousands of times cheaper.
   */
  readonly axisymmetric?: boolean;
}

/** The focal (fine) region a spot's field is resampled onto, with its own labels. */
export interface FineRegion {
  readonly grid: VoxelGrid;
  readonly labels: Uint8Array;
  readonly tissueTable: readonly TissueId[];
}

/** What one sonication's field gives the heat model and the report. */
export interface SpotAcoustics {
  /** the field on the fine region, in the form the thermal run takes */
  readonly fine: AcousticField;
  /** heat source per coarse block [W/m³] */
  readonly coarseHeat: Float64Array;
  /** largest |p| anywhere on the path [Pa] and where [m, world] */
  readonly pathPeakPressure: number;
  readonly pathPeakLocation: Vec3;
  /** |p|²/(2ρc) there, in the tissue of that voxel [W/m²] */
  readonly pathPeakIntensity: number;
  /**
   * axial and lateral |p| profiles through the focal spot's peak (the largest |p| in the target's tissue within the
   * spot around the target: focalSpotVoxel), beam frame, and the −6 dB sizes; pathPeakPressure may lie elsewhere
   */
  readonly profiles: FocalProfiles;
  /** |p| at the focus (trilinear) [Pa] */
  readonly focusPressure: number;
  /** acoustic power the input plane carries into the lattice [W] (what the array sends toward the body) */
  readonly inputPower: number;
  /** power turned into heat in the lattice [W], of which by mode-converted shear waves [W] */
  readonly absorbedPower: number;
  readonly shearPower: number;
  /** bone met at the focus by a cone of rays reaching past its critical angle (march.ts MarchResult.solidAtFocus) */
  readonly solidAtFocus: MarchResult['solidAtFocus'];
  readonly passes: number;
  /**
   * Heat deposited inside the focal region's box [W]: Σ q dV of the lattice voxels whose centre is in it, and of the
   * fine grid's voxels. Averaging onto the fine grid conserves it (to the voxelisation of the box's edge).
   */
  readonly focalRegionHeat: { readonly lattice: number; readonly fine: number };
}

/** Fine-grid samples per voxel side when the heat is averaged onto it. */
const FINE_SUBSAMPLES = 2;

/**
 * One sonication's acoustic field along the whole beam path: element drive (power, focusing phases with or without
 * the aberration correction, apodisation) → Rayleigh sum onto the lattice's input plane in the coupling water →
 * hybrid angular spectrum march through the tissue (reflections, mode conversion) → heat source per lattice voxel →
 * its block means on the coarse grid and its average over each voxel of the fine region.
 * @param drive - the array, power, focus and paths (the paths give the aberration-correction phases and the count
 *   of elements beyond the critical angle)
 * @param acoustics - lattice, labels, frame
 * @param coarse - coarse grid of the lattice
 * @param fine - the fine region
 * @param hooks - progress (0..1 of this step) and cancellation
 * @returns fields and summary numbers
 * @see PHYSICS.md §1.1, §1.4, §5
 */
export function spotAcoustics(
  drive: AcousticDrive,
  acoustics: WholePathAcoustics,
  coarse: CoarseGrid,
  fine: FineRegion,
  hooks: FieldHooks = {},
): SpotAcoustics {
  const medium: Medium = drive.medium ?? TISSUES;
  const { frame, lattice } = acoustics;
  const { sources, coupling, drive: d } = inputPlaneSum(drive, frame);
  const plane = acoustics.axisymmetric
    ? axisymmetricInputPlane(sources, coupling, drive.frequency, lattice, acoustics.rayleigh)
    : inputPlane(sources, coupling, drive.frequency, lattice, acoustics.rayleigh);
  hooks.progress?.(0.1);
  const materials: AcousticMaterial[] = materialsAt(acoustics.tissueTable, medium, drive.frequency);
  const window = focalWindow(drive, frame, lattice);
  const march = marchField({
    // The shear heat, then the heat source, of every lattice voxel: read into the coarse and fine grids' own arrays
    // below and not kept, so lent.
    heat: scratchF32(lattice.n * lattice.n * lattice.nz),
    lattice,
    labels: acoustics.labels,
    materials,
    frequency: drive.frequency,
    inputPlane: plane,
    focalZone: window,
    ...(acoustics.passes === undefined ? {} : { passes: acoustics.passes }),
    ...(acoustics.faceInterface ? { faceInterface: acoustics.faceInterface } : {}),
    ...(acoustics.kernels ? { kernels: acoustics.kernels } : {}),
    onProgress: (f) => hooks.progress?.(0.1 + 0.8 * f),
    ...(hooks.isCancelled ? { isCancelled: hooks.isCancelled } : {}),
  });
  const heat = latticeHeat(march.field, march.shearHeat, acoustics.labels, materials, lattice, march.changes);
  const coarseHeat = blockMean(lattice, coarse, heat.heatSource);
  const fineField = fineFieldOf(heat.heatSource, heat.pressureSquared, acoustics, fine, medium);
  const { n: side, dx, dz, z0 } = lattice;
  const pv = heat.peakVoxel;
  const peakMaterial = materials[acoustics.labels[pv] as number] as AcousticMaterial;
  const pathPeakLocation = toWorld(
    frame,
    ((pv % side) - side / 2) * dx,
    ((Math.floor(pv / side) % side) - side / 2) * dx,
    z0 + (Math.floor(pv / (side * side)) + 0.5) * dz,
  );
  hooks.progress?.(1);
  const focalRegionHeat = {
    lattice: heatInBox(heat.heatSource, lattice, frame, fine.grid),
    fine: fineField.heatSource.reduce((sum, q) => sum + q, 0) * fine.grid.spacing ** 3,
  };
  return {
    focalRegionHeat,
    fine: {
      ...fineField,
      activeElements: d.activeCount,
      elementsBeyondCriticalAngle: d.beyond,
      powerBeyondCriticalAngle: d.powerBeyond,
    },
    coarseHeat,
    pathPeakPressure: heat.peakPressure,
    pathPeakLocation,
    pathPeakIntensity: heat.peakPressure ** 2 / (2 * peakMaterial.density * peakMaterial.speedOfSound),
    profiles: focalProfiles(
      march.field,
      lattice,
      spotVoxelOrPeak(focalSpotVoxel(march.field, lattice, acoustics.labels, window), pv),
      coupling.speedOfSound / drive.frequency,
    ),
    focusPressure: Math.sqrt(Math.max(0, sampleLatticeAt(lattice, frame, heat.pressureSquared, drive.focus))),
    inputPower: planePower(
      plane,
      lattice.n,
      lattice.dx,
      coupling.density * coupling.speedOfSound,
      (2 * Math.PI * drive.frequency) / coupling.speedOfSound,
    ),
    absorbedPower: heat.absorbedPower,
    shearPower: march.shearPower,
    solidAtFocus: march.solidAtFocus,
    passes: march.passesRun,
  };
}

/**
 * The sources of the input plane's Rayleigh sum: the drive's elements in the beam frame, radiating into the coupling
 * medium with their drive only (the march carries the tissue). spotAcoustics sums them onto the input plane; a host
 * that evaluates the sum elsewhere (WebGPU) builds the same sum from here, before the run.
 * @param drive - the array, power, focus and paths
 * @param frame - the beam frame of the lattice
 * @returns the sources (beam frame), the coupling medium and the element drive they came from
 */
export function inputPlaneSum(
  drive: AcousticDrive,
  frame: BeamFrame,
): { sources: RayleighSources; coupling: RayleighMedium; drive: ReturnType<typeof elementDrive> } {
  const medium: Medium = drive.medium ?? TISSUES;
  const n = drive.elements.areas.length;
  const d = elementDrive(drive, n);
  const positions = new Float64Array(3 * n);
  const normals = new Float64Array(3 * n);
  for (let e = 0; e < n; e++) {
    const p = toBeam(frame, [
      drive.elements.positions[3 * e] as number,
      drive.elements.positions[3 * e + 1] as number,
      drive.elements.positions[3 * e + 2] as number,
    ]);
    const q = directionToBeam(frame, [
      drive.elements.normals[3 * e] as number,
      drive.elements.normals[3 * e + 1] as number,
      drive.elements.normals[3 * e + 2] as number,
    ]);
    positions.set(p, 3 * e);
    normals.set(q, 3 * e);
  }
  const water = medium[drive.couplingTissue ?? 'water'];
  const coupling = {
    density: water.density,
    speedOfSound: water.speedOfSound,
    attenuation: attenuationAt(water, drive.frequency),
  };
  const sources = {
    positions,
    normals,
    areas: drive.elements.areas,
    velocityRe: d.velocityRe,
    velocityIm: d.velocityIm,
    elementRadius: drive.elements.radius,
  };
  return { sources, coupling, drive: d };
}

/** The focal spot's voxel, or the path's peak when the target lies outside the lattice. */
function spotVoxelOrPeak(spot: number, pathPeak: number): number {
  return spot < 0 ? pathPeak : spot;
}

/** √2: a focal profile's −6 dB length over its intensity FWHM (as the engine's focalEllipsoid). */
const SIX_DB_PER_THREE_DB = Math.SQRT2;

/**
 * Where the focal spot is looked for: the paraxial −6 dB ellipsoid of the drive's sources focused at its focus (in
 * the coupling water), half a lattice voxel larger each way — the engine's focalEllipsoid, from the elements
 * alone: R = mean element–focus distance, D = twice the largest distance of an element from the beam's mean
 * direction through the focus (at least an element's diameter).
 * @param drive - elements, focus, frequency
 * @param frame - the lattice's beam frame
 * @param lattice - for the voxel margin
 * @returns the window, beam frame
 */
function focalWindow(drive: AcousticDrive, frame: BeamFrame, lattice: BeamLattice): FocalWindow & FocalZone {
  const medium: Medium = drive.medium ?? TISSUES;
  const focus = drive.focus;
  const p = drive.elements.positions;
  const count = p.length / 3;
  const axis: Vec3 = [0, 0, 0];
  let meanR = 0;
  for (let e = 0; e < count; e++) {
    const d = [0, 1, 2].map((a) => (p[3 * e + a] as number) - (focus[a] as number));
    const r = Math.hypot(d[0] as number, d[1] as number, d[2] as number) || 1;
    meanR += r / count;
    for (let a = 0; a < 3; a++) axis[a] = (axis[a] as number) + (d[a] as number) / r;
  }
  const norm = Math.hypot(...axis) || 1;
  const unit: Vec3 = [axis[0] / norm, axis[1] / norm, axis[2] / norm];
  let spread = 2 * (drive.elements.radius ?? 0);
  for (let e = 0; e < count; e++) {
    const d = [0, 1, 2].map((a) => (p[3 * e + a] as number) - (focus[a] as number));
    const along = d.reduce((sum, x, a) => sum + x * (unit[a] as number), 0);
    const r2 = d.reduce((sum, x) => sum + x * x, 0);
    spread = Math.max(spread, 2 * Math.sqrt(Math.max(0, r2 - along * along)));
  }
  // The cone the rays converge in: the widest angle between an element's direction from the focus and the axis.
  let halfAngle = 0;
  for (let e = 0; e < count; e++) {
    const d = [0, 1, 2].map((a) => (p[3 * e + a] as number) - (focus[a] as number));
    const r = Math.hypot(d[0] as number, d[1] as number, d[2] as number) || 1;
    const along = d.reduce((sum, x, a) => sum + x * (unit[a] as number), 0) / r;
    halfAngle = Math.max(halfAngle, Math.acos(Math.min(1, Math.max(-1, along))));
  }
  const water = medium[drive.couplingTissue ?? 'water'];
  const spot = focalSpot(drive.frequency, meanR > 0 ? meanR : 1, spread > 0 ? spread : 1, water.speedOfSound);
  return {
    target: toBeam(frame, [focus[0], focus[1], focus[2]]),
    axis: directionToBeam(frame, unit),
    halfLength: (SIX_DB_PER_THREE_DB * spot.axialFwhm) / 2 + lattice.dz,
    halfWidth: spot.lateralWidth6dB / 2 + lattice.dx,
    halfAngle,
  };
}

/**
 * The field on the fine region: q averaged over each voxel, |p| sampled at its centre; gas voxels of the fine
 * labels get neither.
 */
function fineFieldOf(
  heatSource: Float32Array,
  pressureSquared: FacePressureSquared,
  acoustics: WholePathAcoustics,
  fine: FineRegion,
  medium: Medium,
): Omit<AcousticField, 'activeElements' | 'elementsBeyondCriticalAngle' | 'powerBeyondCriticalAngle'> {
  const { lattice, frame } = acoustics;
  const q = resampleToGrid(lattice, frame, heatSource, fine.grid, FINE_SUBSAMPLES);
  const p2 = resampleToGrid(lattice, frame, pressureSquared, fine.grid, 1);
  const voxels = voxelCount(fine.grid);
  const pressure = new Float32Array(voxels);
  const gas = fine.tissueTable.map((id) => medium[id].isGas);
  let peak = 0;
  let peakIndex = 0;
  for (let v = 0; v < voxels; v++) {
    if (gas[fine.labels[v] as number]) {
      q[v] = 0;
      continue;
    }
    const p = Math.sqrt(Math.max(0, p2[v] as number));
    pressure[v] = p;
    if (p > peak) {
      peak = p;
      peakIndex = v;
    }
  }
  const tissue = medium[fine.tissueTable[fine.labels[peakIndex] as number] ?? 'water'];
  return {
    pressure,
    heatSource: q,
    peakPressure: peak,
    peakIndex,
    focalIntensity: (peak * peak) / (2 * tissue.density * tissue.speedOfSound),
  };
}

/**
 * Σ q dV over the lattice voxels whose centres lie in a world grid's box [W]. Each lattice row crosses the box in one
 * interval (rowInterval), so only that interval's voxels are tested and summed, in the order of a full scan.
 */
function heatInBox(heat: Float32Array, lattice: BeamLattice, frame: BeamFrame, grid: VoxelGrid): number {
  const { n, dx, dz, nz, z0 } = lattice;
  const half = grid.spacing / 2;
  const lo = grid.origin.map((o) => o - half);
  const hi = [grid.nx, grid.ny, grid.nz].map(
    (count, a) => (grid.origin[a] as number) + (count - 1) * grid.spacing + half,
  );
  const { origin: o, u, v, w } = frame;
  let y = 0;
  let z = 0;
  const inFocalBox = (i: number): boolean => {
    const x = (i - n / 2) * dx;
    const px = o[0] + x * u[0] + y * v[0] + z * w[0];
    const py = o[1] + x * u[1] + y * v[1] + z * w[1];
    const pz = o[2] + x * u[2] + y * v[2] + z * w[2];
    return inBox(px, py, pz, lo, hi);
  };
  const row = { x0: 0, y0: 0, z0: 0 };
  let sum = 0;
  for (let k = 0; k < nz; k++) {
    z = z0 + (k + 0.5) * dz;
    for (let j = 0; j < n; j++) {
      y = (j - n / 2) * dx;
      row.x0 = o[0] + y * v[0] + z * w[0];
      row.y0 = o[1] + y * v[1] + z * w[1];
      row.z0 = o[2] + y * v[2] + z * w[2];
      const [first, last] = rowInterval(row, u, dx, n, lo, hi, inFocalBox);
      const base = n * (j + n * k);
      for (let i = first; i <= last; i++) sum += heat[base + i] as number;
    }
  }
  return sum * dx * dx * dz;
}
