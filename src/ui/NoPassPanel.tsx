import { usePlanner } from '../state/hooks.ts';
import { newId } from '../state/planning.ts';
import type { PlannerStore } from '../state/store.ts';
import { RULES } from './plan-helpers.ts';
import { QuantityField } from './QuantityField.tsx';

type NoPassRegion = PlannerStore['noPass'][number];

/** Default size of a new no-pass region: 5 mm radius, about a nerve bundle with margin [m]. */
const DEFAULT_SIZE = 5e-3;

const AXES = ['x', 'y', 'z'] as const;

/**
 * No-pass regions the beams must not cross: sphere or box, centre and size typed in mm; add, edit, remove. This is
 * also the keyboard's way to what dragging a region's knob in the 3D view does (scene/NoPassRegions.tsx).
 */
export function NoPassPanel() {
  const regions = usePlanner((s) => s.noPass);
  const target = usePlanner((s) => s.target);
  const addNoPass = usePlanner((s) => s.addNoPass);
  const updateNoPass = usePlanner((s) => s.updateNoPass);
  const removeNoPass = usePlanner((s) => s.removeNoPass);
  const busy = usePlanner((s) => s.run.status === 'running' || s.planRun.status === 'running');

  const add = () =>
    addNoPass({ id: newId('nopass'), kind: 'sphere', centre: [target[0], target[1], target[2]], size: DEFAULT_SIZE });

  return (
    <section className="nopass-panel" aria-label="No-pass regions" data-testid="nopass-panel">
      <h3>No-pass regions</h3>
      <p className="hint">Beams that cross a no-pass region are flagged (red dashed) or switched off automatically.</p>
      {regions.length === 0 && <p className="hint">None yet.</p>}
      <ol className="nopass-list" data-testid="nopass-list">
        {regions.map((r, i) => (
          <NoPassRow
            key={r.id}
            region={r}
            index={i}
            disabled={busy}
            onChange={(patch) => updateNoPass(r.id, patch)}
            onRemove={() => removeNoPass(r.id)}
          />
        ))}
      </ol>
      <button type="button" data-testid="nopass-add" onClick={add} disabled={busy}>
        Add a no-pass region at the target
      </button>
    </section>
  );
}

function NoPassRow({
  region,
  index,
  disabled,
  onChange,
  onRemove,
}: {
  region: NoPassRegion;
  index: number;
  disabled: boolean;
  onChange: (patch: Partial<Omit<NoPassRegion, 'id'>>) => void;
  onRemove: () => void;
}) {
  const n = index + 1;
  return (
    <li className="nopass-row" data-testid={`nopass-${index}`} data-id={region.id}>
      <div className="row-head">
        <label className="inline">
          <span>Region {n}</span>
          <select
            data-testid={`nopass-${index}-kind`}
            aria-label={`Shape of no-pass region ${n}`}
            value={region.kind}
            disabled={disabled}
            onChange={(e) => onChange({ kind: e.target.value as NoPassRegion['kind'] })}
          >
            <option value="sphere">sphere</option>
            <option value="box">box</option>
          </select>
        </label>
        <button
          type="button"
          className="small"
          data-testid={`nopass-${index}-remove`}
          aria-label={`Remove no-pass region ${n}`}
          disabled={disabled}
          onClick={onRemove}
        >
          Remove
        </button>
      </div>
      {/* The legend tells the regions' fields apart for a screen reader: "Centre of region 2, x". */}
      <fieldset className="xyz-row">
        <legend>Centre of region {n}</legend>
        {AXES.map((axis, i) => (
          <QuantityField
            key={axis}
            className="field compact"
            label={axis}
            testId={`nopass-${index}-${axis}`}
            valueSi={region.centre[i] ?? 0}
            rule={RULES.coordinate}
            disabled={disabled}
            onChange={(v) => {
              const centre: [number, number, number] = [region.centre[0], region.centre[1], region.centre[2]];
              centre[i] = v;
              onChange({ centre });
            }}
          />
        ))}
      </fieldset>
      <QuantityField
        className="field compact"
        label={region.kind === 'sphere' ? `Radius of region ${n}` : `Half side of region ${n}`}
        testId={`nopass-${index}-size`}
        valueSi={region.size}
        rule={RULES.noPassSize}
        disabled={disabled}
        onChange={(size) => onChange({ size })}
      />
    </li>
  );
}
