import { useId } from 'react';
import { usePlanner } from '../state/hooks.ts';
import type { SliceQuantity } from '../state/planning.ts';
import { type ColourScale, cssGradient, scaleTicks, sliceColourScale } from './colour-scales.ts';
import { formatQuantity } from './format.ts';
import type { ShownRun } from './shown-run.ts';
import { useShownRun } from './useShownRun.ts';

const QUANTITIES: { value: SliceQuantity; label: string }[] = [
  { value: 'temperature', label: 'Temperature' },
  { value: 'dose', label: 'Thermal dose (CEM43)' },
  { value: 'pressure', label: 'Pressure' },
];

/**
 * The colour scale of the slices for the shown run (the rule lives in sliceColourScale). A run without a pressure
 * field (a plan) shows temperature instead, as the 3D slices do.
 */
export function sliceScaleOf(quantity: SliceQuantity, run: ShownRun | undefined): ColourScale {
  const shown = quantity === 'pressure' && run !== undefined && run.pressure === undefined ? 'temperature' : quantity;
  return sliceColourScale(shown, { peakTemperature: run?.peakTemperature, peakPressure: run?.peakPressure });
}

/** A horizontal colour bar with its range and unit, for any ColourScale. */
export function ColourLegend({ scale, testId }: { scale: ColourScale; testId: string }) {
  const ticks = scaleTicks(scale);
  return (
    <div
      className="colour-legend"
      data-testid={testId}
      data-map={scale.map}
      data-min={scale.min}
      data-max={scale.max}
      data-unit={scale.unit}
      data-log={scale.log}
      role="img"
      aria-label={`${scale.label}: ${scale.map} from ${formatQuantity(scale.min, scale.unit, scale.scale)} to ${formatQuantity(scale.max, scale.unit, scale.scale)}${scale.log ? ', log scale' : ''}`}
    >
      <span className="colour-legend-title">
        {scale.label} [{scale.unit}]{scale.log ? ', log scale' : ''}
      </span>
      <span className="colour-legend-bar" style={{ background: cssGradient(scale.map) }} />
      <span className="colour-legend-ticks">
        {ticks.map((t) => (
          <span key={t}>{formatQuantity(t, scale.unit, scale.scale).replace(` ${scale.unit}`, '')}</span>
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
  const pressureMissing = slices.quantity === 'pressure' && run !== undefined && run.pressure === undefined;
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
      <ColourLegend scale={sliceScaleOf(slices.quantity, run)} testId="slice-legend" />
      {pressureMissing && (
        <small className="hint">
          A plan records no pressure: the slices show temperature. Run a single sonication to see pressure.
        </small>
      )}
    </div>
  );
}
