import { BEAM_STATUS_CODES } from '../geometry/beam-status.ts';
import type { PathSegment, VoxelGrid } from '../geometry/tissue-model.ts';
import { type ElementSet, poseFrame } from '../geometry/transducer-pose.ts';
import type { AcousticDrive } from '../physics/acoustic-field.ts';
import { steeringLoss } from '../physics/focusing.ts';
import { edgeMax } from '../physics/grid.ts';
import { withScratch } from '../physics/scratch.ts';
import type { SonicationProgress } from '../physics/snapshot.ts';
import { type SonicationInput, type SonicationResult, simulateSonication } from '../physics/sonication.ts';
import { type Medium, TISSUES } from '../physics/tissues.ts';
import { toBeam } from '../physics/whole-path/frame.ts';
import {
  simulateWholePathSonication,
  type WholePathReport,
  wholePathAcoustics,
} from '../physics/whole-path/sonication.ts';
import { canonical } from './acoustic-key.ts';
import {
  type KeptOrigin,
  keepLabels,
  keepSonication,
  keptLabels,
  reusableSonication,
  willReuseField,
} from './acoustics-reuse.ts';
import { type AtTarget, atTarget, type FocalEllipsoid, focalEllipsoid } from './at-target.ts';
import type { CaseState } from './case.ts';
import { criticalOutside, gridVolume, type OutsideStructure } from './critical-outside.ts';
import { beamAxis, spotOf } from './focal-spot.ts';
import { focusOf } from './focus.ts';
import { bioheatKernelsOf, kernels } from './kernels/current.ts';
import { mediumOf } from './medium.ts';
import type { BeyondFocus } from './outcomes.ts';
import { recordRequest } from './record-request.ts';
import { labelRegion } from './region-labels.ts';
import type { BeamRequest, SonicateRequest } from './requests.ts';
import { type LazySourceLayout, lazySourceLayout } from './source-layout.ts';
import { bowlBeyondCritical, type PlanningTraceRun, planningTraceRun } from './trace-beams.ts';
import { type Validity, validityOf } from './validity.ts';
import { type WholePathSetup, wholePathSetup } from './whole-path.ts';

/**
 * A cube of voxels centred on the focus (the electronic focus when the array steers), with an odd count per side
 * so the focus is a voxel centre.
 * @param request - the region's size and spacing [m], pose and focus
 * @returns the grid [m]
 */
export function regionGrid(request: SonicateRequest): VoxelGrid {
  const { size, spacing } = request.region;
  const n = Math.max(3, Math.round(size / spacing) | 1);
  const half = ((n - 1) * spacing) / 2;
  const [x, y, z] = focusOf(request);
  return { nx: n, ny: n, nz: n, spacing, origin: [x - half, y - half, z - half] };
}

/** The labelled focal region and whole path of a request: what a reused sonication need not label again. */
interface WholePathLabels {
  region: ReturnType<typeof labelRegion>;
  path: WholePathSetup;
}

/**
 * What a request's labelled region and path depend on (labelRegion's and wholePathSetup's inputs: the sources'
 * positions, whose paths to the focus follow from them, the focus, the region, the frequency, the tissues and the
 * lattice's refinement), as text: two requests with the same key share their labels whatever their drive.
 * @param request - the request
 * @param positions - its traced sources' positions (planningTraceRun's traced.elements) [m]
 * @returns the key
 */
export function labelsKey(request: SonicateRequest, positions: Float64Array): string {
  return canonical({
    pose: request.pose,
    positions,
    focus: focusOf(request),
    grid: regionGrid(request),
    frequency: request.transducer.frequency,
    tissueOverrides: request.tissueOverrides ?? {},
    refinement: request.latticeRefinement ?? 1,
  });
}

/**
 * The request's labelled region and path: kept from a sonication of the same geometry (acoustics-reuse.ts), else
 * labelled now and kept.
 */
function wholePathLabels(
  state: CaseState,
  request: SonicateRequest,
  run: PlanningTraceRun,
  grid: VoxelGrid,
  medium: Medium,
): WholePathLabels {
  const key = labelsKey(request, run.traced.elements.positions);
  const kept = keptLabels<WholePathLabels>(state, key);
  if (kept) return kept;
  const labels = { region: labelRegion(state, grid, medium), path: pathSetup(state, request, run, grid, medium) };
  keepLabels(state, key, labels);
  return labels;
}

