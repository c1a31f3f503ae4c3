import { describe, expect, it, vi } from 'vitest';
import { type CaseSource, createPlannerController, type SimPort } from '../../src/app/controller.ts';
import { resultsStale, sonicationStale } from '../../src/state/selectors.ts';
import type { PlannerStore, PlannerStoreApi } from '../../src/state/store.ts';
import type { PlanOutcome, SonicationOutcome } from '../../src/ui/shown-run.ts';
import { testStore } from '../fixtures/planner-store.ts';
import { fakePlan, fakeSonication } from '../ui/time-fixtures.ts';

type Estimate = NonNullable<PlannerStore['estimate']>;
type CaseSummary = NonNullable<PlannerStore['caseSummary']>;
type Vec3 = [number, number, number];

/** A promise the test settles by hand. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

class Cancelled extends Error {}

function summaryOf(id: string, lesion = true): CaseSummary {
  return {
    meta: { id, title: id, description: '', defaultTarget: [0.01, 0.02, 0], defaultBeamDirection: [0, 1, 0] },
    parts: [
      { name: 'skin-a', tissue: 'skin', label: 'a' },
      ...(lesion ? [{ name: 'lesion-b', tissue: 'lesion' as const, label: 'b' }] : []),
    ],
    bounds: { min: [-0.1, -0.1, -0.1], max: [0.1, 0.1, 0.1] },
  };
}

function estimateWith(active: number, total = 4): Estimate {
  const firing = new Uint8Array(total);
  firing.fill(1, 0, active);
  return {
    beams: {
      inTissue: 0,
      elementPositions: new Float32Array(3 * total),
      statuses: new Uint8Array(total),
      counts: { clear: total, bone: 0, gas: 0, critical: 0, angle: 0, nopass: 0, off: 0 },
      firing,
      activeCount: active,
      lostAperture: 1 - active / total,
      allCounts: { clear: total },
    },
    focalPressure: 1e6,
    focalGain: 50,
    focusTissue: 'lesion',
    predictedPeakTemperature: 60,
    steeringLoss: 1,
    beyondSteeringRange: false,
    elapsedMs: 1,
  };
}

/** The worker's promise API, in memory: every call is recorded and answered by the test. */
class FakeSim implements SimPort {
  estimateAnswer = estimateWith(4);
  sonications: { resolve(o: SonicationOutcome): void; reject(e: unknown): void; signal?: AbortSignal }[] = [];
  plans: { resolve(o: PlanOutcome): void; reject(e: unknown): void }[] = [];
  grid: Vec3[] = [
    [0.001, 0, 0],
    [0.002, 0, 0],
    [0.003, 0, 0],
  ];
  loads: { title: string; answer: ReturnType<typeof deferred<CaseSummary>> }[] = [];
  autoLoad = true;

  loadCase = vi.fn(async (_bytes: ArrayBuffer, title: string) => {
    const answer = deferred<CaseSummary>();
    this.loads.push({ title, answer });
    if (this.autoLoad) answer.resolve(summaryOf(title, title !== 'plate'));
    return answer.promise;
  });
  estimate = vi.fn(async () => this.estimateAnswer);
  sonicate = vi.fn((_r: unknown, onProgress: (f: number) => void, signal?: AbortSignal) => {
    const d = deferred<SonicationOutcome>();
    onProgress(0.5);
    signal?.addEventListener('abort', () => d.reject(new Cancelled()));
    this.sonications.push({ resolve: d.resolve, reject: d.reject, ...(signal ? { signal } : {}) });
    return d.promise;
  }) as unknown as SimPort['sonicate'];
  runPlan = vi.fn((_r: unknown, _p: unknown, signal?: AbortSignal) => {
    const d = deferred<PlanOutcome>();
    signal?.addEventListener('abort', () => d.reject(new Cancelled()));
    this.plans.push({ resolve: d.resolve, reject: d.reject });
    return d.promise;
  }) as unknown as SimPort['runPlan'];
  spotLayout = vi.fn(async () => ({
    centres: this.grid,
    spacing: 0.001,
    focalWidth: 0.001,
    fullCount: 3,
    maxSpots: 30,
  }));
}

