import { useRef } from 'react';
import { usePlanner } from '../state/hooks.ts';
import { useViewFraming } from '../state/view.ts';
import '../style/view.css';
import { BEAM_KINDS, BeamSwatch, useBeamTally } from './BeamSummary.tsx';
import {
  ABLATION_CONTOUR_STYLE,
  ABLATION_DOSE,
  ABLATION_SURFACE_RGB,
  type ResultScale,
  resultScale,
  SAFETY_DOSE,
  SAFETY_SURFACE_COLOUR,
} from './colour-scales.ts';
import { ColourLegend } from './SliceControls.tsx';
import { StaleResultsBanner } from './StaleResultsBanner.tsx';
import type { ShownRun } from './shown-run.ts';
import { useHeightOnView } from './useHeightOnView.ts';
import { useShownRun } from './useShownRun.ts';
import { BEAM_KEY_MIN_PX, useOpenWhenWide } from './useWideView.ts';

/** Ablation and safety surface colours as the 3D view draws them. */
const SURFACE_SWATCH = {
  ablation: `rgb(${ABLATION_SURFACE_RGB.map((c) => Math.round(c * 255)).join(' ')})`,
  safety: SAFETY_SURFACE_COLOUR,
} as const;

/** What the legend over the 3D view says is drawn: the slices' scale (or that they are hidden) and the surfaces. */
export interface ViewLegend {
  /** the slices' colour scale, undefined when the slices are hidden */
  slices: ResultScale | undefined;
  /** the scale asked for, shown or not */
  scale: ResultScale;
  /** the shown run reaches the ablation dose / the safety dose somewhere */
  ablation: boolean;
  safety: boolean;
}

/** The legend of the results drawn in 3D for a run, from the same colour rule as the slices. */
export function viewLegend(run: ShownRun, quantity: ResultScale['requested'], slicesVisible: boolean): ViewLegend {
  const scale = resultScale(quantity, run);
  return {
    slices: slicesVisible ? scale : undefined,
    scale,
    ablation: run.peakDose >= ABLATION_DOSE,
    safety: run.peakDose >= SAFETY_DOSE,
  };
}

function ResultsLegend({ run }: { run: ShownRun }) {
  const slices = usePlanner((s) => s.slices);
  const legend = viewLegend(run, slices.quantity, slices.visible);
  const section = useRef<HTMLElement>(null);
  useHeightOnView(section, '--legend-height');
  return (
    <section
      ref={section}
      className="heat-legend"
      data-testid="heat-legend"
      data-slices={legend.slices ? legend.slices.quantity : 'hidden'}
      aria-label="What the 3D view draws"
    >
      {legend.slices ? (
        <ColourLegend
          scale={legend.slices}
          testId="view-legend"
          title={`Slices: ${legend.slices.label} [${legend.slices.unit}]`}
        />
      ) : (
        <p className="view-legend-hidden" data-testid="view-legend-hidden">
          Slices hidden
        </p>
      )}
      {legend.slices && legend.scale.quantity !== legend.scale.requested && (
        <small className="hint">A plan records no pressure: temperature shown.</small>
      )}
      <ul className="surface-key">
        <li>
          <span className="surface-swatch" style={{ background: SURFACE_SWATCH.ablation }} />
          Ablation zone ≥ {ABLATION_DOSE} CEM43{legend.ablation ? '' : ' (not reached)'}
        </li>
        <li>
          <span className="surface-swatch faint" style={{ background: SURFACE_SWATCH.safety }} />
          Safety shell ≥ {SAFETY_DOSE} CEM43{legend.safety ? '' : ' (not reached)'}
        </li>
        {legend.slices && (
          <li>
            <span className="contour-swatch-line" style={{ background: ABLATION_CONTOUR_STYLE.colour }} />
            {ABLATION_DOSE} CEM43 contour on the slices
          </li>
        )}
      </ul>
    </section>
  );
}

/**
 * Over the 3D view: how to move it and drop probes, Reset view, the way between the heat and the overview after a
 * run, the beam-colour key and the legend of what the results draw.
 */
