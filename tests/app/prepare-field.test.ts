import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { planRequest, sonicateRequest } from '../../src/app/planning-requests.ts';
import { keepFieldPrepared, PREPARE_DELAY_MS } from '../../src/app/prepare-field.ts';
import type { PlanRequest, SonicateRequest } from '../../src/engine/requests.ts';
import { planInputs, sonicateBlocker } from '../../src/state/selectors.ts';
import { loadBundledCase } from '../fixtures/bundled-case.ts';
import { testStore } from '../fixtures/planner-store.ts';

// While the user decides, the worker that sonicates computes the field of the beams on screen, so Sonicate then runs
// the heat alone. What the app must get right: ask once the beams stand still, once per beam setup, never while a
// run is going, and again after a cancel threw the prepared field away.

const femur = await loadBundledCase('femur-shaft');

function setUp() {
  const store = testStore();
  const asked: SonicateRequest[] = [];
  const plans: PlanRequest[] = [];
  let dropped = 0;
  const client = {
    prepareSonication: (request: SonicateRequest) => {
      asked.push(request);
      return Promise.resolve(true);
    },
    preparePlan: (request: PlanRequest) => {
      plans.push(request);
      return Promise.resolve(0);
    },
    dropPlanAhead: () => {
      dropped++;
    },
  };
  store.getState().setCaseLoaded(femur.summary, () => 1);
  const stop = keepFieldPrepared(store, client);
  return { store, asked, plans, dropped: () => dropped, stop };
}

describe('computing the field ahead', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('asks once the beams have stood still, with the request Sonicate would send', () => {
    const { store, asked, stop } = setUp();
    expect(sonicateBlocker(store.getState())).toBe('');
    vi.advanceTimersByTime(PREPARE_DELAY_MS - 1);
    expect(asked).toHaveLength(0);
    vi.advanceTimersByTime(1);
    expect(asked).toEqual([sonicateRequest(store.getState())]);
    stop();
  });

  it('waits for the end of a drag: one request after the last move', () => {
    const { store, asked, stop } = setUp();
    const [x, y, z] = store.getState().target;
    for (let i = 1; i <= 5; i++) {
      store.getState().setTarget([x, y, z + i * 1e-4]);
      vi.advanceTimersByTime(PREPARE_DELAY_MS / 2);
    }
    expect(asked).toHaveLength(0);
    vi.advanceTimersByTime(PREPARE_DELAY_MS);
    expect(asked).toHaveLength(1);
    expect(asked[0]?.pose.target).toEqual([x, y, z + 5e-4]);
    stop();
  });

  it('does not ask while a drag holds the beams, however long the pointer rests; asks once it ends', () => {
    const { store, asked, stop } = setUp();
    vi.advanceTimersByTime(PREPARE_DELAY_MS);
    expect(asked).toHaveLength(1);
    // As useDragHandle does: undo tracking paused for the drag, the target following the pointer.
    store.temporal.getState().pause();
    const [x, y, z] = store.getState().target;
    store.getState().setTarget([x, y, z + 1e-3]);
    vi.advanceTimersByTime(10 * PREPARE_DELAY_MS);
    expect(asked).toHaveLength(1);
    store.temporal.getState().resume();
    store.getState().setTarget([x, y, z + 2e-3]);
    vi.advanceTimersByTime(PREPARE_DELAY_MS);
    expect(asked).toHaveLength(2);
    expect(asked[1]?.pose.target).toEqual([x, y, z + 2e-3]);
    stop();
  });

  it('asks again when only power or time changed: the heat is computed ahead on the field kept', () => {
    const { store, asked, stop } = setUp();
    vi.advanceTimersByTime(PREPARE_DELAY_MS);
    store.getState().setSonication({ acousticPower: 80, duration: 10 });
    vi.advanceTimersByTime(PREPARE_DELAY_MS);
    expect(asked).toHaveLength(2);
    expect(asked[1]).toEqual(sonicateRequest(store.getState()));
    expect(asked[1]?.acousticPower).toBe(80);
    stop();
  });

  it('does not ask for the settings a Sonicate has just run: their results are on screen', () => {
    const { store, asked, stop } = setUp();
    // Clicked before the settings stood still: nothing was computed ahead.
    store.getState().startRun();
    vi.advanceTimersByTime(PREPARE_DELAY_MS);
    store.getState().finishRun({ time: new Float64Array(1) } as never, undefined);
    vi.advanceTimersByTime(5 * PREPARE_DELAY_MS);
    expect(asked).toHaveLength(0);
    // A change is worth computing ahead again.
    store.getState().setSonication({ acousticPower: 60 });
    vi.advanceTimersByTime(PREPARE_DELAY_MS);
    expect(asked).toHaveLength(1);
    stop();
  });

  it('does not ask while a sonication runs, and asks for the setup again after a cancel', () => {
    const { store, asked, stop } = setUp();
    vi.advanceTimersByTime(PREPARE_DELAY_MS);
    expect(asked).toHaveLength(1);
    store.getState().startRun();
    const [x, y, z] = store.getState().target;
    store.getState().setTarget([x, y, z + 1e-3]);
    vi.advanceTimersByTime(5 * PREPARE_DELAY_MS);
    expect(asked).toHaveLength(1);
    // The cancel restarted the pool: what was prepared is gone.
    store.getState().failRun('cancelled', 'Cancelled; your settings are kept.');
    vi.advanceTimersByTime(PREPARE_DELAY_MS);
    expect(asked).toHaveLength(2);
    expect(asked[1]?.pose.target).toEqual([x, y, z + 1e-3]);
    stop();
  });

  it('while a plan of several spots waits to be run, marches its fields ahead instead; a sonication once it has run', () => {
    const { store, asked, plans, dropped, stop } = setUp();
    const target = store.getState().target;
    const spot = (id: string, dx: number) => ({
      id,
      focus: [target[0] + dx, target[1], target[2]] as [number, number, number],
      acousticPower: 50,
      duration: 20,
      cooling: 30,
    });
    // As "Cover the lesion" does: spots replaced, the first selected (its focus steers the beams).
    store.getState().setSpots([spot('a', 0), spot('b', 0.002)]);
    vi.advanceTimersByTime(5 * PREPARE_DELAY_MS);
    expect(asked).toHaveLength(0);
    expect(plans).toEqual([planRequest(store.getState())]);
    store.getState().startPlanRun();
    store.getState().finishPlanRun({ time: new Float64Array(1) } as never, planInputs(store.getState()));
    vi.advanceTimersByTime(PREPARE_DELAY_MS);
    expect(asked).toHaveLength(1);
    expect(dropped()).toBeGreaterThan(0);
    // A changed plan is a plan to run again.
    store.getState().setSpots([spot('a', 0), spot('b', 0.003)]);
    vi.advanceTimersByTime(5 * PREPARE_DELAY_MS);
    expect(asked).toHaveLength(1);
    expect(plans).toHaveLength(2);
    expect(plans[1]?.spots[1]?.focus[0]).toBeCloseTo(store.getState().target[0] + 0.003, 12);
    stop();
  });

  it('stops asking once stopped', () => {
    const { store, asked, stop } = setUp();
    stop();
    store.getState().setTarget([0, 0, 0]);
    vi.advanceTimersByTime(5 * PREPARE_DELAY_MS);
    expect(asked).toHaveLength(0);
  });
});
