import type { PlannerStore } from '../state/store.ts';
import type { EstimateRequest, PlanningBeamRequest, PlanRequest } from '../worker/plan-protocol.ts';
import type { SonicateRequest } from '../worker/protocol.ts';
import { DEFAULT_REGION } from './defaults.ts';

/**
 * Requests to the worker, built from the store's plan. Pure functions of the state, so what the app asks for is
 * exactly what the panels show.
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
    elementsOn: elementsOnMask(state),
    noPass: state.noPass,
    autoSwitchOff: state.autoSwitchOff,
    aberrationCorrection: state.aberrationCorrection,
  };
  if (state.freeBeamMode && state.freeBeams.length > 0) request.freeBeams = state.freeBeams;
  return request;
}

export function estimateRequest(state: PlannerStore): EstimateRequest {
  return {
    ...planningBeamRequest(state),
    acousticPower: state.sonication.acousticPower,
    duration: state.sonication.duration,
  };
}

/**
 * One sonication at the target. The elements that fire are those the live estimate says fire (hand-switched
 * and, when asked, the automatic rule); before any estimate, the hand-switched mask.
 */
export function sonicateRequest(state: PlannerStore): SonicateRequest {
  const beams = planningBeamRequest(state);
  const firing = state.estimate?.beams.firing;
  const request: SonicateRequest = {
    ...beams,
    elementsOn: firing && firing.length === state.transducer.elementCount ? firing : elementsOnMask(state),
    ...state.sonication,
    region: DEFAULT_REGION,
  };
  return request;
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
  };
}
