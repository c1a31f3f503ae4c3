import type { CaseState } from '../../engine/case.ts';
import { runSonication } from '../../engine/sonicate.ts';
import type { SonicateRequest, SonicationOutcome } from '../protocol.ts';
import { buffersOf, timeResolvedArrays } from '../transfer.ts';

/**
 * The sonicate op: the engine's runSonication, encoded as the numbers and typed arrays the results card and the
 * scene read (the core's result has more; the CLI reports it).
 * @param state - the loaded case
 * @param request - the app's request
 * @param onProgress - 0..1
 * @returns the outcome the app stores
 */
export function sonicate(
  state: CaseState,
  request: SonicateRequest,
  onProgress: (fraction: number) => void,
): SonicationOutcome {
  const run = runSonication(state, request, onProgress);
  const { grid, result, steeringLoss, elapsedMs, fieldModel, validity } = run;
  const whole = result.wholePath;
  return {
    summary: {
      fieldModel,
      validity,
      atTarget: run.atTarget,
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
