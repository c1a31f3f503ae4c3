import type { PathSegment, VoxelGrid } from '../../geometry/tissue-model.ts';
import { type SonicationResult, simulateSonication } from '../../physics/sonication.ts';
import type { TissueId } from '../../physics/tissue-ids.ts';
import type { CaseState } from '../case-state.ts';
import type { SonicateRequest, SonicationOutcome } from '../protocol.ts';
import { elementPaths } from './trace-beams.ts';

/** A cube of voxels centred on the target. */
export function regionGrid(request: SonicateRequest): VoxelGrid {
  const { size, spacing } = request.region;
  const n = Math.max(3, Math.round(size / spacing) | 1);
  const half = ((n - 1) * spacing) / 2;
  const [x, y, z] = request.pose.target;
  return { nx: n, ny: n, nz: n, spacing, origin: [x - half, y - half, z - half] };
}

/** What one sonication produced, before it is encoded for the app: the region and the core's full result. */
export interface SonicationRun {
  grid: VoxelGrid;
  result: SonicationResult;
  /** Each source's tissue path to the target, as the core used them. */
  paths: PathSegment[][];
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
  const { elements, elementRadius, paths } = elementPaths(state, request);
  const grid = regionGrid(request);
  const tissueTable: TissueId[] = [];
  const labels = state.model.voxelise(grid, tissueTable);
  onProgress(0.05);
  const result = simulateSonication({
    elements: { ...elements, radius: elementRadius },
    frequency: request.transducer.frequency,
    acousticPower: request.acousticPower,
    focus: request.pose.target,
    elementPaths: paths,
    grid,
    labels,
    tissueTable,
    duration: request.duration,
    cooling: request.cooling,
    onProgress: (f) => onProgress(0.05 + 0.95 * f),
  });
  return { grid, result, paths, elapsedMs: performance.now() - started };
}

/** The app's sonicate op: runSonication, encoded as the numbers and typed arrays the results card and scene read. */
export function sonicate(
  state: CaseState,
  request: SonicateRequest,
  onProgress: (fraction: number) => void,
  scope: string,
): SonicationOutcome {
  const { grid, result, elapsedMs } = runSonication(state, request, onProgress);
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
    },
    grid,
    maxTemperature: result.maxTemperature,
    dose: result.dose,
    pressure: result.pressure,
    time: result.time,
    hottestTemperature: result.hottestTemperature,
    computedIn: scope,
    elapsedMs,
  };
}
