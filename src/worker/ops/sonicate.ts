import type { CaseState } from '../../engine/case.ts';
import { installedRayleigh, withRayleighKernel } from '../../engine/kernels/current.ts';
import { type ServedEvent, servedRayleigh } from '../../engine/kernels/served-rayleigh.ts';
import { sonicationRayleighSums } from '../../engine/kernels/sonication-sums.ts';
import { prepareSonication, runSonication } from '../../engine/sonicate.ts';
import { type AsyncRayleigh, presolve, servedSummary } from '../../gpu/presolve.ts';
import type { RayleighKernel } from '../../physics/rayleigh.ts';
import type { SonicationProgress } from '../../physics/snapshot.ts';
import type { SonicateRequest, SonicationOutcome } from '../protocol.ts';
import { buffersOf, timeResolvedArrays } from '../transfer.ts';

/**
 * The sonicate op: the engine's runSonication, encoded as the numbers and typed arrays the results card and the
 * scene read (the core's result has more; the CLI reports it).
 * @param state - the loaded case
 * @param request - the app's request
 * @param onProgress - 0..1, with what the run already knows
 * @param rayleigh - the Rayleigh kernel for this run (sums served from the GPU, gpuRayleighFor); default the
 *   installed one
 * @returns the outcome the app stores
 */
export function sonicate(
  state: CaseState,
  request: SonicateRequest,
  onProgress: SonicationProgress,
  rayleigh?: RayleighKernel,
): SonicationOutcome {
  const run = rayleigh
    ? withRayleighKernel(rayleigh, () => runSonication(state, request, onProgress))
    : runSonication(state, request, onProgress);
  const { grid, result, steeringLoss, elapsedMs, fieldModel, validity } = run;
  const whole = result.wholePath;
  return {
    summary: {
      fieldModel,
      ...(run.fieldReused ? { fieldReused: run.fieldReused } : {}),
      validity,
      atTarget: run.atTarget,
      blockedBeams: { ...run.blockedBeams },
      ...(whole
        ? {
            targetPressure: whole.focusPressure,
            pathPeakTemperature: { ...whole.pathPeakTemperature, location: [...whole.pathPeakTemperature.location] },
            shearPower: whole.shearPower,
          }
        : {}),
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
      criticalOutside: run.criticalOutside,
    },
    time: result.time,
    hottestTemperature: result.hottestTemperature,
    ...(result.series && result.frames ? { series: result.series, frames: result.frames } : {}),
    elapsedMs,
  };
}

/**
 * The prepare op: the field of the sonication the user is setting up, computed ahead and kept in this worker, so
 * the Sonicate that follows runs the heat alone (engine prepareSonication).
 * @param state - the loaded case
 * @param request - the sonication as it stands
 * @param onProgress - 0..1 of the field
 * @param rayleigh - the Rayleigh kernel for this run (GPU-served), as for sonicate
 * @returns true when a field was computed (false: the kept one serves already, or the focal-ray model)
 */
export function prepare(
  state: CaseState,
  request: SonicateRequest,
  onProgress: (fraction: number) => void,
  rayleigh?: RayleighKernel,
): boolean {
  return rayleigh
    ? withRayleighKernel(rayleigh, () => prepareSonication(state, request, onProgress))
    : prepareSonication(state, request, onProgress);
}

/**
 * The Rayleigh kernel a sonication runs with when a GPU is at hand: the sums the run will ask for (the engine says
 * which) evaluated on the GPU first, then served to the synchronous run; any other sum, and all of them if the GPU
 * fails, on the installed CPU kernel.
 * @param state - the loaded case
 * @param request - the app's request
 * @param gpu - the GPU kernel (absent: nothing to do)
 * @returns the kernel and, for after the run, a line saying where the sums ran; undefined without a GPU
 */
export async function gpuRayleighFor(
  state: CaseState,
  request: SonicateRequest,
  gpu: AsyncRayleigh | undefined,
): Promise<{ kernel: RayleighKernel; summary: () => string } | undefined> {
  if (!gpu) return undefined;
  const sums = sonicationRayleighSums(state, request);
  if (sums.length === 0) return undefined;
  const presolved = await presolve(sums, gpu);
  const events: ServedEvent[] = [];
  const kernel = servedRayleigh(presolved.solved, installedRayleigh(), gpu.name, (event) => events.push(event));
  return { kernel, summary: () => servedSummary(presolved, events, gpu.name) };
}

/** The buffers of a sonication outcome to transfer: every voxel field and time history. */
export function sonicateTransfer(outcome: SonicationOutcome): ArrayBuffer[] {
  return buffersOf([
    outcome.maxTemperature,
    outcome.dose,
    outcome.pressure,
    outcome.heatSource,
    outcome.time,
    outcome.hottestTemperature,
    ...timeResolvedArrays(outcome),
  ]);
}
