import type { TimeSeries } from './shown-run.ts';

/**
 * Okabe–Ito colours (Okabe & Ito 2008), distinguishable with every common colour-vision deficiency, ordered for a
 * dark background (black moved last and lightened). The focus gets the first.
 */
export const OKABE_ITO = ['#E69F00', '#56B4E9', '#009E73', '#F0E442', '#CC79A7', '#D55E00', '#0072B2', '#BBBBBB'];

export function seriesColour(index: number): string {
  return OKABE_ITO[index % OKABE_ITO.length] as string;
}

/** Smallest dose drawn on the log axis [CEM43 min]: below it a curve is not drawn (log 0 is undefined). */
export const DOSE_FLOOR = 1e-2;

/** One curve per recorded point: its label and values against series.time. */
export interface Curves {
  time: number[];
  labels: string[];
  temperature: (number | null)[][];
  /** doses below DOSE_FLOOR are null (not drawn on the log axis) */
  dose: (number | null)[][];
  /** per curve: sampled only now and then (drawn through its gaps), e.g. a probe read from the stored frames */
  sparse?: boolean[];
}

/** Splits a series (points × time, row-major by point) into one curve per point. Non-finite values are gaps. */
export function seriesCurves(series: TimeSeries): Curves {
  const steps = series.time.length;
  const points = steps > 0 ? Math.floor(series.temperature.length / steps) : 0;
  const temperature: (number | null)[][] = [];
  const dose: (number | null)[][] = [];
  for (let p = 0; p < points; p++) {
    const t: (number | null)[] = [];
    const d: (number | null)[] = [];
    for (let k = 0; k < steps; k++) {
      const tv = series.temperature[p * steps + k] as number;
      const dv = series.dose[p * steps + k];
      t.push(Number.isFinite(tv) ? tv : null);
      d.push(dv !== undefined && Number.isFinite(dv) && dv >= DOSE_FLOOR ? dv : null);
    }
    temperature.push(t);
    dose.push(d);
  }
  const labels = Array.from({ length: points }, (_, p) => series.labels[p] ?? (p === 0 ? 'focus' : `point ${p}`));
  return { time: Array.from(series.time), labels, temperature, dose };
}

/** A round step for a time slider over `span` seconds, about `divisions` steps. */
export function niceStep(span: number, divisions = 200): number {
  if (!(span > 0)) return 0.1;
  const raw = span / divisions;
  const power = 10 ** Math.floor(Math.log10(raw));
  const m = raw / power;
  return Number(((m < 1.5 ? 1 : m < 3.5 ? 2 : m < 7.5 ? 5 : 10) * power).toPrecision(6));
}

/**
 * The labels the plots show: a plan's points by the spot numbers of the list ("spot 3"), not the engine's ids
 * ("spot spot-4"). In a plan the first point ("focus") is the first spot delivered. Spots no longer in the list
 * keep their place in the run (`runOrder`, the ids in the order they ran).
 */
export function displayLabels(
  labels: readonly string[],
  source: 'sonication' | 'plan',
  runOrder: readonly string[],
  listOrder: readonly string[],
): string[] {
  if (source !== 'plan') return [...labels];
  const numberOf = (id: string): string => {
    const inList = listOrder.indexOf(id);
    if (inList >= 0) return `spot ${inList + 1}`;
    const inRun = runOrder.indexOf(id);
    return inRun >= 0 ? `spot ${inRun + 1} (removed)` : 'spot';
  };
  return labels.map((label, i) => {
    if (i === 0 && label === 'focus' && runOrder[0] !== undefined) return numberOf(runOrder[0]);
    const match = /^spot (.+)$/.exec(label);
    return match?.[1] ? numberOf(match[1]) : label;
  });
}

/** Round axis values (1, 2, 2.5, 5 × 10ⁿ steps) inside [min, max]: at least `least` of them when the span allows. */
export function niceTicks(min: number, max: number, least = 3): number[] {
  const span = max - min;
  if (!(span > 0) || !Number.isFinite(span)) return Number.isFinite(min) ? [min] : [];
  for (let magnitude = 10 ** Math.ceil(Math.log10(span)); magnitude > span * 1e-6; magnitude /= 10) {
    for (const m of [5, 2.5, 2, 1]) {
      const step = m * magnitude;
      const first = Math.ceil(min / step - 1e-9) * step;
      const ticks: number[] = [];
      for (let v = first; v <= max + step * 1e-9; v += step) ticks.push(Number(v.toPrecision(6)));
      if (ticks.length >= least) return ticks;
    }
  }
  return [min, max];
}

/** The least distance between two y-axis labels [CSS px]: the plots' 11 px axis font and a little air. */
export const Y_LABEL_ROOM = 14;

