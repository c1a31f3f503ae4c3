import { usePlanner } from '../state/hooks.ts';
import { BEAM_KINDS, BeamSwatch } from './BeamSummary.tsx';

const HEATED_FROM = 43;

/** Over the 3D view: how to move it, Reset view, the beam-colour key and the temperature legend with units. */
export function ViewOverlay() {
  const resetView = usePlanner((s) => s.resetView);
  const outcome = usePlanner((s) => s.run.outcome);
  const peak = outcome?.summary.peakTemperature;
  return (
    <div className="view-overlay">
      <div className="view-help">
        <span>Drag to orbit · wheel to zoom · right-drag to pan</span>
        <button type="button" data-testid="reset-view" onClick={resetView}>
          Reset view
        </button>
      </div>
      <ul className="beam-key" aria-label="Beam colours">
        {BEAM_KINDS.map(({ kind, label }) => (
          <li key={kind}>
            <BeamSwatch kind={kind} /> {label}
          </li>
        ))}
      </ul>
      {peak !== undefined && peak >= HEATED_FROM && (
        <div className="heat-legend" data-testid="heat-legend">
          <span>
            Ablation zone ≥ 240 CEM43 (orange surface), 30 CEM43 safety contour (pale blue); slices by temperature
          </span>
          <div className="gradient inferno" />
          <div className="ticks">
            <span>{HEATED_FROM} °C</span>
            <span>{peak.toFixed(0)} °C</span>
          </div>
        </div>
      )}
    </div>
  );
}
