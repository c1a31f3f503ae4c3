import { steeredFocus, usesFreeBeams } from '../state/selectors.ts';
import type { PlannerStore } from '../state/store.ts';
import type { EstimateRequest, PlanningBeamRequest, PlanRequest } from '../worker/plan-protocol.ts';
import type { SonicateRequest } from '../worker/protocol.ts';
import type { ResultsRequest } from '../worker/results-protocol.ts';
import { DEFAULT_REGION } from './defaults.ts';

/**
 * Requests to the worker, built from the store's plan. Pure functions of the state, so what the app asks for is
 * exactly what the panels show. What a run's results depend on is `sonicationInputs`/`planInputs`
 * (state/selectors.ts): keep the two in step when a request gains a field.
 */

/** The elements switched on by hand, as the worker's mask (1 = on). */
export function elementsOnMask(state: PlannerStore): Uint8Array {
  const mask = new Uint8Array(state.transducer.elementCount).fill(1);
  for (const index of state.elementsOff) if (index >= 0 && index < mask.length) mask[index] = 0;
  return mask;
}

export function planningBeamRequest(state: PlannerStore): PlanningBeamRequest {
  const request: PlanningBeamRequest = {
    transducer: state.transducer,
    pose: { target: state.target, direction: state.beamDirection, distance: state.transducer.radiusOfCurvature },
    noPass: state.noPass,
    autoSwitchOff: state.autoSwitchOff,
    aberrationCorrection: state.aberrationCorrection,
  };
  const focus = steeredFocus(state);
  if (focus) request.focus = focus;
  // Only when something changed: a default request stays the very one `npm run simulate` builds from a scenario.
  if (Object.keys(state.tissueOverrides).length > 0) request.tissueOverrides = state.tissueOverrides;
  // Hand-switched element indices belong to the array; free beams are all on until a rule switches them off.
  if (usesFreeBeams(state)) request.freeBeams = state.freeBeams;
  else request.elementsOn = elementsOnMask(state);
  return request;
}

export function estimateRequest(state: PlannerStore): EstimateRequest {
  return {
    ...planningBeamRequest(state),
    acousticPower: state.sonication.acousticPower,
    duration: state.sonication.duration,
  };
}

/** What every run records for the plots, replay and export: the focus and the user's probe points. */
export function resultsRequest(state: PlannerStore): ResultsRequest {
  return { probes: state.probes.map((p) => p.point), probeLabels: state.probes.map((p) => p.label) };
}

/** One sonication at the target; the worker judges the beams (hand switches, the automatic rule) itself. */
export function sonicateRequest(state: PlannerStore): SonicateRequest {
  return { ...planningBeamRequest(state), ...state.sonication, region: DEFAULT_REGION, results: resultsRequest(state) };
}

export function planRequest(state: PlannerStore): PlanRequest {
  return {
    ...planningBeamRequest(state),
    spots: state.spots.map(({ id, focus, acousticPower, duration, cooling }) => ({
      id,
      focus,
      acousticPower,
      duration,
      cooling,
    })),
    spacing: DEFAULT_REGION.spacing,
    results: { ...resultsRequest(state), spotFoci: true },
  };
}
