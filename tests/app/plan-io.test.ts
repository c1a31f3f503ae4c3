import { readFileSync } from 'node:fs';
import { compressToEncodedURIComponent } from 'lz-string';
import { describe, expect, it, vi } from 'vitest';
import { type CaseSource, createPlannerController, type SimPort } from '../../src/app/controller.ts';
import { memoryKeyValue } from '../../src/app/key-value.ts';
import { planStateOf } from '../../src/app/plan-file.ts';
import { createPlanIO, MAX_PLAN_BYTES, type PlanIOPlatform } from '../../src/app/plan-io.ts';
import { createPlanKeeper } from '../../src/app/plan-keeper.ts';
import { LINK_KEY } from '../../src/app/plan-link.ts';
import { LAST_CASE_KEY, planKey, RECENT_KEY } from '../../src/app/plan-storage.ts';
import { parsePlan } from '../../src/plan-file/parse.ts';
import { createPlanFilesStore } from '../../src/state/plan-files.ts';
import type { PlannerStore, PlannerStoreApi } from '../../src/state/store.ts';
import { testStore } from '../fixtures/planner-store.ts';
import { fakeSonication } from '../ui/time-fixtures.ts';

// Plans as the user's files (issue 11, items 2-4): plan-io with a fake browser (downloads, clipboard, address bar),
// an in-memory IndexedDB, the real controller on a fake worker and the real keeper, wired as App.tsx wires them.

type CaseSummary = NonNullable<PlannerStore['caseSummary']>;
type Vec3 = [number, number, number];

const IDS = ['femur-shaft', 'iliac-wing', 'rib', 'bone-plate-validation'];
const CASES: CaseSource[] = [
  {
    id: 'femur-shaft',
    title: 'Femur shaft',
    url: 'f.glb',
    info: { sonication: { acousticPower: 50, duration: 20, cooling: 30 } },
  },
  { id: 'rib', title: 'Rib', url: 'r.glb', info: { sonication: { acousticPower: 45, duration: 20, cooling: 20 } } },
  { id: 'iliac-wing', title: 'Iliac wing', url: 'i.glb' },
  { id: 'bone-plate-validation', title: 'Bone plate', url: 'b.glb' },
];
const DEFAULT_TARGETS: Record<string, Vec3> = { 'femur-shaft': [0.012, 0.02, 0], rib: [0, 0.01, 0.005] };

function summaryOf(title: string): CaseSummary {
  const id = CASES.find((c) => c.title === title)?.id ?? title;
  return {
    meta: {
      id,
      title,
      description: '',
      defaultTarget: DEFAULT_TARGETS[id] ?? [0, 0, 0],
      defaultBeamDirection: [0, 1, 0],
    },
    parts: [{ name: 'lesion-a', tissue: 'lesion', label: 'a' }],
    bounds: { min: [-0.1, -0.1, -0.1], max: [0.1, 0.1, 0.1] },
  } as unknown as CaseSummary;
}

function fakeSim(): SimPort {
  return {
    loadCase: vi.fn(async (_b: ArrayBuffer, title: string) => summaryOf(title)),
    estimate: vi.fn(async () => undefined as never),
    sonicate: vi.fn(async () => fakeSonication()) as unknown as SimPort['sonicate'],
    runPlan: vi.fn() as unknown as SimPort['runPlan'],
    spotLayout: vi.fn(),
  };
}

/** The browser as plan-io sees it, recorded. */
function fakePlatform(hash = '') {
  const downloads: { blob: Blob; filename: string }[] = [];
  const copied: string[] = [];
  const state = { hash, cleared: 0, printed: 0, released: [] as string[], clipboard: true, t: 1_700_000_000_000 };
  const platform: PlanIOPlatform = {
    download: (blob, filename) => downloads.push({ blob, filename }),
    copyText: async (text) => {
      copied.push(text);
      return state.clipboard;
    },
    hash: () => state.hash,
    base: () => 'https://fus.example/app/',
    clearFragment: () => {
      state.hash = '';
      state.cleared += 1;
    },
    now: () => {
      state.t += 1000;
      return state.t;
    },
    composeViewImage: async () => 'blob:view',
    releaseImage: (url) => state.released.push(url),
    print: () => {
      state.printed += 1;
    },
  };
  return { platform, downloads, copied, state };
}

