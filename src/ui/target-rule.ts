import type { PlannerStore } from '../state/store.ts';
import { RULES } from './plan-helpers.ts';
import type { QuantityRule } from './quantity.ts';

export const AXES = ['x', 'y', 'z'] as const;

/**
 * A target coordinate must lie inside the body: within the box of the case's parts along that axis (outside it the
 * focus is in the water bath or the air, where there is nothing to treat).
 * @param bounds - the case's box [m] (absent before a case loads: the coordinate rule alone)
 * @param axis - 0, 1, 2
 * @returns the rule of that field
 */
export function targetRule(
  bounds: NonNullable<PlannerStore['caseSummary']>['bounds'] | undefined,
  axis: number,
): QuantityRule {
  if (!bounds) return RULES.coordinate;
  return {
    ...RULES.coordinate,
    min: bounds.min[axis] as number,
    max: bounds.max[axis] as number,
    why: `the target must be inside the body, which spans this range along ${AXES[axis]}`,
  };
}
