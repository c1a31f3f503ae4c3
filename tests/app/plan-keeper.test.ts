import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { type CaseSource, createPlannerController, type SimPort } from '../../src/app/controller.ts';
import { type KeyValueStore, memoryKeyValue, memorySyncKeyValue, type SyncKeyValue } from '../../src/app/key-value.ts';
import { readPlanText } from '../../src/app/plan-file.ts';
import { createPlanKeeper } from '../../src/app/plan-keeper.ts';
import { LAST_CASE_KEY, planKey, type SavedPlan } from '../../src/app/plan-storage.ts';
import type { PlannerStore, PlannerStoreApi } from '../../src/state/store.ts';
import { testStore } from '../fixtures/planner-store.ts';
import { fakeSonication } from '../ui/time-fixtures.ts';

// Nothing lost (issue 11, item 3): the working plan is autosaved per case and comes back after a reload; a case
// switch keeps each case's plan, its undo history and its results; a broken autosave is said, not fatal.

type CaseSummary = NonNullable<PlannerStore['caseSummary']>;
type Vec3 = [number, number, number];

const DEFAULT_TARGETS: Record<string, Vec3> = { 'femur-shaft': [0.012, 0.02, 0], rib: [0, 0.01, 0.005] };

function summaryOf(id: string): CaseSummary {
  return {
    meta: {
      id,
      title: id,
      description: '',
      defaultTarget: DEFAULT_TARGETS[id] ?? [0, 0, 0],
      defaultBeamDirection: [0, 1, 0],
    },
    parts: [{ name: 'lesion-a', tissue: 'lesion', label: 'a' }],
    bounds: { min: [-0.1, -0.1, -0.1], max: [0.1, 0.1, 0.1] },
  } as unknown as CaseSummary;
}

const CASES: CaseSource[] = [
  {
    id: 'femur-shaft',
    title: 'femur-shaft',
    url: 'f.glb',
    info: { sonication: { acousticPower: 50, duration: 20, cooling: 30 } },
  },
  { id: 'rib', title: 'rib', url: 'r.glb', info: { sonication: { acousticPower: 45, duration: 20, cooling: 20 } } },
];
const IDS = ['femur-shaft', 'iliac-wing', 'rib', 'bone-plate-validation'];

function fakeSim(): SimPort {
  return {
    loadCase: vi.fn(async (_b: ArrayBuffer, title: string) => summaryOf(title)),
    estimate: vi.fn(async () => undefined as never),
    sonicate: vi.fn(async () => fakeSonication()) as unknown as SimPort['sonicate'],
    runPlan: vi.fn() as unknown as SimPort['runPlan'],
    spotLayout: vi.fn(),
  };
}

/** The app as App.tsx wires it: a store, a controller and a keeper on one key-value store (a "browser profile"). */
async function openApp(
  kv: KeyValueStore & { data: Map<string, unknown> } = memoryKeyValue(),
  first = 'femur-shaft',
  exit?: SyncKeyValue,
) {
  const store: PlannerStoreApi = testStore();
  const errors: string[] = [];
  const sim = fakeSim();
  const keeper = createPlanKeeper({
    store,
    kv,
    caseIds: IDS,
    delay: 5,
    onError: (m) => errors.push(m),
    ...(exit ? { exit } : {}),
  });
  const controller = createPlannerController<string>({
    store,
    client: sim,
    cases: CASES,
    loadBytes: async () => new ArrayBuffer(8),
    parseForDrawing: async () => 'drawn',
    onCaseDrawn: () => undefined,
    isCancellation: () => false,
    keepEstimateLive: () => () => undefined,
    plans: keeper,
  });
  await controller.loadCase(first);
  return { store, kv, keeper, controller, errors, sim };
}

const spot = (id: string, x: number) => ({
  id,
  focus: [x, 0.02, 0] as Vec3,
  acousticPower: 40,
  duration: 20,
  cooling: 20,
});

