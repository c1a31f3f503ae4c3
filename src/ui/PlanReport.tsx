import { useStore } from 'zustand';
import { usePlanner } from '../state/hooks.ts';
import type { PlanFilesStoreApi, ReportState } from '../state/plan-files.ts';
import { ClinicalNotice } from './ClinicalNotice.tsx';
import { reportFigures, reportSafety, reportSetup, reportSpots, reportTotals, temperatureCurve } from './report.ts';
import { useUndeliverable } from './useBlockedBeams.ts';
import { useShownRun } from './useShownRun.ts';

const PLOT = { width: 300, height: 110, left: 30, bottom: 22, top: 6, right: 8 };

function TemperaturePlot() {
  const run = useShownRun();
  const state = usePlanner((s) => s);
  const curve = temperatureCurve(state, run, PLOT.width, PLOT.height);
  if (!curve) return <p className="hint">No run yet: no curve.</p>;
  const w = PLOT.left + PLOT.width + PLOT.right;
  const h = PLOT.top + PLOT.height + PLOT.bottom;
  return (
    <svg
      viewBox={`0 0 ${w} ${h}`}
      className="report-plot"
      data-testid="report-curve"
      role="img"
      aria-label="Temperature against time"
    >
      <g transform={`translate(${PLOT.left} ${PLOT.top})`}>
        <rect x={0} y={0} width={PLOT.width} height={PLOT.height} className="plot-frame" />
        {curve.yTicks.map((t) => (
          <g key={`y${t.label}`}>
            <line x1={0} x2={PLOT.width} y1={t.at} y2={t.at} className="plot-grid" />
            <text x={-4} y={t.at + 3} textAnchor="end">
              {t.label}
            </text>
          </g>
        ))}
        {curve.xTicks.map((t) => (
          <text key={`x${t.label}`} x={t.at} y={PLOT.height + 11} textAnchor="middle">
            {t.label}
          </text>
        ))}
        <text x={PLOT.width} y={PLOT.height + 20} textAnchor="end">
          time [s]
        </text>
        <text x={4} y={9}>
          °C
        </text>
        {curve.lines.map((l) => (
          <path key={l.label} d={l.d} className={l.dashed ? 'plot-line dashed' : 'plot-line'} />
        ))}
      </g>
    </svg>
  );
}

/**
 * The printable one-page report of the plan (issue 11, item 5): the case and the setup, the 3D view as a figure with
 * its legend and scale bar (composed by the PNG export), the spots and their parameters, the figures of the shown
 * run with units, the temperature curve, the safety dashboard with its limits and their sources, and the
 * not-for-clinical-use notice. On screen it is a preview with Print and Close; printed (or saved as PDF), only the
 * sheet is on the page (styles.css, @media print).
 */
export function PlanReport(props: { files: PlanFilesStoreApi; onPrint: () => void; onClose: () => void }) {
  const report = useStore(props.files, (s) => s.report);
  return report ? <ReportView report={report} {...props} /> : null;
}

