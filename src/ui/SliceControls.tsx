import { useId } from 'react';
import { usePlanner } from '../state/hooks.ts';
import type { SliceQuantity } from '../state/planning.ts';
import '../style/view.css';
import { cssGradient, type ResultScale, resultScale, scalePosition } from './colour-scales.ts';
import type { ShownRun } from './shown-run.ts';
import { useShownRun } from './useShownRun.ts';

const QUANTITIES: { value: SliceQuantity; label: string }[] = [
  { value: 'temperature', label: 'Temperature' },
  { value: 'dose', label: 'Thermal dose (CEM43)' },
  { value: 'pressure', label: 'Pressure' },
];

/**
 * The colour scale of the slices for the shown run: the very function the 3D slices colour with (one rule, in
 * style/result-scales.ts). A run without a pressure field (a plan) shows temperature instead, as the slices do.
 */
export function sliceScaleOf(quantity: SliceQuantity, run: ShownRun | undefined): ResultScale {
  return resultScale(quantity, run);
}

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** A tick label without unit: powers of ten past 100 on a log scale, three significant figures otherwise. */
export function tickLabel(value: number, log: boolean): string {
  if (log && value >= 1000) {
    const e = Math.round(Math.log10(value));
    return `10${String(e)
      .split('')
      .map((d) => SUPERSCRIPT[Number(d)] ?? d)
      .join('')}`;
  }
  if (value === 0) return '0';
  return String(Number(value.toPrecision(3)));
}

/**
 * A horizontal colour bar with its title, unit and ticks placed where their values fall, for any ResultScale; a
 * log dose scale marks the 240 CEM43 ablation level in the contour's colour.
 */
export function ColourLegend({ scale, testId, title }: { scale: ResultScale; testId: string; title?: string }) {
  const heading = title ?? `${scale.label} [${scale.unit}]${scale.log ? ', log scale' : ''}`;
  const at = (v: number) => `${(scalePosition(scale, v) * 100).toFixed(2)}%`;
  return (
    <div
      className="colour-legend"
      data-testid={testId}
      data-quantity={scale.quantity}
      data-requested={scale.requested}
      data-map={scale.map}
      data-min={scale.min}
      data-max={scale.max}
      data-unit={scale.unit}
      data-log={scale.log}
      role="img"
      aria-label={`${heading}: ${scale.map} colour map from ${tickLabel(scale.min, scale.log)} to ${tickLabel(scale.max, scale.log)} ${scale.unit}`}
    >
      <span className="colour-legend-title">{heading}</span>
      <span className="colour-legend-bar" style={{ background: cssGradient(scale.map) }}>
        {scale.quantity === 'dose' && (
          <span
            className="colour-legend-mark"
            style={{ left: at(scale.contour.value), borderColor: scale.contour.colour }}
            title={`${scale.contour.value} CEM43 min: ablation`}
          />
        )}
      </span>
      <span className="colour-legend-scale">
        {scale.ticks.map((t) => (
          <span key={t} style={{ left: at(t) }}>
            {tickLabel(t, scale.log)}
          </span>
        ))}
      </span>
    </div>
  );
}

/** What the three slices show, whether they show, and the legend of their colour map. */
export function SliceControls() {
  const slices = usePlanner((s) => s.slices);
  const setSlices = usePlanner((s) => s.setSlices);
  const run = useShownRun();
  const selectId = useId();
  const scale = sliceScaleOf(slices.quantity, run);
  return (
    <div className="slice-controls" data-testid="slice-controls">
      <label className="field" htmlFor={selectId}>
        <span>Slices show</span>
        <select
          id={selectId}
          data-testid="slice-quantity"
          value={slices.quantity}
          onChange={(e) => setSlices({ quantity: e.target.value as SliceQuantity })}
        >
          {QUANTITIES.map((q) => (
            <option key={q.value} value={q.value}>
              {q.label}
            </option>
          ))}
        </select>
      </label>
      <label className="check">
        <input
          type="checkbox"
          data-testid="slice-visible"
          checked={slices.visible}
          onChange={(e) => setSlices({ visible: e.target.checked })}
        />
        Show the slices
      </label>
      <ColourLegend scale={scale} testId="slice-legend" />
      {scale.quantity !== scale.requested && (
        <small className="hint">
          A plan records no pressure: the slices show temperature. Run a single sonication to see pressure.
        </small>
      )}
    </div>
  );
}
