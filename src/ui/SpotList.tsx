import { useMemo, useState } from 'react';
import { BOILING_TEMPERATURE } from '../engine/validity.ts';
import { usePlanner, usePlannerStoreApi } from '../state/hooks.ts';
import { newId, type PlanSpot } from '../state/planning.ts';
import {
  caseHasLesion,
  changedSettings,
  planStale,
  refusedInputsBlocker,
  settingsHeld,
  transducerInBodyBlocker,
} from '../state/selectors.ts';
import type { PlannerStore } from '../state/store.ts';
import { TISSUE_NAMES } from '../style/palette.ts';
import { behindTarget } from './beyond-focus.ts';
import { type CoverSummary, coverNoteText, coverPowerText } from './cover-note.ts';
import { DISPLAY, formatDose, formatDuration, formatQuantity } from './format.ts';
import { CLINICAL_POWER, outsideClinicalPower } from './PowerToAim.tsx';
import { INSIDE_BONE_WORDS, pathPeakInsideBone } from './path-peak.ts';
import { formatPointMm, planTotals, RULES } from './plan-helpers.ts';
import { PEAK_AIM, type PowerChange, type TitrationCaps, titratedPowers, titrationCaps } from './plan-titration.ts';
import { coverageText, planVerdict } from './plan-verdict.ts';
import { QuantityField } from './QuantityField.tsx';
import { planFindingsText } from './run-findings.ts';
import { staleText } from './StaleResultsBanner.tsx';
import { criticalJudgement, safetyRows, temperatureLimits } from './safety.ts';
import { shownRun } from './shown-run.ts';

type PlanOutcome = NonNullable<PlannerStore['planRun']['outcome']>;
type SpotOutcome = PlanOutcome['spots'][number];

const AXES = ['x', 'y', 'z'] as const;

const STATUS_WORDS: Record<SpotOutcome['status'], string> = {
  valid: 'valid',
  warning: 'warning',
  blocked: 'blocked',
};

/**
 * A spot's status at a glance. One that boils says "boiling" rather than "warning", the word a spot gets for beams
 * that merely graze bone: at 350 °C the two read alike in a list of 29 otherwise.
 */
function statusWord(o: SpotOutcome): string {
  const boils = o.status !== 'blocked' && o.summary.peakTemperature >= BOILING_TEMPERATURE;
  return boils ? 'boiling' : STATUS_WORDS[o.status];
}

export interface SpotListProps {
  /**
   * Spots covering the lesion (the worker's spot grid), in place of the spots placed or after them; absent = the
   * button is disabled.
   */
  onCoverLesion?: ((mode: 'replace' | 'append') => Promise<CoverSummary | undefined>) | undefined;
  /** Run every spot of the plan in order; absent = the button is disabled. */
  onRunPlan?: (() => void) | undefined;
  /** Stop a running plan. */
  onCancelPlan?: (() => void) | undefined;
}

/** A new spot at the target with the current sonication parameters. */
export function spotAtTarget(state: Pick<PlannerStore, 'target' | 'sonication'>): PlanSpot {
  return {
    id: newId('spot'),
    focus: [state.target[0], state.target[1], state.target[2]],
    acousticPower: state.sonication.acousticPower,
    duration: state.sonication.duration,
    cooling: state.sonication.cooling,
  };
}