/**
 * Decades to mark on a log axis over [min, max] (both > 0): every decade, or every 2nd, 5th, 10th… past `most`,
 * or when `height` [CSS px, the axis' length] leaves less than Y_LABEL_ROOM between neighbouring labels.
 */
export function decadeTicks(min: number, max: number, most = 6, height = Number.POSITIVE_INFINITY): number[] {
  if (!(min > 0) || !(max > min)) return [];
  const lo = Math.ceil(Math.log10(min) - 1e-9);
  const hi = Math.floor(Math.log10(max) + 1e-9);
  const count = hi - lo + 1;
  const perDecade = height / Math.log10(max / min);
  const every =
    [1, 2, 3, 5, 10, 20, 50].find((e) => Math.ceil(count / e) <= most && e * perDecade >= Y_LABEL_ROOM) ?? 100;
  const ticks: number[] = [];
  for (let e = Math.ceil(lo / every) * every; e <= hi; e += every) ticks.push(10 ** e);
  return ticks;
}

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** A log-axis label: 0.01, 0.1, 1, 10, 100, then powers of ten (10³, 10⁶, 10³⁰), never a long row of zeros. */
export function decadeLabel(value: number): string {
  const e = Math.round(Math.log10(value));
  if (e >= -2 && e <= 2) return String(Number((10 ** e).toPrecision(1)));
  const digits = String(e)
    .split('')
    .map((d) => (d === '-' ? '⁻' : (SUPERSCRIPT[Number(d)] ?? d)))
    .join('');
  return `10${digits}`;
}

/**
 * At most about `maxPoints` samples of curves on one time axis, keeping every curve's envelope: each bucket of
 * samples becomes two (its first and last time), where each curve takes its minimum and maximum in the bucket in
 * the order they occurred. A plan's 14 000 steps then draw as fast as a sonication's 500, peaks intact.
 */
export function decimate(
  time: number[],
  curves: (number | null)[][],
  maxPoints: number,
): {
  time: number[];
  curves: (number | null)[][];
} {
  const n = time.length;
  if (n <= maxPoints || maxPoints < 4) return { time, curves };
  const buckets = Math.floor(maxPoints / 2);
  const size = n / buckets;
  const outTime: number[] = [];
  const outCurves: (number | null)[][] = curves.map(() => []);
  for (let b = 0; b < buckets; b++) {
    const start = Math.floor(b * size);
    const end = Math.min(n, Math.floor((b + 1) * size));
    if (end <= start) continue;
    outTime.push(time[start] as number, time[end - 1] as number);
    curves.forEach((curve, c) => {
      let lo: number | null = null;
      let hi: number | null = null;
      let loAt = start;
      let hiAt = start;
      for (let k = start; k < end; k++) {
        const v = curve[k] ?? null;
        if (v === null) continue;
        if (lo === null || v < lo) {
          lo = v;
          loAt = k;
        }
        if (hi === null || v > hi) {
          hi = v;
          hiAt = k;
        }
      }
      const out = outCurves[c] as (number | null)[];
      if (loAt <= hiAt) out.push(lo, hi);
      else out.push(hi, lo);
    });
  }
  return { time: outTime, curves: outCurves };
}

type Vec3 = readonly [number, number, number];

/** A probe as the plots see it (the store's ProbePoint). */
export interface ProbeLike {
  id: string;
  label: string;
  /** [m] */
  point: Vec3;
}

/** What the shown run can say about a probe. */
export type ProbeState = 'recorded' | 'from-frames' | 'outside' | 'not-recorded';

export interface ProbeNote {
  id: string;
  label: string;
  state: ProbeState;
  /** why a probe has no curve or a coarser one, in the user's words; '' for a recorded probe */
  note: string;
}

/** The run's data the probe curves come from (a ShownRun fits). */
export interface ProbeSource {
  series: TimeSeries | undefined;
  frames: { time: Float64Array; temperature: Float32Array; dose: Float32Array } | undefined;
  grid: { nx: number; ny: number; nz: number; spacing: number; origin: readonly [number, number, number] };
}

/** Nearest voxel of a point, or −1 when it lies more than half a voxel outside the grid (physics' rule). */
export function nearestVoxelOf(grid: ProbeSource['grid'], p: Vec3): number {
  const n = [grid.nx, grid.ny, grid.nz];
  const ijk = [0, 1, 2].map((a) => Math.round(((p[a] as number) - grid.origin[a as 0]) / grid.spacing));
  for (let a = 0; a < 3; a++) {
    const i = ijk[a] as number;
    if (!(i >= 0 && i < (n[a] as number))) return -1;
  }
  return (ijk[0] as number) + grid.nx * ((ijk[1] as number) + grid.ny * (ijk[2] as number));
}

