import {
  type FocalSpot,
  focalField,
  focalGainOf,
  focalSpot,
  isBeyondSteeringRange,
  predictedFocalTemperature,
} from '../physics/estimate.ts';
import { TISSUES } from '../physics/tissues.ts';
import type { BeamSources } from './beam-sources.ts';
import type { CaseState } from './case.ts';
import { focusOf } from './focus.ts';
import { mediumOf } from './medium.ts';
import type { Estimate } from './outcomes.ts';
import type { EstimateRequest } from './requests.ts';
import { steeringLossOf } from './sonicate.ts';
import { lazySourceLayout } from './source-layout.ts';
import { planningTraceRun } from './trace-beams.ts';

/**
 * The focal spot the estimate assumes: the array's (paraxial, water, R and aperture of the spec); for free beams,
 * a cap with the same spread: R = mean source–focus distance, D = twice the largest distance of a source from the
 * mean beam axis through the focus (at least one beam's diameter).
 * @param request - transducer and focus
 * @param sources - the request's sources (beamSources)
 * @returns the focal spot's size [m]
 */
export function spotOf(request: EstimateRequest, sources: BeamSources): FocalSpot {
  const f = request.transducer.frequency;
  const c = TISSUES.water.speedOfSound;
  if (sources.kind === 'array')
    return focalSpot(f, request.transducer.radiusOfCurvature, request.transducer.aperture, c);
  const focus = focusOf(request);
  const p = sources.elements.positions;
  const n = p.length / 3;
  const axis = [0, 0, 0];
  let meanR = 0;
  for (let e = 0; e < n; e++) {
    const d = [0, 1, 2].map((a) => (p[3 * e + a] as number) - (focus[a] as number));
    const r = Math.hypot(...d);
    meanR += r / n;
    for (let a = 0; a < 3; a++) axis[a] = (axis[a] as number) + (d[a] as number) / r;
  }
  const norm = Math.hypot(...axis) || 1;
  let spread = 2 * sources.elementRadius;
  for (let e = 0; e < n; e++) {
    const d = [0, 1, 2].map((a) => (p[3 * e + a] as number) - (focus[a] as number));
    const along = d.reduce((sum, x, a) => sum + x * ((axis[a] as number) / norm), 0);
    const lateral = Math.sqrt(Math.max(0, d.reduce((sum, x) => sum + x * x, 0) - along * along));
    spread = Math.max(spread, 2 * lateral);
  }
  return focalSpot(f, meanR, spread, c);
}

/**
 * Live estimate (issue "Beam planning"): planning trace, |p| and q at the focus from the firing elements
 * (single-point Rayleigh sum with their path gains, physics/estimate.ts focalField), focal gain, the Gaussian-source
 * temperature after `duration`, steering loss and range. No voxelisation, no Pennes run.
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
  return {
    beams: run.trace,
    focalPressure: field.pressure,
    focalGain: focalGainOf(field, medium),
    predictedPeakTemperature: predictedFocalTemperature(
      field.heatSource,
      spotOf(request, run.sources),
      tissue,
      request.duration,
      medium,
    ),
    steeringLoss: loss,
    beyondSteeringRange: isBeyondSteeringRange(loss),
    elapsedMs: performance.now() - started,
  };
}
