import { sonicationKey } from '../engine/acoustic-key.ts';
import { planStale, sonicateBlocker } from '../state/selectors.ts';
import type { PlannerStore, PlannerStoreApi } from '../state/store.ts';
import type { SimClient } from '../worker/client.ts';
import { estimateInputs } from './live-estimate.ts';
import { planRequest, sonicateRequest } from './planning-requests.ts';

/**
 * How long the settings must stand still before their sonication is computed ahead [ms]: longer than the pause
 * between the steps of a drag or the keys of a typed value, short beside the time a user takes to read the estimate
 * and click.
 */
export const PREPARE_DELAY_MS = 800;

/**
 * What the user sets up (the estimate's inputs: beams, target, power and time — a change to any is a moment of
 * deciding, after which the beams are worth preparing) and whether something runs.
 */
function sonicationInputs(s: PlannerStore): unknown[] {
  return [...estimateInputs(s), s.run.status, s.planRun.status, s.spots];
}

/**
 * A plan of several spots waiting to run (never run, or changed since): Run plan is what comes next, so its spots'
 * fields are marched ahead rather than a sonication, which would hold the worker the plan starts on (measured:
 * "Cover the lesion", then Run plan a second later, waited 1–3.5 s for the selected spot's sonication).
 */
function planComesNext(s: PlannerStore): boolean {
  return s.spots.length > 1 && (s.planRun.outcome === undefined || planStale(s));
}

/**
 * Computes the sonication the user is setting up while they are still deciding: once the settings have stood still
 * for PREPARE_DELAY_MS and nothing runs, the worker that sonicates marches the field, keeps it (engine
 * prepareSonication) and runs the heat (worker/ops/sonicate-ahead.ts), so the Sonicate that follows shows its
 * result at once; after a change of power or time only the heat is run again, on the kept field. Asks once per
 * setup (the request's sonication key); a Sonicate sent meanwhile waits for it and takes what it can (all of it
 * for the same request, the field for the same beams), so clicking early never costs more than the run it would
 * have started.
 * @param store - the planner store
 * @param client - the pool (its first worker runs sonications)
 * @param delayMs - stillness before preparing [ms]
 * @returns the unsubscribe function
 */
export function keepFieldPrepared(
  store: PlannerStoreApi,
  client: Pick<SimClient, 'prepareSonication'> & Partial<Pick<SimClient, 'preparePlan' | 'dropPlanAhead'>>,
  delayMs = PREPARE_DELAY_MS,
): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastKey: string | undefined;
  let last: unknown[] = [];

  const keyOf = (s: PlannerStore, request = sonicateRequest(s)): string => `${s.caseId}\n${sonicationKey(request)}`;

  const prepare = (): void => {
    timer = undefined;
    const s = store.getState();
    if (s.caseStatus !== 'ready' || s.run.status === 'running' || s.planRun.status === 'running') return;
    // A drag in the 3D view holds undo tracking until it ends (useDragHandle): the beams are not settled, however
    // long the pointer rests, and on two cores a march beside the drag slows its estimate. Its end re-arms the timer.
    if (!store.temporal.getState().isTracking) return;
    if (sonicateBlocker(s)) return;
    if (planComesNext(s)) {
      // Run plan comes next: its spots' fields are marched ahead instead (a failure costs nothing: the run marches).
      client.preparePlan?.(planRequest(s)).catch(() => {});
      return;
    }
    client.dropPlanAhead?.();
    const request = sonicateRequest(s);
    const key = keyOf(s, request);
    // A cancel or a crash restarts the pool without what it kept: prepare that setup again.
    if (key === lastKey && s.run.status !== 'cancelled' && s.run.status !== 'error') return;
    lastKey = key;
    client.prepareSonication(request).catch(() => {
      // A failed preparation costs nothing: the Sonicate marches the field itself and reports any error.
      lastKey = undefined;
    });
  };

  const unsubscribe = store.subscribe((state, previous) => {
    // A Sonicate computes these very settings (its results will be on screen): nothing to compute ahead for them.
    // A plan's workers let what they kept go: the settings are worth computing again after it.
    if (state.run.status === 'running' && previous.run.status !== 'running') lastKey = keyOf(state);
    if (state.planRun.status === 'running' && previous.planRun.status !== 'running') lastKey = undefined;
    const inputs = sonicationInputs(state);
    if (inputs.length === last.length && inputs.every((value, i) => value === last[i])) return;
    last = inputs;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(prepare, delayMs);
  });
  last = sonicationInputs(store.getState());
  timer = setTimeout(prepare, delayMs);
  return () => {
    if (timer !== undefined) clearTimeout(timer);
    unsubscribe();
  };
}
