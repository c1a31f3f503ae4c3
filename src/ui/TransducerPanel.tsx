import { useEffect, useState } from 'react';
import { PRESETS, type SphericalArraySpec } from '../physics/transducer.ts';
import { usePlanner } from '../state/hooks.ts';
import { ElementMap } from './ElementMap.tsx';
import { formatQuantity } from './format.ts';
import {
  anglesFromDirection,
  describeSide,
  directionFromAngles,
  formatPointMm,
  PRESET_CHOICES,
  type PresetId,
  parseCount,
  presetOf,
  RULES,
  transducerProblem,
} from './plan-helpers.ts';
import { ParsedField, QuantityField } from './QuantityField.tsx';

type LengthKey = 'radiusOfCurvature' | 'aperture' | 'elementDiameter' | 'centralHoleDiameter';

const LENGTH_FIELDS: readonly { key: LengthKey; label: string; testId: string }[] = [
  { key: 'radiusOfCurvature', label: 'Radius of curvature (focal length)', testId: 'transducer-radius' },
  { key: 'aperture', label: 'Aperture (diameter)', testId: 'transducer-aperture' },
  { key: 'elementDiameter', label: 'Element diameter', testId: 'transducer-element-diameter' },
  { key: 'centralHoleDiameter', label: 'Central hole diameter', testId: 'transducer-hole' },
];

/** The frequency of the transducer, typed in MHz (0.2–3 MHz). */
export function FrequencyField() {
  const transducer = usePlanner((s) => s.transducer);
  const setTransducer = usePlanner((s) => s.setTransducer);
  const busy = usePlanner((s) => s.run.status === 'running' || s.planRun.status === 'running');
  return (
    <QuantityField
      label="Frequency"
      testId="param-frequency"
      valueSi={transducer.frequency}
      rule={RULES.frequency}
      disabled={busy}
      onChange={(frequency) => {
        if (frequency !== transducer.frequency) setTransducer({ ...transducer, frequency });
      }}
    />
  );
}

/** The map of elements folds away: 208 buttons are for when they are wanted, and it is drawn only when open. */
function ElementsFold() {
  const [open, setOpen] = useState(false);
  return (
    <details className="elements-fold" data-testid="elements-fold" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Switch elements one by one</summary>
      {open && <ElementMap />}
    </details>
  );
}

/**
 * The transducer: preset or custom geometry, its tilt around the target, which elements fire, and the beam rules
 * (switch off unsafe beams, free-beam mode).
 */
