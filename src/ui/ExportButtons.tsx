import { seriesToCsv } from '../export/csv.ts';
import { toNrrd } from '../export/nrrd.ts';
import {
  drawViewFigure,
  type FigureLayout,
  type KeyEntry,
  measureViewFigure,
  type ViewFigure,
} from '../export/view-image.ts';
import { usePlanner, usePlannerStoreApi } from '../state/hooks.ts';
import type { PlannerStore } from '../state/store.ts';
import {
  ABLATION_CONTOUR_STYLE,
  ABLATION_DOSE,
  ABLATION_SURFACE_RGB,
  resultScale,
  SAFETY_DOSE,
  SAFETY_SURFACE_COLOUR,
} from './colour-scales.ts';
import { DISPLAY, formatDose, formatQuantity } from './format.ts';
import { formatPointMm } from './plan-helpers.ts';
import { type ShownRun, timeRange } from './shown-run.ts';
import { displayLabels } from './time-series.ts';

/** The notice every exported figure carries (PRODUCT.md: every mode says it). */
export const FIGURE_NOTICE = 'FUS Planner · education and research only, not for clinical use';

/**
 * The lines under an exported view: what was run (the run's own settings when the store kept them, else the current
 * ones, said so), where, and what came out, with the playback time shown.
 */
export function figureLines(s: PlannerStore, run: ShownRun): string[] {
  const lines: string[] = [];
  const q = (v: number | undefined, d: { unit: string; scale: number }) => formatQuantity(v, d.unit, d.scale);
  if (run.source === 'plan') {
    const spots = s.planRun.outcome?.spots ?? [];
    const energy = spots.reduce((sum, spot) => sum + (spot.summary.energy ?? 0), 0);
    lines.push(`Plan of ${spots.length} spots · total energy ${q(energy, DISPLAY.energy)}`);
  } else {
    const inputs = s.run.inputs;
    const p = inputs?.sonication ?? s.sonication;
    const transducer = inputs?.transducer ?? s.transducer;
    const elements = s.run.outcome?.summary.activeElements;
    lines.push(
      `Sonication ${q(p.acousticPower, DISPLAY.power)} for ${q(p.duration, DISPLAY.time)}, ${q(p.cooling, DISPLAY.time)} cooling · ${q(transducer.frequency, DISPLAY.frequency)}${elements === undefined ? '' : ` · ${elements} elements firing`}${inputs ? '' : ' (current settings)'}`,
    );
    lines.push(`Target ${formatPointMm(inputs?.focus ?? inputs?.target ?? s.target)}`);
  }
  lines.push(
    `Peak ${q(run.peakTemperature, DISPLAY.temperature)} · thermal dose ${formatDose(run.peakDose).text} · energy per sonication ${q(run.energyPerSonication, DISPLAY.energy)}`,
  );
  const [, end] = timeRange(run.time);
  lines.push(`Shown at ${q(Math.min(end, s.playback.time), DISPLAY.time)} of ${q(end, DISPLAY.time)}`);
  return lines;
}

/** The key of what the 3D view draws besides the slices. */
function figureKey(run: ShownRun, slicesVisible: boolean): KeyEntry[] {
  const rgb = ABLATION_SURFACE_RGB.map((c) => Math.round(c * 255)).join(', ');
  const key: KeyEntry[] = [
    {
      colour: `rgb(${rgb})`,
      text: `Ablation zone ≥ ${ABLATION_DOSE} CEM43${run.peakDose >= ABLATION_DOSE ? '' : ' (not reached)'}`,
    },
    {
      colour: SAFETY_SURFACE_COLOUR,
      text: `Safety shell ≥ ${SAFETY_DOSE} CEM43${run.peakDose >= SAFETY_DOSE ? '' : ' (not reached)'}`,
    },
  ];
  if (slicesVisible)
    key.push({
      colour: ABLATION_CONTOUR_STYLE.colour,
      text: `${ABLATION_DOSE} CEM43 contour on the slices`,
      line: true,
    });
  return key;
}

/** How long a figure waits for a moving view to settle and be drawn sharp [ms]. */
const SHARP_WAIT_MS = 2000;

/**
 * Resolves once the view's canvas holds a frame at its full resolution: a moving view on a software rasteriser draws
 * at half (scene/frame-budget.ts), and a figure saved then would be coarse. At once when it already is; after
 * SHARP_WAIT_MS at the latest.
 */
function sharpFrame(view: HTMLCanvasElement): Promise<void> {
  if (view.width >= view.clientWidth) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      observer.disconnect();
      clearTimeout(timer);
      // The resized canvas is drawn on the next frame: take it after that one.
      requestAnimationFrame(() => requestAnimationFrame(() => resolve()));
    };
    const observer = new MutationObserver(() => {
      if (view.width >= view.clientWidth) done();
    });
    observer.observe(view, { attributes: true, attributeFilter: ['width'] });
    const timer = setTimeout(done, SHARP_WAIT_MS);
  });
}

/**
 * The 3D view as a figure (export/view-image.ts): the canvas' pixels with the scale bar drawn on them, and a band
 * with the case, parameters, results, legend and notice. Returns the PNG and where things were drawn.
 */