/** The app as App.tsx wires it, on one "browser profile" (`kv`); `start()` is left to the test. */
function createApp(options: { kv?: ReturnType<typeof memoryKeyValue>; hash?: string } = {}) {
  const kv = options.kv ?? memoryKeyValue();
  const store: PlannerStoreApi = testStore();
  const sim = fakeSim();
  const errors: string[] = [];
  const keeper = createPlanKeeper({ store, kv, caseIds: IDS, delay: 5, onError: (m) => errors.push(m) });
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
  const files = createPlanFilesStore();
  const fake = fakePlatform(options.hash);
  const io = createPlanIO({ store, controller, keeper, kv, files, cases: CASES, platform: fake.platform });
  return { store, kv, sim, keeper, controller, files, io, errors, ...fake };
}

async function startedApp(options: Parameters<typeof createApp>[0] = {}) {
  const app = createApp(options);
  await app.io.start();
  return app;
}

const spot = (id: string, x: number) => ({
  id,
  focus: [x, 0.02, 0] as Vec3,
  acousticPower: 40,
  duration: 20,
  cooling: 20,
});

const femurText = () => readFileSync(new URL('../../public/plans/femur-shaft.json', import.meta.url), 'utf8');
const ribText = () => readFileSync(new URL('../../public/plans/rib.json', import.meta.url), 'utf8');

/** Lets pending promise callbacks (the recent list's writes) run. */
const settle = () => new Promise((r) => setTimeout(r, 20));

/** What a refused open must leave alone: the plan, the case, the history, the stored data, the recent list. */
function snapshot(app: ReturnType<typeof createApp>) {
  return {
    state: structuredClone(planStateOf(app.store.getState())),
    caseId: app.store.getState().caseId,
    caseStatus: app.store.getState().caseStatus,
    run: app.store.getState().run,
    past: app.store.temporal.getState().pastStates.length,
    kv: structuredClone([...app.kv.data.entries()]),
    recent: app.files.getState().recent,
  };
}

describe('Save plan', () => {
  it('downloads a file the plan format reads, with the plan as it is in the store', async () => {
    const app = await startedApp();
    app.store.getState().setTarget([0.013, 0.021, 0.002]);
    app.store.getState().addSpot(spot('s-1', 0.013));
    app.store.getState().addSpot(spot('s-2', 0.014));
    app.io.save();
    expect(app.downloads).toHaveLength(1);
    const [{ blob, filename }] = app.downloads as [{ blob: Blob; filename: string }];
    expect(filename).toBe('femur-shaft-plan.json');
    expect(blob.type).toBe('application/json');
    const plan = parsePlan(JSON.parse(await blob.text()), IDS);
    expect(plan.input.medium).toEqual({ type: 'phantom', id: 'femur-shaft' });
    expect(plan.input.target).toEqual([0.013, 0.021, 0.002]);
    expect(plan.input.planning?.spots.map((s) => s.id)).toEqual(['s-1', 's-2']);
    expect(plan.input.name).toBe('Femur shaft plan');
    expect(app.files.getState().message).toMatchObject({ kind: 'info' });
    expect(app.files.getState().message?.text).toContain('femur-shaft-plan.json');
  });

  it('refuses while the case is still loading, and says so', async () => {
    const app = createApp();
    app.store.getState().setCaseLoading('femur-shaft');
    app.io.save();
    expect(app.downloads).toHaveLength(0);
    expect(app.files.getState().message).toMatchObject({ kind: 'error' });
    expect(app.files.getState().message?.text).toMatch(/loading/);
  });
});