export function TransducerPanel() {
  const transducer = usePlanner((s) => s.transducer);
  const setTransducer = usePlanner((s) => s.setTransducer);
  const direction = usePlanner((s) => s.beamDirection);
  const setBeamDirection = usePlanner((s) => s.setBeamDirection);
  const estimate = usePlanner((s) => s.estimate);
  const elementsOff = usePlanner((s) => s.elementsOff);
  const setElementsOff = usePlanner((s) => s.setElementsOff);
  const autoSwitchOff = usePlanner((s) => s.autoSwitchOff);
  const aberrationCorrection = usePlanner((s) => s.aberrationCorrection);
  const setAberrationCorrection = usePlanner((s) => s.setAberrationCorrection);
  const setAutoSwitchOff = usePlanner((s) => s.setAutoSwitchOff);
  const freeBeamMode = usePlanner((s) => s.freeBeamMode);
  const setFreeBeamMode = usePlanner((s) => s.setFreeBeamMode);
  const freeBeams = usePlanner((s) => s.freeBeams);
  const removeFreeBeam = usePlanner((s) => s.removeFreeBeam);
  const busy = usePlanner((s) => s.run.status === 'running' || s.planRun.status === 'running');
  const axisWords = usePlanner((s) => s.caseInfo.axisWords);

  const matched = presetOf(transducer);
  const [wantCustom, setWantCustom] = useState(false);
  const preset: PresetId = wantCustom ? 'custom' : matched;
  const [problem, setProblem] = useState('');

  const apply = (patch: Partial<SphericalArraySpec>) => {
    const next = { ...transducer, ...patch };
    const why = transducerProblem(next);
    setProblem(why);
    if (!why) setTransducer(next);
  };

  // The azimuth is undefined when the transducer is straight below: remember the one typed last.
  const angles = anglesFromDirection(direction);
  const [azimuthMemory, setAzimuthMemory] = useState(angles.azimuth);
  const straightBelow = angles.tilt < 1e-6;
  const azimuth = straightBelow ? azimuthMemory : angles.azimuth;
  useEffect(() => {
    if (!straightBelow) setAzimuthMemory(angles.azimuth);
  }, [straightBelow, angles.azimuth]);

  const beams = estimate?.beams;
  const lost = beams?.lostAperture;

  return (
    <div className="transducer-panel" data-testid="transducer-panel">
      <label className="field">
        <span>Preset</span>
        <select
          data-testid="transducer-preset"
          value={preset}
          disabled={busy}
          onChange={(e) => {
            const id = e.target.value as PresetId;
            setProblem('');
            if (id === 'custom') {
              setWantCustom(true);
            } else {
              setWantCustom(false);
              setTransducer(PRESETS[id]);
            }
          }}
        >
          {PRESET_CHOICES.map((c) => (
            <option key={c.id} value={c.id}>
              {c.label}
            </option>
          ))}
        </select>
      </label>
      <FrequencyField />
      {preset === 'custom' && !wantCustom && (
        // A frequency typed (or a plan opened) left every preset behind: said, so the switch is not a surprise.
        <p className="hint" data-testid="transducer-custom-why">
          No preset has these settings (a preset fixes its frequency and geometry), so the transducer is now custom;
          choose a preset to go back to it.
        </p>
      )}
      {preset === 'custom' && (
        <fieldset className="custom-transducer" data-testid="transducer-custom" aria-label="Custom transducer">
          <legend>Custom transducer</legend>
          <ParsedField
            label="Element count"
            testId="transducer-element-count"
            value={transducer.elementCount}
            parse={(text) => parseCount(text)}
            format={(v) => String(v)}
            disabled={busy}
            onChange={(elementCount) => apply({ elementCount })}
          />
          {LENGTH_FIELDS.map((f) => (
            <QuantityField
              key={f.key}
              label={f.label}
              testId={f.testId}
              valueSi={transducer[f.key]}
              rule={RULES[f.key]}
              disabled={busy}
              onChange={(v) => apply({ [f.key]: v })}
            />
          ))}
          {problem && (
            <p role="alert" className="error" data-testid="transducer-error">
              {problem} The transducer was not changed.
            </p>
          )}
        </fieldset>
      )}

      <fieldset className="tilt" aria-label="Transducer tilt">
        <legend>Tilt around the target</legend>
        <QuantityField
          label="Tilt from straight below (0–180°, 90° = from the side)"
          testId="tilt-angle"
          valueSi={angles.tilt}
          rule={RULES.tilt}
          disabled={busy}
          onChange={(tilt) => setBeamDirection(directionFromAngles(azimuth, tilt))}
        />
        <QuantityField
          label="Azimuth (0° toward +x, 90° toward +z)"
          testId="tilt-azimuth"
          valueSi={azimuth}
          rule={RULES.azimuth}
          disabled={busy}
          onChange={(a) => {
            setAzimuthMemory(a);
            setBeamDirection(directionFromAngles(a, angles.tilt));
          }}
        />
        <p className="hint" data-testid="beam-direction" data-direction={direction.join(',')}>
          Beams come {describeSide(direction, axisWords)}.
        </p>
      </fieldset>

      <div className="elements" data-testid="element-summary">
        {beams ? (
          <p>
            <strong data-testid="active-elements">{beams.activeCount}</strong> of {transducer.elementCount} elements
            fire · aperture lost{' '}
            <strong data-testid="lost-aperture" data-si={lost}>
              {formatQuantity((lost ?? 0) * 100, '%')}
            </strong>
          </p>
        ) : (
          <p className="hint">Active elements appear with the live estimate.</p>
        )}
        <p className="hint" data-testid="elements-off-count">
          {elementsOff.length === 0
            ? 'No element switched off by hand (click an element in the 3D view, or use the map of elements, to switch it off).'
            : `${elementsOff.length} switched off by hand.`}
        </p>
        <ElementsFold />
        <label className="check">
          <input
            type="checkbox"
            data-testid="auto-switch-off"
            checked={autoSwitchOff}
            disabled={busy}
            onChange={(e) => setAutoSwitchOff(e.target.checked)}
          />{' '}
          Switch off unsafe beams automatically <small>(through gas, a critical structure or a no-pass region)</small>
        </label>
        <label className="check">
          <input
            type="checkbox"
            data-testid="aberration-correction"
            checked={aberrationCorrection}
            disabled={busy}
            onChange={(e) => setAberrationCorrection(e.target.checked)}
          />{' '}
          Correct element phases for the tissue (aberration correction)
        </label>
        <button
          type="button"
          data-testid="elements-all-on"
          disabled={busy || elementsOff.length === 0}
          onClick={() => setElementsOff([])}
        >
          Switch all elements back on
        </button>
      </div>

      <div className="free-beams">
        <label className="check">
          <input
            type="checkbox"
            data-testid="free-beam-mode"
            checked={freeBeamMode}
            disabled={busy}
            onChange={(e) => setFreeBeamMode(e.target.checked)}
          />{' '}
          Free-beam mode
        </label>
        <p className="hint">Place single beams anywhere by clicking in the 3D view; each one aims at the target.</p>
        {freeBeamMode && freeBeams.length > 0 && (
          <ul className="free-beam-list" data-testid="free-beam-list">
            {freeBeams.map((origin, i) => (
              // Free beams have no ids: their order is their identity.
              // biome-ignore lint/suspicious/noArrayIndexKey: the index is the free beam's identity in the store
              <li key={i}>
                Beam {i + 1} from {formatPointMm(origin)}
                <button
                  type="button"
                  className="small"
                  data-testid={`free-beam-remove-${i}`}
                  aria-label={`Remove free beam ${i + 1}`}
                  onClick={() => removeFreeBeam(i)}
                >
                  Remove
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>

      {estimate?.beyondSteeringRange && (
        <p className="warning" role="status" data-testid="steering-warning">
          The focus lies beyond the array's steering range: the focal pressure drops (kept{' '}
          {formatQuantity(estimate.steeringLoss * 100, '%')}) and grating lobes may heat elsewhere. Move the transducer
          instead of steering this far.
        </p>
      )}
    </div>
  );
}
