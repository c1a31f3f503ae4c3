import { usePlanner } from '../state/hooks.ts';
import { steeredFocus } from '../state/selectors.ts';
import { QuantityField } from './QuantityField.tsx';
import { AXES, targetRule } from './target-rule.ts';

/** The target (focus): its coordinates typed in mm, and where a click in the 3D view puts it. */
export function TargetPanel() {
  const target = usePlanner((s) => s.target);
  const setTarget = usePlanner((s) => s.setTarget);
  const snap = usePlanner((s) => s.targetSnap);
  const setTargetSnap = usePlanner((s) => s.setTargetSnap);
  const busy = usePlanner((s) => s.run.status === 'running' || s.planRun.status === 'running');
  const bounds = usePlanner((s) => s.caseSummary?.bounds);
  // A selected spot off the target steers the beams there: the target is then not where they focus.
  const steered = usePlanner((s) => steeredFocus(s) !== undefined);

  return (
    <div className="target-panel" data-testid="target-panel">
      <p className="hint" data-testid="target-hint">
        Click the lesion or the bone in the 3D view to set the target; drag the white marker to move it.
      </p>
      <fieldset className="xyz" aria-label="Target position">
        <legend>{steered ? 'Target (the beams are steered to the selected spot)' : 'Target (focus)'}</legend>
        {AXES.map((axis, i) => (
          <QuantityField
            key={axis}
            label={`Target ${axis}`}
            testId={`target-${axis}`}
            valueSi={target[i] ?? 0}
            rule={targetRule(bounds, i)}
            disabled={busy}
            onChange={(v) => {
              const next: [number, number, number] = [target[0], target[1], target[2]];
              next[i] = v;
              setTarget(next);
            }}
          />
        ))}
      </fieldset>
      <fieldset className="choice" aria-label="Where a click puts the target">
        <legend>A click on the model puts the target</legend>
        <label>
          <input
            type="radio"
            name="target-snap"
            data-testid="target-snap-inside"
            checked={snap === 'inside'}
            onChange={() => setTargetSnap('inside')}
          />{' '}
          where you click (inside the lesion when you click the lesion)
        </label>
        <label>
          <input
            type="radio"
            name="target-snap"
            data-testid="target-snap-surface"
            checked={snap === 'surface'}
            onChange={() => setTargetSnap('surface')}
          />{' '}
          on the bone surface
        </label>
      </fieldset>
    </div>
  );
}