describe('Open plan… refuses a file it cannot read, names the reason and changes nothing', () => {
  const femur = () => JSON.parse(femurText()) as Record<string, unknown> & { planning: { spots: object[] } };
  const cases: [string, () => string, RegExp][] = [
    ['broken JSON', () => femurText().slice(0, 200), /the file ends before the plan does/],
    ['an array', () => '[1, 2]', /expected a JSON object/],
    ['an empty file', () => ' \n', /^the file is empty\./],
    ['a newer version', () => JSON.stringify({ ...femur(), version: 99 }), /version: this plan is version 99/],
    [
      'a negative spot power',
      () => {
        const f = femur();
        (f.planning.spots[1] as { acousticPower: number }).acousticPower = -5;
        return JSON.stringify(f);
      },
      /^spot 2, acousticPower: expected a number ≥ 0 W; the planner takes 0\.1 to 500 W\./,
    ],
    ['a target written as text', () => JSON.stringify({ ...femur(), target: 'here' }), /^[^:]*target/],
    // Values the format takes (the command line's research cases) but the planner's own fields refuse when typed.
    [
      'a power the power field refuses',
      () => JSON.stringify({ ...femur(), drive: { acousticPower: 4000 } }),
      /^the acoustic power, 4000 W, is outside what the planner takes \(0\.1 to 500 W\)\./,
    ],
    [
      'a sonication of 0 s at 8 MHz',
      () => {
        const f = femur();
        const transducer = { ...(f.transducer as object), frequency: 8e6 };
        return JSON.stringify({ ...f, sonication: { duration: 0, cooling: 30 }, transducer });
      },
      /^the sonication time, 0 s, is outside what the planner takes \(0\.5 to 120 s\); the frequency, 8 MHz, is outside what the planner takes \(0\.2 to 3 MHz\)\./,
    ],
    [
      'a spot at 2000 W',
      () => {
        const f = femur();
        (f.planning.spots[0] as { acousticPower: number }).acousticPower = 2000;
        return JSON.stringify(f);
      },
      /^spot 1’s acoustic power, 2000 W, is outside what the planner takes/,
    ],
    [
      'a target in the air, outside the case’s box',
      () => JSON.stringify({ ...femur(), target: [0.5, 0, 0] }),
      /^the target, x = 500 mm, is outside the body, which spans -100 to 100 mm along x\./,
    ],
    ['an unknown case', () => JSON.stringify({ ...femur(), medium: { type: 'phantom', id: 'knee' } }), /medium/],
    [
      'a command-line medium (planar layers)',
      () =>
        JSON.stringify({
          ...femur(),
          medium: { type: 'layers', layers: [{ tissue: 'skin', thickness: 0.002 }] },
        }),
      /medium/,
    ],
  ];

  for (const [what, text, reason] of cases) {
    it(`${what}`, async () => {
      const app = await startedApp();
      app.store.getState().addSpot(spot('mine', 0.012));
      await app.keeper.flush();
      await settle();
      const before = snapshot(app);
      const file = new File([text()], 'plan.json', { type: 'application/json' });
      expect(await app.io.openFile(file)).toBe(false);
      await settle();
      expect(snapshot(app)).toEqual(before);
      const message = app.files.getState().message;
      expect(message?.kind).toBe('error');
      expect(message?.text).toMatch(/^plan\.json was not opened: /);
      expect(message?.text.replace(/^plan\.json was not opened: /, '')).toMatch(reason);
      expect(message?.text).toMatch(/Nothing was changed\.$/);
      expect(app.sim.loadCase).toHaveBeenCalledTimes(1);
    });
  }

  it('a huge file, without reading it', async () => {
    const app = await startedApp();
    app.store.getState().addSpot(spot('mine', 0.012));
    const before = snapshot(app);
    const huge = new File([new Uint8Array(MAX_PLAN_BYTES + 1)], 'scan.json');
    const read = vi.spyOn(huge, 'text');
    expect(await app.io.openFile(huge)).toBe(false);
    expect(read).not.toHaveBeenCalled();
    expect(snapshot(app)).toEqual(before);
    expect(app.files.getState().message?.text).toMatch(
      /^scan\.json was not opened: it is 5\.0 MB, larger than a plan file can be \(5 MB\)\. Nothing was changed\.$/,
    );
  });
});

