import { focalField, focalGainOf, isBeyondSteeringRange, predictedFocalTemperature } from '../physics/estimate.ts';
import { boneInSpot } from './bone-in-spot.ts';
import type { CaseState } from './case.ts';
import { beamAxis, spotOf } from './focal-spot.ts';
import { focusOf } from './focus.ts';
import { mediumOf } from './medium.ts';
import type { Estimate } from './outcomes.ts';
import type { EstimateRequest } from './requests.ts';
import { steeringLossOf } from './sonicate.ts';
import { lazySourceLayout } from './source-layout.ts';
import { planningTraceRun } from './trace-beams.ts';

/**
 * Live estimate (issue "Beam planning"): planning trace, |p| and q at the focus from the firing elements
 * (single-point Rayleigh sum with their path gains, physics/estimate.ts focalField), focal gain, the Gaussian-source
 * temperature after `duration`, steering loss and range, and any bone in the focal spot (where that temperature
 * stops being a model: bone-in-spot.ts). No voxelisation, no Pennes run.
 * @param state - the loaded case
 * @param request - beams, power [W] and duration [s]
 * @returns the trace and the focal numbers
 */
export function estimate(state: CaseState, request: EstimateRequest): Estimate {
  const started = performance.now();
  const layout = lazySourceLayout(request.transducer);
  const run = planningTraceRun(state, request, layout);
  const focus = focusOf(request);
  const tissue = state.model.tissueAt(focus);
  const medium = mediumOf(request);
  // The traced sources: every element, or a single-element bowl's sample standing for its whole area.
  const field = focalField(
    {
      elements: { ...run.traced.elements, radius: run.traced.elementRadius, active: run.trace.firing },
      frequency: request.transducer.frequency,
      acousticPower: request.acousticPower,
      focus,
      elementPaths: run.traced.paths,
      medium,
      couplingTissue: run.traced.paths[0]?.[0]?.tissue ?? 'water',
      ...(run.singleElement
        ? { aberrationCorrection: false }
        : request.aberrationCorrection === undefined
          ? {}
          : { aberrationCorrection: request.aberrationCorrection }),
    },
    tissue,
  );
  // Free beams are each aimed at the focus: nothing is steered.
  const loss = run.sources.kind === 'free' ? 1 : steeringLossOf(request, layout);
  const spot = spotOf(request, run.sources);
  const bone = boneInSpot((p) => state.model.tissueAt(p), focus, beamAxis(request, run.sources), spot);
  const aim = request.pose.target;
  const steered = aim[0] !== focus[0] || aim[1] !== focus[1] || aim[2] !== focus[2];
  return {
    beams: run.trace,
    focalPressure: field.pressure,
    focalGain: focalGainOf(field, medium),
    focusTissue: tissue,
    ...(steered ? { targetTissue: state.model.tissueAt(aim) } : {}),
    predictedPeakTemperature: predictedFocalTemperature(field.heatSource, spot, tissue, request.duration, medium),
    steeringLoss: loss,
    beyondSteeringRange: isBeyondSteeringRange(loss),
    ...(bone ? { boneInSpot: bone } : {}),
    elapsedMs: performance.now() - started,
  };
}
