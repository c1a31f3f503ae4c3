/**
 * Messages of beam planning (issue "Beam planning"): live estimates while dragging, the automatic spot grid and
 * a plan of several sonications. Plain data, SI units, defined by the engine (which the CLI shares) and
 * re-exported here, like protocol.ts.
 */

export type { Estimate, PlanningBeamTrace, PlanOutcome, PlanSpotOutcome } from '../engine/outcomes.ts';
export type {
  EstimateRequest,
  NoPassRegion,
  PlanningBeamRequest,
  PlanRequest,
  PlanSpotRequest,
  SpotGridRequest,
} from '../engine/requests.ts';
