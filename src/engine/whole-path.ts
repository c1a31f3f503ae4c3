import type { PathSegment, VoxelGrid } from '../geometry/tissue-model.ts';
import { poseFrame, type TransducerPose } from '../geometry/transducer-pose.ts';
import { LatticeVoxeliser, latticeOfGrid } from '../geometry/voxel-raster.ts';
import type { BeamLattice } from '../physics/angular-spectrum/lattice.ts';
import type { TissueId } from '../physics/tissue-ids.ts';
import type { Medium } from '../physics/tissues.ts';
import { type BeamFrame, directionToBeam, toBeam, toWorld } from '../physics/whole-path/frame.ts';
import type { WholePath } from '../physics/whole-path/sonication.ts';
import type { CaseState } from './case.ts';
import { kernels } from './kernels/current.ts';

type Vec3 = [number, number, number];

/** Absorbing layer of the march, as a fraction of the lattice per side (march.ts default). */
const ABSORBING_FRACTION = 0.1;
/** Water kept between the input plane and the first tissue the beams meet [m]. */
const WATER_GAP = 0.003;
/** Room beside the beam cone and the focal region [m]: diffraction and the elements' own spread. */
const LATERAL_MARGIN = 0.006;
/** How far the path is simulated beyond the focus [m]: past the far cortex of a limb bone. */
export const POST_FOCAL_DEPTH = 0.04;
/** Target size of a coarse thermal block [m]. */
const COARSE_BLOCK = 1.4e-3;
/**
 * Lateral sizes the march uses. 128 columns at half a wavelength hold a 92 mm path at 1 MHz (the femur and rib
 * cases); a wider beam path (the iliac case: the skin 13 cm from the focus) first coarsens the spacing up to
 * MAX_SPACING_PER_HALF_WAVELENGTH, then goes to 256 columns.
 */
const PREFERRED_SIDE = 128;
export const MAX_LATTICE_SIDE = 256;
/**
 * Coarsest lateral spacing accepted before going to 256 columns, in half wavelengths: 0.75 λ reproduces O'Neil's
 * focal field within 1.5 % (a 25° bowl; measured, tests/physics/angular-spectrum.test.ts asks 1 % at λ/2).
 */
const MAX_SPACING_PER_HALF_WAVELENGTH = 1.5;
/** Largest lattice [voxels]: the iliac case (a 16 cm wide, 19 cm long path) needs 16.8 M, ≈ 230 MB. */
const MAX_LATTICE_VOXELS = 18_000_000;
/** Largest coarse thermal grid [voxels]: blocks grow beyond this (cost of Pennes on the whole path). */
const MAX_COARSE_VOXELS = 1_200_000;

/** Where the whole-path model stops being trustworthy for this setup, said plainly. */
export interface LatticeValidity {
  /**
   * the lateral spacing is coarser than half the shortest wavelength (a wide beam path): up to 0.75 λ the focal
   * field stays within ≈ 1.5 % (measured against O'Neil)
   */
  coarseSampling: boolean;
  /** the lateral spacing in shortest wavelengths (0.5 when not coarse) */
  spacingInWavelengths: number;
  /** the sources do not all sit in one medium: the input plane's medium is then a guess */
  mixedCoupling: boolean;
  /** the post-focal depth was cut to fit the memory cap */
  truncated: boolean;
}

/** The lattice of a request before it is labelled: where the input plane and the march will be. */
export interface WholePathLattice {
  frame: BeamFrame;
  lattice: BeamLattice;
  /** the medium the sources radiate into (water, or the tissue of a homogeneous scenario) */
  coupling: TissueId;
  validity: LatticeValidity;
}

/** The whole path of a request, ready for physics/whole-path, and what limits it. */
export interface WholePathSetup {
  wholePath: WholePath;
  /** the medium the sources radiate into (water, or the tissue of a homogeneous scenario) */
  coupling: TissueId;
  validity: LatticeValidity;
}

function nextPowerOfTwo(x: number): number {
  return 2 ** Math.ceil(Math.log2(Math.max(1, x)));
}

/** A voxeliser per case, built on first use (it reads every part's triangles once). */
const voxelisers = new WeakMap<CaseState, LatticeVoxeliser>();

function voxeliserOf(state: CaseState): LatticeVoxeliser {
  let voxeliser = voxelisers.get(state);
  if (!voxeliser) {
    voxeliser = new LatticeVoxeliser(state.loaded.parts);
    voxelisers.set(state, voxeliser);
  }
  return voxeliser;
}

/**
 * Labels a world grid with the case's tissues (the triangle-rasterising voxeliser: the same labels as
 * TissueModel.voxelise, an order of magnitude faster).
 * @param state - the case
 * @param grid - world grid
 * @param tissueTable - extended with the tissues met
 * @returns labels, one per voxel
 */