function samePoint(a: Vec3, b: readonly number[]): boolean {
  return (
    Math.abs(a[0] - (b[0] as number)) < 1e-9 &&
    Math.abs(a[1] - (b[1] as number)) < 1e-9 &&
    Math.abs(a[2] - (b[2] as number)) < 1e-9
  );
}

function fmtMm(v: number): string {
  return String(Number((v * 1e3).toFixed(1)));
}

/** The region the results cover, in words: "x −20…30, y −5…45, z −25…25 mm". */
export function regionText(grid: ProbeSource['grid']): string {
  const axes = ['x', 'y', 'z'] as const;
  const n = [grid.nx, grid.ny, grid.nz];
  return `${axes
    .map((name, a) => {
      const lo = (grid.origin[a] as number) - grid.spacing / 2;
      const hi = lo + (n[a] as number) * grid.spacing;
      return `${name} ${fmtMm(lo)}…${fmtMm(hi)}`;
    })
    .join(', ')} mm`;
}

/**
 * The plots' curves with every probe of the plan: a probe the run recorded keeps its curve; a probe dropped after
 * the run gets one at once from the stored frames (every frame interval, drawn as a line through them) when it
 * lies in their region; otherwise it says why it has none, instead of a bare "—".
 */
export function withProbes(
  curves: Curves,
  run: ProbeSource,
  probes: readonly ProbeLike[],
): { curves: Curves; notes: ProbeNote[] } {
  const out: Curves = {
    time: curves.time,
    labels: [...curves.labels],
    temperature: [...curves.temperature],
    dose: [...curves.dose],
    sparse: curves.labels.map((_, i) => curves.sparse?.[i] ?? false),
  };
  const notes: ProbeNote[] = [];
  const points = run.series?.points ?? [];
  for (const probe of probes) {
    const recorded = points.findIndex((p, i) => i > 0 && samePoint(probe.point, p));
    if (recorded > 0) {
      const hasValue = (curves.temperature[recorded] ?? []).some((v) => v !== null);
      notes.push({
        id: probe.id,
        label: probe.label,
        state: hasValue ? 'recorded' : 'outside',
        note: hasValue ? '' : 'outside the simulated region: the run has no temperature there',
      });
      continue;
    }
    const voxel = nearestVoxelOf(run.grid, probe.point);
    const frames = run.frames;
    const voxels = run.grid.nx * run.grid.ny * run.grid.nz;
    if (voxel < 0 || !frames || frames.time.length === 0 || frames.temperature.length < frames.time.length * voxels) {
      notes.push({
        id: probe.id,
        label: probe.label,
        state: 'not-recorded',
        note: `added after this run, outside the region it stored (${regionText(run.grid)}): Sonicate to record it`,
      });
      continue;
    }
    // Frame times are bioheat steps, so each lands on a step of the time axis.
    const temperature: (number | null)[] = new Array(out.time.length).fill(null);
    const dose: (number | null)[] = new Array(out.time.length).fill(null);
    let k = 0;
    for (let f = 0; f < frames.time.length; f++) {
      const t = frames.time[f] as number;
      while (k < out.time.length - 1 && (out.time[k] as number) < t - 1e-9) k++;
      if (Math.abs((out.time[k] as number) - t) > 1e-6) continue;
      const tv = frames.temperature[f * voxels + voxel] as number;
      const dv = frames.dose[f * voxels + voxel] as number;
      temperature[k] = Number.isFinite(tv) ? tv : null;
      dose[k] = Number.isFinite(dv) && dv >= DOSE_FLOOR ? dv : null;
    }
    out.labels.push(probe.label);
    out.temperature.push(temperature);
    out.dose.push(dose);
    out.sparse?.push(true);
    notes.push({
      id: probe.id,
      label: probe.label,
      state: 'from-frames',
      note: 'added after this run: drawn from its stored frames (a point every frame); Sonicate to record every step',
    });
  }
  return { curves: out, notes };
}

/**
 * The sample nearest a time, for the legend's reading at the playback time.
 * @param times - ascending [s]
 * @param t - [s] (NaN: the last sample)
 * @returns its index, or -1 when there are none
 */
export function nearestSample(times: ArrayLike<number>, t: number): number {
  const n = times.length;
  if (n === 0) return -1;
  if (!(t > (times[0] as number))) return Number.isNaN(t) ? n - 1 : 0;
  let lo = 0;
  let hi = n - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if ((times[mid] as number) <= t) lo = mid;
    else hi = mid;
  }
  return t - (times[lo] as number) <= (times[hi] as number) - t ? lo : hi;
}
