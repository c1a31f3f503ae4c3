import type { PlannerStore } from './store.ts';

type Vec3 = [number, number, number];

/** Closer than this, a spot is at the target and the array is not steered [m]. */
const STEERING_TOLERANCE = 1e-4;

/**
 * Where the array focuses electronically: the selected spot, when it lies off the target (the transducer stays
 * with its geometric focus on the target and steers); otherwise the target itself.
 */
export function electronicFocus(state: PlannerStore): Vec3 {
  const spot = state.spots.find((s) => s.id === state.selectedSpotId);
  if (!spot) return state.target;
  const [x, y, z] = spot.focus;
  const [tx, ty, tz] = state.target;
  return Math.hypot(x - tx, y - ty, z - tz) > STEERING_TOLERANCE ? spot.focus : state.target;
}

/** The electronic focus when it differs from the target (a steered array), else undefined. */
export function steeredFocus(state: PlannerStore): Vec3 | undefined {
  const focus = electronicFocus(state);
  return focus === state.target ? undefined : focus;
}