describe('opening a plan', () => {
  it('replaces the plan as one undo step: Undo brings back the plan it replaced', async () => {
    const app = await startedApp();
    app.store.getState().addSpot(spot('mine', 0.012));
    app.store.getState().setSonication({ acousticPower: 61 });
    const mine = structuredClone(planStateOf(app.store.getState()));
    expect(await app.io.openFile(new File([femurText()], 'femur-shaft.json'))).toBe(true);
    let s = app.store.getState();
    expect(s.spots.map((p) => p.id)).toEqual(['spot-1', 'spot-2', 'spot-3']);
    expect(s.sonication.acousticPower).toBe(50);
    expect(app.files.getState().message).toMatchObject({ kind: 'info' });
    expect(app.files.getState().message?.text).toContain('Femur shaft: three spots across the lesion');
    app.store.temporal.getState().undo();
    s = app.store.getState();
    expect(planStateOf(s)).toEqual(mine);
  });

  it('a plan on another case switches to that case (loaded once), and Undo still brings back that case’s plan', async () => {
    const app = await startedApp();
    await app.io.pickCase('rib');
    app.store.getState().addSpot(spot('rib-own', 0));
    await app.io.pickCase('femur-shaft');
    expect(app.store.getState().caseId).toBe('femur-shaft');
    expect(await app.io.openText(ribText(), 'rib.json')).toBe(true);
    const s = app.store.getState();
    expect(s.caseId).toBe('rib');
    expect(s.caseStatus).toBe('ready');
    const ribPlan = parsePlan(JSON.parse(ribText()), IDS);
    expect(s.spots.map((p) => p.id)).toEqual(ribPlan.input.planning?.spots.map((p) => p.id));
    expect(app.files.getState().message?.text).toMatch(/on Rib/);
    app.store.temporal.getState().undo();
    expect(app.store.getState().spots.map((p) => p.id)).toEqual(['rib-own']);
  });

  it('a plan on another case with its target outside that body is refused once the case is in; nothing is lost', async () => {
    const app = await startedApp();
    app.store.getState().addSpot(spot('mine', 0.012));
    const rib = { ...JSON.parse(ribText()), target: [0, 0.5, 0] };
    expect(await app.io.openText(JSON.stringify(rib), 'rib.json')).toBe(false);
    expect(app.files.getState().message?.text).toBe(
      'rib.json was not opened: the target, y = 500 mm, is outside the body, which spans -100 to 100 mm along y. Rib is open with its own plan.',
    );
    // The femur's plan it left is kept: back on the femur, it is there.
    await app.io.pickCase('femur-shaft');
    expect(app.store.getState().spots.map((p) => p.id)).toEqual(['mine']);
  });

  it('a plan whose case cannot be loaded is said, and the message does not claim it opened', async () => {
    const app = await startedApp();
    (app.sim.loadCase as ReturnType<typeof vi.fn>).mockRejectedValueOnce(new Error('network down'));
    expect(await app.io.openText(ribText(), 'rib.json')).toBe(false);
    const message = app.files.getState().message;
    expect(message?.kind).toBe('error');
    expect(message?.text).toMatch(/rib\.json was not opened: its case \(Rib\) could not be loaded/);
    expect(app.files.getState().busy).toBe(false);
  });
});

describe('the recent list', () => {
  it('lists plans saved, opened and replaced, newest first, and reopens one', async () => {
    const app = await startedApp();
    app.store.getState().addSpot(spot('mine', 0.012));
    app.io.save();
    await settle();
    expect(app.files.getState().recent.map((r) => [r.name, r.how, r.spots])).toEqual([
      ['Femur shaft plan', 'saved', 1],
    ]);
    app.store.getState().addSpot(spot('mine-2', 0.013));
    await app.io.openText(femurText(), 'femur-shaft.json');
    await settle();
    const recent = app.files.getState().recent;
    expect(recent.map((r) => [r.name, r.how, r.spots, r.caseTitle])).toEqual([
      ['Femur shaft: three spots across the lesion', 'opened', 3, 'Femur shaft'],
      ['Femur shaft plan', 'replaced', 2, 'Femur shaft'],
      ['Femur shaft plan', 'saved', 1, 'Femur shaft'],
    ]);
    // The list is kept in the browser's storage: a new app on the same profile shows it.
    const again = await startedApp({ kv: app.kv });
    await settle();
    expect(again.files.getState().recent.map((r) => r.id)).toEqual(recent.map((r) => r.id));
    // Reopening the replaced plan brings its two spots back.
    const replaced = recent[1];
    expect(await again.io.openRecent(replaced?.id ?? '')).toBe(true);
    expect(again.store.getState().spots.map((p) => p.id)).toEqual(['mine', 'mine-2']);
    expect(await again.io.openRecent('no-such-id')).toBe(false);
  });
});

describe('a link', () => {
  it('carries the plan: Copy link, then the link opened in another browser gives the same case and plan', async () => {
    const app = await startedApp();
    await app.io.pickCase('rib');
    app.store.getState().setTarget([0.001, 0.011, 0.004]);
    app.store.getState().addSpot(spot('r-1', 0.001));
    app.store.getState().addSpot(spot('r-2', 0.002));
    app.store.getState().addNoPass({ id: 'np-1', kind: 'sphere', centre: [0, 0.03, 0], size: 0.004 });
    await app.io.copyLink();
    expect(app.copied).toHaveLength(1);
    const url = app.copied[0] as string;
    expect(url.startsWith(`https://fus.example/app/#${LINK_KEY}=`)).toBe(true);
    expect(app.files.getState().message).toMatchObject({ kind: 'info', link: url });
    expect(app.files.getState().message?.text).toMatch(/^Link copied/);

    const other = await startedApp({ hash: url.slice(url.indexOf('#')) });
    expect(other.state.cleared).toBe(1);
    expect(other.state.hash).toBe('');
    const s = other.store.getState();
    expect(s.caseId).toBe('rib');
    expect(planStateOf(s)).toEqual(planStateOf(app.store.getState()));
    expect(other.files.getState().message?.text).toMatch(/from a link/);
  });

  it('when the clipboard refuses, the message says to copy the link by hand and shows it', async () => {
    const app = await startedApp();
    app.state.clipboard = false;
    await app.io.copyLink();
    const message = app.files.getState().message;
    expect(message?.text).toMatch(/^Copy this link/);
    expect(message?.link).toBe(app.copied[0]);
  });
});

