import { execFileSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';

/** Timings of one piece of work: every repetition after the warm-up [ms], and their median. */
export interface Timing {
  /** median of the repetitions [ms] */
  median: number;
  min: number;
  max: number;
  /** each repetition [ms], in order */
  samples: number[];
  warmup: number;
}

export interface TimingOptions {
  /** untimed runs first (JIT, caches, the kernels' memory growing to size) */
  warmup: number;
  /** timed runs; the figure is their median */
  repeats: number;
}

function summarise(samples: number[], warmup: number): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median =
    sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  return { median, min: sorted[0] as number, max: sorted[sorted.length - 1] as number, samples, warmup };
}

/**
 * Times synchronous work: `warmup` untimed runs, then `repeats` timed ones.
 * @param work - the work (its result is ignored)
 * @param options - warm-up and repetitions
 * @returns the timings [ms]
 */
export function timeSync(work: () => unknown, options: TimingOptions): Timing {
  for (let i = 0; i < options.warmup; i++) work();
  const samples: number[] = [];
  for (let i = 0; i < options.repeats; i++) {
    const t0 = performance.now();
    work();
    samples.push(performance.now() - t0);
  }
  return summarise(samples, options.warmup);
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
  const sa: number[] = [];
  const sb: number[] = [];
  for (let i = 0; i < options.repeats; i++) {
    let t0 = performance.now();
    a();
    sa.push(performance.now() - t0);
    t0 = performance.now();
    b();
    sb.push(performance.now() - t0);
  }
  return [summarise(sa, options.warmup), summarise(sb, options.warmup)];
}

/** As timeSync, for work that returns a promise. */
export async function timeAsync(work: () => Promise<unknown>, options: TimingOptions): Promise<Timing> {
  for (let i = 0; i < options.warmup; i++) await work();
  const samples: number[] = [];
  for (let i = 0; i < options.repeats; i++) {
    const t0 = performance.now();
    await work();
    samples.push(performance.now() - t0);
  }
  return summarise(samples, options.warmup);
}

/** The median of a list of numbers. */
export function median(values: readonly number[]): number {
  return summarise([...values], 0).median;
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
