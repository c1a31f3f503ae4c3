import type { PlannerStore, PlannerStoreApi } from '../state/store.ts';
import { viewStoreOf } from '../state/view.ts';
import type { SimClient } from '../worker/client.ts';
import type { EstimateRequest } from '../worker/plan-protocol.ts';
import { estimateRequest } from './planning-requests.ts';

/** The parts of the plan an estimate depends on: a change to any of them asks for a new one. */
export function estimateInputs(s: PlannerStore): unknown[] {
  return [
    s.caseStatus,
    s.caseSummary,
    s.target,
    s.beamDirection,
    s.transducer,
    s.elementsOff,
    s.autoSwitchOff,
    s.noPass,
    s.freeBeamMode,
    s.freeBeams,
    s.sonication,
    s.aberrationCorrection,
    s.tissueOverrides,
    s.spots,
    s.selectedSpotId,
  ];
}

/**
 * Estimates asked again, their answers unused, after a case's first one, while nothing else is asked: V8 compiles
 * the worker's beam trace only after a few calls, and the first move of the first drag paid for it (measured in
 * Chromium: ≈ 100–230 ms for that move, 15–40 ms for the later ones).
 */
export const WARM_UP_ESTIMATES = 6;

/**
 * Keeps `estimate` (and the beams drawn in 3D) up to date while the user drags: one request in flight at a time,
 * and when the plan changed meanwhile, exactly one more with the latest state (latest wins, nothing queues up).
 * While a request is out, the view store says so (`awaitingEstimate`): the 3D view waits for it before drawing.
 * After a case's first estimate, the same request is asked WARM_UP_ESTIMATES more times while the user asks nothing;
 * and again after the pool restarts (a cancel or a crash replaces the workers, whose JIT is then cold).
 * Returns the unsubscribe function.
 */
export function keepEstimateLive(
  store: PlannerStoreApi,
  client: Pick<SimClient, 'estimate'> & Partial<Pick<SimClient, 'onRestart'>>,
): () => void {
  let inFlight = false;
  let dirty = false;
  let disposed = false;
  let last: unknown[] = [];
  const view = viewStoreOf(store);
  let warmedCase: string | undefined;
  let lastAsked: { request: EstimateRequest; caseId: string } | undefined;

  // One call at a time, each only while no estimate of the user's is out or waiting.
  const warmUp = async (request: EstimateRequest, caseId: string): Promise<void> => {
    for (let i = 0; i < WARM_UP_ESTIMATES; i++) {
      if (disposed || inFlight || dirty || store.getState().caseId !== caseId) return;
      warmedCase = caseId;
      try {
        await client.estimate(request);
      } catch {
        return;
      }
    }
  };

  const run = async (): Promise<void> => {
    if (inFlight) {
      dirty = true;
      return;
    }
    const state = store.getState();
    if (state.caseStatus !== 'ready') return;
    inFlight = true;
    dirty = false;
    const caseId = state.caseId;
    view.getState().setAwaitingEstimate(true);
    const request = estimateRequest(state);
    try {
      const estimate = await client.estimate(request);
      if (!disposed && store.getState().caseId === caseId) {
        store.getState().setEstimate(estimate);
        lastAsked = { request, caseId };
        // After this call's bookkeeping (the finally below), so a change meanwhile goes first.
        if (warmedCase !== caseId) queueMicrotask(() => void warmUp(request, caseId));
      }
    } catch {
      // A failed estimate leaves the last one shown; the full sonication reports errors to the user.
    } finally {
      inFlight = false;
      view.getState().setAwaitingEstimate(false);
      if (dirty && !disposed) void run();
    }
  };

  const unsubscribe = store.subscribe((state) => {
    const inputs = estimateInputs(state);
    if (inputs.length === last.length && inputs.every((value, i) => value === last[i])) return;
    last = inputs;
    void run();
  });
  // Fresh workers after a cancel or a crash start cold: warm the new one up with the last request answered.
  const stopWatchingRestarts = client.onRestart?.(() => {
    warmedCase = undefined;
    const asked = lastAsked;
    if (asked) void warmUp(asked.request, asked.caseId);
  });
  last = estimateInputs(store.getState());
  void run();
  return () => {
    disposed = true;
    unsubscribe();
    stopWatchingRestarts?.();
    view.getState().setAwaitingEstimate(false);
  };
}