function ReportView({ report, onPrint, onClose }: { report: ReportState; onPrint: () => void; onClose: () => void }) {
  const run = useShownRun();
  // The whole state: the report is mounted only while open, and reads most of it.
  const state = usePlanner((s) => s);
  const caseTitle = state.caseSummary?.meta.title ?? state.caseId;
  const setup = reportSetup(state, caseTitle);
  const spots = reportSpots(state);
  const totals = reportTotals(state);
  const figures = reportFigures(state, run);
  // Judged as the dashboard judges it: a sonication whose firing beams crossed gas was not delivered.
  const undeliverable = useUndeliverable(run, figures.stale);
  const rows = reportSafety(run, state.safetyThresholds, undeliverable);
  const columns = spots.length > 16 ? 3 : spots.length > 6 ? 2 : 1;
  return (
    <div className="report-root" role="dialog" aria-label="Plan report" data-testid="report">
      <div className="report-toolbar">
        <button type="button" className="primary" data-testid="report-print" onClick={onPrint}>
          Print or save as PDF
        </button>
        <button type="button" data-testid="report-close" onClick={onClose}>
          Close
        </button>
        <span className="hint">One A4 page: choose “Save as PDF” in the print dialog to keep it as a file.</span>
      </div>
      <article className="report-sheet" data-testid="report-sheet">
        <header className="report-head">
          <div>
            <h1>FUS Planner · plan report</h1>
            <p>
              <strong>{report.planName}</strong> · {caseTitle} · {new Date(report.createdAt).toLocaleString()}
            </p>
          </div>
          <ClinicalNotice />
        </header>
        <div className="report-top">
          <section>
            <h2>Setup</h2>
            <dl className="report-lines">
              {setup.map((l) => (
                <div key={l.key}>
                  <dt>{l.label}</dt>
                  <dd data-testid={`report-setup-${l.key}`}>{l.text}</dd>
                </div>
              ))}
            </dl>
          </section>
          <figure className="report-view">
            {report.image ? (
              <img
                src={report.image}
                data-testid="report-image"
                alt="The 3D view: anatomy, transducer, beams and results, with its colour legend and scale bar"
              />
            ) : (
              <p className="hint">The 3D view could not be pictured.</p>
            )}
            <figcaption>The 3D view as on screen, with its legend and scale bar.</figcaption>
          </figure>
        </div>
        <section>
          <h2>Spots</h2>
          <p className="report-note" data-testid="report-totals">
            {totals}
          </p>
          {spots.length > 0 && (
            <ol className="report-spots" style={{ columnCount: columns }} data-testid="report-spots">
              {spots.map((p) => (
                <li key={p.n}>
                  {p.n}. {p.focus} · {p.power} · {p.duration} + {p.cooling} cooling{p.status && ` · ${p.status}`}
                </li>
              ))}
            </ol>
          )}
        </section>
        <div className="report-bottom">
          <section>
            <h2>Figures · {figures.title}</h2>
            {figures.stale && (
              <p className="report-note warning" data-testid="report-stale">
                Computed for earlier settings: run again for the plan as listed.
              </p>
            )}
            <dl className="report-lines">
              {figures.lines.map((l) => (
                <div key={l.key}>
                  <dt>{l.label}</dt>
                  <dd data-testid={`report-figure-${l.key}`} data-si={l.si ?? ''}>
                    {l.text}
                  </dd>
                </div>
              ))}
            </dl>
          </section>
          <section>
            <h2>Temperature against time</h2>
            <TemperaturePlot />
            <p className="report-note">Solid: hottest point of the region · dashed: at the focus.</p>
          </section>
        </div>
        <section>
          <h2>Safety · teaching limits, not clinical ones</h2>
          {figures.stale && (
            // As on the dashboard: the checks are the old run's (a walk read "1000 J ✓ Pass" under a setup of 1400 J).
            <p className="report-note warning" data-testid="report-safety-stale">
              These checks judge the run computed for earlier settings, not the plan as listed.
            </p>
          )}
          {rows.some((r) => r.status === 'undelivered') && (undeliverable ?? run?.undelivered) && (
            // Why "Not delivered": the dashboard says it on each row; a printed sheet needs it once (a walk's finding).
            <p className="report-note warning" data-testid="report-safety-undelivered">
              {undeliverable ?? run?.undelivered}
            </p>
          )}
          <table className="report-safety" data-testid="report-safety">
            <thead>
              <tr>
                <th>Check</th>
                <th>Value</th>
                <th>Limit</th>
                <th>Result</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => (
                <tr key={r.id} data-testid={`report-safety-${r.id}`} data-status={r.status}>
                  <td>
                    {r.label}
                    <sup>{i + 1}</sup>
                  </td>
                  <td>{r.value}</td>
                  <td>{r.limit}</td>
                  <td>{r.result}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <ol className="report-sources" data-testid="report-sources">
            {rows.map((r) => (
              <li key={r.id}>{r.source}</li>
            ))}
          </ol>
        </section>
        <footer className="report-foot">
          Planning-grade approximations (see the app's physics notes): expect temperature rises within tens of percent
          of measurements. For education and research only; not for clinical use.
        </footer>
      </article>
    </div>
  );
}