describe('autosave', () => {
  it('writes the case’s plan after a change (debounced: several quick changes, one write) and the case as the last', async () => {
    const { store, kv, keeper } = await openApp();
    const writes = vi.spyOn(kv, 'set');
    store.getState().addSpot(spot('s-1', 0.01));
    store.getState().addSpot(spot('s-2', 0.011));
    store.getState().setSonication({ acousticPower: 61 });
    await new Promise((r) => setTimeout(r, 30));
    await keeper.flush();
    const planWrites = writes.mock.calls.filter(([key]) => key === planKey('femur-shaft'));
    expect(planWrites).toHaveLength(1);
    const saved = kv.data.get(planKey('femur-shaft')) as SavedPlan;
    expect(saved.file.planning?.spots?.map((s) => s.id)).toEqual(['s-1', 's-2']);
    expect(saved.file.drive).toEqual({ acousticPower: 61 });
    expect(kv.data.get(LAST_CASE_KEY)).toBe('femur-shaft');
  });

  it('an untouched case’s default plan is not saved', async () => {
    const { kv, keeper } = await openApp();
    await keeper.flush();
    expect(kv.data.has(planKey('femur-shaft'))).toBe(false);
  });

  it('after a reload (a new app on the same storage) the plan comes back, with a fresh undo history', async () => {
    const first = await openApp();
    first.store.getState().setTarget([0.013, 0.021, 0.002]);
    first.store.getState().addSpot(spot('s-1', 0.013));
    first.store.getState().addNoPass({ id: 'np-1', kind: 'box', centre: [0, 0.03, 0], size: 0.004 });
    await first.keeper.flush();
    const second = await openApp(first.kv);
    const s = second.store.getState();
    expect(s.target).toEqual([0.013, 0.021, 0.002]);
    expect(s.spots.map((p) => p.id)).toEqual(['s-1']);
    expect(s.noPass).toHaveLength(1);
    expect(second.store.temporal.getState().pastStates).toEqual([]);
  });

  it('a reload within the autosave’s delay keeps the last change: the exit copy written on pagehide is newer than IndexedDB’s', async () => {
    const exit = memorySyncKeyValue();
    const first = await openApp(memoryKeyValue(), 'femur-shaft', exit);
    first.store.getState().addSpot(spot('s-1', 0.013));
    await first.keeper.flush();
    // The page goes away right after a change: the IndexedDB write it starts never finishes.
    const unload = vi.spyOn(first.kv, 'set').mockImplementation(() => new Promise(() => undefined));
    first.store.getState().setSonication({ acousticPower: 77 });
    first.keeper.saveOnExit();
    expect((first.kv.data.get(planKey('femur-shaft')) as SavedPlan).file.drive).not.toEqual({ acousticPower: 77 });
    unload.mockRestore();
    const second = await openApp(first.kv, 'femur-shaft', exit);
    expect(second.store.getState().sonication.acousticPower).toBe(77);
    expect(second.store.getState().spots.map((p) => p.id)).toEqual(['s-1']);
    // IndexedDB gets the exit copy's plan, and the copy is removed.
    await second.keeper.flush();
    expect((second.kv.data.get(planKey('femur-shaft')) as SavedPlan).file.drive).toEqual({ acousticPower: 77 });
    expect(exit.data.has(planKey('femur-shaft'))).toBe(false);
  });

  it('with nothing unsaved, pagehide writes no exit copy; an exit copy older than IndexedDB’s plan is not taken', async () => {
    const exit = memorySyncKeyValue();
    const first = await openApp(memoryKeyValue(), 'femur-shaft', exit);
    first.store.getState().setSonication({ acousticPower: 66 });
    await new Promise((r) => setTimeout(r, 30));
    await first.keeper.flush();
    first.keeper.saveOnExit();
    expect(exit.data.size).toBe(0);
    const stale = { ...(first.kv.data.get(planKey('femur-shaft')) as SavedPlan), savedAt: 1 };
    exit.set(
      planKey('femur-shaft'),
      JSON.stringify({ ...stale, file: { ...stale.file, drive: { acousticPower: 12 } } }),
    );
    const second = await openApp(first.kv, 'femur-shaft', exit);
    expect(second.store.getState().sonication.acousticPower).toBe(66);
    expect(exit.data.size).toBe(0);
  });

  it('a broken autosave is said and the case opens with its defaults', async () => {
    const kv = memoryKeyValue();
    await kv.set(planKey('femur-shaft'), { file: { format: 'fus-planner-plan', version: 1 }, savedAt: 1 });
    const { store, errors } = await openApp(kv);
    expect(store.getState().caseStatus).toBe('ready');
    expect(store.getState().spots).toEqual([]);
    expect(errors.join(' ')).toMatch(/could not be read \(medium: required field is missing\)/);
  });
});

