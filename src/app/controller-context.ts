import { createContext, useContext } from 'react';
import type { PlannerController } from './controller.ts';

/**
 * The planner's controller, for a mode that adds to the planner rather than replacing it (the learn mode's
 * exercises load a case, sonicate and read the results through it). Undefined until the app has made it.
 */
export const PlannerControllerContext = createContext<PlannerController | undefined>(undefined);

/** The planner's controller, or undefined while the app starts. */
export function usePlannerController(): PlannerController | undefined {
  return useContext(PlannerControllerContext);
}
