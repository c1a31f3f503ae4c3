import { useEffect, useMemo, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { usePlanner } from '../state/hooks.ts';
import { ABLATION_CONTOUR_STYLE, ABLATION_DOSE } from './colour-scales.ts';
import { formatQuantity } from './format.ts';
import type { ShownRun } from './shown-run.ts';
import { DOSE_FLOOR, seriesColour, seriesCurves } from './time-series.ts';

const AXIS_STROKE = '#94a3b8';
const GRID_STROKE = '#1f2a44';
const CURSOR_STROKE = '#e5e7eb';
const SPOT_STROKE = 'rgba(148, 163, 184, 0.55)';

interface ChartProps {
  testId: string;
  title: string;
  /** e.g. "°C" */
  unit: string;
  log: boolean;
  time: number[];
  labels: string[];
  curves: (number | null)[][];
  /** playback time [s] */
  cursor: number;
  spotStarts: number[];
  /** a horizontal reference line (the ablation dose) */
  reference?: { value: number; label: string } | undefined;
  height: number;
}

function format(v: number | null | undefined, unit: string): string {
  return v === null || v === undefined ? '—' : formatQuantity(v, unit);
}

/** One uPlot chart against time, with the playback cursor and spot starts drawn on top; follows its width. */
function Chart({ testId, title, unit, log, time, labels, curves, cursor, spotStarts, reference, height }: ChartProps) {
  const host = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | undefined>(undefined);
  const cursorRef = useRef(cursor);
  cursorRef.current = cursor;

  useEffect(() => {
    const el = host.current;
    if (!el || time.length === 0) return;
    const drawOverlay = (u: uPlot) => {
      const ctx = u.ctx;
      const { left, top, width, height: h } = u.bbox;
      const px = uPlot.pxRatio;
      ctx.save();
      ctx.beginPath();
      ctx.rect(left, top, width, h);
      ctx.clip();
      ctx.lineWidth = px;
      ctx.strokeStyle = SPOT_STROKE;
      ctx.setLineDash([4 * px, 3 * px]);
      for (const t of spotStarts) {
        const x = Math.round(u.valToPos(t, 'x', true));
        ctx.beginPath();
        ctx.moveTo(x, top);
        ctx.lineTo(x, top + h);
        ctx.stroke();
      }
      if (reference) {
        const y = Math.round(u.valToPos(reference.value, 'y', true));
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
        ctx.textBaseline = 'bottom';
        ctx.fillText(reference.label, left + 4 * px, y - 3 * px);
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
    };
    const opts: uPlot.Options = {
      width: Math.max(200, el.clientWidth),
      height,
      title,
      legend: { show: true, live: true },
      cursor: { drag: { x: false, y: false } },
      scales: {
        x: { time: false },
        y: log
          ? {
              distr: 3,
              log: 10,
              range: (_u, _min, max) => [DOSE_FLOOR, Math.max(1e3, (max ?? 0) * 3)],
            }
          : { range: (_u, min, max) => [Math.min(35, min ?? 37), Math.max(45, (max ?? 37) + 2)] },
      },
      axes: [
        { label: 'Time [s]', stroke: AXIS_STROKE, grid: { stroke: GRID_STROKE }, ticks: { stroke: GRID_STROKE } },
        {
          label: `[${unit}]`,
          stroke: AXIS_STROKE,
          grid: { stroke: GRID_STROKE },
          ticks: { stroke: GRID_STROKE },
          size: 60,
        },
      ],
      series: [
        { label: 'Time [s]', value: (_u, v) => format(v, 's') },
        ...labels.map((label, i) => ({
          label: `${label} [${unit}]`,
          stroke: seriesColour(i),
          width: 2,
          spanGaps: false,
          value: (_u: uPlot, v: number | null) => format(v, unit),
        })),
      ],
      hooks: { draw: [drawOverlay] },
    };
    const u = new uPlot(opts, [time, ...curves] as uPlot.AlignedData, el);
    plot.current = u;
    const observer = new ResizeObserver(() => {
      const w = el.clientWidth;
      if (w > 0 && Math.abs(w - u.width) > 1) u.setSize({ width: w, height });
    });
    observer.observe(el);
    return () => {
      observer.disconnect();
      u.destroy();
      plot.current = undefined;
    };
  }, [time, labels, curves, log, title, unit, spotStarts, reference, height]);

  useEffect(() => {
    if (Number.isFinite(cursor)) plot.current?.redraw(false, false);
  }, [cursor]);

  const peaks = labels.map((label, i) => {
    let max: number | null = null;
    for (const v of curves[i] ?? []) if (v !== null && (max === null || v > max)) max = v;
    return `${label}: peak ${format(max, unit)}`;
  });
  return (
    <figure
      className="time-plot"
      data-testid={testId}
      data-series={curves.length}
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
 */
export function TimePlots({ run, height = 210 }: { run: ShownRun | undefined; height?: number }) {
  const cursor = usePlanner((s) => s.playback.time);
  const curves = useMemo(() => (run?.series ? seriesCurves(run.series) : undefined), [run?.series]);
  const spotStarts = useMemo(() => run?.spotStarts.map((s) => s.startTime) ?? [], [run?.spotStarts]);
  const reference = useMemo(() => ({ value: ABLATION_DOSE, label: `${ABLATION_DOSE} CEM43 min (ablation)` }), []);

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
        labels={curves.labels}
        curves={curves.temperature}
        cursor={cursor}
        spotStarts={spotStarts}
        height={height}
      />
      <Chart
        testId="plot-dose"
        title="Thermal dose"
        unit="CEM43 min"
        log
        time={curves.time}
        labels={curves.labels}
        curves={curves.dose}
        cursor={cursor}
        spotStarts={spotStarts}
        reference={reference}
        height={height}
      />
    </div>
  );
}