const CASES: CaseSource[] = [
  {
    id: 'femur-shaft',
    title: 'femur',
    url: 'femur.glb',
    info: { sonication: { acousticPower: 50, duration: 20, cooling: 30 } },
  },
  {
    id: 'plate',
    title: 'plate',
    url: 'plate.glb',
    info: { sonication: { acousticPower: 4, duration: 20, cooling: 20 } },
  },
];

/** Lets every settled promise's callbacks run. */
const flush = () => new Promise((r) => setTimeout(r, 0));

async function setup(store: PlannerStoreApi = testStore()) {
  const sim = new FakeSim();
  const drawn: (string | undefined)[] = [];
  const controller = createPlannerController<string>({
    store,
    client: sim,
    cases: CASES,
    loadBytes: async () => new ArrayBuffer(8),
    parseForDrawing: async (_bytes, title) => `parts of ${title}`,
    onCaseDrawn: (d) => drawn.push(d),
    isCancellation: (e) => e instanceof Cancelled,
  });
  await controller.loadCase('femur-shaft');
  await flush();
  return { store, sim, controller, drawn };
}

/** Sonicates and answers with `outcome`. */
async function sonicated(
  sim: FakeSim,
  controller: ReturnType<typeof createPlannerController>,
  outcome = fakeSonication(),
) {
  const done = controller.sonicate();
  sim.sonications.at(-1)?.resolve(outcome);
  await done;
  return outcome;
}

describe('the controller loads cases', () => {
  it('sends the case to the worker, draws it, applies the case’s own sonication and starts a fresh undo history', async () => {
    const { store, drawn, controller } = await setup();
    expect(store.getState().caseStatus).toBe('ready');
    expect(drawn).toEqual([undefined, 'parts of femur']);
    store.getState().setSonication({ acousticPower: 70 });
    await controller.loadCase('plate');
    const s = store.getState();
    expect(s.caseId).toBe('plate');
    expect(s.sonication).toEqual({ acousticPower: 4, duration: 20, cooling: 20 });
    expect(s.target).toEqual([0.01, 0.02, 0]);
    expect(store.temporal.getState().pastStates).toEqual([]);
  });

  it('a case picked while another loads wins, whichever answers last', async () => {
    const { store, sim, controller } = await setup();
    sim.autoLoad = false;
    const first = controller.loadCase('plate');
    const second = controller.loadCase('femur-shaft');
    await flush();
    sim.loads.at(-1)?.answer.resolve(summaryOf('femur'));
    sim.loads.at(-2)?.answer.resolve(summaryOf('plate', false));
    await Promise.all([first, second]);
    expect(store.getState().caseId).toBe('femur-shaft');
    expect(store.getState().caseSummary?.meta.id).toBe('femur');
  });

  it('an unknown case shows an error instead of loading', async () => {
    const { store, controller } = await setup();
    await controller.loadCase('nowhere');
    expect(store.getState().caseStatus).toBe('error');
    expect(store.getState().caseError).toContain('nowhere');
  });
});

