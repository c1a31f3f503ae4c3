import { seriesToCsv } from '../export/csv.ts';
import { toNrrd } from '../export/nrrd.ts';
import { usePlanner } from '../state/hooks.ts';
import type { ShownRun } from './shown-run.ts';
import { displayLabels } from './time-series.ts';

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
 * Exports of the shown run: a PNG of the 3D view (the app owns the canvas: `onSavePng`), the time series as CSV,
 * and the maximum temperature and the thermal dose of the region as NRRD volumes (3D Slicer, ITK-SNAP, ParaView).
 */
export function ExportButtons({ run, onSavePng }: { run: ShownRun | undefined; onSavePng?: (() => void) | undefined }) {
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
        onClick={() => onSavePng?.()}
        disabled={!onSavePng}
        title="Save the 3D view as a PNG image"
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