describe('start()', () => {
  it('with no link, opens the last case with its autosaved plan, and touches no fragment', async () => {
    const first = await startedApp();
    await first.io.pickCase('rib');
    first.store.getState().addSpot(spot('r-1', 0.001));
    await first.keeper.flush();
    expect(first.kv.data.get(LAST_CASE_KEY)).toBe('rib');
    const reloaded = await startedApp({ kv: first.kv });
    expect(reloaded.store.getState().caseId).toBe('rib');
    expect(reloaded.store.getState().spots.map((p) => p.id)).toEqual(['r-1']);
    expect(reloaded.state.cleared).toBe(0);
  });

  it('with nothing stored, opens the default case', async () => {
    const app = await startedApp();
    expect(app.store.getState().caseId).toBe('femur-shaft');
    expect(app.store.getState().caseStatus).toBe('ready');
  });

  it('a link’s plan wins over the last case, whose autosave stays for later', async () => {
    const first = await startedApp();
    first.store.getState().addSpot(spot('autosaved', 0.012));
    await first.keeper.flush();
    const link = (await (async () => {
      const src = await startedApp();
      await src.io.openText(ribText(), 'rib.json');
      await src.io.copyLink();
      return src.copied[0];
    })()) as string;
    const opened = await startedApp({ kv: first.kv, hash: link.slice(link.indexOf('#')) });
    expect(opened.store.getState().caseId).toBe('rib');
    expect(opened.state.cleared).toBe(1);
    // The femur's autosave is still there for later.
    expect(first.kv.data.has(planKey('femur-shaft'))).toBe(true);
  });

  it('a link cut short is said, the fragment cleared, and the last case opens', async () => {
    const first = await startedApp();
    await first.io.pickCase('rib');
    first.store.getState().addSpot(spot('r-1', 0.001));
    await first.keeper.flush();
    const app = await startedApp({ kv: first.kv, hash: `#${LINK_KEY}=N4IgzgxgTgpgDgF` });
    expect(app.state.cleared).toBe(1);
    expect(app.store.getState().caseId).toBe('rib');
    expect(app.store.getState().spots.map((p) => p.id)).toEqual(['r-1']);
    const message = app.files.getState().message;
    expect(message?.kind).toBe('error');
    expect(message?.text).toMatch(/link.*cut short/);
  });

  it('a link whose plan the format refuses is said naming the field, and the last case opens', async () => {
    // A link that decompresses in full, to a plan of a version this app does not read.
    const bad = compressToEncodedURIComponent(JSON.stringify({ ...JSON.parse(femurText()), version: 7 }));
    const app = await startedApp({ hash: `#${LINK_KEY}=${bad}` });
    expect(app.state.cleared).toBe(1);
    expect(app.store.getState().caseId).toBe('femur-shaft');
    expect(app.store.getState().caseStatus).toBe('ready');
    expect(app.files.getState().message?.text).toMatch(/The link’s plan was not opened: version: /);
    expect(app.kv.data.has(RECENT_KEY)).toBe(false);
  });
});

describe('the report', () => {
  it('opens with the view’s picture and the plan’s name, and closing it releases the picture', async () => {
    const app = await startedApp();
    await app.io.openText(femurText(), 'femur-shaft.json');
    await app.io.openReport();
    expect(app.files.getState().report).toMatchObject({
      image: 'blob:view',
      planName: 'Femur shaft: three spots across the lesion',
    });
    app.io.printReport();
    expect(app.state.printed).toBe(1);
    app.io.closeReport();
    expect(app.files.getState().report).toBeUndefined();
    expect(app.state.released).toEqual(['blob:view']);
  });
});
