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

/** Self time per event name on the busiest renderer main thread [ms], largest first. */
export function mainThreadSelfTime(trace: Buffer, top = 10): { name: string; ms: number }[] {
  const parsed = JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(parsed) ? parsed : parsed.traceEvents;
  // The renderer main threads, by (pid, tid).
  const mains = new Set<string>();
  for (const e of events) {
    if (e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain') mains.add(`${e.pid}:${e.tid}`);
  }
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of events) {
    if (e.ph !== 'X' || e.dur === undefined) continue;
    const key = `${e.pid}:${e.tid}`;
    if (!mains.has(key)) continue;
    const list = byThread.get(key) ?? [];
    list.push(e);
    byThread.set(key, list);
  }
  // The page's main thread is the busiest one (another renderer may idle as a spare).
  let busiest: TraceEvent[] = [];
  let most = -1;
  for (const list of byThread.values()) {
    const total = list.reduce((s, e) => s + (e.name === 'RunTask' ? (e.dur as number) : 0), 0);
    if (total > most) {
      most = total;
      busiest = list;
    }
  }
  // Self time: each event's duration less its direct children's (events nest in time on one thread).
  busiest.sort((a, b) => a.ts - b.ts || (b.dur as number) - (a.dur as number));
  const self = new Map<string, number>();
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
  for (const e of busiest) {
    close(e.ts);
    stack.push({ e, end: e.ts + (e.dur as number), children: 0 });
  }
  close(Number.POSITIVE_INFINITY);
  return [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([name, us]) => ({ name: GLOSS[name] ? `${name}: ${GLOSS[name]}` : name, ms: us / 1000 }));
}
