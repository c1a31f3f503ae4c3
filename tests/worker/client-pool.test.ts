import * as Comlink from 'comlink';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SimClient } from '../../src/worker/client.ts';
import type { PlanRequest } from '../../src/worker/plan-protocol.ts';
import { stoppable } from '../../src/worker/stop-word.ts';

// The pool's routing, with in-process fake workers on MessageChannels (the engine itself is tested elsewhere):
// which worker gets which call, and that a plan's spots are marched ahead by the others and handed to the primary.

interface Call {
  worker: number;
  op: string;
  ids?: string[];
  keep?: boolean;
  /** planAcoustics: whether the page passed a progress listener (none: the reports post nothing) */
  listened?: boolean;
  /** runPlan: where each spot's field came from ('here', 'kept', or 'helper:<id of the acoustics received>') */
  got?: Record<string, string>;
}

/** Spots whose fields the fake primary keeps from its last run. */
let keptByPrimary: string[] = [];

/** A preparation in the fake workers lasts until this resolves (a field being marched). */
let preparing: Promise<void> = Promise.resolve();

type Progress = (fraction: number) => Promise<void>;

function fakePool(calls: Call[]) {
  let made = 0;
  /** messages posted to the workers so far, by worker */
  const posted: number[] = [];
  const ports: MessagePort[] = [];
  // A worker runs one call at a time: a sonication sent to one that prepares a field starts when that ends.
  const preparingOn = new Set<number>();
  const preparedOn = new Set<number>();
  const create = (): Worker => {
    const worker = made++;
    const { port1, port2 } = new MessageChannel();
    ports.push(port1, port2);
    const acoustics = (id: string) => ({
      fine: { pressure: new Float32Array(2), heatSource: new Float64Array(2) },
      coarseHeat: new Float64Array(3),
      id,
    });
    Comlink.expose(
      {
        loadCase: () => {
          calls.push({ worker, op: 'loadCase' });
          return { meta: {}, parts: [] };
        },
        estimate: () => {
          calls.push({ worker, op: 'estimate' });
          return {};
        },
        // After a preparation, as the worker hands over the sonication it computed ahead.
        sonicate: async (_: unknown, onProgress: Progress) => {
          calls.push({ worker, op: 'sonicate' });
          const ahead = preparingOn.has(worker) || preparedOn.has(worker);
          preparedOn.delete(worker);
          if (preparingOn.has(worker)) await preparing;
          await onProgress(0.25);
          await onProgress(1);
          return ahead ? { computedAhead: 'ready' } : {};
        },
        // As sonicateAhead reports: the field on [0, 0.5], then the heat.
        prepareSonication: async (_: unknown, onProgress: Progress) => {
          calls.push({ worker, op: 'prepareSonication' });
          preparingOn.add(worker);
          await onProgress(0.2);
          await preparing;
          await onProgress(1);
          preparingOn.delete(worker);
          preparedOn.add(worker);
          return true;
        },
        planAcoustics: async (_: PlanRequest, ids: string[], keep: boolean, onProgress: Progress | undefined) => {
          calls.push({ worker, op: 'planAcoustics', ids, keep, listened: onProgress !== undefined });
          // Spot by spot, as the engine reports (sequenceAcoustics): halfway through one, then at its end.
          for (let i = 0; i < ids.length; i++) {
            await onProgress?.((i + 0.5) / ids.length);
            await onProgress?.((i + 1) / ids.length);
          }
          return Object.fromEntries(ids.map((id) => [id, acoustics(id)]));
        },
        // As the engine's plan: spot by spot, asking the pool for each field it does not keep.
        runPlan: async (
          request: PlanRequest,
          _: unknown,
          fieldOf?: (id: string) => Promise<{ id: string } | undefined>,
        ) => {
          const got: Record<string, string> = {};
          for (const { id } of request.spots) {
            if (keptByPrimary.includes(id)) got[id] = 'kept';
            else {
              const acoustics = fieldOf ? await fieldOf(id) : undefined;
              got[id] = acoustics ? `helper:${acoustics.id}` : 'here';
            }
          }
          calls.push({ worker, op: 'runPlan', got });
          return { spots: [] };
        },
        keptPlanSpots: () => keptByPrimary,
        releasePlan: () => {
          calls.push({ worker, op: 'releasePlan' });
        },
      },
      port2,
    );
    port1.start();
    posted[worker] = 0;
    const post = port1.postMessage.bind(port1);
    port1.postMessage = ((...args: Parameters<MessagePort['postMessage']>) => {
      posted[worker] = (posted[worker] ?? 0) + 1;
      post(...(args as [unknown]));
    }) as MessagePort['postMessage'];
    return Object.assign(port1, { terminate: () => port1.close() }) as unknown as Worker;
  };
  return {
    create,
    posted,
    close: () => {
      for (const p of ports) p.close();
    },
  };
}

