import type { PathSegment, VoxelGrid } from '../../geometry/tissue-model.ts';
import { poseFrame } from '../../geometry/transducer-pose.ts';
import { steeringLoss } from '../../physics/focusing.ts';
import { type SonicationResult, simulateSonication } from '../../physics/sonication.ts';
import type { TissueId } from '../../physics/tissue-ids.ts';
import { TISSUES } from '../../physics/tissues.ts';
import type { CaseState } from '../case-state.ts';
import type { BeamRequest, SonicateRequest, SonicationOutcome } from '../protocol.ts';
import { recordRequest } from './results.ts';
import { sourceLayout } from './source-layout.ts';
import { planningTraceRun } from './trace-beams.ts';

/** A cube of voxels centred on the focus (the electronic focus when the array steers). */
export function regionGrid(request: SonicateRequest): VoxelGrid {
  const { size, spacing } = request.region;
  const n = Math.max(3, Math.round(size / spacing) | 1);
  const half = ((n - 1) * spacing) / 2;
  const [x, y, z] = request.focus ?? request.pose.target;
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
 * One sonication: ray-cast each element's path through the anatomy, voxelise the region around the target,
 * then hand both to the numeric core. Shared by the app's op below and the headless CLI (src/cli), which keeps
 * every field of the core's result.
 */
export function runSonication(
  state: CaseState,
  request: SonicateRequest,
  onProgress: (fraction: number) => void,
): SonicationRun {
  const started = performance.now();
  // The elements that fire: on by hand and, when asked, not switched off by the safety rule.
  const { elements, elementRadius, paths, trace } = planningTraceRun(state, request);
  const grid = regionGrid(request);
  const tissueTable: TissueId[] = [];
  const labels = state.model.voxelise(grid, tissueTable);
  onProgress(0.05);
  const result = simulateSonication({
    elements: { ...elements, radius: elementRadius, active: trace.firing },
    frequency: request.transducer.frequency,
    acousticPower: request.acousticPower,
    focus: request.focus ?? request.pose.target,
    elementPaths: paths,
    ...(request.aberrationCorrection === undefined ? {} : { aberrationCorrection: request.aberrationCorrection }),
    grid,
    labels,
    tissueTable,
    duration: request.duration,
    cooling: request.cooling,
    ...(request.results ? { record: recordRequest(request.results, request.focus ?? request.pose.target) } : {}),
    onProgress: (f) => onProgress(0.05 + 0.95 * f),
  });
  return { grid, result, paths, steeringLoss: steeringLossOf(request), elapsedMs: performance.now() - started };
}

/** Steering loss of the request's electronic focus, from the transducer frame (1 when it is not steered). */
export function steeringLossOf(request: BeamRequest): number {
  if (!request.focus) return 1;
  const { apex, u, v, w } = poseFrame(request.pose);
  const d = [0, 1, 2].map((a) => (request.focus?.[a] ?? 0) - (apex[a] as number));
  const dot = (e: readonly number[]) =>
    (d[0] as number) * (e[0] as number) + (d[1] as number) * (e[1] as number) + (d[2] as number) * (e[2] as number);
  const water = TISSUES.water;
  const medium = { density: water.density, speedOfSound: water.speedOfSound, attenuation: 0 };
  const layout = sourceLayout(request.transducer);
  return steeringLoss(layout, request.transducer.radiusOfCurvature, medium, request.transducer.frequency, [
    dot(u),
    dot(v),
    dot(w),
  ]);
}

/** The app's sonicate op: runSonication, encoded as the numbers and typed arrays the results card and scene read. */
export function sonicate(
  state: CaseState,
  request: SonicateRequest,
  onProgress: (fraction: number) => void,
  scope: string,
): SonicationOutcome {
  const { grid, result, steeringLoss, elapsedMs } = runSonication(state, request, onProgress);
  return {
    summary: {
      peakPressure: result.peakPressure,
      peakPressureLocation: result.peakPressureLocation,
      focalIntensity: result.focalIntensity,
      peakTemperature: result.peakTemperature,
      peakTemperatureLocation: result.peakTemperatureLocation,
      peakDose: result.peakDose,
      ablationVolume: result.ablationVolume,
      energy: result.energy,
      activeElements: result.activeElements,
      timeStep: result.timeStep,
      steeringLoss,
      elementsBeyondCriticalAngle: result.elementsBeyondCriticalAngle,
      lesionCoverage: result.lesionCoverage,
    },
    grid,
    maxTemperature: result.maxTemperature,
    dose: result.dose,
    pressure: result.pressure,
    heatSource: result.heatSource,
    doses: {
      tissueDose: result.tissueDose,
      boneDose: result.boneDose,
      criticalDose: result.criticalDose,
      lesionCoverage: result.lesionCoverage,
      boneSurfaceOutsideTarget: result.boneSurfaceOutsideTarget,
      safetyDoseThreshold: result.safetyDoseThreshold,
    },
    time: result.time,
    hottestTemperature: result.hottestTemperature,
    ...(result.series && result.frames ? { series: result.series, frames: result.frames } : {}),
    computedIn: scope,
    elapsedMs,
  };
}
