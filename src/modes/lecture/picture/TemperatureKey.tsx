import { TEMPERATURE_SURFACES } from './temperature-surfaces.ts';

/**
 * The key to the heat step's surfaces, over the view's corner: one swatch per temperature, in the surfaces' colours.
 * Hidden from assistive technology: the caption under the view already says which temperatures they are.
 */
export function TemperatureKey() {
  return (
    <div className="lecture-key" aria-hidden="true">
      {TEMPERATURE_SURFACES.map((s) => (
        <span key={s.level} className="lecture-key-item">
          <span className="lecture-key-swatch" style={{ background: s.colour }} />
          {s.level} °C
        </span>
      ))}
    </div>
  );
}
