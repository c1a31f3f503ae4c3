/**
 * Where the renderer's main thread spends the time a JavaScript profile calls "(program)": a Chromium trace
 * (devtools.timeline and gpu categories) of one window, its events' self time on the page's main thread summed by
 * name (layout, paint, WebGL calls waiting on the GPU process, script compilation, …).
 */

/** Trace categories: the DevTools timeline (tasks, script, style, layout, paint) and the GPU client's waits. */
export const TRACE_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'toplevel',
  'blink',
  'gpu',
  'v8',
  'v8.wasm',
  'disabled-by-default-v8.compile',
  'disabled-by-default-v8.gc',
];

/** What the busiest trace events mean, for the report. */
const GLOSS: Record<string, string> = {
  'CommandBufferProxyImpl::WaitForGetOffset':
    'blocked on the GPU process running the WebGL commands (here SwiftShader, software rendering)',
  FunctionCall: 'JavaScript (the profile lines say whose)',
  EvaluateScript: 'JavaScript (the profile lines say whose)',
  'v8.evaluateModule': 'evaluating the bundle',
  'v8.compile': 'compiling JavaScript',
  'CpuProfiler::StartProfiling': "the profiler's own start (an artefact of profiling)",
  Paint: 'paint',
  Commit: 'handing the frame to the compositor',
  'LocalFrameView::performLayout': 'layout',
  UpdateLayoutTree: 'style',
  'Receive mojo message': 'messages from other processes (browser, GPU process)',
};

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
}

/** Self time per event name [ms], largest first, of the page's main thread, its workers and its thread pool. */
export interface ThreadSelfTimes {
  main: { name: string; ms: number }[];
  worker: { name: string; ms: number }[];
  pool: { name: string; ms: number }[];
}

/**
 * Each event's duration less its direct children's (events nest in time on one thread), summed by name into `self`.
 * @param events - one thread's complete events
 * @param self - totals by name [µs], added to
 */
function addSelfTimes(events: TraceEvent[], self: Map<string, number>): void {
  events.sort((a, b) => a.ts - b.ts || (b.dur as number) - (a.dur as number));
  const stack: { e: TraceEvent; end: number; children: number }[] = [];
  const close = (until: number) => {
    while (stack.length > 0 && (stack[stack.length - 1] as { end: number }).end <= until) {
      const top = stack.pop() as { e: TraceEvent; end: number; children: number };
      const own = (top.e.dur as number) - top.children;
      self.set(top.e.name, (self.get(top.e.name) ?? 0) + Math.max(0, own));
      const parent = stack[stack.length - 1];
      if (parent) parent.children += top.e.dur as number;
    }
  };
  for (const e of events) {
    close(e.ts);
    stack.push({ e, end: e.ts + (e.dur as number), children: 0 });
  }
  close(Number.POSITIVE_INFINITY);
}

/**
 * Self time by event name on the page's renderer threads: its main thread (the busiest CrRendererMain: another
 * renderer may idle as a spare), its dedicated workers and its thread pool (V8's background compilation and
 * garbage collection run there).
 * @param trace - a Chromium trace (JSON)
 * @param top - names kept per group
 * @returns the largest first, per group [ms]
 */
export function threadSelfTimes(trace: Buffer, top = 10): ThreadSelfTimes {
  const parsed = JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(parsed) ? parsed : parsed.traceEvents;
  const names = new Map<string, string>();
  for (const e of events) {
    if (e.ph === 'M' && e.name === 'thread_name' && e.args?.name) names.set(`${e.pid}:${e.tid}`, e.args.name);
  }
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of events) {
    if (e.ph !== 'X' || e.dur === undefined) continue;
    const key = `${e.pid}:${e.tid}`;
    const list = byThread.get(key) ?? [];
    list.push(e);
    byThread.set(key, list);
  }
  let page = -1;
  let most = -1;
  for (const [key, list] of byThread) {
    if (names.get(key) !== 'CrRendererMain') continue;
    const total = list.reduce((sum, e) => sum + (e.name === 'RunTask' ? (e.dur as number) : 0), 0);
    if (total > most) {
      most = total;
      page = Number(key.split(':')[0]);
    }
  }
  const groups = {
    main: new Map<string, number>(),
    worker: new Map<string, number>(),
    pool: new Map<string, number>(),
  };
  for (const [key, list] of byThread) {
    if (Number(key.split(':')[0]) !== page) continue;
    const name = names.get(key) ?? '';
    const group =
      name === 'CrRendererMain'
        ? groups.main
        : name.startsWith('DedicatedWorker')
          ? groups.worker
          : name.startsWith('ThreadPool')
            ? groups.pool
            : undefined;
    if (group) addSelfTimes(list, group);
  }
  const sorted = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, us]) => ({ name: GLOSS[name] ? `${name}: ${GLOSS[name]}` : name, ms: us / 1000 }));
  return { main: sorted(groups.main), worker: sorted(groups.worker), pool: sorted(groups.pool) };
}