/** The plan: its ordered spots with their parameters and status, totals, Run plan with progress, and its results. */
export function SpotList({ onCoverLesion, onRunPlan, onCancelPlan }: SpotListProps) {
  const spots = usePlanner((s) => s.spots);
  const selectedId = usePlanner((s) => s.selectedSpotId);
  const selectSpot = usePlanner((s) => s.selectSpot);
  const moveSpot = usePlanner((s) => s.moveSpot);
  const removeSpot = usePlanner((s) => s.removeSpot);
  const addSpot = usePlanner((s) => s.addSpot);
  const planRun = usePlanner((s) => s.planRun);
  const caseReady = usePlanner((s) => s.caseStatus === 'ready');
  const sonicating = usePlanner((s) => s.run.status === 'running');
  const running = planRun.status === 'running';
  const busy = running || sonicating;
  const outcome = planRun.outcome;
  const outcomeById = new Map((outcome?.spots ?? []).map((o) => [o.id, o]));
  const ranById = new Map((planRun.inputs?.spots ?? []).map((p) => [p.id, p]));
  const totals = planTotals(spots);
  const stale = usePlanner(planStale);
  // Fields showing a refused value hold the plan back too: it would run with the last accepted values; so does a
  // transducer turned into the body.
  const refusedInput = usePlanner(refusedInputsBlocker);
  const inBody = usePlanner(transducerInBodyBlocker);
  const refused = refusedInput || inBody;
  // The spots the titration offered under the results would change, so each row says it (the hint counts them).
  const caps = useTitrationCaps(outcome);
  const titration = new Map(
    outcome && caps && !stale ? titratedPowers(spots, outcome, caps).map((c) => [c.id, c] as const) : [],
  );
  const hasLesion = usePlanner(caseHasLesion);
  // "Cover the lesion" with spots already placed asks first: replace them, add to them, or keep the plan as it is.
  const [confirming, setConfirming] = useState(false);
  // How the last covering laid its spots: shown until the next one (the spots it placed may be edited since), on
  // its own case only (a walk found the femur's "27 spots, 5.00 mm apart" beside another case's "No spots yet").
  const [covered, setCovered] = useState<
    (CoverSummary & { power: number; duration: number; caseId: string }) | undefined
  >(undefined);
  const caseId = usePlanner((s) => s.caseId);
  const api = usePlannerStoreApi();
  const cover = (mode: 'replace' | 'append') => {
    setConfirming(false);
    // The power and time the new spots take: the sonication's at the click.
    const { sonication, caseId: on } = api.getState();
    const { acousticPower: power, duration } = sonication;
    void onCoverLesion?.(mode).then((summary) => setCovered(summary && { ...summary, power, duration, caseId: on }));
  };

  // Read the freshest target and parameters at click time, not the render's.
  const addAtTarget = () => addSpot(spotAtTarget(api.getState()));

  return (
    <div className="spot-list" data-testid="spot-panel">
      <div className="actions wrap">
        <button type="button" data-testid="spot-add" onClick={addAtTarget} disabled={busy}>
          Add spot at target
        </button>
        <button
          type="button"
          data-testid="spot-auto"
          onClick={() => (spots.length > 0 ? setConfirming(true) : cover('replace'))}
          disabled={!onCoverLesion || busy || !caseReady || !hasLesion}
          aria-expanded={spots.length > 0 ? confirming : undefined}
          title={
            hasLesion
              ? 'Place spots over the whole lesion, one focal spot’s width apart (further apart when the lesion needs more than a plan holds)'
              : 'This case has no lesion.'
          }
        >
          Cover the lesion
        </button>
      </div>
      {caseReady && !hasLesion && (
        <p className="hint" data-testid="spot-auto-no-lesion">
          This case has no lesion to cover: place spots at the target instead.
        </p>
      )}
      {confirming && (
        <fieldset className="confirm" data-testid="spot-auto-confirm">
          <legend>Cover the lesion</legend>
          <p>
            {spots.length === 1
              ? 'The plan has 1 spot. Cover the lesion in its place, or add the covering spots after it?'
              : `The plan has ${spots.length} spots. Cover the lesion in their place, or add the covering spots after them?`}{' '}
            Undo takes either back.
          </p>
          <div className="actions wrap">
            <button type="button" data-testid="spot-auto-replace" onClick={() => cover('replace')}>
              Replace them
            </button>
            <button type="button" data-testid="spot-auto-append" onClick={() => cover('append')}>
              Add after them
            </button>
            <button type="button" data-testid="spot-auto-keep" onClick={() => setConfirming(false)}>
              Keep my spots
            </button>
          </div>
        </fieldset>
      )}
      {covered && covered.caseId === caseId && (
        <p className="hint" role="status" data-testid="spot-auto-note">
          {coverNoteText(covered)} {coverPowerText(covered.power, covered.duration)}
        </p>
      )}
      {spots.length === 0 && (
        <p className="hint" data-testid="spot-empty">
          No spots yet: add one at the target (A) or let the planner cover the lesion.
        </p>
      )}
      <ol className="spots" data-testid="spot-list" aria-label="Spots of the plan">
        {spots.map((spot, i) => {
          const o = outcomeById.get(spot.id);
          // A row's figures are its own run's: once its power, duration, cooling or focus changes they describe
          // settings it no longer has, so they say which.
          const ran = o ? ranById.get(spot.id) : undefined;
          const changed = ran !== undefined && !sameSpotSettings(ran, spot);
          const selected = spot.id === selectedId;
          return (
            <li
              key={spot.id}
              className={selected ? 'spot selected' : 'spot'}
              data-testid={`spot-${i}`}
              data-id={spot.id}
              data-selected={selected}
              data-status={o?.status ?? ''}
              data-outcome-stale={changed}
            >
              <button
                type="button"
                className="spot-select"
                data-testid={`spot-${i}-select`}
                aria-pressed={selected}
                aria-label={`Select spot ${i + 1}`}
                onClick={() => selectSpot(selected ? undefined : spot.id)}
              >
                <span className="spot-number">{i + 1}</span>
                <span className="spot-text">
                  {formatPointMm(spot.focus)}
                  <small>
                    {formatQuantity(spot.acousticPower, 'W')} · {formatQuantity(spot.duration, 's')} · cool{' '}
                    {formatQuantity(spot.cooling, 's')}
                  </small>
                </span>
                {o && (
                  <span
                    className={`spot-status ${o.status}${changed ? ' stale' : ''}`}
                    data-testid={`spot-${i}-status`}
                  >
                    {changed ? `was ${statusWord(o)}` : statusWord(o)}
                  </span>
                )}
              </button>
              <span className="spot-buttons">
                <button
                  type="button"
                  className="small"
                  data-testid={`spot-${i}-up`}
                  aria-label={`Move spot ${i + 1} earlier`}
                  disabled={busy || i === 0}
                  onClick={() => moveSpot(spot.id, -1)}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className="small"
                  data-testid={`spot-${i}-down`}
                  aria-label={`Move spot ${i + 1} later`}
                  disabled={busy || i === spots.length - 1}
                  onClick={() => moveSpot(spot.id, 1)}
                >
                  ↓
                </button>
                <button
                  type="button"
                  className="small"
                  data-testid={`spot-${i}-remove`}
                  aria-label={`Remove spot ${i + 1}`}
                  disabled={busy}
                  onClick={() => removeSpot(spot.id)}
                >
                  ✕
                </button>
              </span>
              {o && (
                <p className={changed ? 'spot-outcome hint stale' : 'spot-outcome hint'}>
                  {changed && ran && (
                    <span data-testid={`spot-${i}-ran-with`}>
                      Last run, at {formatQuantity(ran.acousticPower, 'W')} · {formatQuantity(ran.duration, 's')}
                      {sameFocus(ran, spot) ? '' : ' · another focus'}:{' '}
                    </span>
                  )}
                  hottest in the plan's box while it runs{' '}
                  <span data-testid={`spot-${i}-peak`} data-si={o.summary.peakTemperature}>
                    {formatQuantity(o.summary.peakTemperature, DISPLAY.temperature.unit)}
                  </span>
                  {o.summary.atTarget && (
                    <>
                      {' '}
                      · at its focus, over the plan{' '}
                      <span data-testid={`spot-${i}-focus-peak`} data-si={o.summary.atTarget.temperature}>
                        {formatQuantity(o.summary.atTarget.temperature, DISPLAY.temperature.unit)}
                      </span>
                    </>
                  )}{' '}
                  · starts at {formatQuantity(o.startTime, 's')}
                  {titration.has(spot.id) && (
                    <span data-testid={`spot-${i}-titration`}>
                      {' '}
                      · {titrationLabel(titration.get(spot.id))}: {formatQuantity(titration.get(spot.id)?.to, 'W')}
                      {outsideClinical(titration.get(spot.id)?.to)}
                    </span>
                  )}
                </p>
              )}
              {o && o.reasons.length > 0 && (
                <ul className={changed ? 'spot-reasons stale' : 'spot-reasons'} data-testid={`spot-${i}-reasons`}>
                  {/* Changed since: its advice ("lower this spot's power") may be taken already (a walk titrated and
                      still read it), so it reads as the last run's finding. */}
                  {changed && <li data-testid={`spot-${i}-reasons-then`}>What the last run found (changed since):</li>}
                  {o.reasons.map((r) => (
                    <li key={r}>{r}</li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ol>
      <SelectedSpotEditor disabled={busy} />
      <p className="plan-totals" data-testid="plan-totals">
        Total energy{' '}
        <strong data-testid="plan-total-energy" data-si={totals.energy}>
          {formatQuantity(totals.energy, DISPLAY.energy.unit)}
        </strong>{' '}
        · total time{' '}
        <strong data-testid="plan-total-time" data-si={totals.time}>
          {formatDuration(totals.time)}
        </strong>{' '}
        <small>
          (heating {formatDuration(totals.heating)} + cooling {formatDuration(totals.time - totals.heating)})
        </small>
      </p>
      <div className="actions">
        <button
          type="button"
          className="primary"
          data-testid="plan-run"
          onClick={onRunPlan}
          disabled={!onRunPlan || busy || !caseReady || spots.length === 0 || refused !== ''}
          title={refused || undefined}
        >
          Run plan
        </button>
        <button type="button" data-testid="plan-cancel" onClick={onCancelPlan} disabled={!onCancelPlan || !running}>
          Cancel
        </button>
      </div>
      {refused && spots.length > 0 && (
        // In words beside the button (a tooltip alone was found only by hovering); on a phone Sonicate's bar, which
        // says it too, is screens away.
        <p className="hint blocked" data-testid="plan-run-blocked">
          {refused}
        </p>
      )}
      <div className="progress" aria-live="polite">
        <progress data-testid="plan-progress" max={1} value={planRun.progress} aria-label="Plan progress" />
        <span data-testid="plan-status" data-status={planRun.status}>
          {running ? `Running the plan… ${Math.round(planRun.progress * 100)} %` : planRun.message}
        </span>
      </div>
      {running && (
        <p className="hint run-findings" data-testid="plan-findings">
          {planFindingsText(planRun.heat)}
        </p>
      )}
      {outcome && <PlanResults outcome={outcome} stale={stale} hasLesion={hasLesion} busy={busy} />}
    </div>
  );
}

/** A temperature, flagged where the model stops: above 100 °C tissue boils, which it does not simulate. */
function withBoilingFlag(temperature: number | undefined): string {
  const text = formatQuantity(temperature, DISPLAY.temperature.unit);
  return temperature !== undefined && temperature >= BOILING_TEMPERATURE ? `${text} (boils: outside the model)` : text;
}

function sameFocus(a: PlanSpot, b: PlanSpot): boolean {
  return a.focus.every((v, k) => v === b.focus[k]);
}

function sameSpotSettings(a: PlanSpot, b: PlanSpot): boolean {
  return a.acousticPower === b.acousticPower && a.duration === b.duration && a.cooling === b.cooling && sameFocus(a, b);
}

function SelectedSpotEditor({ disabled }: { disabled: boolean }) {
  const spot = usePlanner((s) => s.spots.find((p) => p.id === s.selectedSpotId));
  const index = usePlanner((s) => s.spots.findIndex((p) => p.id === s.selectedSpotId));
  const updateSpot = usePlanner((s) => s.updateSpot);
  const target = usePlanner((s) => s.target);
  if (!spot) return null;
  const update = (patch: Partial<Omit<PlanSpot, 'id'>>) => updateSpot(spot.id, patch);
  return (
    <fieldset className="spot-editor" data-testid="spot-editor" aria-label={`Spot ${index + 1}`}>
      <legend>Spot {index + 1}</legend>
      <div className="xyz-row">
        {AXES.map((axis, i) => (
          <QuantityField
            key={axis}
            className="field compact"
            label={`Focus ${axis}`}
            testId={`spot-edit-${axis}`}
            valueSi={spot.focus[i] ?? 0}
            rule={RULES.coordinate}
            disabled={disabled}
            onChange={(v) => {
              const focus: [number, number, number] = [spot.focus[0], spot.focus[1], spot.focus[2]];
              focus[i] = v;
              update({ focus });
            }}
          />
        ))}
      </div>
      <button
        type="button"
        className="small"
        data-testid="spot-edit-to-target"
        disabled={disabled}
        onClick={() => update({ focus: [target[0], target[1], target[2]] })}
      >
        Move this spot to the target
      </button>
      <QuantityField
        label="Acoustic power"
        testId="spot-edit-power"
        valueSi={spot.acousticPower}
        rule={RULES.power}
        disabled={disabled}
        onChange={(acousticPower) => update({ acousticPower })}
      />
      <QuantityField
        label="Duration"
        testId="spot-edit-duration"
        valueSi={spot.duration}
        rule={RULES.duration}
        disabled={disabled}
        onChange={(duration) => update({ duration })}
      />
      <QuantityField
        label="Cooling after"
        testId="spot-edit-cooling"
        valueSi={spot.cooling}
        rule={RULES.cooling}
        disabled={disabled}
        onChange={(cooling) => update({ cooling })}
      />
    </fieldset>
  );
}

function maxOf(values: ArrayLike<number>): number | undefined {
  let best: number | undefined;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (Number.isFinite(v) && (best === undefined || v > best)) best = v;
  }
  return best;
}

/** The plan's results: lesion coverage, ablated lesion volume, the hottest point, and what was spared. */
function PlanResults({
  outcome,
  stale,
  hasLesion,
  busy,
}: {
  outcome: PlanOutcome;
  stale: boolean;
  hasLesion: boolean;
  busy: boolean;
}) {
  const d = outcome.doses;
  const lesion = d.tissueDose.find((t) => t.tissue === 'lesion');
  // The same judgement as the safety dashboard's: a structure the plan did not reach is bounded, never a bare 0.
  const critical = criticalJudgement({
    doses: d,
    time: outcome.time,
    fieldModel: outcome.spots[0]?.summary.fieldModel,
  });
  const warnings = outcome.validity?.messages ?? [];
  const thresholds = usePlanner((s) => s.safetyThresholds);
  const changed = usePlanner((s) => (stale ? changedSettings(s, 'plan').join(', ') : ''));
  const held = usePlanner(settingsHeld);
  // As the dashboard: a critical structure behind the target is not helped by the switch-off rule.
  const behind = usePlanner((s) => behindTarget(s.estimate?.beams.beyond));
  const verdict = planVerdict(outcome, safetyRows(shownRun(undefined, outcome, 'plan'), thresholds), behind);
  const caps = useTitrationCaps(outcome);
  const boneSurface = d.boneSurfaceOutsideTarget.voxels > 0 ? d.boneSurfaceOutsideTarget.maxTemperature : undefined;
  const rows = [
    {
      key: 'coverage',
      label: 'Lesion coverage (≥ 240 CEM43)',
      si: d.lesionCoverage,
      text: hasLesion ? coverageText(d.lesionCoverage, verdict) : 'no lesion in this case',
    },
    {
      key: 'ablated-volume',
      label: 'Lesion ablated',
      si: lesion?.ablatedVolume,
      text: formatQuantity(lesion?.ablatedVolume, DISPLAY.volume.unit, DISPLAY.volume.scale),
    },
    {
      key: 'peak-temperature',
      // Said with where: a walk read a peak of 53.8 °C beside a bone surface at 98.9 °C outside the plan's region.
      label: `Peak temperature (in ${planRegionWords(outcome.grid)})`,
      si: maxOf(outcome.peakTemperature),
      text: withBoilingFlag(maxOf(outcome.peakTemperature)),
    },
    ...(outcome.pathPeakTemperature
      ? [
          {
            key: 'path-peak-temperature',
            label: 'Hottest point on the rest of the beam path (outside that box, any tissue)',
            si: outcome.pathPeakTemperature.temperature,
            text: `${TISSUE_NAMES[outcome.pathPeakTemperature.tissue].toLowerCase()}, ${withBoilingFlag(outcome.pathPeakTemperature.temperature)}${
              pathPeakInsideBone(outcome.pathPeakTemperature, boneSurface)
                ? ` — ${INSIDE_BONE_WORDS} ${formatQuantity(boneSurface, DISPLAY.temperature.unit)}`
                : ''
            }`,
          },
        ]
      : []),
    {
      key: 'peak-dose',
      label: 'Peak thermal dose',
      si: maxOf(outcome.dose),
      text: formatDose(maxOf(outcome.dose)).text,
    },
    {
      key: 'critical-dose',
      label: 'Critical structures (nerve, bowel, lung), peak dose',
      si: critical.value,
      text: critical.value === undefined ? 'no value' : formatDose(critical.value).text,
      title: critical.note,
    },
    {
      key: 'bone-surface',
      label: `Bone surface outside the target above ${d.safetyDoseThreshold} CEM43`,
      si: d.boneSurfaceOutsideTarget.volumeAboveSafety,
      text: formatQuantity(d.boneSurfaceOutsideTarget.volumeAboveSafety, DISPLAY.volume.unit, DISPLAY.volume.scale),
    },
  ];
  return (
    <section className="results plan-results" aria-label="Plan results" data-testid="plan-results">
      <h4>Plan results</h4>
      {stale && (
        <p className="warning" role="status" data-testid="plan-results-stale">
          {staleText('plan', held)}
          {changed && ` Changed since: ${changed}.`}
        </p>
      )}
      <div
        className={verdict.deliverable && verdict.details.length === 0 ? 'plan-verdict' : 'plan-verdict warning'}
        role="status"
        data-testid="plan-verdict"
        data-deliverable={verdict.deliverable}
      >
        <p>
          <strong>{verdict.headline}</strong>
        </p>
        {verdict.details.length > 0 && (
          <ul>
            {verdict.details.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        )}
      </div>
      {warnings.length > 0 && (
        <ul className="validity-messages" role="status" data-testid="plan-validity-messages">
          {warnings.map((message) => (
            <li key={message} className="warning">
              <strong>Outside the model:</strong> {message}
            </li>
          ))}
        </ul>
      )}
      <dl>
        {rows.map((r) => (
          <div key={r.key} className="result-row">
            <dt>{r.label}</dt>
            <dd data-testid={`plan-${r.key}`} data-si={r.si ?? ''} title={'title' in r ? r.title : undefined}>
              {r.text}
            </dd>
          </div>
        ))}
      </dl>
      {!stale && caps && <TitratePowers outcome={outcome} caps={caps} disabled={busy} />}
      <p className="hint">
        {outcome.spots.length} spots · computed in {(outcome.elapsedMs / 1000).toFixed(1)} s in the background
      </p>
    </section>
  );
}

/** ", below the 32–96 W used for bone" after a titrated power outside the clinic's; nothing inside it. */
function outsideClinical(power: number | undefined): string {
  const note = power === undefined ? undefined : outsideClinicalPower(power);
  return note ? `, ${note}` : '';
}

/** The plan's region in words: "the 37 × 37 × 48 mm box around the spots" (its heat and dose at full resolution). */
function planRegionWords(grid: PlanOutcome['grid']): string {
  const side = (n: number) => formatQuantity((n - 1) * grid.spacing, '', 1e3, 2).trim();
  return `the ${side(grid.nx)} × ${side(grid.ny)} × ${side(grid.nz)} mm box around the spots`;
}

/** What the safety limits of a plan's run allow its titration (plan-titration.ts titrationCaps). */
function useTitrationCaps(outcome: PlanOutcome | undefined): TitrationCaps | undefined {
  const thresholds = usePlanner((s) => s.safetyThresholds);
  return useMemo(() => {
    if (!outcome) return undefined;
    const doses = shownRun(undefined, outcome, 'plan')?.doses;
    return titrationCaps(doses ? temperatureLimits(doses, thresholds) : [], thresholds.maxEnergyPerSonication);
  }, [outcome, thresholds]);
}

/** What a titrated power is for: "for a peak of 85 °C", or the limit that holds it lower. */
function titrationLabel(change: PowerChange | undefined): string {
  if (change?.heldBy === 'limit') return 'the most within the safety limits';
  if (change?.heldBy === 'energy') return 'the most within the energy per sonication';
  return `for a peak of ${PEAK_AIM} °C`;
}

/**
 * One click from a run whose spots boil (or stay cool) to powers aimed at PEAK_AIM, as a planner titrates spot by
 * spot; the run after it reuses every spot's field. Undoable like any edit of the plan. No power grows past what the
 * run's safety limits allow (a walk was offered 10× the powers of a run already over the skin's and the bone's).
 */
function TitratePowers({ outcome, caps, disabled }: { outcome: PlanOutcome; caps: TitrationCaps; disabled: boolean }) {
  const spots = usePlanner((s) => s.spots);
  const setSpotPowers = usePlanner((s) => s.setSpotPowers);
  const changes = titratedPowers(spots, outcome, caps);
  if (changes.length === 0) return null;
  const boiling = changes.filter((c) => c.peak >= 100).length;
  const held = changes.filter((c) => c.heldBy !== undefined).length;
  const count = (n: number) => (n === 1 ? '1 spot' : `${n} spots`);
  // As the single sonication's advice: a power the clinic does not use is said to be, not handed over silently.
  const unusual = changes.filter((c) => outsideClinicalPower(c.to) !== undefined);
  const unusualPowers = unusual.map((c) => formatQuantity(c.to, 'W')).join(', ');
  // Powers only: the selected spot stays selected (selecting another would steer the beams elsewhere).
  const apply = () => setSpotPowers(new Map(changes.map((c) => [c.id, c.to])));
  const limit = caps.limit;
  return (
    <div className="titrate" data-testid="plan-titrate">
      <p className="hint">
        {boiling > 0
          ? `${boiling} of ${outcome.spots.length} spots ${boiling === 1 ? 'boils at its' : 'boil at their'} power. `
          : `${count(changes.length)} ${changes.length === 1 ? 'is' : 'are'} far from a peak of ${PEAK_AIM} °C. `}
        Heat rises in proportion to power, so each spot's power can be scaled from this run toward a peak of {PEAK_AIM}{' '}
        °C (its neighbours' heat adds to it: run the plan again to check).
        {boiling > 0 && ' Expect the coverage to fall: this run counted heat from boiling tissue.'}
      </p>
      {held > 0 && (
        <p className="hint" data-testid="plan-titrate-held">
          {limit && changes.some((c) => c.heldBy === 'limit')
            ? `${limit.what.charAt(0).toUpperCase()}${limit.what.slice(1)} reached ${formatQuantity(limit.value, '°C')} against its ${formatQuantity(limit.limit, '°C')} limit, and every spot's heat adds to it: no power is set above ${caps.factor.toFixed(2)}× its run's, which keeps it within. `
            : ''}
          {changes.some((c) => c.heldBy === 'energy')
            ? `No spot is set above ${formatQuantity(caps.maxEnergy, DISPLAY.energy.unit, DISPLAY.energy.scale)} a sonication, the energy limit. `
            : ''}
          {`${count(held)} ${held === 1 ? 'is' : 'are'} held below the power for ${PEAK_AIM} °C.`}
        </p>
      )}
      {unusual.length > 0 && (
        <p className="hint" data-testid="plan-titrate-clinical">
          {`${unusual.length} of these powers ${unusual.length === 1 ? 'is' : 'are'} outside the ${CLINICAL_POWER.min}–${CLINICAL_POWER.max} W used for bone (${unusualPowers}).`}
        </p>
      )}
      <button type="button" data-testid="plan-titrate-apply" onClick={apply} disabled={disabled}>
        Set the power of {count(changes.length)}{' '}
        {held > 0 ? `toward a peak of ${PEAK_AIM} °C, within the safety limits` : `for a peak of ${PEAK_AIM} °C`}
      </button>
    </div>
  );
}
