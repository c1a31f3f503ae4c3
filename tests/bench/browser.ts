import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { accessSync, constants, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from '@playwright/test';
import { median } from './measure.ts';
import { BuildMaps, type MainThreadProfile, startProfile, stopProfile } from './profile.ts';
import type { Phase, Row } from './report.ts';
import { type ThreadSelfTimes, TRACE_CATEGORIES, threadSelfTimes } from './trace.ts';

/**
 * The end-to-end measurement in Chromium: a production build served by `vite preview` from a temporary directory
 * (never dist/, which `npm test` builds at the same time), Debian's Chromium headless as in the e2e tests, the app
 * on its default femur case. It records, in page time: click → result for Sonicate (several times), every long
 * task (PerformanceObserver 'longtask') during load, the sonications, the arrival of results, a replay at 20× and a
 * drag of the target, and the pointer move → updated live estimate latency during that drag; and the Chromium
 * processes' memory from /proc. A measurement, not a test: nothing here asserts a time.
 */

export interface BrowserOptions {
  quick: boolean;
  log: (line: string) => void;
}

/** Chromium flags of playwright.config.ts (SwiftShader WebGL, no GPU). */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--enable-unsafe-swiftshader',
  // measureUserAgentSpecificMemory answers at once instead of at the next garbage collection (up to 20 s later).
  '--enable-blink-features=ForceEagerMeasureMemory',
];

/**
 * The page's JavaScript memory (heaps, array buffers, WebAssembly memories) by realm [bytes], from
 * performance.measureUserAgentSpecificMemory (cross-origin isolated pages only; null elsewhere). A string, as PROBE.
 */
const JS_MEMORY = `(async () => {
  if (!crossOriginIsolated || !performance.measureUserAgentSpecificMemory) return null;
  const m = await performance.measureUserAgentSpecificMemory();
  const by = { main: 0, simulation: 0, derive: 0, other: 0 };
  for (const b of m.breakdown) {
    const a = b.attribution[0];
    const url = a ? a.url || '' : '';
    const realm = !a ? 'other' : a.scope === 'Window' ? 'main' : /sim\\.worker/.test(url) ? 'simulation'
      : /derive\\.worker/.test(url) ? 'derive' : 'other';
    by[realm] += b.bytes;
  }
  return by;
})()`;

/** JS_MEMORY's answer [bytes]. */
export interface JsMemory {
  main: number;
  simulation: number;
  derive: number;
  other: number;
}

/**
 * Installed before the app's scripts: long tasks, clicks, pointer moves, drawn frames and every change of the run
 * status and of the live estimate, each with its page time. Plain JavaScript in a string: tsx would wrap named
 * functions in a helper the page does not have.
 */
const PROBE = `(() => {
  const b = { longTasks: [], events: [], frames: [], clicks: [], lastMove: -1, longTaskError: '' };
  window.__bench = b;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) b.longTasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch (e) {
    b.longTaskError = String(e);
  }
  addEventListener('click', (e) => {
    const el = e.target && e.target.closest ? e.target.closest('[data-testid]') : null;
    b.clicks.push([el ? el.getAttribute('data-testid') : '', e.timeStamp]);
  }, true);
  addEventListener('pointermove', (e) => { b.lastMove = e.timeStamp; }, true);
  const onFrame = (t) => { b.frames.push(t); requestAnimationFrame(onFrame); };
  requestAnimationFrame(onFrame);
  let status = null;
  let estimate = null;
  const check = () => {
    const now = performance.now();
    const s = document.querySelector('[data-testid=run-status]');
    const st = s ? s.getAttribute('data-status') : null;
    if (st !== status) { status = st; b.events.push(['run-status', st, now]); }
    const e = document.querySelector('[data-testid=estimate-pressure]');
    const es = e ? e.getAttribute('data-si') : null;
    if (es !== estimate) { estimate = es; b.events.push(['estimate', es, now]); }
  };
  const watch = () => new MutationObserver(check).observe(document.documentElement, {
    subtree: true, childList: true, attributes: true, attributeFilter: ['data-status', 'data-si'],
  });
  if (document.documentElement) watch(); else addEventListener('DOMContentLoaded', watch);
})();`;

interface Probe {
  longTasks: [number, number][];
  events: [string, string | null, number][];
  frames: number[];
  clicks: [string, number][];
  lastMove: number;
  longTaskError: string;
}

async function probe(page: Page): Promise<Probe> {
  // Frames are many: only their times are needed, and JSON carries them fine.
  return (await page.evaluate('JSON.parse(JSON.stringify(window.__bench))')) as Probe;
}

