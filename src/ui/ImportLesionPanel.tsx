import { useEffect, useState } from 'react';
import { usePlanner } from '../state/hooks.ts';
import { LESION_RADIUS_RULE } from './import-rules.ts';
import { QuantityField } from './QuantityField.tsx';

type Vec3 = [number, number, number];

/**
 * Placing a lesion on an imported bone that came without one: the centre is the target (click on the bone, or
 * drag the ring along its surface; the ellipsoid is drawn there), the semi-axes are typed; "Place the lesion"
 * makes the case again with it and opens it aimed at it.
 *
 * It lies over the 3D view, where the bone it asks to click on is: its title folds it to a small tab in the corner
 * (a phone's view has no room beside the bone), and a Sonicate or a plan run folds it too, so the results are seen
 * whole; unfolding it brings it back. "Not now" or placing the lesion sends it away for good.
 */
export function ImportLesionPanel({
  radii,
  busy,
  error,
  onRadii,
  onPlace,
  onSkip,
}: {
  radii: Vec3;
  busy: boolean;
  error: string;
  onRadii: (radii: Vec3) => void;
  onPlace: () => void;
  onSkip: () => void;
}) {
  const [open, setOpen] = useState(true);
  const running = usePlanner((s) => s.run.status === 'running' || s.planRun.status === 'running');
  useEffect(() => {
    if (running) setOpen(false);
  }, [running]);
  const axes = ['x', 'y (up)', 'z'];
  return (
    <section
      className={open ? 'import-lesion' : 'import-lesion folded'}
      aria-label="Place the lesion"
      data-testid="import-lesion"
    >
      <h3>
        <button
          type="button"
          className="import-lesion-toggle"
          aria-expanded={open}
          data-testid="import-lesion-toggle"
          title={open ? 'Fold this panel away from the bone' : 'Show the lesion’s size and place it'}
          onClick={() => setOpen(!open)}
        >
          Place the lesion
        </button>
      </h3>
      {open && (
        <>
          <p className="hint">
            Click on the bone to put its centre there; press on the bone and drag to slide it along the surface.
          </p>
          <fieldset className="import-lesion-fields">
            <legend className="hint">Semi-axes (the magenta outline)</legend>
            {radii.map((r, i) => (
              <QuantityField
                key={axes[i]}
                label={axes[i] ?? ''}
                valueSi={r}
                rule={LESION_RADIUS_RULE}
                onChange={(v) => onRadii(radii.map((old, j) => (j === i ? v : old)) as Vec3)}
                testId={`import-lesion-r${i}`}
                disabled={busy}
              />
            ))}
          </fieldset>
        </>
      )}
      {error && (
        <p role="alert" className="error" data-testid="import-lesion-error">
          {error}
        </p>
      )}
      {open && (
        <div className="import-actions">
          <button
            type="button"
            className="primary"
            data-testid="import-lesion-place"
            onClick={onPlace}
            disabled={busy}
            // The re-aim is said (a walk saw the tilt change without a word); on a phone the panel has no room for it.
            title="The case then opens aimed at the lesion, the transducer turned to the way in with the least bone"
          >
            {busy ? 'Placing…' : 'Place the lesion'}
          </button>
          <button type="button" data-testid="import-lesion-skip" onClick={onSkip} disabled={busy}>
            Not now
          </button>
        </div>
      )}
    </section>
  );
}
