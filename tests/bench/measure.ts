import { execFileSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';

/**
 * Timings of one piece of work: every repetition after the warm-up [ms], and their median. Wall time is the figure;
 * the process's CPU time beside it is what the work takes on a core of its own (single-threaded work on a machine
 * whose other processes queue for the same cores waits, and that wait is in the wall time only).
 */
export interface Timing {
  /** median of the repetitions' wall times [ms] */
  median: number;
  min: number;
  max: number;
  /** each repetition's wall time [ms], in order */
  samples: number[];
  /** median of the repetitions' CPU times (user + system, the whole process) [ms] */
  cpu: number;
  warmup: number;
}

export interface TimingOptions {
  /** untimed runs first (JIT, caches, the kernels' memory growing to size) */
  warmup: number;
  /** timed runs; the figure is their median */
  repeats: number;
}

/** The median of a list of numbers. */
export function median(values: readonly number[]): number {
  // Missing values (NaN: a frame not yet drawn, a time not shown) do not count.
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Wall and CPU time of repetitions, summarised. */
export class Stopwatch {
  readonly wall: number[] = [];
  readonly cpu: number[] = [];
  private t0 = 0;
  private c0: NodeJS.CpuUsage = { user: 0, system: 0 };

  start(): void {
    this.c0 = process.cpuUsage();
    this.t0 = performance.now();
  }

  /** @returns this repetition's wall time [ms] */
  stop(): number {
    const wall = performance.now() - this.t0;
    const c = process.cpuUsage(this.c0);
    this.wall.push(wall);
    this.cpu.push((c.user + c.system) / 1000);
    return wall;
  }

  timing(warmup: number): Timing {
    return {
      median: median(this.wall),
      min: Math.min(...this.wall),
      max: Math.max(...this.wall),
      samples: [...this.wall],
      cpu: median(this.cpu),
      warmup,
    };
  }
}

/**
 * Times synchronous work: `warmup` untimed runs, then `repeats` timed ones.
 * @param work - the work (its result is ignored)
 * @param options - warm-up and repetitions
 * @returns the timings [ms]
 */
export function timeSync(work: () => unknown, options: TimingOptions): Timing {
  for (let i = 0; i < options.warmup; i++) work();
  const watch = new Stopwatch();
  for (let i = 0; i < options.repeats; i++) {
    watch.start();
    work();
    watch.stop();
  }
  return watch.timing(options.warmup);
}

/**
 * Times two implementations of the same work interleaved (a, b, a, b, …), so both meet the same load from other
 * processes and their ratio stays meaningful on a busy machine.
 * @param a - the first implementation
 * @param b - the second
 * @param options - warm-up and repetitions of each
 * @returns the timings of each [ms]
 */
export function timePair(a: () => unknown, b: () => unknown, options: TimingOptions): [Timing, Timing] {
  for (let i = 0; i < options.warmup; i++) {
    a();
    b();
  }
  const wa = new Stopwatch();
  const wb = new Stopwatch();
  for (let i = 0; i < options.repeats; i++) {
    wa.start();
    a();
    wa.stop();
    wb.start();
    b();
    wb.stop();
  }
  return [wa.timing(options.warmup), wb.timing(options.warmup)];
}

/**
 * Peak memory while synchronous engine code runs. The engine never yields, so a timer cannot sample it: the bench
 * calls `sample()` from the engine's progress callbacks (tens to hundreds of times per run).
 */
export class MemoryPeak {
  rss = 0;
  heapUsed = 0;
  /** typed arrays and WebAssembly memory live outside the JS heap */
  arrayBuffers = 0;

  sample(): void {
    const m = process.memoryUsage();
    if (m.rss > this.rss) this.rss = m.rss;
    if (m.heapUsed > this.heapUsed) this.heapUsed = m.heapUsed;
    if (m.arrayBuffers > this.arrayBuffers) this.arrayBuffers = m.arrayBuffers;
  }
}

/** What a reader needs to judge noisy numbers: the machine, its load, the code measured. */
export interface Machine {
  date: string;
  node: string;
  cpu: string;
  cores: number;
  /** 1, 5 and 15-minute load averages at the start and the end of the run */
  loadStart: number[];
  loadEnd?: number[];
  commit: string | null;
  /** files under src/ with uncommitted changes when the bench ran (other work in the same tree) */
  uncommittedSrc: number;
}

export function machine(): Machine {
  const git = (args: string[]): string | null => {
    try {
      return execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      return null;
    }
  };
  const status = git(['status', '--porcelain', '--', 'src']);
  return {
    date: new Date().toISOString(),
    node: process.version,
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    loadStart: loadavg().map((x) => Number(x.toFixed(2))),
    commit: git(['rev-parse', '--short', 'HEAD']),
    uncommittedSrc: status ? status.split('\n').filter((l) => l.trim() !== '').length : 0,
  };
}

/** The 1-minute load average now, for the lines the bench prints as it goes. */
export function loadNow(): string {
  return (loadavg()[0] as number).toFixed(2);
}