async function now(page: Page): Promise<number> {
  return (await page.evaluate('performance.now()')) as number;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitForServer(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`vite preview exited with ${child.exitCode}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`vite preview did not answer on ${url} within ${timeoutMs} ms`);
}

function chromiumPath(): string | undefined {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  try {
    accessSync(path, constants.X_OK);
    return path;
  } catch {
    return undefined;
  }
}

/** The Chromium processes this process started, with their kind (browser, renderer, gpu-process, utility, …). */
function ourChromium(): { pid: number; kind: string }[] {
  const parent = new Map<number, number>();
  const kind = new Map<number, string>();
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      // pid (comm) state ppid …: comm may hold spaces, so read after the last ')'.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parent.set(pid, ppid);
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      kind.set(pid, cmd.includes('chrom') ? (/--type=([a-z-]+)/.exec(cmd)?.[1] ?? 'browser') : '');
    } catch {
      // the process ended meanwhile
    }
  }
  const ours = (pid: number): boolean => {
    for (let p = parent.get(pid); p !== undefined && p > 1; p = parent.get(p)) if (p === process.pid) return true;
    return false;
  };
  return [...kind].filter(([pid, k]) => k !== '' && ours(pid)).map(([pid, k]) => ({ pid, kind: k }));
}

/** Proportional set sizes [bytes] of the Chromium processes this process started, by kind (from /proc). */
function chromiumMemory(): { total: number; renderer: number; gpu: number } {
  const out = { total: 0, renderer: 0, gpu: 0 };
  for (const { pid, kind } of ourChromium()) {
    let pss = 0;
    try {
      const m = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
      pss = Number(m?.[1] ?? 0) * 1024;
    } catch {
      continue;
    }
    out.total += pss;
    if (kind === 'renderer') out.renderer = Math.max(out.renderer, pss);
    if (kind === 'gpu-process') out.gpu += pss;
  }
  return out;
}

/** CPU time [ms] used so far by the page's threads (renderer main, its dedicated workers, the rest) and the GPU process. */
export interface ChromiumCpu {
  main: number;
  worker: number;
  otherRenderer: number;
  gpu: number;
  /** the other renderer threads by name (Compositor, ThreadPoolForeg…, …) */
  others: Record<string, number>;
}

/** Clock ticks per second of /proc's utime and stime (USER_HZ; 100 on Linux). */
const TICK_MS = 10;

function chromiumCpu(): ChromiumCpu {
  const out: ChromiumCpu = { main: 0, worker: 0, otherRenderer: 0, gpu: 0, others: {} };
  for (const { pid, kind } of ourChromium()) {
    if (kind !== 'renderer' && kind !== 'gpu-process') continue;
    let tids: string[];
    try {
      tids = readdirSync(`/proc/${pid}/task`);
    } catch {
      continue;
    }
    for (const tid of tids) {
      try {
        const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
        const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        const ms = (Number(f[11]) + Number(f[12])) * TICK_MS;
        if (kind === 'gpu-process') out.gpu += ms;
        else if (tid === `${pid}`) out.main += ms;
        else if (comm.startsWith('DedicatedWorker')) out.worker += ms;
        else {
          out.otherRenderer += ms;
          out.others[comm] = (out.others[comm] ?? 0) + ms;
        }
      } catch {
        // the thread ended meanwhile
      }
    }
  }
  return out;
}

function cpuSince(before: ChromiumCpu): ChromiumCpu {
  const now = chromiumCpu();
  const others: Record<string, number> = {};
  for (const [name, ms] of Object.entries(now.others)) {
    const d = ms - (before.others[name] ?? 0);
    if (d > 0) others[name] = d;
  }
  return {
    main: now.main - before.main,
    worker: now.worker - before.worker,
    otherRenderer: now.otherRenderer - before.otherRenderer,
    gpu: now.gpu - before.gpu,
    others,
  };
}

function cpuText(c: ChromiumCpu): string {
  const others = Object.entries(c.others)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([name, ms]) => `${name} ${ms}`)
    .join(', ');
  return `CPU: main thread ${c.main} ms, worker ${c.worker} ms, other renderer threads ${c.otherRenderer} ms${others ? ` (${others})` : ''}, GPU process ${c.gpu} ms`;
}

/** Long tasks that start in [from, to): count, total and longest [ms]. */
function longTasksIn(p: Probe, from: number, to: number): { count: number; total: number; longest: number } {
  const inside = p.longTasks.filter(([start]) => start >= from && start < to);
  return {
    count: inside.length,
    total: inside.reduce((s, [, d]) => s + d, 0),
    longest: inside.reduce((m, [, d]) => Math.max(m, d), 0),
  };
}

/** The longest gap between drawn frames in [from, to) [ms]. */
function longestFrameGap(p: Probe, from: number, to: number): number {
  const frames = p.frames.filter((t) => t >= from && t < to);
  let gap = 0;
  for (let i = 1; i < frames.length; i++) gap = Math.max(gap, (frames[i] as number) - (frames[i - 1] as number));
  return gap;
}

interface Sonication {
  click: number;
  running: number;
  done: number;
  /** first frame drawn after the result arrived */
  frame: number;
  /** engine wall time in the worker, as the results card shows it (0.1 s resolution) [ms] */
  workerMs: number;
  /** the results card said the outcome was computed ahead of the click (workerMs is that computation's) */
  ahead: boolean;
  /** the results card said the run heated a field kept from before (computed ahead, or by a run since stopped) */
  fieldReused: boolean;
  /** CPU time from just before the click to the "done" status being seen (polled every 100 ms) */
  cpuToDone: ChromiumCpu;
  /** CPU time in the 1.5 s after it (the result's arrival on the main thread and its drawing) */
  cpuAfter: ChromiumCpu;
}

interface PlanRun {
  spots: number;
  /** click on Run plan → the plan's status "done" (polled every 100 ms) [ms] */
  ms: number;
  cpu: ChromiumCpu;
  /** the pool's size */
  workers: number;
}

/** How long the second plan's spots are reviewed before Run plan [ms]. */
const PLAN_REVIEW_MS = 8000;

/**
 * "Cover the lesion" on the case shown (replacing any spots), then Run plan: the time to the plan's "done".
 * @param reviewMs - the pause between the covering and the click, as a user reads the spots [ms]
 */
async function planOnce(page: Page, reviewMs = 1000): Promise<PlanRun> {
  await page.getByTestId('spot-auto').click();
  const confirm = page.getByTestId('spot-auto-replace');
  if (await confirm.isVisible()) await confirm.click();
  const list = page.getByTestId('spot-list').locator(':scope > li');
  await page.waitForFunction(`document.querySelectorAll('[data-testid=spot-list] > li').length > 1`, undefined, {
    timeout: 60_000,
    polling: 100,
  });
  const spots = await list.count();
  await page.waitForTimeout(reviewMs);
  const cpu0 = chromiumCpu();
  const from = await now(page);
  await page.getByTestId('plan-run').click();
  await page.waitForFunction(
    `document.querySelector('[data-testid=plan-status]')?.getAttribute('data-status') === 'done'`,
    undefined,
    { timeout: 300_000, polling: 100 },
  );
  const ms = (await now(page)) - from;
  const cpu = cpuSince(cpu0);
  const workers = (await page.evaluate('Math.max(1, Math.min(4, navigator.hardwareConcurrency || 1))')) as number;
  await page.waitForTimeout(1500);
  return { spots, ms, cpu, workers };
}

async function sonicateOnce(page: Page, timeoutMs: number): Promise<Sonication> {
  const before = await probe(page);
  const seen = before.events.length;
  const cpu0 = chromiumCpu();
  await page.getByTestId('sonicate').click();
  await page.waitForFunction(
    `window.__bench.events.slice(${seen}).some((e) => e[0] === 'run-status' && e[1] === 'done')`,
    undefined,
    { timeout: timeoutMs, polling: 100 },
  );
  const cpuToDone = cpuSince(cpu0);
  const cpu1 = chromiumCpu();
  // Let the result be drawn and the main thread settle before reading the times.
  await page.waitForTimeout(1500);
  const cpuAfter = cpuSince(cpu1);
  const p = await probe(page);
  const clicks = p.clicks.filter(([id]) => id === 'sonicate');
  const click = (clicks[clicks.length - 1] as [string, number])[1];
  const events = p.events.slice(seen);
  const at = (status: string) => events.find(([k, v, t]) => k === 'run-status' && v === status && t >= click)?.[2];
  const done = at('done') ?? Number.NaN;
  const info = (await page.getByTestId('run-info').textContent()) ?? '';
  const workerS = Number(/computed in ([\d.]+) s/.exec(info)?.[1] ?? Number.NaN);
  return {
    click,
    running: at('running') ?? click,
    done,
    frame: p.frames.find((t) => t > done) ?? Number.NaN,
    workerMs: workerS * 1000,
    ahead: info.includes('ahead of the click'),
    fieldReused: /its field( computed ahead|, rescaled)/.test(info),
    cpuToDone,
    cpuAfter,
  };
}

/**
 * A user cancels a sonication and clicks Sonicate again at once: new beams, Sonicate, Cancel 0.4 s into the run (in
 * its march: nothing of it is kept), Sonicate → the result on screen. Where the page is cross-origin isolated the
 * cancel stops the computation in the workers (worker/stop-word.ts) and the click meets them warm; elsewhere it
 * restarts them. (Toggling the beams back instead would meet the field kept from before.)
 * @param newBeams - changes the beams (so the sonications march their field)
 * @returns the second sonication, and whether the page was isolated
 */
async function sonicateAfterCancel(
  page: Page,
  newBeams: () => Promise<void>,
): Promise<{ sonication: Sonication; isolated: boolean }> {
  const status = (kind: string) =>
    page.waitForFunction(
      `document.querySelector('[data-testid=run-status]')?.getAttribute('data-status') === '${kind}'`,
      undefined,
      { timeout: 120_000, polling: 50 },
    );
  await newBeams();
  await page.getByTestId('sonicate').click();
  await status('running');
  await page.waitForTimeout(400);
  await page.getByTestId('cancel').click();
  await status('cancelled');
  const sonication = await sonicateOnce(page, 120_000);
  return { sonication, isolated: (await page.evaluate('crossOriginIsolated')) as boolean };
}

/**
 * The same as sonicateAfterCancel on a page of the same build served without the COOP/COEP headers (stripped on
 * the way in), so not isolated: the cancel restarts the workers and the case is sent again. Warmed first as the
 * main session is (a sonication).
 */
async function sonicateAfterCancelUnisolated(browser: Browser, url: string): Promise<Sonication> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
  try {
    await context.route('**/*', async (route) => {
      const response = await route.fetch();
      const headers = { ...response.headers() };
      delete headers['cross-origin-opener-policy'];
      delete headers['cross-origin-embedder-policy'];
      await route.fulfill({ response, headers });
    });
    const page = await context.newPage();
    await page.addInitScript({ content: PROBE });
    await page.goto(url);
    await page.waitForFunction(
      `/\\d/.test(document.querySelector('[data-testid=estimate-pressure]')?.getAttribute('data-si') ?? '')`,
      undefined,
      { timeout: 60_000 },
    );
    if ((await page.evaluate('crossOriginIsolated')) as boolean) throw new Error('the headers were not stripped');
    const newBeams = () => page.getByTestId('aberration-correction').click();
    await sonicateOnce(page, 120_000);
    await newBeams();
    await sonicateOnce(page, 120_000);
    return (await sonicateAfterCancel(page, newBeams)).sonication;
  } finally {
    await context.close();
  }
}

/** Drags the target handle in small steps, timing each pointer move to the estimate's next change [ms]. */
async function dragLatencies(
  page: Page,
  steps: number,
  /** vertical drift over the whole drag [px], so two drags do not retrace each other */
  drift: number,
): Promise<{ latencies: number[]; toFrame: number[]; missed: number }> {
  const probeEl = page.getByTestId('scene-probe');
  await page.waitForFunction(
    `/\\d/.test(document.querySelector('[data-testid=scene-probe]')?.dataset.targetHandle ?? '')`,
    undefined,
    { timeout: 15_000 },
  );
  const [x, y] = ((await probeEl.getAttribute('data-target-handle')) ?? '').split(',').map(Number) as [number, number];
  await page.mouse.move(x, y);
  await page.mouse.down();
  const latencies: number[] = [];
  const toFrame: number[] = [];
  let missed = 0;
  /** Waits until the estimate has not changed for 300 ms (a late answer to the last move must not count for the next). */
  const quiet = async () => {
    let last = -1;
    for (let tries = 0; tries < 30; tries++) {
      const n = (await probe(page)).events.length;
      if (n === last) return;
      last = n;
      await page.waitForTimeout(300);
    }
  };
  for (let i = 1; i <= steps; i++) {
    await quiet();
    const seen = (await probe(page)).events.length;
    await page.mouse.move(x + 3 * i, y + (i % 2) + (drift * i) / steps, { steps: 1 });
    try {
      await page.waitForFunction(
        `window.__bench.events.slice(${seen}).some((e) => e[0] === 'estimate' && e[2] >= window.__bench.lastMove)`,
        undefined,
        { timeout: 3000, polling: 'raf' },
      );
    } catch {
      missed++;
      continue;
    }
    // Two frames later, the frame that drew the change has begun.
    await page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');
    const p = await probe(page);
    const change = p.events.slice(seen).find(([k, , t]) => k === 'estimate' && t >= p.lastMove)?.[2] ?? Number.NaN;
    latencies.push(change - p.lastMove);
    toFrame.push((p.frames.find((t) => t > change) ?? Number.NaN) - p.lastMove);
  }
  await page.mouse.up();
  return { latencies, toFrame, missed };
}

export async function browserRows(options: BrowserOptions): Promise<{ rows: Row[]; detail: Record<string, unknown> }> {
  const executable = chromiumPath();
  if (!executable) {
    options.log('browser: no Chromium ($CHROMIUM_PATH or /usr/bin/chromium): skipped');
    return { rows: [], detail: { skipped: 'no Chromium' } };
  }
  const out = mkdtempSync(join(tmpdir(), 'fus-bench-dist-'));
  let server: ChildProcess | undefined;
  let browser: Browser | undefined;
  let sampler: ReturnType<typeof setInterval> | undefined;
  try {
    const t0 = performance.now();
    const build = spawnSync('npx', ['vite', 'build', '--outDir', out, '--emptyOutDir', '--logLevel', 'warn'], {
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    if (build.status !== 0) throw new Error(`vite build failed (${build.status})`);
    options.log(`browser: built in ${((performance.now() - t0) / 1000).toFixed(1)} s into ${out}`);
    const port = await freePort();
    const url = `http://127.0.0.1:${port}/`;
    server = spawn(
      'npx',
      ['vite', 'preview', '--outDir', out, '--host', '127.0.0.1', '--port', `${port}`, '--strictPort'],
      {
        stdio: 'ignore',
        detached: true,
      },
    );
    await waitForServer(url, server, 30_000);
    browser = await chromium.launch({ executablePath: executable, args: CHROMIUM_ARGS });
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
    await page.addInitScript({ content: PROBE });
    const memory = { total: 0, renderer: 0, gpu: 0 };
    const sample = () => {
      const m = chromiumMemory();
      memory.total = Math.max(memory.total, m.total);
      memory.renderer = Math.max(memory.renderer, m.renderer);
      memory.gpu = Math.max(memory.gpu, m.gpu);
    };
    sampler = setInterval(sample, 250);

    const cdp = await page.context().newCDPSession(page);
    const maps = new BuildMaps(out);
    const profiles: Record<string, MainThreadProfile> = {};
    const traces: Record<string, ThreadSelfTimes> = {};
    const b = browser;
    const windows: Window[] = [];
    /**
     * Runs `work` as one window of the session. Timed windows are what the figures count; a profiled one (a CPU
     * profile and a trace of the main thread, for where the time goes) repeats the work only for that, since the
     * profiler's own start-up shows as a long task and its sampling slows the page.
     */
    const during = async <T>(name: string, profiled: boolean, work: () => Promise<T>): Promise<T> => {
      if (profiled) {
        await b.startTracing(page, { categories: TRACE_CATEGORIES });
        await startProfile(cdp);
      }
      const cpu0 = chromiumCpu();
      const from = await now(page);
      const result = await work();
      const to = await now(page);
      const cpu = cpuSince(cpu0);
      if (profiled) {
        profiles[name] = await stopProfile(cdp, maps);
        traces[name] = threadSelfTimes(await b.stopTracing());
      } else {
        windows.push({ name, from, to, cpu });
      }
      return result;
    };
    const load = async () => {
      await page.goto(url);
      await page.waitForFunction(
        `/\\d/.test(document.querySelector('[data-testid=estimate-pressure]')?.getAttribute('data-si') ?? '')`,
        undefined,
        { timeout: 60_000 },
      );
      const shown = await now(page);
      await page.waitForTimeout(1000);
      return shown;
    };

    // Load: until the live estimate shows (the case is in the worker, the beams traced), then settle.
    const loaded = await during('load (navigation → estimate shown + 1 s)', false, load);
    windows[0] = { ...(windows[0] as Window), from: 0 };
    options.log(`browser: app loaded, estimate shown at ${loaded.toFixed(0)} ms`);

    // Sonicate, several times: the first meets a cold worker (and compiles the result materials). The engine keeps
    // the last field and only rescales it when nothing but power or time changed (engine/acoustics-reuse.ts), so
    // each later run first toggles the aberration correction: a new beam pattern, a full march, the same work.
    const newBeams = () => page.getByTestId('aberration-correction').click();
    const sonications: Sonication[] = [];
    const count = options.quick ? 1 : 3;
    for (let i = 0; i < count; i++) {
      if (i > 0) await newBeams();
      const s = await during(`sonication ${i + 1}: click → result drawn + 1.5 s`, false, () =>
        sonicateOnce(page, 120_000),
      );
      sonications.push(s);
      options.log(
        `browser: sonicate ${i + 1}: click → done ${(s.done - s.click).toFixed(0)} ms, → next frame ${(s.frame - s.click).toFixed(0)} ms (worker ${s.workerMs.toFixed(0)} ms)`,
      );
    }
    // One more, profiled, for where the main thread's time goes when a result arrives (not in the timings).
    await newBeams();
    await during('sonication and result arrival', true, () => sonicateOnce(page, 120_000));
    // The usual way: the user changes the beams, reads the estimate, then clicks — by then the worker has computed
    // the sonication ahead (app/prepare-field.ts, worker/ops/sonicate-ahead.ts), so the click takes its outcome.
    await newBeams();
    await page.waitForTimeout(6000);
    const prepared = await during('sonication after the beams stood still: click → result drawn + 1.5 s', false, () =>
      sonicateOnce(page, 120_000),
    );
    options.log(
      `browser: sonicate after the beams stood still: click → done ${(prepared.done - prepared.click).toFixed(0)} ms, → next frame ${(prepared.frame - prepared.click).toFixed(0)} ms (worker ${prepared.workerMs.toFixed(0)} ms)`,
    );
    // Then the trainee's loop: only the power changed, so the field is reused and only the heat runs.
    const power = page.getByTestId('param-power');
    const watts = Number.parseFloat(await power.inputValue());
    await power.fill(`${watts + 5} W`);
    await power.press('Enter');
    const powerOnly = await during('sonication after a power change: click → result drawn + 1.5 s', false, () =>
      sonicateOnce(page, 120_000),
    );
    options.log(
      `browser: sonicate after a power change: click → done ${(powerOnly.done - powerOnly.click).toFixed(0)} ms, → next frame ${(powerOnly.frame - powerOnly.click).toFixed(0)} ms (worker ${powerOnly.workerMs.toFixed(0)} ms)`,
    );
    // Cancel, then sonicate other beams at once: the workers stopped in shared memory, not restarted.
    const cancelled = await sonicateAfterCancel(page, newBeams);
    options.log(
      `browser: sonicate right after a cancel (${cancelled.isolated ? 'isolated' : 'NOT isolated'}): click → next frame ${(cancelled.sonication.frame - cancelled.sonication.click).toFixed(0)} ms`,
    );

    // Replay at 20× from the start to the end: timed, then once more profiled.
    await page.getByTestId('playback-speed').selectOption('20');
    const replay = async () => {
      await page.getByTestId('playback-scrubber').fill('0');
      await page.waitForTimeout(300);
      const from = await now(page);
      await page.getByTestId('playback-play').click();
      await page.waitForFunction(
        `document.querySelector('[data-testid=playback-play]')?.getAttribute('aria-pressed') === 'false'`,
        undefined,
        { timeout: 30_000, polling: 100 },
      );
      const to = await now(page);
      await page.waitForTimeout(300);
      return { from, to };
    };
    const replayed = await during('replay at 20×', false, replay);
    await during('replay at 20×', true, replay);
    options.log(`browser: replay at 20× took ${(replayed.to - replayed.from).toFixed(0)} ms`);

    // Drag the target: pointer move → estimate on screen, step by step; then a shorter profiled drag.
    const runs = (kind: string) =>
      `window.__bench.events.filter((e) => e[0] === 'run-status' && e[1] === '${kind}').length`;
    const runsBefore = (await page.evaluate(runs('running'))) as number;
    const doneBefore = (await page.evaluate(runs('done'))) as number;
    const moves = options.quick ? 5 : 12;
    const drag = await during(`target drag (${moves} moves)`, false, () => dragLatencies(page, moves, 0));
    options.log(
      `browser: drag → estimate ${drag.latencies.map((l) => l.toFixed(0)).join(', ')} ms${drag.missed ? ` (${drag.missed} moves without an update)` : ''}`,
    );
    await page.waitForTimeout(500);
    await during('target drag', true, () => dragLatencies(page, 5, 20));
    // If releasing a drag starts a sonication (an earlier rule of the app), wait for it so its arrival is counted.
    const releaseRan = await during('after the drags', false, async () => {
      const ran = await page
        .waitForFunction(`${runs('running')} > ${runsBefore}`, undefined, { timeout: 3000, polling: 100 })
        .then(
          () => true,
          () => false,
        );
      if (ran) {
        await page.waitForFunction(`${runs('done')} > ${doneBefore}`, undefined, { timeout: 120_000, polling: 200 });
      }
      await page.waitForTimeout(1500);
      return ran;
    });
    // The "Cover the lesion" plan, run from the Plan panel: the pool's pipeline (worker/client.ts pooledPlan).
    const plan = await during('"Cover the lesion" plan: click → plan done', false, () => planOnce(page));
    options.log(
      `browser: "Cover the lesion" plan of ${plan.spots} spots: click → done ${(plan.ms / 1000).toFixed(1)} s (${cpuText(plan.cpu)})`,
    );
    // The same plan for new beams, reviewed for 8 s before Run plan: the first worker marches its fields meanwhile
    // (app/prepare-field.ts, SimClient.preparePlan). Outside the long-task windows: a repeat of the plan's work.
    let reviewed: PlanRun | undefined;
    if (!options.quick) {
      await newBeams();
      reviewed = await planOnce(page, PLAN_REVIEW_MS);
      options.log(
        `browser: the same plan for new beams, reviewed ${PLAN_REVIEW_MS / 1000} s: click → done ${(reviewed.ms / 1000).toFixed(1)} s (${cpuText(reviewed.cpu)})`,
      );
    }
    sample();
    const p = await probe(page);
    const mainHeap = (await page.evaluate('performance.memory ? performance.memory.usedJSHeapSize : 0')) as number;
    const jsMemory = (await page.evaluate(JS_MEMORY).catch(() => null)) as JsMemory | null;
    // Last, a profiled reload for where the load's time goes (a new document: the probe above is already read).
    await during('load (navigation → estimate shown + 1 s)', true, load);
    // The baseline of the cancel line, on another page (after the memory's last sample: it adds a renderer).
    clearInterval(sampler);
    sampler = undefined;
    const restarted = await sonicateAfterCancelUnisolated(browser, url);
    if (restarted) {
      options.log(
        `browser: the same without isolation (workers restarted): click → next frame ${(restarted.frame - restarted.click).toFixed(0)} ms`,
      );
    }
    return {
      rows: rowsOf(p, {
        sonications,
        prepared,
        powerOnly,
        loaded,
        replay: replayed,
        windows,
        profiles,
        traces,
        drag,
        memory,
        mainHeap,
        jsMemory,
        releaseRan,
        plan,
        ...(reviewed ? { reviewed } : {}),
        cancelled: { ...cancelled, ...(restarted ? { restarted } : {}) },
      }),
      detail: {
        url: 'vite preview of a fresh build',
        chromium: executable,
        probe: {
          longTasks: p.longTasks,
          events: p.events.filter(([k]) => k === 'run-status'),
          longTaskError: p.longTaskError,
        },
        windows,
        profiles,
        traces,
        sonications,
        prepared,
        powerOnly,
        drag,
        memory,
        mainHeap,
        jsMemory,
        plan,
      },
    };
  } finally {
    if (sampler) clearInterval(sampler);
    await browser?.close();
    if (server?.pid) {
      try {
        process.kill(-server.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
    rmSync(out, { recursive: true, force: true });
  }
}

/** A stretch of the session, in page time [ms]. */
interface Window {
  name: string;
  from: number;
  to: number;
  /** CPU time of the page's threads and the GPU process in the window */
  cpu: ChromiumCpu;
}

interface Session {
  sonications: Sonication[];
  /** one after the beams stood still for a few seconds: the sonication computed ahead */
  prepared: Sonication;
  /** one more after changing only the power: the field reused */
  powerOnly: Sonication;
  loaded: number;
  replay: { from: number; to: number };
  windows: Window[];
  profiles: Record<string, MainThreadProfile>;
  /** self time of the page's threads' trace events by name, per profiled window */
  traces: Record<string, ThreadSelfTimes>;
  drag: { latencies: number[]; toFrame: number[]; missed: number };
  memory: { total: number; renderer: number; gpu: number };
  mainHeap: number;
  /** the page's JavaScript memory by realm at the end (after the plans), where the page is isolated */
  jsMemory: JsMemory | null;
  /** whether releasing a drag started a sonication */
  releaseRan: boolean;
  plan: PlanRun;
  /** the same plan for new beams, clicked after PLAN_REVIEW_MS of review */
  reviewed?: PlanRun;
  /** Sonicate at once after a cancel: on the session's page, and on one without isolation (workers restarted) */
  cancelled: { sonication: Sonication; isolated: boolean; restarted?: Sonication };
}

const MB = 1024 * 1024;

/** The top sources of a profiled window as phases ("where the main thread's time goes"). */
function profilePhases(s: Session, name: string, top = 6): Phase[] {
  const profile = s.profiles[name];
  const trace = s.traces[name]?.main ?? [];
  if (!profile) return [];
  return [
    // The trace first: it names the native work a JavaScript profile only calls "(program)".
    ...trace.slice(0, top).map((t) => ({ phase: `main thread, ${name}, trace self time: ${t.name}`, ms: t.ms })),
    ...profile.bySource
      .filter((b) => b.source !== '(program)')
      .slice(0, top)
      .map((b) => ({
        phase: `main thread, ${name}, CPU profile (${profile.busy.toFixed(0)} ms busy) by source: ${b.source}`,
        ms: b.ms,
      })),
  ];
}

/** The busiest trace events of the worker or the renderer's thread pool in a profiled window. */
function threadPhases(s: Session, name: string, group: 'worker' | 'pool', label: string, top = 4): Phase[] {
  return (s.traces[name]?.[group] ?? [])
    .slice(0, top)
    .map((t) => ({ phase: `${label}, ${name}, trace self time: ${t.name}`, ms: t.ms }));
}

function rowsOf(p: Probe, s: Session): Row[] {
  const rows: Row[] = [];
  const first = s.sonications[0] as Sonication;
  const toFrame = s.sonications.map((x) => x.frame - x.click);
  const phases = (x: Sonication): Phase[] => {
    const lt = longTasksIn(p, x.done, x.frame + 1);
    return [
      { phase: 'click → "running" (main thread: request built and posted)', ms: x.running - x.click },
      ...(x.ahead
        ? [
            {
              phase: `running → "done": the sonication computed ahead handed over (it took ${x.workerMs.toFixed(0)} ms in the worker before the click)`,
              ms: x.done - x.running,
            },
          ]
        : Number.isFinite(x.workerMs)
          ? [
              { phase: 'engine in the worker (as the results card shows it, 0.1 s steps)', ms: x.workerMs },
              {
                phase: 'rest of running → "done" (worker start-up, messages, transfer, decoding)',
                ms: x.done - x.running - x.workerMs,
              },
            ]
          : [
              {
                phase: 'running → "done" (the results card showed no engine time to split it)',
                ms: x.done - x.running,
              },
            ]),
      {
        phase: `"done" → first frame with the result (main thread; ${lt.count} long tasks, ${lt.total.toFixed(0)} ms)`,
        ms: x.frame - x.done,
      },
      { phase: `click → "done", worker thread CPU (${cpuText(x.cpuToDone)})`, ms: x.cpuToDone.worker },
      { phase: `the 1.5 s after "done", main thread CPU (${cpuText(x.cpuAfter)})`, ms: x.cpuAfter.main },
    ];
  };
  // The phases of the median run.
  const sorted = [...s.sonications].sort((a, b) => a.frame - a.click - (b.frame - b.click));
  const mid = (sorted[sorted.length >> 1] ?? first) as Sonication;
  rows.push({
    id: 'sonicate-chromium',
    figure: 'Sonicate → result on screen, femur default (Chromium, click to the first frame with the result)',
    measured: median(toFrame),
    unit: 'ms',
    target: { value: 1000, kind: 'at most' },
    notes: [
      `Median of ${toFrame.length} (${toFrame.map((t) => t.toFixed(0)).join(', ')} ms; the first is clicked 1 s after the load, while a cold worker computes that very sonication ahead, and waits for it; each later one is clicked at once after new beams, so it marches its field).`,
      `Click → "done" status: ${s.sonications.map((x) => (x.done - x.click).toFixed(0)).join(', ')} ms.`,
      "The engine's own phases are on the Node line.",
    ],
    phases: [
      ...phases(mid),
      ...profilePhases(s, 'sonication and result arrival'),
      ...threadPhases(s, 'sonication and result arrival', 'worker', 'the worker thread'),
      ...threadPhases(s, 'sonication and result arrival', 'pool', "the renderer's thread pool"),
    ],
    detail: { sonications: s.sonications },
  });
  rows.push({
    id: 'sonicate-chromium-prepared',
    figure: 'Sonicate → result on screen after the settings stood still (the sonication computed ahead; Chromium)',
    measured: s.prepared.frame - s.prepared.click,
    unit: 'ms',
    target: { value: 1000, kind: 'at most' },
    notes: [
      'New beams (aberration correction toggled), then 6 s before the click, as a user reads the estimate: the worker that sonicates has computed the sonication meanwhile, field and heat (app/prepare-field.ts, 0.8 s after the last change; worker/ops/sonicate-ahead.ts), so the click takes its outcome.',
    ],
    phases: phases(s.prepared),
    detail: { sonication: s.prepared },
  });
  const again = s.powerOnly;
  rows.push({
    id: 'sonicate-chromium-power-only',
    figure: 'Sonicate again after changing only the power: the field reused, the heat recomputed (Chromium)',
    measured: again.frame - again.click,
    unit: 'ms',
    target: { value: 1000, kind: 'at most' },
    notes: [
      "The engine keeps the last sonication's labelled lattice and field and rescales it (|p| ∝ √P) when only power, time or what is recorded changed (engine/acoustics-reuse.ts); the timed runs above each had new beams.",
    ],
    phases: phases(again),
    detail: { sonication: again },
  });
  const c = s.cancelled;
  const clickToFrame = (x: Sonication) => x.frame - x.click;
  rows.push({
    id: 'sonicate-chromium-after-cancel',
    figure: 'Sonicate → result on screen, clicked again at once after a cancel, new beams (Chromium)',
    measured: clickToFrame(c.sonication),
    unit: 'ms',
    ...(c.restarted
      ? { baseline: { value: clickToFrame(c.restarted), name: 'not cross-origin isolated: workers restarted' } }
      : {}),
    notes: [
      `A sonication of new beams cancelled 0.4 s into its run, then Sonicate at once (the worker computed it in ${c.sonication.workerMs.toFixed(0)} ms${c.sonication.fieldReused ? ', on the field the stopped run had finished' : ''}). ${c.isolated ? 'The page is cross-origin isolated (COOP/COEP), so the cancel stops the computation through a word of shared memory and the workers live on, warm (worker/stop-word.ts).' : 'The page was NOT cross-origin isolated: the cancel restarted the workers.'}`,
      ...(c.restarted
        ? [
            `Baseline: the same build served without the two headers (stripped on the way in), after two sonications: the cancel ends the workers and fresh ones load the case, so the next click waits for the load and meets cold code (${clickToFrame(c.restarted).toFixed(0)} ms).`,
          ]
        : []),
    ],
    detail: c,
  });
  rows.push({
    id: 'plan-chromium',
    figure: `"Cover the lesion" plan on the femur, ${s.plan.spots} spots (Chromium, click → plan done)`,
    measured: s.plan.ms / 1000,
    unit: 's',
    target: { value: 10, kind: 'at most' },
    notes: [
      `A pool of ${s.plan.workers} workers in a pipeline: one heats spot by spot (coarse whole path, then the plan region) while the others march the next spots' fields; it marches a field itself when none is ready (worker/client.ts pooledPlan).`,
      `${cpuText(s.plan.cpu)}: the workers' CPU over the wall time is how many cores the plan kept busy.`,
    ],
    phases: [
      { phase: 'worker threads, CPU', ms: s.plan.cpu.worker },
      { phase: 'main thread, CPU (progress and the plan list)', ms: s.plan.cpu.main },
      { phase: 'other renderer threads, CPU (V8 compilers, GC, compositor)', ms: s.plan.cpu.otherRenderer },
    ],
    detail: { plan: s.plan },
  });
  if (s.reviewed) {
    rows.push({
      id: 'plan-chromium-reviewed',
      figure: `The same plan for new beams, Run plan clicked after ${PLAN_REVIEW_MS / 1000} s of review (Chromium, click → plan done)`,
      measured: s.reviewed.ms / 1000,
      unit: 's',
      notes: [
        `While the spots are reviewed, the first worker marches their fields ahead, in the plan's order (app/prepare-field.ts, worker/client.ts preparePlan); Run plan takes them and shares the rest out. The line above clicks after 1 s.`,
        `${cpuText(s.reviewed.cpu)} (click → done).`,
      ],
      phases: [],
      detail: { plan: s.reviewed },
    });
  }
  // Long tasks by window of the session.
  const byWindow = s.windows.map((w) => ({ ...w, ...longTasksIn(p, w.from, w.to) }));
  // The timed windows only: the profiled repeats have long tasks of the profiler's own.
  const all = {
    count: byWindow.reduce((n, w) => n + w.count, 0),
    total: byWindow.reduce((n, w) => n + w.total, 0),
    longest: byWindow.reduce((n, w) => Math.max(n, w.longest), 0),
  };
  const profiled = [
    'load (navigation → estimate shown + 1 s)',
    'sonication and result arrival',
    'replay at 20×',
    'target drag',
  ];
  rows.push({
    id: 'long-tasks-chromium',
    figure: 'Longest main-thread task over load, sonications, results, replay, drag, plan (Chromium)',
    measured: all.longest,
    unit: 'ms',
    target: { value: 50, kind: 'at most' },
    notes: [
      `${all.count} long tasks (> 50 ms), ${all.total.toFixed(0)} ms in all${p.longTaskError ? `; observer error: ${p.longTaskError}` : ''}.`,
      'Where the time goes comes from separate profiled repeats of the load, a sonication, the replay and a drag (a CPU profile by source file through the source maps, and a trace of the main thread by event; "(program)" in a profile is native work, which the trace names).',
      `Replay at 20×: longest gap between frames ${longestFrameGap(p, s.replay.from, s.replay.to).toFixed(0)} ms.`,
      s.releaseRan ? 'Releasing a drag started a sonication.' : 'Releasing a drag started no sonication.',
    ],
    phases: [
      ...byWindow.map((b) => ({
        phase: `${b.name} (${(b.to - b.from).toFixed(0)} ms; ${cpuText(b.cpu)}): ${b.count} long tasks, longest ${b.longest.toFixed(0)} ms, total`,
        ms: b.total,
      })),
      // The busiest thing of each profiled window first, then the rest of each.
      ...profiled.flatMap((name) => profilePhases(s, name, 4).slice(0, 1)),
      ...profiled.flatMap((name) => profilePhases(s, name, 4).slice(1)),
    ],
    detail: { byWindow, longTasks: p.longTasks },
  });
  rows.push({
    id: 'long-task-count-chromium',
    figure: 'Long tasks (> 50 ms) in the whole session (Chromium)',
    measured: all.count,
    unit: 'count',
    target: { value: 0, kind: 'at most' },
    notes: ["By window of the session, and where the main thread's time goes: see the line above."],
    phases: byWindow.map((b) => ({ phase: `${b.name}: ${b.count} long tasks, total`, ms: b.total })),
  });
  if (s.drag.latencies.length > 0) {
    rows.push({
      id: 'drag-estimate-chromium',
      figure: 'Target drag → updated estimate in the DOM (Chromium, per pointer move)',
      measured: median(s.drag.latencies),
      unit: 'ms',
      target: { value: 20, kind: 'at most' },
      notes: [
        `Median of ${s.drag.latencies.length} moves (${s.drag.latencies.map((l) => l.toFixed(0)).join(', ')} ms)${s.drag.missed ? `, ${s.drag.missed} moves brought no change within 3 s` : ''};`,
        `to the next drawn frame: median ${median(s.drag.toFrame).toFixed(0)} ms. Each move waits for its update (no queue).`,
      ],
      // run.ts splits the first into the engine's share (the Node line) and the rest.
      phases: [
        { phase: 'pointer move → estimate in the DOM', ms: median(s.drag.latencies) },
        ...profilePhases(s, 'target drag'),
      ],
      detail: s.drag,
    });
  }
  const other = s.memory.total - s.memory.renderer - s.memory.gpu;
  const js = s.jsMemory;
  const jsTotal = js ? js.main + js.simulation + js.derive + js.other : 0;
  rows.push({
    id: 'memory-chromium',
    figure: "Peak memory of the page's renderer process (Chromium, PSS: main thread + worker + WebAssembly)",
    measured: s.memory.renderer / MB,
    unit: 'MB',
    target: { value: 300, kind: 'at most' },
    notes: [
      `All Chromium processes ${(s.memory.total / MB).toFixed(0)} MB at their peak; main-thread JS heap at the end ${(s.mainHeap / MB).toFixed(0)} MB.`,
      js
        ? "The JavaScript memory by thread is the page's own measure at the end (measureUserAgentSpecificMemory: heaps, array buffers, WebAssembly memories), after the plans."
        : 'The page was not cross-origin isolated, so its JavaScript memory could not be split by thread.',
    ],
    phases: js
      ? [
          {
            phase: 'JavaScript, main thread (the results held for replay and the plan list)',
            ms: js.main / MB,
            unit: 'MB',
          },
          {
            phase: 'JavaScript, the simulation workers (their heaps, kept fields and WebAssembly memories)',
            ms: js.simulation / MB,
            unit: 'MB',
          },
          { phase: 'JavaScript, the surface worker and the rest', ms: (js.derive + js.other) / MB, unit: 'MB' },
          {
            phase: "the rest of the renderer at its peak: code, DOM, the canvases' buffers, the allocators' slack",
            ms: Math.max(0, s.memory.renderer - jsTotal) / MB,
            unit: 'MB',
          },
          { phase: 'not counted: the GPU process (SwiftShader here)', ms: s.memory.gpu / MB, unit: 'MB' },
          { phase: 'not counted: the browser and utility processes', ms: other / MB, unit: 'MB' },
        ]
      : [
          { phase: 'main-thread JS heap at the end (performance.memory)', ms: s.mainHeap / MB, unit: 'MB' },
          {
            phase: 'the rest of the renderer: the workers (heaps, WebAssembly), DOM, WebGL buffers, code',
            ms: (s.memory.renderer - s.mainHeap) / MB,
            unit: 'MB',
          },
          { phase: 'not counted: the GPU process (SwiftShader here)', ms: s.memory.gpu / MB, unit: 'MB' },
          { phase: 'not counted: the browser and utility processes', ms: other / MB, unit: 'MB' },
        ],
    detail: { jsMemory: js },
  });
  return rows;
}