/** What one sonication produced, before it is encoded for the app: the region and the core's full result. */
export interface SonicationRun {
  grid: VoxelGrid;
  /** the core's result on the focal region; with the whole-path model, the report covers the whole beam path */
  result: SonicationResult & { wholePath?: WholePathReport };
  /** which field model ran: the whole beam path (default), or the focal region alone with ray gains */
  fieldModel: FieldModel;
  /** where the model stops being trustworthy for this run */
  validity: Validity;
  /** the temperature and dose at the target, and how far the peaks lie from it */
  atTarget: AtTarget;
  /** critical structures of the case the simulated volume does not reach, with their distance from it */
  criticalOutside: OutsideStructure[];
  /** Each source's tissue path to the target, as the core used them. */
  paths: PathSegment[][];
  /** |p| at the electronic focus over |p| at the geometric focus (1 = not steered). */
  steeringLoss: number;
  /** gas or a critical structure the firing beams go on into past the focus (the planning trace's `beyond`) */
  beyond?: BeyondFocus;
  /** the firing beams that crossed gas or a no-pass region on their way to the focus (Run plan blocks such a spot) */
  blockedBeams: { gas: number; nopass: number };
  /**
   * Set when no march ran: the field was computed ahead ('prepared') or was the last sonication's ('last-run'),
   * scaled to this power (only power, time or recording changed: acoustics-reuse.ts).
   */
  fieldReused?: KeptOrigin;
  /** Wall time of path tracing, voxelisation and the core [ms]. */
  elapsedMs: number;
}

/**
 * The field models: 'whole-path' marches the field from the water before the skin to beyond the bone
 * (physics/whole-path); 'focal-ray' is the earlier model, a Rayleigh sum over the focal region with one ray gain per
 * element (physics/acoustic-field.ts), kept for free beams (which come from any direction, so no one beam axis
 * exists) and for comparison.
 */
export type FieldModel = 'whole-path' | 'focal-ray';

/**
 * The model a request runs: its own choice, but free beams always take the focal-ray model.
 * @param request - the request
 * @returns the field model
 */
export function fieldModelOf(request: SonicateRequest): FieldModel {
  if ((request.freeBeams?.length ?? 0) > 0) return 'focal-ray';
  return request.fieldModel ?? 'whole-path';
}

/**
 * One sonication: ray-cast each source's path through the anatomy and judge it (the planning trace), voxelise the
 * region around the focus, then hand both to the numeric core. The worker's sonicate op encodes the run for the
 * app; the headless CLI (src/cli) keeps every field of the core's result.
 * @param state - the loaded case
 * @param request - beams, drive [W], times [s], region [m] and what to record
 * @param onProgress - 0..1, with what the run already knows (physics/snapshot.ts)
 * @param layout - the request's source layout, when the caller already holds it (the CLI reports it)
 * @returns the region, the core's result, the paths and the steering loss
 */
export function runSonication(
  state: CaseState,
  request: SonicateRequest,
  onProgress: SonicationProgress,
  layout: LazySourceLayout = lazySourceLayout(request.transducer),
): SonicationRun {
  // Its big temporaries (thermal problems, states, maxima) are lent, and taken back when it ends.
  return withScratch(() => runSonicationScratched(state, request, onProgress, layout));
}