describe('the controller sonicates', () => {
  it('stores the outcome with the settings it was computed for; a later change marks it stale, Undo makes it current', async () => {
    const { store, sim, controller } = await setup();
    const outcome = await sonicated(sim, controller);
    expect(store.getState().run.status).toBe('done');
    expect(store.getState().run.outcome).toBe(outcome);
    expect(resultsStale(store.getState())).toBe(false);
    store.getState().setSonication({ acousticPower: 120 });
    expect(sonicationStale(store.getState())).toBe(true);
    expect(resultsStale(store.getState())).toBe(true);
    store.temporal.getState().undo();
    expect(resultsStale(store.getState())).toBe(false);
    store.getState().setTarget([0.01, 0.02, 0.015]);
    expect(resultsStale(store.getState())).toBe(true);
    store.getState().setTarget([0.01, 0.02, 0]);
    expect(resultsStale(store.getState())).toBe(false);
    store.getState().setTissueValue('muscle', 'attenuation0', 9);
    expect(resultsStale(store.getState())).toBe(true);
  });

  it('a failed run shows why and keeps the previous results', async () => {
    const { store, sim, controller } = await setup();
    const first = await sonicated(sim, controller);
    const second = controller.sonicate();
    sim.sonications.at(-1)?.reject(new Error('simulateSonication: no active element'));
    await second;
    const run = store.getState().run;
    expect(run.status).toBe('error');
    expect(run.message).toContain('no active element');
    expect(run.outcome).toBe(first);
  });

  it('Cancel says nothing changed and keeps the previous results', async () => {
    const { store, sim, controller } = await setup();
    const first = await sonicated(sim, controller);
    const second = controller.sonicate();
    controller.cancelSonication();
    await second;
    expect(store.getState().run.status).toBe('cancelled');
    expect(store.getState().run.outcome).toBe(first);
  });

  it('with no element firing it does not call the worker: it says why, and the results stay', async () => {
    const { store, sim, controller } = await setup();
    const first = await sonicated(sim, controller);
    sim.estimateAnswer = estimateWith(0);
    store.getState().setAutoSwitchOff(true);
    await flush();
    expect(store.getState().estimate?.beams.activeCount).toBe(0);
    const calls = sim.sonications.length;
    await controller.sonicate();
    expect(sim.sonications.length).toBe(calls);
    expect(store.getState().run.message).toMatch(/^Not sonicated: No element fires/);
    expect(store.getState().run.outcome).toBe(first);
  });

  it('a drag that ends starts no sonication: the live estimate follows it and the user presses Sonicate', async () => {
    const { store, sim } = await setup();
    const estimates = sim.estimate.mock.calls.length;
    store.getState().setTarget([0.012, 0.02, 0]);
    store.getState().settleDrag();
    await flush();
    expect(sim.sonications.length).toBe(0);
    expect(sim.estimate.mock.calls.length).toBeGreaterThan(estimates);
  });

  it('after dispose a late answer changes nothing and the estimate stops', async () => {
    const { store, sim, controller } = await setup();
    const pending = controller.sonicate();
    controller.dispose();
    await pending;
    const estimates = sim.estimate.mock.calls.length;
    store.getState().setTarget([0.02, 0, 0]);
    await flush();
    expect(sim.estimate.mock.calls.length).toBe(estimates);
    expect(store.getState().run.outcome).toBeUndefined();
  });
});

describe('the controller runs plans and covers the lesion', () => {
  const spot = (id: string, x: number) => ({
    id,
    focus: [x, 0, 0] as Vec3,
    acousticPower: 50,
    duration: 20,
    cooling: 30,
  });

  it('a plan’s results go stale when its spots change, and a failed plan keeps them', async () => {
    const { store, sim, controller } = await setup();
    store.getState().setSpots([spot('a', 0), spot('b', 0.002)]);
    const run = controller.runPlan();
    const outcome = fakePlan();
    sim.plans.at(-1)?.resolve(outcome);
    await run;
    store.getState().setPlayback({ source: 'plan' });
    expect(store.getState().planRun.outcome).toBe(outcome);
    expect(resultsStale(store.getState())).toBe(false);
    store.getState().removeSpot('b');
    expect(resultsStale(store.getState())).toBe(true);
    const again = controller.runPlan();
    sim.plans.at(-1)?.reject(new Error('boom'));
    await again;
    expect(store.getState().planRun.status).toBe('error');
    expect(store.getState().planRun.outcome).toBe(outcome);
  });

  it('"append" adds the covering spots after those placed; one Undo brings the plan back', async () => {
    const { store, controller } = await setup();
    store.getState().setSpots([spot('a', 0), spot('b', 0.002)]);
    await controller.coverLesion('append');
    expect(
      store
        .getState()
        .spots.map((s) => s.id)
        .slice(0, 2),
    ).toEqual(['a', 'b']);
    expect(store.getState().spots).toHaveLength(5);
    expect(store.getState().selectedSpotId).toBe(store.getState().spots[2]?.id);
    store.temporal.getState().undo();
    expect(store.getState().spots.map((s) => s.id)).toEqual(['a', 'b']);
  });

  it('"replace" puts the covering spots in place of those placed; one Undo brings them back', async () => {
    const { store, controller } = await setup();
    store.getState().setSpots([spot('a', 0), spot('b', 0.002)]);
    // It answers how the spots were laid out, for the note under the button.
    expect(await controller.coverLesion('replace')).toEqual({
      count: 3,
      spacing: 0.001,
      focalWidth: 0.001,
      fullCount: 3,
      maxSpots: 30,
    });
    expect(store.getState().spots).toHaveLength(3);
    expect(store.getState().spots.some((s) => s.id === 'a')).toBe(false);
    store.temporal.getState().undo();
    expect(store.getState().spots.map((s) => s.id)).toEqual(['a', 'b']);
  });
});
