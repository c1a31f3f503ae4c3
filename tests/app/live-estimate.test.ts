import { describe, expect, it } from 'vitest';
import { keepEstimateLive, WARM_UP_ESTIMATES } from '../../src/app/live-estimate.ts';
import type { PlannerStore } from '../../src/state/store.ts';
import { viewStoreOf } from '../../src/state/view.ts';
import { testStore } from '../fixtures/planner-store.ts';

type Estimate = NonNullable<PlannerStore['estimate']>;
type CaseSummary = NonNullable<PlannerStore['caseSummary']>;

const summary: CaseSummary = {
  meta: { id: 'c', title: 'c', description: '', defaultTarget: [0, 0, 0], defaultBeamDirection: [0, 1, 0] },
  parts: [{ name: 'skin-a', tissue: 'skin', label: 'a' }],
  bounds: { min: [-0.1, -0.1, -0.1], max: [0.1, 0.1, 0.1] },
};

/** A worker whose estimates the test answers one by one; it keeps what it was asked. */
function slowClient() {
  const answers: ((estimate: Estimate) => void)[] = [];
  const requests: unknown[] = [];
  return {
    answers,
    requests,
    estimate: (request: unknown) => {
      requests.push(request);
      return new Promise<Estimate>((resolve) => {
        answers.push(resolve);
      });
    },
  };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the live estimate', () => {
  it('tells the view while an estimate is on its way, across a chained request of a drag, and not after', async () => {
    const store = testStore();
    store.getState().setCaseLoaded(summary, () => 1);
    const client = slowClient();
    const view = viewStoreOf(store);
    const stop = keepEstimateLive(store, client);
    expect(view.getState().awaitingEstimate).toBe(true);
    // The drag moves on while the first is computed: one more request, with the latest target, when it comes.
    store.getState().setTarget([0.001, 0, 0]);
    store.getState().setTarget([0.002, 0, 0]);
    expect(client.answers).toHaveLength(1);
    client.answers[0]?.({} as Estimate);
    await flush();
    expect(client.answers).toHaveLength(2);
    expect(view.getState().awaitingEstimate).toBe(true);
    client.answers[1]?.({} as Estimate);
    await flush();
    expect(view.getState().awaitingEstimate).toBe(false);
    expect(store.getState().estimate).toBeDefined();
    stop();
  });

  it('stops saying so when it stops, with an answer still out', () => {
    const store = testStore();
    store.getState().setCaseLoaded(summary, () => 1);
    const view = viewStoreOf(store);
    const stop = keepEstimateLive(store, slowClient());
    expect(view.getState().awaitingEstimate).toBe(true);
    stop();
    expect(view.getState().awaitingEstimate).toBe(false);
  });

  it('after a case’s first estimate, asks the same one again a few times, one at a time, so a drag meets compiled code', async () => {
    const store = testStore();
    store.getState().setCaseLoaded(summary, () => 1);
    const client = slowClient();
    const stop = keepEstimateLive(store, client);
    for (let i = 0; i <= WARM_UP_ESTIMATES; i++) {
      expect(client.answers).toHaveLength(i + 1);
      client.answers[i]?.({} as Estimate);
      await flush();
    }
    expect(client.requests).toHaveLength(1 + WARM_UP_ESTIMATES);
    expect(new Set(client.requests).size).toBe(1);
    // Once per case: the next change asks once.
    store.getState().setTarget([0.001, 0, 0]);
    client.answers.at(-1)?.({} as Estimate);
    await flush();
    expect(client.requests).toHaveLength(2 + WARM_UP_ESTIMATES);
    stop();
  });

  it('stops warming up when the user changes something: the change is asked next, with nothing queued before it', async () => {
    const store = testStore();
    store.getState().setCaseLoaded(summary, () => 1);
    const client = slowClient();
    const stop = keepEstimateLive(store, client);
    client.answers[0]?.({} as Estimate);
    await flush();
    expect(client.requests).toHaveLength(2);
    // A drag starts while the first warm-up call is out: its request goes at once; no warm-up call follows.
    store.getState().setTarget([0.002, 0, 0]);
    expect(client.requests).toHaveLength(3);
    client.answers[1]?.({} as Estimate);
    client.answers[2]?.({} as Estimate);
    await flush();
    expect(client.requests).toHaveLength(3);
    expect(store.getState().estimate).toBeDefined();
    stop();
  });

  it('warms the fresh workers up again after the pool restarts, with the last request answered', async () => {
    const store = testStore();
    store.getState().setCaseLoaded(summary, () => 1);
    const client = slowClient();
    let restart = () => {};
    const watching = {
      estimate: client.estimate,
      onRestart: (listener: () => void) => {
        restart = listener;
        return () => {};
      },
    };
    const stop = keepEstimateLive(store, watching);
    for (let i = 0; i <= WARM_UP_ESTIMATES; i++) {
      client.answers[i]?.({} as Estimate);
      await flush();
    }
    expect(client.requests).toHaveLength(1 + WARM_UP_ESTIMATES);
    restart();
    for (let i = 0; i < WARM_UP_ESTIMATES; i++) {
      client.answers.at(-1)?.({} as Estimate);
      await flush();
    }
    expect(client.requests).toHaveLength(1 + 2 * WARM_UP_ESTIMATES);
    expect(new Set(client.requests).size).toBe(1);
    stop();
  });
});
