import { scaledAcoustics } from '../physics/whole-path/scaled-acoustics.ts';
import type { SpotAcoustics } from '../physics/whole-path/spot-acoustics.ts';
import { planAcousticKey } from './acoustic-key.ts';
import type { CaseState } from './case.ts';
import { kernels } from './kernels/current.ts';
import type { PlanRequest, PlanSpotRequest } from './requests.ts';

/** The fields of a plan's spots, each at the power it was computed for, on one plan's region and lattice. */
interface KeptPlan {
  /** planAcousticKey of the plan, and the kernels that marched the fields */
  readonly key: string;
  readonly slices: unknown;
  readonly fields: Map<string, { acoustics: SpotAcoustics; power: number }>;
}

/** The last plan of each case (per worker: each keeps the spots it computed). */
const kept = new WeakMap<CaseState, KeptPlan>();

const focusKey = (spot: PlanSpotRequest): string => spot.focus.join(',');

/** A plan's kept spot fields: what a run of the same plan (other powers or times) takes instead of marching. */
export interface PlanFields {
  /** the spot's field at its power, when kept */
  get(spot: PlanSpotRequest): SpotAcoustics | undefined;
  /** whether `get` gives the spot's field (without making it) */
  has(spot: PlanSpotRequest): boolean;
  /** keeps a field computed at the spot's power */
  keep(spot: PlanSpotRequest, acoustics: SpotAcoustics): void;
}

/**
 * The kept fields of `request`'s plan: the same beams, pose, region and spot foci as the last plan run on this
 * worker. A spot's field is linear in its drive, so one computed at another power comes back rescaled (as a
 * sonication's does, acoustics-reuse.ts). A plan with other foci or beams starts an empty store.
 * @param state - the case
 * @param request - the plan
 * @returns the store
 */
export function planFields(state: CaseState, request: PlanRequest): PlanFields {
  const key = planAcousticKey(request);
  let plan = kept.get(state);
  if (!plan || plan.key !== key || plan.slices !== kernels().slices) {
    plan = { key, slices: kernels().slices, fields: new Map() };
    kept.set(state, plan);
  }
  const fields = plan.fields;
  const ratioOf = (spot: PlanSpotRequest): number | undefined => {
    const field = fields.get(focusKey(spot));
    const ratio = field ? spot.acousticPower / field.power : Number.NaN;
    return ratio > 0 && Number.isFinite(ratio) ? ratio : undefined;
  };
  return {
    has: (spot) => ratioOf(spot) !== undefined,
    get(spot) {
      const field = fields.get(focusKey(spot));
      const ratio = ratioOf(spot);
      if (!field || ratio === undefined) return undefined;
      // Always new arrays: a pool's worker transfers the fields it hands over, which would empty the kept ones.
      return scaledAcoustics(field.acoustics, ratio);
    },
    keep(spot, acoustics) {
      fields.set(focusKey(spot), { acoustics: scaledAcoustics(acoustics, 1), power: spot.acousticPower });
    },
  };
}

/**
 * Lets go of a case's kept plan fields (their memory; or a check that the pool's workers compute alike).
 * @param state - the case
 */
export function forgetPlanFields(state: CaseState): void {
  kept.delete(state);
}