function runSonicationScratched(
  state: CaseState,
  request: SonicateRequest,
  onProgress: SonicationProgress,
  layout: LazySourceLayout,
): SonicationRun {
  const started = performance.now();
  const focus = focusOf(request);
  // The elements that fire: on by hand and, when asked, not switched off by the safety rule.
  const run = planningTraceRun(state, request, layout);
  const { sources, paths } = run;
  const grid = regionGrid(request);
  const medium: Medium = mediumOf(request);
  const fieldModel = fieldModelOf(request);
  // The same beams, pose, region and tissues as the last sonication: its labels and field, at this power.
  const reuse = fieldModel === 'whole-path' ? reusableSonication<WholePathLabels>(state, request) : undefined;
  const labelled =
    fieldModel === 'whole-path' ? (reuse?.setup ?? wholePathLabels(state, request, run, grid, medium)) : undefined;
  const region = labelled?.region ?? labelRegion(state, grid, medium);
  const { labels, tissueTable, thermalMedium } = region;
  const input: SonicationInput = {
    ...sonicationDrive(request, run, medium),
    grid,
    labels,
    tissueTable,
    thermalMedium,
    ...bioheatKernelsOf(),
    duration: request.duration,
    cooling: request.cooling,
    ...(request.results ? { record: recordRequest(request.results, focus) } : {}),
    // The heat's end is not the run's: its reports, the critical structures and the encoding follow (up to 0.4 s on
    // the femur under load, which a bar standing at 100 % made look stuck), so the core ends at 95 %.
    onProgress: (f, snapshot) => onProgress(0.05 + 0.9 * f, snapshot),
  };
  const common = {
    grid,
    paths: run.traced.paths,
    steeringLoss: steeringLossOf(request, layout),
    fieldModel,
    ...(reuse ? { fieldReused: reuse.origin } : {}),
    ...(run.trace.beyond ? { beyond: run.trace.beyond } : {}),
    blockedBeams: blockedBeams(run.trace),
  };
  const focusTissue = state.model.tissueAt(focus);
  // The focal spot around the target, to tell a peak in it (where the user aimed) from one away from it.
  const focalSpot = spotOf(request, sources);
  const spot = focalEllipsoid(focalSpot, beamAxis(request, sources), grid.spacing);
  const focal = { lateralFwhm: focalSpot.lateralFwhm, spacing: grid.spacing };
  if (fieldModel === 'focal-ray') {
    onProgress(0.05);
    // The ray model needs every source's path: a bowl's patches are traced only when it runs.
    const rayPaths = run.singleElement ? tracePaths(state, sources.elements, focus) : paths;
    const result = simulateSonication({ ...input, elementPaths: rayPaths });
    const validity = validityOf(focusTissue, medium, [result.peakTemperature], undefined, focal);
    const sonication: SonicationRun = {
      ...common,
      result,
      validity,
      atTarget: targetAndPeak(state, grid, result, focus, spot),
      criticalOutside: criticalOutside(state, result, gridVolume(grid, edgeMax(grid, result.maxTemperature))),
      elapsedMs: performance.now() - started,
    };
    onProgress(1);
    return sonication;
  }
  const setup = labelled?.path ?? pathSetup(state, request, run, grid, medium);
  onProgress(0.05);
  const simulated = simulateWholePathSonication({
    ...input,
    couplingTissue: setup.coupling,
    wholePath: wholePathOf(setup, run),
    ...(reuse
      ? { reuse: reuse.field }
      : {
          onAcoustics: (field) =>
            keepSonication<WholePathLabels>(state, request, { region, path: setup }, field, 'last-run'),
        }),
  });
  const result = run.singleElement
    ? { ...simulated, ...bowlBeyondCritical(run, request.transducer.frequency, medium, request.acousticPower) }
    : simulated;
  const validity = validityOf(
    focusTissue,
    medium,
    [result.peakTemperature, result.wholePath.pathPeakTemperature.temperature],
    setup.validity,
    focal,
    result.wholePath.solidAtFocus,
  );
  const frame = setup.wholePath.frame;
  const sonication: SonicationRun = {
    ...common,
    result,
    validity,
    atTarget: targetAndPeak(state, grid, result, focus, spot),
    criticalOutside: criticalOutside(
      state,
      result,
      gridVolume(result.wholePath.coarseGrid, result.wholePath.edgeTemperature, (p) => toBeam(frame, p)),
    ),
    elapsedMs: performance.now() - started,
  };
  onProgress(1);
  return sonication;
}

/** The firing beams of a trace whose path crossed gas or a no-pass region. */
function blockedBeams(trace: PlanningTraceRun['trace']): { gas: number; nopass: number } {
  const counts = { gas: 0, nopass: 0 };
  for (let e = 0; e < trace.statuses.length; e++) {
    if (trace.firing[e] !== 1) continue;
    const status = BEAM_STATUS_CODES[trace.statuses[e] as number];
    if (status === 'gas' || status === 'nopass') counts[status]++;
  }
  return counts;
}

/** What happened at the target, and the tissue at the run's hottest voxel. */
function targetAndPeak(
  state: CaseState,
  grid: VoxelGrid,
  result: SonicationResult,
  focus: readonly [number, number, number],
  spot: FocalEllipsoid,
): AtTarget {
  const at = atTarget(grid, result.maxTemperature, result.dose, focus, result, spot, (p) => state.model.tissueAt(p));
  return { ...at, peakTemperatureTissue: state.model.tissueAt(result.peakTemperatureLocation) };
}

/** The request's whole path, labelled (wholePathSetup on its trace, region and tissues). */
function pathSetup(
  state: CaseState,
  request: SonicateRequest,
  run: PlanningTraceRun,
  grid: VoxelGrid,
  medium: Medium,
): WholePathSetup {
  return wholePathSetup(
    state,
    request.pose,
    run.traced.elements.positions,
    run.traced.paths,
    focusOf(request),
    grid,
    request.transducer.frequency,
    medium,
    request.latticeRefinement,
  );
}

/**
 * The path the core marches, with this run's kernels (labels kept from another run carry that run's: the GPU may
 * serve the sums of one and not the next); a uniformly driven single-element bowl on its axis is axisymmetric.
 */
function wholePathOf(setup: WholePathSetup, run: PlanningTraceRun) {
  const { rayleigh: _labelledWith, ...path } = setup.wholePath;
  const { slices, rayleigh } = kernels();
  return {
    ...path,
    kernels: slices,
    ...(rayleigh ? { rayleigh } : {}),
    axisymmetric: run.singleElement && run.firing.every((f) => f === 1),
  };
}