export async function viewFigurePng(
  s: PlannerStore,
  run: ShownRun | undefined,
): Promise<{ blob: Blob; layout: FigureLayout } | undefined> {
  const view = document.querySelector<HTMLCanvasElement>('[data-testid=view3d] canvas, .view canvas');
  if (!view || view.width === 0) return undefined;
  await sharpFrame(view);
  const ratio = view.clientWidth > 0 ? view.width / view.clientWidth : 1;
  const bar = document.querySelector<HTMLElement>('[data-testid=scale-bar]');
  const line = bar?.querySelector<HTMLElement>('.scale-line');
  const mm = Number(bar?.dataset.mm);
  const px = line?.getBoundingClientRect().width ?? 0;
  const figure: ViewFigure = {
    view,
    width: view.width,
    height: view.height,
    pixelRatio: ratio,
    title: s.caseSummary?.meta.title ?? s.caseId,
    lines: run ? figureLines(s, run) : ['No run yet: the planned beams and the anatomy.'],
    scale: run && s.slices.visible ? resultScale(s.slices.quantity, run) : undefined,
    key: run ? figureKey(run, s.slices.visible) : [],
    scaleBar: Number.isFinite(mm) && mm > 0 && px > 0 ? { mm, px } : undefined,
    notice: FIGURE_NOTICE,
  };
  const out = document.createElement('canvas');
  out.width = figure.width;
  const measure = out.getContext('2d');
  if (!measure) return undefined;
  out.height = measureViewFigure(measure, figure).height;
  // Resizing a canvas resets its context: take it again before drawing.
  const ctx = out.getContext('2d');
  if (!ctx) return undefined;
  const layout = drawViewFigure(ctx, figure);
  const blob = await new Promise<Blob | null>((resolve) => out.toBlob(resolve, 'image/png'));
  return blob ? { blob, layout } : undefined;
}

/** Saves data as a file through a temporary <a download> (the browser's own download, nothing uploaded). */
export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Let the download start before the URL goes.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A file name from the case, the run and what it holds: "femur-shaft_plan_dose.nrrd". */
export function exportName(caseId: string, source: string, what: string, ext: string): string {
  const safe = (s: string) => s.replace(/[^A-Za-z0-9._-]+/g, '-');
  return `${safe(caseId || 'case')}_${safe(source)}_${safe(what)}.${ext}`;
}

/**
 * Exports of the shown run: the 3D view as a PNG figure with its legend, scale bar, case and parameters
 * (viewFigurePng), the time series as CSV, and the maximum temperature and the thermal dose of the region as NRRD
 * volumes (3D Slicer, ITK-SNAP, ParaView). `onSavePng` is no longer used: the figure is composed here from the store
 * and the view (kept in the props until the app stops passing it).
 */
export function ExportButtons({
  run,
}: {
  run: ShownRun | undefined;
  /** @deprecated the PNG figure is composed here */
  onSavePng?: (() => void) | undefined;
}) {
  const api = usePlannerStoreApi();
  const caseId = usePlanner((s) => s.caseId);
  const listSpots = usePlanner((s) => s.spots);
  const planSpots = usePlanner((s) => s.planRun.outcome?.spots);
  const source = run?.source ?? 'run';
  const saveCsv = () => {
    if (!run?.series) return;
    // The columns carry the names the plots show (a plan's spots by their numbers in the list).
    const delivered = (planSpots ?? []).filter((s) => s.status !== 'blocked').map((s) => s.id);
    const labels = displayLabels(
      run.series.labels,
      run.source,
      delivered,
      listSpots.map((s) => s.id),
    );
    const blob = new Blob([seriesToCsv({ ...run.series, labels })], { type: 'text/csv;charset=utf-8' });
    downloadBlob(blob, exportName(caseId, source, 'series', 'csv'));
  };
  const savePng = async (button: HTMLButtonElement) => {
    const figure = await viewFigurePng(api.getState(), run);
    if (!figure) return;
    // What the figure holds, for checks (e2e): its size, where the legend and scale bar went, the texts drawn.
    button.dataset.layout = JSON.stringify(figure.layout);
    downloadBlob(figure.blob, exportName(caseId, source, 'view', 'png'));
  };
  const saveNrrd = (what: 'temperature' | 'dose') => {
    if (!run) return;
    const bytes =
      what === 'temperature'
        ? toNrrd(run.maxTemperature, run.grid, { content: 'maximum temperature over the run', unit: 'degC' })
        : toNrrd(run.dose, run.grid, { content: 'thermal dose at the end of the run', unit: 'CEM43 min' });
    const blob = new Blob([new Uint8Array(bytes)], { type: 'application/octet-stream' });
    downloadBlob(blob, exportName(caseId, source, what === 'temperature' ? 'max-temperature' : 'dose', 'nrrd'));
  };
  return (
    <fieldset className="export-buttons">
      <legend className="visually-hidden">Export</legend>
      <button
        type="button"
        data-testid="export-png"
        onClick={(e) => void savePng(e.currentTarget)}
        title="Save the 3D view as a PNG figure, with its legend, scale bar, case, parameters and results"
      >
        PNG
      </button>
      <button
        type="button"
        data-testid="export-csv"
        onClick={saveCsv}
        disabled={!run?.series}
        title="Temperature [°C] and dose [CEM43 min] against time [s] at the focus and probes, as CSV"
        aria-label="Export the time series as CSV"
      >
        CSV
      </button>
      <button
        type="button"
        data-testid="export-nrrd-temperature"
        onClick={() => saveNrrd('temperature')}
        disabled={!run}
        title="Maximum temperature of the region [°C] as a NRRD volume"
        aria-label="Export the maximum temperature as a NRRD volume"
      >
        NRRD temperature
      </button>
      <button
        type="button"
        data-testid="export-nrrd-dose"
        onClick={() => saveNrrd('dose')}
        disabled={!run}
        title="Thermal dose of the region [CEM43 min] as a NRRD volume"
        aria-label="Export the thermal dose as a NRRD volume"
      >
        NRRD dose
      </button>
    </fieldset>
  );
}