describe('what a reload loses is said', () => {
  it('a plan running as the page goes away: the next load of its case says it was stopped, and how far it had come', async () => {
    const exit = memorySyncKeyValue();
    const first = await openApp(memoryKeyValue(), 'femur-shaft', exit);
    first.store.getState().startPlanRun();
    first.store.getState().setPlanProgress(0.41);
    first.keeper.saveOnExit();
    const second = await openApp(first.kv, 'femur-shaft', exit);
    expect(second.store.getState().interrupted).toEqual({ kind: 'plan', running: true, progress: 0.41 });
    // Said once: the load after it says nothing, and a new run clears it.
    const third = await openApp(first.kv, 'femur-shaft', exit);
    expect(third.store.getState().interrupted).toBeUndefined();
    second.store.getState().startRun();
    expect(second.store.getState().interrupted).toBeUndefined();
  });

  it('a page with nothing running and no plan results leaves no word; another case opening first drops the word', async () => {
    const exit = memorySyncKeyValue();
    const first = await openApp(memoryKeyValue(), 'femur-shaft', exit);
    first.store.getState().startRun();
    first.store.getState().finishRun(fakeSonication());
    first.keeper.saveOnExit();
    expect((await openApp(first.kv, 'femur-shaft', exit)).store.getState().interrupted).toBeUndefined();
    first.store.getState().startRun();
    first.keeper.saveOnExit();
    expect((await openApp(first.kv, 'rib', exit)).store.getState().interrupted).toBeUndefined();
    expect((await openApp(first.kv, 'femur-shaft', exit)).store.getState().interrupted).toBeUndefined();
  });
});

describe('a case switch keeps each case’s plan', () => {
  it('switch and come back: the plan, its undo history and its results are there; Undo goes on', async () => {
    const { store, controller } = await openApp();
    store.getState().addSpot(spot('s-1', 0.01));
    store.getState().addSpot(spot('s-2', 0.011));
    store.getState().setSonication({ acousticPower: 70 });
    await controller.sonicate();
    const outcome = store.getState().run.outcome;
    expect(outcome).toBeDefined();
    const history = store.temporal.getState().pastStates.length;
    await controller.loadCase('rib');
    expect(store.getState().spots).toEqual([]);
    expect(store.getState().sonication.acousticPower).toBe(45);
    store.getState().addSpot(spot('r-1', 0));
    await controller.loadCase('femur-shaft');
    let s = store.getState();
    expect(s.spots.map((p) => p.id)).toEqual(['s-1', 's-2']);
    expect(s.sonication.acousticPower).toBe(70);
    expect(s.run.outcome).toBe(outcome);
    expect(store.temporal.getState().pastStates).toHaveLength(history);
    store.temporal.getState().undo();
    expect(store.getState().sonication.acousticPower).toBe(50);
    store.temporal.getState().undo();
    expect(store.getState().spots.map((p) => p.id)).toEqual(['s-1']);
    await controller.loadCase('rib');
    s = store.getState();
    expect(s.spots.map((p) => p.id)).toEqual(['r-1']);
    expect(store.temporal.getState().pastStates).toHaveLength(1);
  });

  it('the plan left behind is autosaved at once, so a reload right after the switch still has it', async () => {
    const { store, controller, kv } = await openApp();
    store.getState().addSpot(spot('s-1', 0.01));
    await controller.loadCase('rib');
    const reopened = await openApp(kv, 'femur-shaft');
    expect(reopened.store.getState().spots.map((p) => p.id)).toEqual(['s-1']);
  });
});

describe('opening a plan', () => {
  const femur = () =>
    readPlanText(readFileSync(new URL('../../public/plans/femur-shaft.json', import.meta.url), 'utf8'), IDS).plan;

  it('of another case switches to it, as one undo step over that case’s own plan', async () => {
    const { store, controller } = await openApp(undefined, 'rib');
    store.getState().addSpot(spot('mine', 0.012));
    // the same case opened again keeps its plan
    await controller.loadCase('rib');
    expect(store.getState().spots.map((p) => p.id)).toEqual(['mine']);
    await controller.loadCase('femur-shaft');
    store.getState().addSpot(spot('femur-own', 0.012));
    await controller.loadCase('rib');
    const notes = await controller.openPlan(femur(), 'femur-shaft');
    expect(notes).toEqual([]);
    expect(store.getState().caseId).toBe('femur-shaft');
    expect(store.getState().spots.map((p) => p.id)).toEqual(['spot-1', 'spot-2', 'spot-3']);
    store.temporal.getState().undo();
    expect(store.getState().spots.map((p) => p.id)).toEqual(['femur-own']);
  });

  it('of the open case replaces its plan without reloading it', async () => {
    const { store, controller, sim } = await openApp();
    await controller.openPlan(femur(), 'femur-shaft');
    expect(store.getState().spots).toHaveLength(3);
    expect(sim.loadCase).toHaveBeenCalledTimes(1);
    expect(store.temporal.getState().pastStates).toHaveLength(1);
  });
});
