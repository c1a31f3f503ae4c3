import { usePlanner } from '../state/hooks.ts';
import { caseHasLesion, steeredFocus } from '../state/selectors.ts';
import { TISSUE_NAMES } from '../style/palette.ts';
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
  // What the focus sits in, as the live estimate found it: a target typed or dragged off the lesion said nothing
  // until Sonicate showed 0 % coverage (a walk typed x = 60 mm and heated fat).
  const tissue = usePlanner((s) => s.estimate?.focusTissue);
  const targetTissue = usePlanner((s) => s.estimate?.targetTissue);
  const hasSpots = usePlanner((s) => s.spots.length > 0);
  const hasLesion = usePlanner((s) => caseHasLesion(s) && s.parts.length > 0);

  return (
    <div className="target-panel" data-testid="target-panel">
      <p className="hint" data-testid="target-hint">
        Click the lesion or the bone in the 3D view to set the target; drag the white marker to move it.
        {hasSpots &&
          ' With a plan, the target is where the transducer aims for every spot: moving it moves the transducer, and each spot is steered from there.'}
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
      {tissue && (
        <p
          className={tissue === 'lesion' || !hasLesion ? 'hint' : 'hint blocked'}
          data-testid="target-tissue"
          data-tissue={tissue}
          role="status"
        >
          {steered ? 'The beams focus in' : 'The target is in'} {TISSUE_NAMES[tissue].toLowerCase()}
          {tissue !== 'lesion' && hasLesion ? ', outside the lesion: the heat would miss the tumour.' : '.'}
        </p>
      )}
      {steered && targetTissue && (
        // A walk clicked the bone with a plan's spot selected: the transducer moved for every spot, while this line
        // still said only that the beams focus in the lesion.
        <p className="hint" data-testid="target-aim-tissue" data-tissue={targetTissue}>
          The target itself, where the transducer aims, is in {TISSUE_NAMES[targetTissue].toLowerCase()}.
        </p>
      )}
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
          {hasLesion ? 'where you click (inside the lesion when you click the lesion)' : 'where you click'}
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