/** A pool of two with a case loaded, whose fake preparations last until `finish` is called. */
async function whilePreparing(pool: ReturnType<typeof fakePool>) {
  const client = new SimClient(pool.create, 2);
  await client.loadCase(new ArrayBuffer(8), 'case');
  let finish = () => {};
  preparing = new Promise((resolve) => {
    finish = resolve;
  });
  const beams = { pose: { target: [0, 0, 0] } } as never;
  return { client, finish: () => finish(), beams };
}

const plan = (ids: string[], extra: Partial<PlanRequest> = {}) =>
  ({ spots: ids.map((id) => ({ id })), ...extra }) as unknown as PlanRequest;

describe('the simulation pool', () => {
  const calls: Call[] = [];
  let pool = fakePool(calls);
  afterEach(() => {
    pool.close();
    calls.length = 0;
    pool = fakePool(calls);
  });

  it('sends the case to every worker, sonications to the first and the estimate to the last', async () => {
    const client = new SimClient(pool.create, 3);
    await client.loadCase(new ArrayBuffer(8), 'case');
    await client.sonicate({} as never, () => {});
    await client.estimate({} as never);
    expect(calls.filter((c) => c.op === 'loadCase').map((c) => c.worker)).toEqual([0, 1, 2]);
    expect(calls.find((c) => c.op === 'sonicate')?.worker).toBe(0);
    expect(calls.find((c) => c.op === 'estimate')?.worker).toBe(2);
    client.dispose();
  });

  it('posts an estimate at once when its worker holds the case, not a microtask later behind the page', async () => {
    const client = new SimClient(pool.create, 2);
    await client.loadCase(new ArrayBuffer(8), 'case');
    // The first waits for the worker's copy of the case; the next ones, a drag's, go out as they are asked.
    await client.estimate({} as never);
    const before = pool.posted[1] ?? 0;
    const answer = client.estimate({} as never);
    expect(pool.posted[1]).toBe(before + 1);
    await answer;
    client.dispose();
  });

  it('without shared memory, a cancel starts fresh workers with the case re-sent and tells who listens (their JIT is cold)', async () => {
    const { client, finish, beams } = await whilePreparing(pool);
    let restarts = 0;
    const stop = client.onRestart(() => restarts++);
    const controller = new AbortController();
    const running = client.sonicate(beams, () => {}, controller.signal);
    controller.abort();
    await expect(running).rejects.toThrow(/cancel/i);
    expect(restarts).toBe(1);
    await client.estimate({} as never);
    // Workers 0 and 1 were replaced by 2 and 3, each given the case.
    expect(calls.filter((c) => c.op === 'loadCase').map((c) => c.worker)).toEqual([0, 1, 2, 3]);
    expect(calls.filter((c) => c.op === 'estimate').map((c) => c.worker)).toEqual([3]);
    stop();
    finish();
    client.dispose();
  });

  it('sends a sonication to the worker that prepared its beams, and not behind a preparation of other beams', async () => {
    const { client, finish, beams } = await whilePreparing(pool);
    const moved = { pose: { target: [0, 0, 0.001] } } as never;
    const prepared = client.prepareSonication(beams);
    // The user moved the target and clicked while the first worker still marches the old beams' field.
    await client.sonicate(moved, () => {});
    // Clicked for the prepared beams: it waits for that field rather than marching its own.
    const same = client.sonicate({ ...(beams as object), acousticPower: 80 } as never, () => {});
    // Already kept (or being computed) somewhere: nothing more to prepare.
    expect(await client.prepareSonication(beams)).toBe(false);
    finish();
    await Promise.all([prepared, same]);
    expect(calls.filter((c) => c.op !== 'loadCase').map((c) => [c.op, c.worker])).toEqual([
      ['prepareSonication', 0],
      ['sonicate', 1],
      ['sonicate', 0],
    ]);
    preparing = Promise.resolve();
    client.dispose();
  });

  it('shows the field being computed ahead as the first half of a Sonicate of the same beams that waits for it', async () => {
    const { client, finish, beams } = await whilePreparing(pool);
    const prepared = client.prepareSonication(beams);
    const shown: number[] = [];
    const same = client.sonicate({ ...(beams as object), acousticPower: 80 } as never, (f) => shown.push(f));
    await expect.poll(() => shown.length).toBe(1);
    // The field is 40 % marched: the waiting Sonicate stands at 20 %, not at 0.
    expect(shown).toEqual([0.2]);
    finish();
    await Promise.all([prepared, same]);
    // The heat computed ahead is for another power: the bar stops at the field's end (50 %), then the sonication's
    // own heat; its 25 % (below what was shown) is not a step back.
    expect(shown).toEqual([0.2, 0.5, 1]);
    preparing = Promise.resolve();
    client.dispose();
  });

  it('sends a Sonicate of the very request computed ahead to that worker, which shows all of its progress', async () => {
    const { client, finish, beams } = await whilePreparing(pool);
    const prepared = client.prepareSonication(beams);
    // Already kept (or being computed): nothing more to prepare; another power is another sonication.
    expect(await client.prepareSonication(beams)).toBe(false);
    const shown: number[] = [];
    const same = client.sonicate(beams, (f) => shown.push(f));
    await expect.poll(() => shown.length).toBe(1);
    finish();
    const [, outcome] = await Promise.all([prepared, same]);
    expect(shown).toEqual([0.2, 1]);
    // The click waited for its end: the card must not say it was ready before the click.
    expect(outcome.computedAhead).toBe('finished');
    expect(calls.filter((c) => c.op !== 'loadCase').map((c) => [c.op, c.worker])).toEqual([
      ['prepareSonication', 0],
      ['sonicate', 0],
    ]);
    preparing = Promise.resolve();
    client.dispose();
  });

  it("never computes ahead on the worker of the live estimate, even when it keeps the beams' field", async () => {
    const { client, finish, beams } = await whilePreparing(pool);
    const moved = { pose: { target: [0, 0, 0.001] } } as never;
    const prepared = client.prepareSonication(beams);
    // Clicked while the first worker computed ahead: the other (the estimate's) ran it and keeps its field.
    await client.sonicate(moved, () => {});
    finish();
    await prepared;
    await client.prepareSonication({ ...(moved as object), acousticPower: 80 } as never);
    expect(calls.filter((c) => c.op !== 'loadCase').map((c) => [c.op, c.worker])).toEqual([
      ['prepareSonication', 0],
      ['sonicate', 1],
      ['prepareSonication', 0],
    ]);
    preparing = Promise.resolve();
    client.dispose();
  });

  it('says a sonication computed ahead was ready when it ended before the click', async () => {
    const { client, finish, beams } = await whilePreparing(pool);
    finish();
    await client.prepareSonication(beams);
    const outcome = await client.sonicate(beams, () => {});
    expect(outcome.computedAhead).toBe('ready');
    preparing = Promise.resolve();
    client.dispose();
  });

  it('marches a plan’s spots ahead on the first worker while they are reviewed; Run plan takes them, the other worker marches the rest', async () => {
    const client = new SimClient(pool.create, 2);
    await client.loadCase(new ArrayBuffer(8), 'case');
    const request = plan(['a', 'b', 'c', 'd', 'e']);
    const ahead = client.preparePlan(request);
    await expect.poll(() => calls.filter((c) => c.op === 'planAcoustics').length).toBeGreaterThanOrEqual(2);
    await client.runPlan(request, () => {});
    await ahead;
    const marched = calls.filter((c) => c.op === 'planAcoustics');
    // Ahead: the first worker (never the live estimate's), from the plan's first spot, in order.
    expect(marched.slice(0, 2).map((c) => [c.worker, c.ids?.[0]])).toEqual([
      [0, 'a'],
      [0, 'b'],
    ]);
    const run = calls.find((c) => c.op === 'runPlan');
    expect(run?.worker).toBe(0);
    expect(run?.got?.a).toBe('helper:a');
    expect(run?.got?.b).toBe('helper:b');
    // Nobody shows a march's progress, so none is posted: each report would be a message and a reply via the page.
    expect(marched.every((c) => c.listened === false)).toBe(true);
    // Every spot's field is marched once: ahead, by the other worker during the run, or by the primary itself.
    const ids = marched.map((c) => c.ids?.[0]);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ['c', 'd', 'e']) expect(run?.got?.[id]).toBe(ids.includes(id) ? `helper:${id}` : 'here');
    client.dispose();
  });

  it('stops marching a plan ahead when another plan is asked for, and its run does not take the first plan’s fields', async () => {
    const client = new SimClient(pool.create, 2);
    await client.loadCase(new ArrayBuffer(8), 'case');
    const first = client.preparePlan(plan(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']));
    // The spots changed at once (a fake worker marches in microseconds).
    const other = plan(['a', 'b'], { fieldModel: 'whole-path' } as Partial<PlanRequest>);
    const second = client.preparePlan(other);
    expect(await first).toBeLessThan(8);
    await second;
    await client.runPlan(other, () => {});
    const run = calls.find((c) => c.op === 'runPlan');
    // Both of the second plan's spots came from its own marching ahead, after the first plan's stopped.
    const secondAhead = calls.filter((c) => c.op === 'planAcoustics').slice(-2);
    expect(secondAhead.map((c) => c.ids?.[0])).toEqual(['a', 'b']);
    expect(run?.got).toEqual({ a: 'helper:a', b: 'helper:b' });
    // One worker, or a single spot: nothing is marched ahead.
    expect(await new SimClient(pool.create, 1).preparePlan(plan(['a', 'b']))).toBe(0);
    expect(await client.preparePlan(plan(['z']))).toBe(0);
    client.dispose();
  });

  it('does not hand a plan the fields marched ahead at another power (a field is linear in its drive)', async () => {
    const client = new SimClient(pool.create, 2);
    await client.loadCase(new ArrayBuffer(8), 'case');
    const at = (power: number) =>
      plan(['a', 'b', 'c'], {
        spots: ['a', 'b', 'c'].map((id) => ({ id, acousticPower: power })),
      } as Partial<PlanRequest>);
    expect(await client.preparePlan(at(50))).toBe(3);
    // The user changed the powers after the march and clicked before it was redone.
    await client.runPlan(at(20), () => {});
    const run = calls.find((c) => c.op === 'runPlan');
    // The first spot is the run's own again ('here'): nothing from the march at 50 W.
    expect(run?.got?.a).toBe('here');
    client.dispose();
  });

  it('runs a plan on the first worker, which marches the first spot; the other marches the rest ahead, one spot a call, and hands each over when asked', async () => {
    const client = new SimClient(pool.create, 2);
    await client.loadCase(new ArrayBuffer(8), 'case');
    await client.runPlan(plan(['a', 'b', 'c', 'd', 'e']), () => {});
    const run = calls.find((c) => c.op === 'runPlan');
    expect(run?.worker).toBe(0);
    const marched = calls.filter((c) => c.op === 'planAcoustics');
    expect(marched.every((c) => c.worker === 1 && c.ids?.length === 1 && c.keep)).toBe(true);
    expect(run?.got?.a).toBe('here');
    // Every spot is marched once, by the helper or by the primary (a spot no helper took yet), in the plan's order.
    const byHelper = marched.map((c) => c.ids?.[0]);
    expect(byHelper.length).toBeGreaterThan(0);
    expect(byHelper).toEqual([...byHelper].sort());
    for (const id of ['b', 'c', 'd', 'e']) {
      expect(run?.got?.[id]).toBe(byHelper.includes(id) ? `helper:${id}` : 'here');
    }
    await expect.poll(() => calls.some((c) => c.op === 'releasePlan' && c.worker === 1)).toBe(true);
    client.dispose();
  });

  it('asks no one for the fields the primary keeps from its last run of the plan', async () => {
    keptByPrimary = ['b', 'c'];
    try {
      const client = new SimClient(pool.create, 2);
      await client.loadCase(new ArrayBuffer(8), 'case');
      await client.runPlan(plan(['a', 'b', 'c', 'd']), () => {});
      const marched = calls.filter((c) => c.op === 'planAcoustics').map((c) => c.ids?.[0]);
      expect(marched).not.toContain('b');
      expect(marched).not.toContain('c');
      const run = calls.find((c) => c.op === 'runPlan');
      expect(run?.got).toMatchObject({ a: 'here', b: 'kept', c: 'kept' });
      client.dispose();
    } finally {
      keptByPrimary = [];
    }
  });

  it('runs a one-spot plan, or one with free beams, on the first worker alone', async () => {
    const client = new SimClient(pool.create, 2);
    await client.loadCase(new ArrayBuffer(8), 'case');
    await client.runPlan(plan(['a']), () => {});
    await client.runPlan(plan(['a', 'b'], { freeBeams: [{}] } as never), () => {});
    expect(calls.some((c) => c.op === 'planAcoustics')).toBe(false);
    expect(calls.filter((c) => c.op === 'runPlan').map((c) => [c.worker, c.got])).toEqual([
      [0, { a: 'here' }],
      [0, { a: 'here', b: 'here' }],
    ]);
    client.dispose();
  });
});

/**
 * Fake workers whose sonication computes in 200 steps of a millisecond, reporting progress at each through the
 * worker's own stoppable reporter (stop-word.ts), as the engine reports between slices and steps; `deaf` workers
 * never read their stop word (a loop stuck outside the engine's reports).
 */
function computingPool(events: string[], deaf = false) {
  let made = 0;
  const ports: MessagePort[] = [];
  const create = (): Worker => {
    const worker = made++;
    const { port1, port2 } = new MessageChannel();
    ports.push(port1, port2);
    let word: Int32Array | undefined;
    /** 200 steps of a millisecond, each reported; throws SonicationCancelled once the call is stopped */
    const compute = async (onProgress: (f: number) => Promise<void>, ticket?: number) => {
      const report = stoppable(onProgress, deaf ? undefined : word, ticket);
      for (let i = 1; i <= 200; i++) {
        await new Promise((resolve) => setTimeout(resolve, 1));
        await report(i / 200);
      }
    };
    Comlink.expose(
      {
        shareStopWord: (w: Int32Array) => {
          word = w;
        },
        loadCase: () => {
          events.push(`loadCase ${worker}`);
          return { meta: {}, parts: [] };
        },
        sonicate: async (_: unknown, onProgress: (f: number) => Promise<void>, ticket?: number) => {
          events.push(`sonicate ${worker} ticket ${ticket}`);
          try {
            await compute(onProgress, ticket);
          } catch (error) {
            events.push(`stopped ${worker}`);
            throw error;
          }
          events.push(`done ${worker}`);
          return {};
        },
        // As the worker's op: a stopped one is no error (its settings are gone).
        prepareSonication: async (
          request: { pose: { target: number[] } },
          onProgress: (f: number) => Promise<void>,
          ticket?: number,
        ) => {
          const id = `at ${request.pose.target[0]}`;
          events.push(`prepare ${id} on ${worker}`);
          try {
            await compute(onProgress, ticket);
          } catch {
            events.push(`stopped ${id}`);
            return false;
          }
          events.push(`prepared ${id}`);
          return true;
        },
      },
      port2,
    );
    port1.start();
    return Object.assign(port1, { terminate: () => port1.close() }) as unknown as Worker;
  };
  return {
    create,
    close: () => {
      for (const p of ports) p.close();
    },
  };
}

describe('a cancel where the page shares memory with its workers (cross-origin isolated)', () => {
  const shared = () => new Int32Array(new SharedArrayBuffer(4));

  it('stops the computation within a progress report and keeps the workers: the next sonication runs warm on the same worker', async () => {
    const events: string[] = [];
    const pool = computingPool(events);
    const client = new SimClient(pool.create, 2, { stopWord: shared });
    let restarts = 0;
    client.onRestart(() => restarts++);
    await client.loadCase(new ArrayBuffer(8), 'case');
    const controller = new AbortController();
    let reported = 0;
    const running = client.sonicate({} as never, (f) => (reported = f), controller.signal);
    await vi.waitFor(() => expect(reported).toBeGreaterThan(0));
    controller.abort();
    await expect(running).rejects.toThrow(/cancel/i);
    // The worker read its stop word at its next report and ended the call, well before its 200 steps.
    await vi.waitFor(() => expect(events).toContain('stopped 0'));
    expect(reported).toBeLessThan(0.5);
    await client.sonicate({} as never, () => {});
    expect(restarts).toBe(0);
    expect(events.filter((e) => e.startsWith('loadCase'))).toEqual(['loadCase 0', 'loadCase 1']);
    // Numbered in the order posted: the stopped call was ticket 1, the next one 2, on the same worker.
    expect(events.filter((e) => e.startsWith('sonicate'))).toEqual(['sonicate 0 ticket 1', 'sonicate 0 ticket 2']);
    expect(events).toContain('done 0');
    client.dispose();
    pool.close();
  });

  it('ends a worker that goes on computing after it was stopped, once the grace is over, and fresh ones take the case', async () => {
    const events: string[] = [];
    const pool = computingPool(events, true);
    const client = new SimClient(pool.create, 2, { stopWord: shared, graceMs: 30 });
    let restarts = 0;
    client.onRestart(() => restarts++);
    await client.loadCase(new ArrayBuffer(8), 'case');
    const controller = new AbortController();
    const running = client.sonicate({} as never, () => {}, controller.signal);
    await vi.waitFor(() => expect(events).toContain('sonicate 0 ticket 1'));
    controller.abort();
    await expect(running).rejects.toThrow(/cancel/i);
    expect(restarts).toBe(0);
    await vi.waitFor(() => expect(restarts).toBe(1));
    await vi.waitFor(() =>
      expect(events.filter((e) => e.startsWith('loadCase'))).toEqual([
        'loadCase 0',
        'loadCase 1',
        'loadCase 2',
        'loadCase 3',
      ]),
    );
    client.dispose();
    pool.close();
  });

  it('stops a sonication computed ahead for settings the user has left when other beams are asked for, and not one of the same beams', async () => {
    const events: string[] = [];
    const pool = computingPool(events);
    const client = new SimClient(pool.create, 2, { stopWord: shared });
    await client.loadCase(new ArrayBuffer(8), 'case');
    const at = (target: number, power = 50) => ({ pose: { target: [target, 0, 0] }, acousticPower: power }) as never;
    const left = client.prepareSonication(at(1));
    await vi.waitFor(() => expect(events).toContain('prepare at 1 on 0'));
    // The user moved the target: the next preparation stops the first, which resolves as nothing computed.
    const next = client.prepareSonication(at(2));
    expect(await left).toBe(false);
    expect(await next).toBe(true);
    expect(events).toContain('stopped at 1');
    expect(events).toContain('prepared at 2');
    // Only the power changed: the preparation goes on (a Sonicate of those beams takes its field).
    const same = client.prepareSonication(at(3));
    await vi.waitFor(() => expect(events).toContain('prepare at 3 on 0'));
    await client.sonicate(at(3, 60), () => {});
    expect(await same).toBe(true);
    expect(events).not.toContain('stopped at 3');
    // Sonicate clicked for other beams while the first worker computes ahead: it stops that and takes the click
    // (its code for sonications is warm), not the live estimate's worker.
    const ahead = client.prepareSonication(at(4));
    await vi.waitFor(() => expect(events).toContain('prepare at 4 on 0'));
    await client.sonicate(at(5), () => {});
    expect(await ahead).toBe(false);
    expect(events.filter((e) => e.startsWith('sonicate')).map((e) => e.split(' ')[1])).toEqual(['0', '0']);
    client.dispose();
    pool.close();
  });
});
