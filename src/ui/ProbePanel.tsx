import { usePlanner } from '../state/hooks.ts';
import { newId, type ProbePoint } from '../state/planning.ts';
import { uniqueLabel } from '../state/probe-labels.ts';
import { RULES } from './plan-helpers.ts';
import { QuantityField } from './QuantityField.tsx';
import '../style/probes.css';

const AXES = ['x', 'y', 'z'] as const;
type Vec3 = [number, number, number];

/**
 * The probes in a list: the keyboard's way to what Alt+click does in the 3D view. Add one at the target, type where
 * it is in mm (each change one undo step), remove it. A probe's curves come from the run's stored frames, so a probe
 * placed or moved after a run plots without another Sonicate (when it lies in the stored region).
 */
export function ProbePanel() {
  const probes = usePlanner((s) => s.probes);
  const target = usePlanner((s) => s.target);
  const addProbe = usePlanner((s) => s.addProbe);
  const updateProbe = usePlanner((s) => s.updateProbe);
  const removeProbe = usePlanner((s) => s.removeProbe);

  const add = () =>
    addProbe({
      id: newId('probe'),
      label: uniqueLabel(`Probe ${probes.length + 1}`, probes),
      point: [target[0], target[1], target[2]],
    });

  return (
    <section className="probe-panel" aria-label="Probes" data-testid="probe-panel">
      <h3>Probes</h3>
      <p className="hint">
        A probe follows the temperature and thermal dose at one point over time, in the plots under the view.
      </p>
      {probes.length === 0 && <p className="hint">None yet.</p>}
      <ol className="probe-list" data-testid="probe-list">
        {probes.map((probe) => (
          <ProbeRow
            key={probe.id}
            probe={probe}
            onMove={(point) => updateProbe(probe.id, { point })}
            onRemove={() => removeProbe(probe.id)}
          />
        ))}
      </ol>
      <button type="button" data-testid="probe-add" onClick={add}>
        Add a probe at the target
      </button>
    </section>
  );
}

function ProbeRow({
  probe,
  onMove,
  onRemove,
}: {
  probe: ProbePoint;
  onMove: (point: Vec3) => void;
  onRemove: () => void;
}) {
  return (
    <li className="probe-row" data-testid={`probe-row-${probe.id}`}>
      <fieldset className="xyz-row">
        <legend>Where {probe.label} is</legend>
        {AXES.map((axis, i) => (
          <QuantityField
            blocksRuns={false}
            key={axis}
            className="field compact"
            label={axis}
            testId={`probe-${probe.id}-${axis}`}
            valueSi={probe.point[i] ?? 0}
            rule={RULES.coordinate}
            onChange={(v) => {
              const point: Vec3 = [probe.point[0], probe.point[1], probe.point[2]];
              point[i] = v;
              onMove(point);
            }}
          />
        ))}
      </fieldset>
      <button
        type="button"
        className="small"
        data-testid={`probe-${probe.id}-remove`}
        aria-label={`Remove probe: ${probe.label}`}
        onClick={onRemove}
      >
        Remove
      </button>
    </li>
  );
}
