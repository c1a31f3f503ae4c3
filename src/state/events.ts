/**
 * Things that happen, as opposed to things that are: a request to frame the view again, a drag that ended. They
 * are not state (nothing to render from, nothing to undo), so they do not live in the store's data as counters to
 * be compared; listeners subscribe here instead (`store.events.on('view-reset', …)`).
 */
export interface PlannerEventMap {
  /** the user asked to frame the case again (Reset view) */
  'view-reset': undefined;
  /** a drag of the target or the transducer in the 3D view ended and changed the plan */
  'drag-settled': undefined;
}

export type PlannerEvent = keyof PlannerEventMap;

export interface PlannerEvents {
  /** @returns the function that removes the listener */
  on<E extends PlannerEvent>(event: E, listener: (payload: PlannerEventMap[E]) => void): () => void;
  emit<E extends PlannerEvent>(event: E, payload: PlannerEventMap[E]): void;
}

export function createPlannerEvents(): PlannerEvents {
  const listeners = new Map<PlannerEvent, Set<(payload: never) => void>>();
  return {
    on(event, listener) {
      let set = listeners.get(event);
      if (!set) {
        set = new Set();
        listeners.set(event, set);
      }
      set.add(listener as (payload: never) => void);
      return () => set.delete(listener as (payload: never) => void);
    },
    emit(event, payload) {
      // A copy: a listener that unsubscribes while being called does not skip the next one.
      for (const listener of [...(listeners.get(event) ?? [])]) (listener as (p: typeof payload) => void)(payload);
    },
  };
}
