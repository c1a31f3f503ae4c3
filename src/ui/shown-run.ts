import type { PlaybackState } from '../state/planning.ts';
import { resolveSource } from '../state/selectors.ts';
import type { PlannerState } from '../state/store.ts';

// The worker's result types, reached through the store (src/ui does not import the worker, not even its types).
export type SonicationOutcome = NonNullable<PlannerState['run']['outcome']>;
export type PlanOutcome = NonNullable<PlannerState['planRun']['outcome']>;
/** Temperature and dose against time at the focus and probes (results-protocol.ts). */
export type TimeSeries = NonNullable<SonicationOutcome['series']>;
/** Snapshots of the region for playback (results-protocol.ts). */
export type RegionFrames = NonNullable<SonicationOutcome['frames']>;

type Vec3 = [number, number, number];
export type ShownGrid = SonicationOutcome['grid'];
export type ShownDoses = SonicationOutcome['doses'];
export type RunSource = PlaybackState['source'];

/**
 * The run the time views replay (the last sonication or the last plan), flattened so plots, playback, the MR view,
 * the dashboard and the exports read one shape. Time-resolved parts are optional: outcomes carry them only when
 * the worker recorded them.
 */
export interface ShownRun {
  source: RunSource;
  /** the playback time axis [s]: the series' steps when recorded, else the outcome's time */
  time: Float64Array;
  series: TimeSeries | undefined;
  frames: RegionFrames | undefined;
  grid: ShownGrid;
  /** per voxel, max over the run [°C] */
  maxTemperature: Float32Array;
  /** per voxel, cumulative CEM43 at the end [min] */
  dose: Float32Array;
  /** per voxel pressure amplitude [Pa] (a sonication only) */
  pressure: Float32Array | undefined;
  doses: ShownDoses;
  /** [°C] */
  peakTemperature: number;
  /** [Pa]; undefined when the run does not report it */
  peakPressure: number | undefined;
  /** [CEM43 min] */
  peakDose: number;
  /** start of each spot of a plan [s] (empty for a sonication) */
  spotStarts: { id: string; startTime: number }[];
  /** energy of one sonication, or the largest of the plan's spots [J] */
  energyPerSonication: number;
  /** the focus the sonication aimed at, when known [m] */
  focus: Vec3 | undefined;
  /**
   * which field model ran: 'whole-path' simulates the beam path from the water before the skin to beyond the bone,
   * 'focal-ray' only the region around the focus (free beams); undefined when the run does not say
   */
  fieldModel: FieldModel | undefined;
  /**
   * why nothing was delivered (every spot of a plan blocked): the run's 37 °C and 0 J are then no heat judged safe,
   * only heat never given; undefined when something was delivered
   */
  undelivered?: string | undefined;
}

/** A plan whose every spot is blocked delivered nothing: in words, with the first spot's reason. */
function planUndelivered(spots: PlanOutcome['spots']): string | undefined {
  if (spots.length === 0 || spots.some((s) => s.status !== 'blocked')) return undefined;
  const reason = spots[0]?.reasons[0];
  const all = spots.length === 1 ? 'the plan’s only spot is blocked' : `all ${spots.length} spots are blocked`;
  const others = spots.length > 1 ? ' (the spot list gives each spot’s reason)' : '';
  return `Nothing was delivered: ${all}.${reason ? ` Spot 1: ${reason}` : ''}${others}`;
}

export type FieldModel = NonNullable<SonicationOutcome['summary']['fieldModel']>;

function maxOf(values: ArrayLike<number>): number {
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (v > max) max = v;
  }
  return max;
}

/** Which source is shown: the one asked for when it exists, else whichever exists (state/selectors.ts). */
export { resolveSource };

export function shownRun(
  sonication: SonicationOutcome | undefined,
  plan: PlanOutcome | undefined,
  wanted: RunSource,
): ShownRun | undefined {
  const source = resolveSource(wanted, sonication !== undefined, plan !== undefined);
  if (source === 'sonication' && sonication) {
    const o = sonication;
    const series = o.series;
    return {
      source,
      time: series && series.time.length > 0 ? series.time : o.time,
      series,
      frames: o.frames,
      grid: o.grid,
      maxTemperature: o.maxTemperature,
      dose: o.dose,
      pressure: o.pressure,
      doses: o.doses,
      peakTemperature: o.summary.peakTemperature,
      peakPressure: o.summary.peakPressure,
      peakDose: o.summary.peakDose,
      spotStarts: [],
      energyPerSonication: o.summary.energy,
      focus: series?.points[0] ?? undefined,
      fieldModel: o.summary.fieldModel,
    };
  }
  if (source === 'plan' && plan) {
    const o = plan;
    const series = o.series;
    const spotPeak = (pick: (s: PlanOutcome['spots'][number]) => number) =>
      o.spots.length > 0 ? Math.max(...o.spots.map(pick)) : undefined;
    return {
      source,
      time: series && series.time.length > 0 ? series.time : o.time,
      series,
      frames: o.frames,
      grid: o.grid,
      maxTemperature: o.maxTemperature,
      dose: o.dose,
      pressure: undefined,
      doses: o.doses,
      peakTemperature: Math.max(maxOf(o.maxTemperature), maxOf(o.peakTemperature)),
      peakPressure: spotPeak((s) => s.summary.peakPressure),
      peakDose: Math.max(maxOf(o.dose), 0),
      spotStarts: o.spots.map((s) => ({ id: s.id, startTime: s.startTime })),
      energyPerSonication: spotPeak((s) => s.summary.energy) ?? 0,
      focus: series?.points[0] ?? undefined,
      fieldModel: o.spots.find((s) => s.summary.fieldModel)?.summary.fieldModel,
      undelivered: planUndelivered(o.spots),
    };
  }
  return undefined;
}

/** First and last time of an axis [s] (0, 0 when empty). */
export function timeRange(time: ArrayLike<number>): [number, number] {
  if (time.length === 0) return [0, 0];
  return [time[0] as number, time[time.length - 1] as number];
}

/** The spot of a plan that runs at time t: the last one started at or before t (undefined before the first). */
export function activeSpotAt(starts: { id: string; startTime: number }[], t: number): string | undefined {
  let id: string | undefined;
  let best = Number.NEGATIVE_INFINITY;
  for (const s of starts) {
    if (s.startTime <= t + 1e-9 && s.startTime >= best) {
      best = s.startTime;
      id = s.id;
    }
  }
  return id ?? starts[0]?.id;
}

/** The next playback time after `elapsed` wall seconds at `speed`× real time, and whether the end was reached. */
export function advancePlayback(
  time: number,
  elapsedSeconds: number,
  speed: number,
  end: number,
): { time: number; ended: boolean } {
  const next = time + Math.max(0, elapsedSeconds) * speed;
  return next >= end ? { time: end, ended: true } : { time: next, ended: false };
}
