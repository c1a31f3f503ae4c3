import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { PlannerStore, PlannerStoreApi } from './store.ts';

export const PlannerStoreContext = createContext<PlannerStoreApi | null>(null);

export function usePlannerStoreApi(): PlannerStoreApi {
  const store = useContext(PlannerStoreContext);
  if (!store) throw new Error('usePlanner must be used inside <PlannerStoreContext.Provider>');
  return store;
}

/** Selects a slice of the planner state; re-renders only when it changes. */
export function usePlanner<T>(selector: (state: PlannerStore) => T): T {
  return useStore(usePlannerStoreApi(), selector);
}
