import type { VoxelGrid } from '../../geometry/tissue-model.ts';
import { simulateSonication } from '../../physics/sonication.ts';
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

/**
 * One sonication: ray-cast each element's path through the anatomy, voxelise the region around the target,
 * then hand both to the numeric core.
 */
export function sonicate(
  state: CaseState,
  request: SonicateRequest,
  onProgress: (fraction: number) => void,
  scope: string,
): SonicationOutcome {
  const started = performance.now();
  const { elements, paths } = elementPaths(state, request);
  const grid = regionGrid(request);
  const tissueTable: TissueId[] = [];
  const labels = state.model.voxelise(grid, tissueTable);
  onProgress(0.05);
  const result = simulateSonication({
    elements: { ...elements, radius: request.transducer.elementDiameter / 2 },
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
    elapsedMs: performance.now() - started,
  };
}
