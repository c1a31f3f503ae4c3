import { useEffect, useMemo, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import '../style/view.css';
import { usePlanner } from '../state/hooks.ts';
import { ABLATION_CONTOUR_STYLE, ABLATION_DOSE } from './colour-scales.ts';
import { curveEmphasis, type Emphasis, FAINT_ALPHA, withAlpha } from './curve-emphasis.ts';
import { DISPLAY, formatQuantity } from './format.ts';
import { activeSpotAt, type ShownRun } from './shown-run.ts';
import {
  DOSE_FLOOR,
  decadeLabel,
  decadeTicks,
  decimate,
  displayLabels,
  nearestSample,
  niceTicks,
  seriesColour,
  seriesCurves,
  withProbes,
} from './time-series.ts';

const AXIS_STROKE = '#94a3b8';
const GRID_STROKE = '#1f2a44';
const CURSOR_STROKE = '#e5e7eb';
const SPOT_STROKE = 'rgba(148, 163, 184, 0.55)';
const AXIS_FONT = '11px system-ui, sans-serif';
/** uPlot's tick length and gap between a tick and its label [CSS px] (its defaults, restated to size the axis). */
const TICK_SIZE = 6;
const TICK_GAP = 4;

interface ChartProps {
  testId: string;
  title: string;
  /** e.g. "°C" */
  unit: string;
  log: boolean;
  time: number[];
  labels: string[];
  curves: (number | null)[][];
  /** per curve: drawn through its gaps (sampled only at the stored frames) */
  sparse: boolean[];
  /** playback time [s] */
  cursor: number;
  spotStarts: number[];
  /** a horizontal reference line (the ablation dose) */
  reference?: { value: number; label: string } | undefined;
  height: number;
  /** per curve: how it is drawn (curve-emphasis.ts) */
  emphasis: Emphasis[];
}

function format(v: number | null | undefined, unit: string): string {
  return v === null || v === undefined ? '—' : formatQuantity(v, unit);
}

let measurer: CanvasRenderingContext2D | null | undefined;
/** Width of a label in the axis font [CSS px]. */
function textWidth(text: string): number {
  if (measurer === undefined) measurer = document.createElement('canvas').getContext('2d');
  if (!measurer) return text.length * 7;
  measurer.font = AXIS_FONT;
  return measurer.measureText(text).width;
}

/**
 * One uPlot chart against time, with the playback cursor and spot starts drawn on top; follows its width. The
 * y axis is sized to its widest label (a log dose axis labels decades as powers of ten) and has at least three
 * round ticks. The chart is built in its own task (two charts never build in one long task) and reused with
 * setData when only the numbers change. After each draw, the figure's data attributes say what the y axis shows:
 * data-y-ticks (the labels), data-y-label-width (the widest, measured) and data-y-label-room (the axis' room).
 */
function Chart({
  testId,
  title,
  unit,
  log,
  time,
  labels,
  curves,
  sparse,
  cursor,
  spotStarts,
  reference,
  height,
  emphasis,
}: ChartProps) {
  const host = useRef<HTMLDivElement>(null);
  const figure = useRef<HTMLElement>(null);
  const plot = useRef<{ u: uPlot; key: string } | undefined>(undefined);
  const cursorRef = useRef(cursor);
  cursorRef.current = cursor;
  const overlay = useRef({ spotStarts, reference, emphasis });
  overlay.current = { spotStarts, reference, emphasis };
  const drawnTicks = useRef<string[]>([]);

  // What requires a new chart rather than new data: the series and the axes.
  const bold = emphasis.indexOf('bold');
  const key = `${title}|${unit}|${log}|${height}|${labels.join('\u0001')}|${sparse.join()}|${bold}`;

  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for everything `options` reads.
  useEffect(() => {
    const el = host.current;
    if (!el || time.length === 0) return;
    // A plot is never wider than the panel: about two samples per pixel are all it can show.
    const shown = decimate(time, curves, Math.max(400, 2 * el.clientWidth));
    const data = [shown.time, ...shown.curves] as uPlot.AlignedData;
    const existing = plot.current;
    if (existing && existing.key === key) {
      existing.u.setData(data);
      return;
    }
    const timer = setTimeout(() => {
      plot.current?.u.destroy();
      plot.current = { u: new uPlot(options(el.clientWidth), data, el), key };
    }, 0);
    return () => clearTimeout(timer);
  }, [key, time, curves]);

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const observer = new ResizeObserver(() => {
      const u = plot.current?.u;
      const w = el.clientWidth;
      if (u && w > 0 && Math.abs(w - u.width) > 1) u.setSize({ width: w, height });
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [height]);
  useEffect(
    () => () => {
      plot.current?.u.destroy();
      plot.current = undefined;
    },
    [],
  );
  useEffect(() => {
    if (Number.isFinite(cursor)) plot.current?.u.redraw(false, false);
  }, [cursor]);
  const shownAs = emphasis.join();
  // biome-ignore lint/correctness/useExhaustiveDependencies: the overlay reads them through a ref; redraw when they change.
  useEffect(() => {
    plot.current?.u.redraw(false, false);
  }, [spotStarts, reference, shownAs]);

  /**
   * Out of the pointer's way the legend reads the curves at the playback time: blank until hovered, a walk read
   * "focus:" as a missing value. The pointer's own reading wins while it is over the plot.
   */
  function showPlaybackLegend(u: uPlot) {
    if (u.cursor.idx !== null && u.cursor.idx !== undefined) return;
    const idx = nearestSample(u.data[0] ?? [], cursorRef.current);
    if (idx >= 0) u.setLegend({ idx }, false);
  }

  /** A faint curve has no legend entry: the legend names the curves that stand out. */
  function showLegendRows(u: uPlot) {
    const rows = u.root.querySelectorAll<HTMLElement>('.u-legend .u-series');
    const shown = overlay.current.emphasis;
    rows.forEach((row, i) => {
      const hide = i > 0 && shown[i - 1] === 'faint';
      if ((row.style.display === 'none') !== hide) row.style.display = hide ? 'none' : '';
      // uPlot colours a marker once, as the curve was then (faint, for a spot that heats later): a shown row's
      // marker takes its curve's full colour (a walk saw a near-invisible swatch beside a bright curve).
      const marker = row.querySelector<HTMLElement>('.u-marker');
      if (i > 0 && !hide && marker) marker.style.borderColor = seriesColour(i - 1);
    });
  }

  function recordAxis(u: uPlot) {
    const el = figure.current;
    if (!el) return;
    const axis = u.axes[1] as uPlot.Axis & { _size?: number };
    const room = (axis._size ?? 0) - TICK_SIZE - TICK_GAP;
    const widest = Math.max(0, ...drawnTicks.current.map(textWidth));
    el.dataset.yTicks = JSON.stringify(drawnTicks.current);
    el.dataset.yLabelWidth = widest.toFixed(1);
    el.dataset.yLabelRoom = room.toFixed(1);
  }

  function drawOverlay(u: uPlot) {
    const ctx = u.ctx;
    const { left, top, width, height: h } = u.bbox;
    const px = uPlot.pxRatio;
    const { spotStarts: starts, reference: ref } = overlay.current;
    ctx.save();
    ctx.beginPath();
    ctx.rect(left, top, width, h);
    ctx.clip();
    ctx.lineWidth = px;
    ctx.strokeStyle = SPOT_STROKE;
    ctx.setLineDash([4 * px, 3 * px]);
    for (const t of starts) {
      const x = Math.round(u.valToPos(t, 'x', true));
      ctx.beginPath();
      ctx.moveTo(x, top);
      ctx.lineTo(x, top + h);
      ctx.stroke();
    }
    if (ref) {
      const y = Math.round(u.valToPos(ref.value, 'y', true));
      ctx.strokeStyle = ABLATION_CONTOUR_STYLE.colour;
      ctx.setLineDash([6 * px, 4 * px]);
      ctx.beginPath();
      ctx.moveTo(left, y);
      ctx.lineTo(left + width, y);
      ctx.stroke();
      ctx.setLineDash([]);
      ctx.fillStyle = ABLATION_CONTOUR_STYLE.colour;
      ctx.font = `${11 * px}px system-ui, sans-serif`;
      // uPlot leaves its axis text alignment on the context.
      ctx.textAlign = 'left';
      const at = referenceLabelPlace(y, top, px);
      ctx.textBaseline = at.baseline;
      ctx.fillText(ref.label, left + 4 * px, at.y);
    }
    ctx.setLineDash([]);
    ctx.strokeStyle = CURSOR_STROKE;
    ctx.lineWidth = 2 * px;
    const x = Math.round(u.valToPos(cursorRef.current, 'x', true));
    ctx.beginPath();
    ctx.moveTo(x, top);
    ctx.lineTo(x, top + h);
    ctx.stroke();
    ctx.restore();
    recordAxis(u);
    showLegendRows(u);
    showPlaybackLegend(u);
  }

  function options(width: number): uPlot.Options {
    // uPlot hands filtered-out ticks over as null: they get no label.
    const yLabels = (values: (number | null)[]) =>
      values.map((v) =>
        v === null || !Number.isFinite(v) || (log && !(v > 0))
          ? ''
          : log
            ? decadeLabel(v)
            : String(Number(v.toPrecision(4))),
      );
    return {
      width: Math.max(200, width),
      height,
      title,
      legend: { show: true, live: true },
      cursor: { drag: { x: false, y: false } },
      scales: {
        x: { time: false },
        y: log
          ? { distr: 3, log: 10, range: (_u, _min, max) => [DOSE_FLOOR, Math.max(1e3, (max ?? 0) * 3)] }
          : { range: (_u, min, max) => [Math.min(35, min ?? 37), Math.max(45, (max ?? 37) + 2)] },
      },
      axes: [
        {
          label: 'Time [s]',
          stroke: AXIS_STROKE,
          font: AXIS_FONT,
          labelFont: AXIS_FONT,
          grid: { stroke: GRID_STROKE },
          ticks: { stroke: GRID_STROKE, size: TICK_SIZE },
          gap: TICK_GAP,
          // uPlot's 50 + 30 px under an 11 px font left the curves about 55 px of a 150 px chart.
          size: TICK_SIZE + TICK_GAP + 16,
          labelSize: 16,
        },
        {
          label: `[${unit}]`,
          labelSize: 18,
          labelFont: AXIS_FONT,
          font: AXIS_FONT,
          stroke: AXIS_STROKE,
          grid: { stroke: GRID_STROKE },
          ticks: { stroke: GRID_STROKE, size: TICK_SIZE },
          gap: TICK_GAP,
          // bbox is in device pixels; the labels' room is in CSS pixels.
          splits: (u, _i, min, max) =>
            log ? decadeTicks(min, max, 6, u.bbox.height / uPlot.pxRatio) : niceTicks(min, max),
          // Every split is a tick to label (uPlot's log filter would blank some of ours).
          filter: (_u, splits) => splits,
          values: (_u, splits) => {
            const out = yLabels(splits);
            drawnTicks.current = out.filter((t) => t !== '');
            return out;
          },
          // Room for the widest label: nothing is clipped under the axis title.
          size: (_u, values) => Math.ceil(Math.max(12, ...(values ?? []).map(textWidth))) + TICK_SIZE + TICK_GAP + 2,
        },
      ],
      series: [
        // Off the plot the readout names what a pointer over it reads ("—" under every plot read as missing data).
        {
          label: 'Time [s]',
          value: (_u, v) => (v === null || v === undefined ? 'point at a curve to read it' : format(v, 's')),
        },
        ...labels.map((label, i) => ({
          label,
          // Read at every draw: the spot heating at the playback time changes as it plays.
          stroke: () =>
            overlay.current.emphasis[i] === 'faint' ? withAlpha(seriesColour(i), FAINT_ALPHA) : seriesColour(i),
          width: i === bold ? 3 : 2,
          spanGaps: sparse[i] ?? false,
          ...(sparse[i] ? { dash: [5, 3] } : {}),
          value: (_u: uPlot, v: number | null) => (v === null ? '' : format(v, unit)),
        })),
      ],
      hooks: { draw: [drawOverlay], setCursor: [showPlaybackLegend] },
    };
  }

  const peaks = labels.map((label, i) => {
    let max: number | null = null;
    for (const v of curves[i] ?? []) if (v !== null && (max === null || v > max)) max = v;
    // Each curve is one point's (a spot's focus, a probe): its highest value there, not the run's hottest anywhere.
    // A log plot (the dose) leaves out values at or below its floor: none drawn is "below the plot's range", not "—".
    return max === null
      ? `${label}: below the plot's range at that point`
      : `${label}: at most ${format(max, unit)} at that point`;
  });
  return (
    <figure
      ref={figure}
      className="time-plot"
      data-testid={testId}
      data-series={curves.length}
      data-labels={JSON.stringify(labels)}
      data-emphasis={JSON.stringify(emphasis)}
      aria-label={`${title} [${unit}] against time [s]${log ? ', log scale' : ''}. ${peaks.join('; ')}.`}
    >
      <div ref={host} className="time-plot-canvas" role="img" aria-label={`${title} against time`} />
      <figcaption className="visually-hidden">{peaks.join('; ')}</figcaption>
    </figure>
  );
}

/**
 * Temperature [°C] and thermal dose [CEM43 min, log scale] against time [s] at the focus and each probe of the
 * shown run, with the playback cursor, the plan's spot starts (dashed) and the 240 CEM43 line on the dose plot.
 * A plan's curves are named by the spot numbers of the list.
 */
export function TimePlots({ run, height = 210 }: { run: ShownRun | undefined; height?: number }) {
  const cursor = usePlanner((s) => s.playback.time);
  const listSpots = usePlanner((s) => s.spots);
  const planSpots = usePlanner((s) => s.planRun.outcome?.spots);
  const probes = usePlanner((s) => s.probes);
  const selectedSpot = usePlanner((s) => s.selectedSpotId);
  const recorded = useMemo(() => (run?.series ? seriesCurves(run.series) : undefined), [run?.series]);
  // Every probe of the plan, also those dropped after the run (from its frames, or a note saying why not).
  const probed = useMemo(
    () => (run && recorded ? withProbes(recorded, run, probes) : undefined),
    [run, recorded, probes],
  );
  const curves = probed?.curves;
  const source = run?.source ?? 'sonication';
  const labels = useMemo(() => {
    if (!curves) return [];
    const delivered = (planSpots ?? []).filter((s) => s.status !== 'blocked').map((s) => s.id);
    return displayLabels(
      curves.labels,
      source,
      delivered,
      listSpots.map((s) => s.id),
    );
  }, [curves, source, planSpots, listSpots]);
  const spotStarts = useMemo(() => run?.spotStarts.map((s) => s.startTime) ?? [], [run?.spotStarts]);
  const reference = useMemo(() => ({ value: ABLATION_DOSE, label: `${ABLATION_DOSE} CEM43 min (ablation)` }), []);
  const sparse = useMemo(() => curves?.labels.map((_, i) => curves.sparse?.[i] ?? false) ?? [], [curves]);
  const spotLabel = (id: string | undefined): string | undefined => {
    const i = id === undefined ? -1 : listSpots.findIndex((s) => s.id === id);
    return i >= 0 ? `spot ${i + 1}` : undefined;
  };
  const picked = source === 'plan' ? spotLabel(selectedSpot) : undefined;
  const heating = source === 'plan' && run ? spotLabel(activeSpotAt(run.spotStarts, cursor)) : undefined;
  const emphasis = curveEmphasis(labels, picked, heating);
  const notes = probed?.notes.filter((n) => n.note !== '') ?? [];
  const elsewhere = curves && run ? hotterElsewhere(curves.temperature, run.peakTemperature) : undefined;

  if (!run) return <p className="hint">Sonicate or run the plan to plot temperature and dose against time.</p>;
  if (!curves || curves.time.length === 0) {
    return (
      <div className="time-plots">
        <p className="hint" data-testid="plot-temperature" data-series={0}>
          This run recorded no time series (temperature and dose at the focus and probes).
        </p>
        <span hidden data-testid="plot-dose" data-series={0} />
      </div>
    );
  }
  return (
    <div className="time-plots">
      <Chart
        testId="plot-temperature"
        title="Temperature"
        unit="°C"
        log={false}
        time={curves.time}
        labels={labels}
        curves={curves.temperature}
        sparse={sparse}
        cursor={cursor}
        spotStarts={spotStarts}
        height={height}
        emphasis={emphasis}
      />
      <Chart
        testId="plot-dose"
        title="Thermal dose"
        unit="CEM43 min"
        log
        time={curves.time}
        labels={labels}
        curves={curves.dose}
        sparse={sparse}
        cursor={cursor}
        spotStarts={spotStarts}
        reference={reference}
        height={height}
        emphasis={emphasis}
      />
      {emphasis.includes('faint') && (
        <p className="hint" data-testid="plot-emphasis">
          {picked ? `Bold: ${picked}, selected in the spot list (select another to follow it); in` : 'In'} colour: the
          spot heating at the playback time; faint: the other spots’ foci.
        </p>
      )}
      {/* The cards' "at the target" and the spot list's "at its focus" interpolate between voxels; a walk read a
          spot list's 77.5 °C against its curve's 84.7 °C as a contradiction. */}
      <p className="hint" data-testid="plot-voxel-note">
        Each curve follows the voxel nearest its point; the figures at{' '}
        {source === 'plan' ? 'each spot’s focus' : 'the target'} in the {source === 'plan' ? 'spot list' : 'results'}{' '}
        interpolate between voxels, so where the heat is steep they can differ by a few degrees.
      </p>
      {elsewhere !== undefined && (
        <p className="hint" data-testid="plot-hotter-elsewhere">
          These curves are at the {source === 'plan' ? 'spots’ foci' : 'focus'} and the probes; the hottest point of the
          run, elsewhere, reached {formatQuantity(elsewhere, DISPLAY.temperature.unit)}.
        </p>
      )}
      {notes.length > 0 && (
        <ul className="probe-notes" data-testid="probe-notes">
          {notes.map((n) => (
            <li key={n.id} data-testid={`probe-note-${n.id}`} data-state={n.state}>
              <strong>{n.label}</strong>: {n.note}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Within this of the curves' highest point the run's peak is on the plot already [°C]. */
const PLOTTED_PEAK_TOLERANCE = 1;

/**
 * The run's peak temperature when the plotted points stay well below it (the hottest voxel lies elsewhere: at the
 * bone in front of the focus, or a spot whose focus is not its hottest point), so the plot is not read as the run's
 * hottest; undefined when the curves reach it.
 * @param curves - temperature per curve and step [°C] (null: not recorded)
 * @param peak - the run's peak [°C]
 * @returns the peak to name, or undefined
 */
export function hotterElsewhere(curves: readonly (readonly (number | null)[])[], peak: number): number | undefined {
  let plotted = Number.NEGATIVE_INFINITY;
  for (const curve of curves) for (const t of curve) if (t !== null && t > plotted) plotted = t;
  return Number.isFinite(plotted) && peak > plotted + PLOTTED_PEAK_TOLERANCE ? peak : undefined;
}

/**
 * Where a reference line's label goes: above the line, unless the line is too near the plot's top for the text
 * (11 px and a gap), then below it; a walk read the label cut in half against the top edge.
 * @param y - the line [canvas px]
 * @param top - the plot area's top [canvas px]
 * @param px - device pixels per CSS pixel
 */
export function referenceLabelPlace(y: number, top: number, px: number): { y: number; baseline: 'bottom' | 'top' } {
  return y - 15 * px >= top ? { y: y - 3 * px, baseline: 'bottom' } : { y: y + 3 * px, baseline: 'top' };
}
