import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { usePlannerStoreApi } from './hooks.ts';
import type { PlannerStoreApi } from './store.ts';

/**
 * How the 3D view is framed: a view setting, never part of the plan (no undo, not saved). The scene frames the
 * heated region when a run's results arrive ('focus') and goes back to the framing it had before ('overview');
 * the overlay's button asks for the other one. It also carries whether a live estimate is on its way, which the
 * view waits for before drawing a change (scene/frame-hold.ts). One per planner store, made on first use, so no
 * provider is needed.
 */
export interface ViewFramingState {
  /** the framing the view shows or is animating to */
  framing: 'overview' | 'focus';
  /** there is a heated region to frame (a run is shown) */
  canFocus: boolean;
  /**
   * the run whose results the 3D view has just drawn (its fields, by reference), so the camera moves in the same
   * drawn frame as the results appear; undefined when none is drawn
   */
  drawnRun: DrawnRun | undefined;
  /** a live estimate has been asked for and has not come back yet */
  awaitingEstimate: boolean;
  setFraming(framing: 'overview' | 'focus'): void;
  setCanFocus(canFocus: boolean): void;
  setDrawnRun(run: DrawnRun | undefined): void;
  setAwaitingEstimate(awaiting: boolean): void;
}

/** What framing needs of a drawn run: its grid and max temperature (a sonication's or a plan's outcome). */
export interface DrawnRun {
  grid: { nx: number; ny: number; nz: number; spacing: number; origin: readonly [number, number, number] };
  maxTemperature: Float32Array;
}

const stores = new WeakMap<PlannerStoreApi, StoreApi<ViewFramingState>>();

export function viewStoreOf(planner: PlannerStoreApi): StoreApi<ViewFramingState> {
  let store = stores.get(planner);
  if (!store) {
    store = createStore<ViewFramingState>()((set) => ({
      framing: 'overview',
      canFocus: false,
      drawnRun: undefined,
      awaitingEstimate: false,
      setFraming: (framing) => set({ framing }),
      setCanFocus: (canFocus) => set({ canFocus }),
      setDrawnRun: (drawnRun) => set({ drawnRun }),
      setAwaitingEstimate: (awaitingEstimate) => set({ awaitingEstimate }),
    }));
    stores.set(planner, store);
  }
  return store;
}

/** Selects from the view framing of the planner store in context. */
export function useViewFraming<T>(selector: (state: ViewFramingState) => T): T {
  return useStore(viewStoreOf(usePlannerStoreApi()), selector);
}
