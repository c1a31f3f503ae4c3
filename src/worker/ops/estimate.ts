import {
  type FocalSpot,
  focalField,
  focalGainOf,
  focalSpot,
  isBeyondSteeringRange,
  predictedFocalTemperature,
} from '../../physics/estimate.ts';
import { TISSUES } from '../../physics/tissues.ts';
import type { CaseState } from '../case-state.ts';
import type { Estimate, EstimateRequest } from '../plan-protocol.ts';
import type { BeamSources } from './beam-sources.ts';
import { steeringLossOf } from './sonicate.ts';
import { planningTraceRun } from './trace-beams.ts';

type Vec3 = readonly [number, number, number];

/**
 * The focal spot the estimate assumes: the array's (paraxial, water, R and aperture of the spec); for free beams,
 * a cap with the same spread: R = mean source–focus distance, D = twice the largest distance of a source from the
 * mean beam axis through the focus (at least one beam's diameter).
 */
export function spotOf(request: EstimateRequest, sources: BeamSources): FocalSpot {
  const f = request.transducer.frequency;
  const c = TISSUES.water.speedOfSound;
  if (sources.kind === 'array')
    return focalSpot(f, request.transducer.radiusOfCurvature, request.transducer.aperture, c);
  const focus: Vec3 = request.focus ?? request.pose.target;
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
 */
export function estimate(state: CaseState, request: EstimateRequest): Estimate {
  const started = performance.now();
  const run = planningTraceRun(state, request);
  const focus: Vec3 = request.focus ?? request.pose.target;
  const tissue = state.model.tissueAt(focus);
  const field = focalField(
    {
      elements: { ...run.elements, radius: run.elementRadius, active: run.trace.firing },
      frequency: request.transducer.frequency,
      acousticPower: request.acousticPower,
      focus,
      elementPaths: run.paths,
      ...(request.aberrationCorrection === undefined ? {} : { aberrationCorrection: request.aberrationCorrection }),
    },
    tissue,
  );
  const sources: BeamSources = {
    elements: run.elements,
    elementRadius: run.elementRadius,
    kind: request.freeBeams?.length ? 'free' : 'array',
  };
  const loss = sources.kind === 'free' ? 1 : steeringLossOf(request);
  return {
    beams: run.trace,
    focalPressure: field.pressure,
    focalGain: focalGainOf(field),
    predictedPeakTemperature: predictedFocalTemperature(
      field.heatSource,
      spotOf(request, sources),
      tissue,
      request.duration,
    ),
    steeringLoss: loss,
    beyondSteeringRange: isBeyondSteeringRange(loss),
    elapsedMs: performance.now() - started,
  };
}