export function ViewOverlay() {
  const resetView = usePlanner((s) => s.resetView);
  const run = useShownRun();
  const canFocus = useViewFraming((s) => s.canFocus);
  const framing = useViewFraming((s) => s.framing);
  const setFraming = useViewFraming((s) => s.setFraming);
  // Open on a wide window; on a narrower one (a projector at 1024 × 768) it would cover the beams, so it folds under
  // its title, one click away, and follows the window when it is resized.
  const [helpOpen, setHelpOpen] = useOpenWhenWide();
  // On a phone the key covered the transducer (a walk's finding): folded there under its title, one tap away.
  const [keyOpen, setKeyOpen] = useOpenWhenWide(BEAM_KEY_MIN_PX);
  const beyond = usePlanner((s) => s.estimate?.beams.beyond);
  // The counts beside the colours: the warning beams are drawn wide over the clear ones, and a walk read a fan of
  // 78 purple beams among 130 clear ones as "most beams are bad".
  // As drawn and as the Beams panel counts them: a beam the switch-off rule took out counts as switched off, not by
  // the path it would have taken (a walk read "through gas · 12" beside the panel's "23 switched off").
  const counts = useBeamTally()?.counts as Partial<Record<string, number>> | undefined;
  const warned = BEAM_KINDS.some(({ kind }) => kind !== 'clear' && kind !== 'off' && (counts?.[kind] ?? 0) > 0);
  // Until the case is in, the view has nothing to draw: say so rather than show a blank.
  const loading = usePlanner((s) => s.caseStatus === 'loading');
  return (
    <div className="view-overlay">
      {loading && (
        <p className="view-loading" role="status" data-testid="view-loading">
          Loading the case…
        </p>
      )}
      {/* The help and the stale-results notice in one column: the notice sits under the help, never over it. */}
      <div className="view-top">
        <div className="view-help">
          <div className="view-buttons">
            <button type="button" data-testid="reset-view" onClick={resetView}>
              Reset view
            </button>
            {canFocus && (
              <button
                type="button"
                data-testid="view-framing"
                data-framing={framing}
                onClick={() => setFraming(framing === 'focus' ? 'overview' : 'focus')}
                title={framing === 'focus' ? 'Go back to the view before the results' : 'Zoom in on the heated region'}
              >
                {framing === 'focus' ? 'Back to overview' : 'Frame the heat'}
              </button>
            )}
          </div>
          <details
            className="view-help-text"
            data-testid="view-help"
            open={helpOpen}
            onToggle={(e) => setHelpOpen(e.currentTarget.open)}
          >
            <summary>How to move the view</summary>
            Drag to orbit · wheel to zoom · right-drag to pan
            <br />
            <span data-testid="probe-help">
              <kbd>Alt</kbd>+click the anatomy: add a probe (its temperature and dose over time) · <kbd>Alt</kbd>+click
              a probe: remove it
            </span>
            <br />
            <span data-testid="keys-help">
              <kbd>Tab</kbd> to the view: arrow keys turn it, <kbd>Shift</kbd>+arrows move the target
            </span>
          </details>
        </div>
        <StaleResultsBanner />
      </div>
      <details
        className="beam-key"
        data-testid="beam-key"
        open={keyOpen}
        onToggle={(e) => setKeyOpen(e.currentTarget.open)}
      >
        <summary>Beam colours</summary>
        <ul aria-label="Beam colours">
          {BEAM_KINDS.map(({ kind, label }) => (
            <li key={kind}>
              <BeamSwatch kind={kind} /> {label}
              {counts && (counts[kind] ?? 0) > 0 && (
                <span className="beam-key-count" data-testid={`beam-key-count-${kind}`}>
                  {' '}
                  · {counts[kind]}
                </span>
              )}
            </li>
          ))}
          {warned && <li className="beam-key-note">Warning colours are drawn wide, over the clear beams.</li>}
          {beyond && (
            <li data-testid="beam-key-beyond">
              <BeamSwatch kind={beyond.gas ? 'gas' : 'critical'} dots /> from the focus on into{' '}
              {beyond.gas ? 'gas' : 'a critical structure'}
            </li>
          )}
        </ul>
      </details>
      {run && <ResultsLegend run={run} />}
    </div>
  );
}