/**
 * Computes a sonication's field ahead of it — labels, lattice, input plane and march, no heat — and keeps it, so
 * that the Sonicate that follows runs the heat alone (acoustics-reuse.ts). The app asks for it when the user has
 * stopped changing the beams for a moment; nothing is computed when the kept field already serves the request, or
 * for the focal-ray model.
 * @param state - the loaded case
 * @param request - the sonication the user is setting up
 * @param onProgress - 0..1 of the field (a Sonicate waiting for it shows this as its own first half)
 * @param layout - the request's source layout, when the caller already holds it
 * @returns true when a field was computed and kept
 */
export function prepareSonication(
  state: CaseState,
  request: SonicateRequest,
  onProgress: (fraction: number) => void = () => {},
  layout: LazySourceLayout = lazySourceLayout(request.transducer),
): boolean {
  // Its big temporaries (thermal problems, states, maxima) are lent, and taken back when it ends.
  return withScratch(() => prepareSonicationScratched(state, request, onProgress, layout));
}

function prepareSonicationScratched(
  state: CaseState,
  request: SonicateRequest,
  onProgress: (fraction: number) => void = () => {},
  layout: LazySourceLayout,
): boolean {
  if (fieldModelOf(request) !== 'whole-path' || willReuseField(state, request)) return false;
  const run = planningTraceRun(state, request, layout);
  const grid = regionGrid(request);
  const medium = mediumOf(request);
  const { region, path } = wholePathLabels(state, request, run, grid, medium);
  const field = wholePathAcoustics(
    {
      ...sonicationDrive(request, run, medium),
      couplingTissue: path.coupling,
      grid,
      labels: region.labels,
      tissueTable: region.tissueTable,
      wholePath: wholePathOf(path, run),
    },
    { progress: onProgress },
  );
  keepSonication<WholePathLabels>(state, request, { region, path }, field, 'prepared');
  return true;
}

/**
 * What drives a sonication's field: the firing sources, power, focus, paths, aberration rule and coupling medium.
 * @param request - the request
 * @param run - its planning trace (sources, paths, firing)
 * @param medium - tissue properties
 * @returns the drive the field models take
 */
export function sonicationDrive(request: SonicateRequest, run: PlanningTraceRun, medium: Medium): AcousticDrive {
  return {
    elements: { ...run.sources.elements, radius: run.sources.elementRadius, active: run.firing },
    frequency: request.transducer.frequency,
    acousticPower: request.acousticPower,
    focus: focusOf(request),
    elementPaths: run.paths,
    // A single-element bowl has one phase: it cannot correct aberrations.
    ...(run.singleElement
      ? { aberrationCorrection: false }
      : request.aberrationCorrection === undefined
        ? {}
        : { aberrationCorrection: request.aberrationCorrection }),
    medium,
    // The medium the sources sit in: the water bath, or the tissue of a homogeneous scenario.
    couplingTissue: run.traced.paths[0]?.[0]?.tissue ?? 'water',
  };
}

/** Each source's tissue path to the focus. */
function tracePaths(state: CaseState, elements: ElementSet, focus: readonly [number, number, number]): PathSegment[][] {
  const paths: PathSegment[][] = [];
  for (let e = 0; e < elements.areas.length; e++) {
    const p = elements.positions;
    paths.push(state.model.pathSegments([p[3 * e] as number, p[3 * e + 1] as number, p[3 * e + 2] as number], focus));
  }
  return paths;
}

/**
 * Steering loss of the request's electronic focus, from the transducer frame, in water.
 * @param request - transducer, pose and electronic focus
 * @param layout - the request's source layout (only built when the request steers)
 * @returns |p| at the focus over |p| at the geometric focus (1 when `focus` is absent)
 */
export function steeringLossOf(request: BeamRequest, layout: LazySourceLayout): number {
  const focus = request.focus;
  if (!focus) return 1;
  const { apex, u, v, w } = poseFrame(request.pose);
  const d = [0, 1, 2].map((a) => (focus[a] as number) - (apex[a] as number));
  const dot = (e: readonly number[]) =>
    (d[0] as number) * (e[0] as number) + (d[1] as number) * (e[1] as number) + (d[2] as number) * (e[2] as number);
  const water = TISSUES.water;
  const medium = { density: water.density, speedOfSound: water.speedOfSound, attenuation: 0 };
  return steeringLoss(layout(), request.transducer.radiusOfCurvature, medium, request.transducer.frequency, [
    dot(u),
    dot(v),
    dot(w),
  ]);
}