export function labelGrid(state: CaseState, grid: VoxelGrid, tissueTable: TissueId[]): Uint8Array {
  return voxeliserOf(state).voxelise(latticeOfGrid(grid), tissueTable, { scanAxis: 0 }).labels;
}

/**
 * The beam frame of a pose: origin at the geometric focus (the pose's target), w along the beam.
 * @param pose - transducer pose
 * @returns the frame
 */
export function beamFrameOf(pose: TransducerPose): BeamFrame {
  const { u, v, w } = poseFrame(pose);
  return { origin: [...pose.target], u, v, w };
}

/**
 * Lays out the whole-path lattice of a sonication (without labelling it): lateral spacing half the shortest wavelength of
 * the case's tissues, axial half that; the input plane in the water just before the first tissue any source's
 * beam meets; laterally the beam cone at that plane and the focal region, plus a margin and the absorbing layer;
 * axially to POST_FOCAL_DEPTH beyond the focus (and past the focal region).
 * @param state - the case
 * @param pose - transducer pose (the lattice's frame)
 * @param elements - source positions, world [m], 3N
 * @param paths - each source's tissue path to the focus (its first segment is the coupling water)
 * @param focus - the (electronic) focus, world [m]
 * @param fine - the focal region (world grid)
 * @param frequency - f [Hz]
 * @param medium - tissue properties
 * @param refinement - lateral spacing as a fraction of half the shortest wavelength (default 1; smaller is finer,
 *   for convergence studies)
 * @returns the lattice, its frame, the coupling medium and validity
 */
export function wholePathLattice(
  state: CaseState,
  pose: TransducerPose,
  elements: Float64Array,
  paths: readonly (readonly PathSegment[])[],
  focus: readonly [number, number, number],
  fine: VoxelGrid,
  frequency: number,
  medium: Medium,
  refinement = 1,
): WholePathLattice {
  const frame = beamFrameOf(pose);
  const tissues = new Set<TissueId>(['water', ...state.loaded.parts.map((p) => p.tissue)]);
  const slowest = Math.min(...[...tissues].filter((t) => !medium[t].isGas).map((t) => medium[t].speedOfSound));
  const halfWavelength = (slowest / (2 * frequency)) * refinement;
  const f = toBeam(frame, focus);
  // Input plane: in front of every source, in the water before the first tissue.
  const count = elements.length / 3;
  let frontOfSources = Number.NEGATIVE_INFINITY;
  let firstTissue = Number.POSITIVE_INFINITY;
  const coupling: TissueId = paths[0]?.[0]?.tissue ?? 'water';
  let mixedCoupling = false;
  const local: Vec3[] = [];
  for (let e = 0; e < count; e++) {
    const p = toBeam(frame, [elements[3 * e] as number, elements[3 * e + 1] as number, elements[3 * e + 2] as number]);
    local.push(p);
    frontOfSources = Math.max(frontOfSources, p[2]);
    const path = paths[e] ?? [];
    const first = path[0];
    if (first === undefined) continue;
    if (first.tissue !== coupling) mixedCoupling = true;
    if (path.length < 2) continue;
    const length = Math.hypot(f[0] - p[0], f[1] - p[1], f[2] - p[2]);
    const zEntry = p[2] + ((f[2] - p[2]) * first.length) / length;
    firstTissue = Math.min(firstTissue, zEntry);
  }
  // The focal region's extent in the beam frame: the lattice must hold it.
  let half = 0;
  let fineNear = f[2];
  let fineFar = f[2];
  for (const cx of [0, fine.nx - 1])
    for (const cy of [0, fine.ny - 1])
      for (const cz of [0, fine.nz - 1]) {
        const c = toBeam(frame, [
          fine.origin[0] + cx * fine.spacing,
          fine.origin[1] + cy * fine.spacing,
          fine.origin[2] + cz * fine.spacing,
        ]);
        half = Math.max(half, Math.abs(c[0]), Math.abs(c[1]));
        fineNear = Math.min(fineNear, c[2]);
        fineFar = Math.max(fineFar, c[2]);
      }
  // A source in tissue (a homogeneous scenario) has no water gap to hold the plane: it sits a voxel before the focal
  // region, its Rayleigh sum taking the tissue's loss on the way; the tissue in front is not heated in the model, and
  // a −6 dB length longer than the lattice reads null. A plane at the sources instead would march the whole near
  // field, which at 3 MHz across a 60 mm aperture overruns the lattice's memory cap before the focus (tried).
  const beforeTissue = coupling === 'water' ? firstTissue - WATER_GAP : Number.POSITIVE_INFINITY;
  const z0 = Math.max(frontOfSources + halfWavelength, Math.min(beforeTissue, fineNear - fine.spacing));
  // Lateral: the straight rays source → focus at the input plane.
  for (const p of local) {
    const t = (z0 - p[2]) / (f[2] - p[2]);
    half = Math.max(half, Math.hypot(p[0] + (f[0] - p[0]) * t, p[1] + (f[1] - p[1]) * t));
  }
  const width = (2 * (half + LATERAL_MARGIN)) / (1 - 2 * ABSORBING_FRACTION);
  let n = Math.max(32, nextPowerOfTwo(Math.ceil(width / halfWavelength)));
  let dx = halfWavelength;
  if (n > PREFERRED_SIDE) {
    const coarser = width / PREFERRED_SIDE;
    if (coarser <= MAX_SPACING_PER_HALF_WAVELENGTH * halfWavelength) {
      n = PREFERRED_SIDE;
      dx = coarser;
    } else {
      n = MAX_LATTICE_SIDE;
      dx = Math.max(halfWavelength, width / n);
    }
  }
  const coarseSampling = dx > 1.001 * halfWavelength;
  const z1 = Math.max(f[2] + POST_FOCAL_DEPTH, fineFar + fine.spacing);
  // Half-spacing slices resolve interfaces and standing waves; a very long path takes whole-spacing slices.
  let dz = dx / 2;
  if (n * n * Math.ceil((z1 - z0) / dz) > MAX_LATTICE_VOXELS) dz = dx;
  let nz = Math.ceil((z1 - z0) / dz);
  let truncated = false;
  if (n * n * nz > MAX_LATTICE_VOXELS) {
    nz = Math.floor(MAX_LATTICE_VOXELS / (n * n));
    truncated = true;
  }
  return {
    frame,
    lattice: { n, dx, nz, dz, z0 },
    coupling,
    validity: {
      coarseSampling,
      spacingInWavelengths: (dx / halfWavelength) * 0.5 * refinement,
      mixedCoupling,
      truncated,
    },
  };
}

