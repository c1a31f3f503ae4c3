import type { PathSegment, VoxelGrid } from '../geometry/tissue-model.ts';
import { poseFrame } from '../geometry/transducer-pose.ts';
import { steeringLoss } from '../physics/focusing.ts';
import { type SonicationResult, simulateSonication } from '../physics/sonication.ts';
import type { TissueId } from '../physics/tissue-ids.ts';
import { TISSUES } from '../physics/tissues.ts';
import type { CaseState } from './case.ts';
import { focusOf } from './focus.ts';
import { recordRequest } from './record-request.ts';
import type { BeamRequest, SonicateRequest } from './requests.ts';
import { type LazySourceLayout, lazySourceLayout } from './source-layout.ts';
import { planningTraceRun } from './trace-beams.ts';

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

/** What one sonication produced, before it is encoded for the app: the region and the core's full result. */
export interface SonicationRun {
  grid: VoxelGrid;
  result: SonicationResult;
  /** Each source's tissue path to the target, as the core used them. */
  paths: PathSegment[][];
  /** |p| at the electronic focus over |p| at the geometric focus (1 = not steered). */
  steeringLoss: number;
  /** Wall time of path tracing, voxelisation and the core [ms]. */
  elapsedMs: number;
}

/**
 * One sonication: ray-cast each source's path through the anatomy and judge it (the planning trace), voxelise the
 * region around the focus, then hand both to the numeric core. The worker's sonicate op encodes the run for the
 * app; the headless CLI (src/cli) keeps every field of the core's result.
 * @param state - the loaded case
 * @param request - beams, drive [W], times [s], region [m] and what to record
 * @param onProgress - 0..1
 * @param layout - the request's source layout, when the caller already holds it (the CLI reports it)
 * @returns the region, the core's result, the paths and the steering loss
 */
export function runSonication(
  state: CaseState,
  request: SonicateRequest,
  onProgress: (fraction: number) => void,
  layout: LazySourceLayout = lazySourceLayout(request.transducer),
): SonicationRun {
  const started = performance.now();
  const focus = focusOf(request);
  // The elements that fire: on by hand and, when asked, not switched off by the safety rule.
  const { sources, paths, trace } = planningTraceRun(state, request, layout);
  const grid = regionGrid(request);
  const tissueTable: TissueId[] = [];
  const labels = state.model.voxelise(grid, tissueTable);
  onProgress(0.05);
  const result = simulateSonication({
    elements: { ...sources.elements, radius: sources.elementRadius, active: trace.firing },
    frequency: request.transducer.frequency,
    acousticPower: request.acousticPower,
    focus,
    elementPaths: paths,
    ...(request.aberrationCorrection === undefined ? {} : { aberrationCorrection: request.aberrationCorrection }),
    grid,
    labels,
    tissueTable,
    duration: request.duration,
    cooling: request.cooling,
    ...(request.results ? { record: recordRequest(request.results, focus) } : {}),
    onProgress: (f) => onProgress(0.05 + 0.95 * f),
  });
  return {
    grid,
    result,
    paths,
    steeringLoss: steeringLossOf(request, layout),
    elapsedMs: performance.now() - started,
  };
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