/**
 * Lays out the whole-path lattice of a sonication (wholePathLattice) and labels it.
 * @param state - the case
 * @param pose - transducer pose (the lattice's frame)
 * @param elements - source positions, world [m], 3N
 * @param paths - each source's tissue path to the focus (its first segment is the coupling water)
 * @param focus - the (electronic) focus, world [m]
 * @param fine - the focal region (world grid)
 * @param frequency - f [Hz]
 * @param medium - tissue properties
 * @param refinement - lateral spacing as a fraction of half the shortest wavelength (default 1)
 * @returns the labelled lattice with its frame, coarse block size and validity
 */
export function wholePathSetup(
  state: CaseState,
  pose: TransducerPose,
  elements: Float64Array,
  paths: readonly (readonly PathSegment[])[],
  focus: readonly [number, number, number],
  fine: VoxelGrid,
  frequency: number,
  medium: Medium,
  refinement = 1,
): WholePathSetup {
  const { frame, lattice, coupling, validity } = wholePathLattice(
    state,
    pose,
    elements,
    paths,
    focus,
    fine,
    frequency,
    medium,
    refinement,
  );
  const { n, dx, nz, dz, z0 } = lattice;
  const tissueTable: TissueId[] = [];
  const { labels, interfaces } = voxeliserOf(state).voxelise(
    {
      origin: toWorld(frame, -(n / 2) * dx, -(n / 2) * dx, z0 + dz / 2),
      axes: [frame.u, frame.v, frame.w],
      spacing: [dx, dx, dz],
      counts: [n, n, nz],
    },
    tissueTable,
    { interfaces: true },
  );
  let bx = Math.min(8, Math.max(1, 2 ** Math.round(Math.log2(COARSE_BLOCK / dx))));
  const bz = (): number => Math.round((bx * dx) / dz);
  while (bx < 8 && (n / bx) ** 2 * Math.floor(nz / bz()) > MAX_COARSE_VOXELS) bx *= 2;
  return {
    wholePath: {
      frame,
      lattice,
      labels,
      tissueTable,
      ...(interfaces
        ? {
            faceInterface: (column: number, face: number) => {
              // Face f lies between voxels f − 1 and f: the rasteriser's change after step f − 1, whose position is
              // measured from voxel 0's centre (the face itself is at f·dz − dz/2).
              const entry = face > 0 ? interfaces.entryAt(column, face - 1) : -1;
              if (entry < 0) return undefined;
              const n3 = interfaces.normals;
              return {
                normal: directionToBeam(frame, [
                  n3[3 * entry] as number,
                  n3[3 * entry + 1] as number,
                  n3[3 * entry + 2] as number,
                ]),
                offset: (interfaces.position[entry] as number) - (face - 0.5) * dz,
              };
            },
          }
        : {}),
      block: { bx, bz: bz() },
      kernels: kernels().slices,
      ...(kernels().rayleigh ? { rayleigh: kernels().rayleigh } : {}),
    },
    coupling,
    validity,
  };
}
