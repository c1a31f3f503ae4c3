import type { TissueId } from '../physics/tissue-ids.ts';
import { usePlanner } from '../state/hooks.ts';
import { caseHasLesion, settingsHeld, sonicationStale } from '../state/selectors.ts';
import { TISSUE_NAMES } from '../style/palette.ts';
import { aimedPoint } from './aimed-point.ts';
import { type BlockedBeams, firingBeams } from './blocked-beams.ts';
import { BASELINE_TEMPERATURE } from './colour-scales.ts';
import { DISPLAY, formatDose, formatQuantity } from './format.ts';
import { OverSafetyLimits } from './OverSafetyLimits.tsx';
import { PhysicsNotesLink } from './PhysicsNotes.tsx';
import { PowerToAim } from './PowerToAim.tsx';
import { INSIDE_BONE_WORDS, PEAK_BEYOND_SURFACE_WORDS, pathPeakInsideBone } from './path-peak.ts';
import { staleText } from './StaleResultsBanner.tsx';
import { temperatureLimits } from './safety.ts';
import type { SonicationOutcome } from './shown-run.ts';
import { describeOverrides } from './tissue-fields.ts';
import { UnitsTogether } from './UnitsTogether.tsx';
import { useBlockedBeams } from './useBlockedBeams.ts';

/** Above this the model's physics (no boiling, cavitation or property changes) no longer holds [°C]. */
const MODEL_VALID_BELOW = 100;
/**
 * For runs that do not say whether a peak lies in the focal spot (older outcomes): a peak farther than this from the
 * target is called out in words [m] — the focal spot's −6 dB half-width across (≈ 1.4 mm) and a voxel or two.
 */
export const PEAK_OFFSET_NOTE = 2e-3;

/** A peak is away from the target when it lies outside the focal spot (or, without one, beyond PEAK_OFFSET_NOTE). */
function awayFromTarget(distance: number, inSpot: boolean | undefined): boolean {
  return inSpot === undefined ? distance > PEAK_OFFSET_NOTE : !inSpot;
}

interface Shown {
  text: string;
  /** a longer explanation for the tooltip ('' = none) */
  title: string;
}

interface Row {
  key: string;
  label: string;
  value: number | undefined;
  show: (value: number | undefined) => Shown;
}

type Summary = SonicationOutcome['summary'];

/** A plain quantity in a display unit, with no tooltip. */
function quantity(display: { unit: string; scale: number }): (value: number | undefined) => Shown {
  return (value) => ({ text: formatQuantity(value, display.unit, display.scale), title: '' });
}

/** Where the target can lie that is not tissue: a dose there ablates nothing. */
const NOTHING_TO_ABLATE: ReadonlySet<TissueId> = new Set(['water', 'bowel_gas']);

/**
 * A dose at a target outside the tissues: "3150 CEM43 min (in the water bath: no tissue to ablate)", never
 * "ablated" (a walk sonicated a target in the water bath's corner and read "≥ 240: ablated").
 */
function doseOutsideTissue(tissue: TissueId): (value: number | undefined) => Shown {
  return (value) => ({
    text: `${formatQuantity(value, DISPLAY.dose.unit)} (in the ${TISSUE_NAMES[tissue].toLowerCase()}: no tissue to ablate)`,
    title: '',
  });
}

/** Where the hottest point lay, from the target: "19.3 mm away, in cortical bone". */
function peakWhere(at: NonNullable<Summary['atTarget']>): string {
  const tissue = at.peakTemperatureTissue ? `, in ${TISSUE_NAMES[at.peakTemperatureTissue].toLowerCase()}` : '';
  return `${formatQuantity(at.peakTemperatureDistance, 'mm', 1e3, 3)} away${tissue}`;
}

/** A peak's value and how far from the aimed point it lies: "2.87 MPa, 1.2 mm from the target". */
function peakAt(
  display: { unit: string; scale: number },
  distance: number | undefined,
  aim: string,
  tissue?: TissueId,
  boneSurface?: { max: number; exclusionRadius: number },
): (value: number | undefined) => Shown {
  return (value) => {
    const text = formatQuantity(value, display.unit, display.scale);
    if (value === undefined || distance === undefined) return { text, title: '' };
    const where = distance < 5e-4 ? `at ${aim}` : `${formatQuantity(distance, 'mm', 1e3, 3)} from ${aim}`;
    // The tissue there: the safety dashboard's "bone surface outside the target" is often this same point.
    const inTissue = tissue ? `, in ${TISSUE_NAMES[tissue].toLowerCase()}` : '';
    // Bone hotter than the surface the dashboard judges, beyond its radius round the focus: inside the bone or
    // against the lesion, which that check leaves out (a walk read 120 °C in bone beside "bone surface 39.3 °C ✓").
    const unjudged =
      tissue &&
      boneSurface &&
      distance > boneSurface.exclusionRadius &&
      pathPeakInsideBone({ tissue, temperature: value }, boneSurface.max)
        ? ` — ${PEAK_BEYOND_SURFACE_WORDS} ${formatQuantity(boneSurface.max, DISPLAY.temperature.unit)}`
        : '';
    return { text: `${text}, ${where}${inTissue}${unjudged}`, title: '' };
  };
}

/**
 * The fine region of a run in words: "the 40 mm cube around the target" (the heat and dose at full resolution; the
 * whole-path model follows the rest of the path on a coarser grid).
 * @param grid - the run's fine grid, when there is a run
 * @param aim - the point the run aimed at (aimedPoint)
 */
function regionWords(grid: { nx: number; spacing: number } | undefined, aim: string): string {
  if (!grid) return `the region around ${aim}`;
  return `the ${formatQuantity((grid.nx - 1) * grid.spacing, 'mm', 1e3, 2)} cube around ${aim}`;
}

/**
 * The rows of the card; before a run every row shows '—'.
 * @param s - the run's summary
 * @param hasLesion - false when the case has no lesion: its coverage says so instead of "0 %"
 * @param aim - the point the run aimed at (aimedPoint)
 * @param region - the fine region's words ("the 40 mm cube around the target")
 */
function rowsOf(
  s: Summary | undefined,
  hasLesion: boolean,
  aim: string,
  region: string,
  boneSurface?: { max: number; exclusionRadius: number },
): Row[] {
  const focalRay = s?.fieldModel === 'focal-ray';
  const at = s?.atTarget;
  const rows: (Row | false)[] = [
    (!s || s.targetPressure !== undefined) && {
      key: 'target-pressure',
      label: `Pressure at ${aim}`,
      value: s?.targetPressure,
      show: quantity(DISPLAY.pressure),
    },
    (!s || at !== undefined) && {
      key: 'target-temperature',
      label: `Temperature at ${aim} (highest)`,
      value: at?.temperature,
      show: quantity(DISPLAY.temperature),
    },
    (!s || at !== undefined) && {
      key: 'target-dose',
      label: `Thermal dose at ${aim}`,
      value: at?.dose,
      show: at?.tissue && NOTHING_TO_ABLATE.has(at.tissue) ? doseOutsideTissue(at.tissue) : formatDose,
    },
    {
      key: 'peak-pressure',
      // The whole-path field peaks where it likes (a standing wave before the bone): say where the peak was sought.
      label: focalRay ? `Peak pressure (largest in ${region})` : 'Peak pressure (largest anywhere on the path)',
      value: s?.peakPressure,
      show: peakAt(DISPLAY.pressure, at?.peakPressureDistance, aim),
    },
    {
      key: 'intensity',
      label: 'Intensity (spatial peak)',
      value: s?.focalIntensity,
      show: quantity(DISPLAY.intensity),
    },
    {
      key: 'peak-temperature',
      // Said with its size: a walk read "focal region" as the focal spot, beside a peak 12 mm from the target.
      label: `Peak temperature (in ${region})`,
      value: s?.peakTemperature,
      show: peakAt(DISPLAY.temperature, at?.peakTemperatureDistance, aim, at?.peakTemperatureTissue, boneSurface),
    },
    {
      key: 'temperature-rise',
      label: `Temperature rise (above ${BASELINE_TEMPERATURE} °C)`,
      value: s ? s.peakTemperature - BASELINE_TEMPERATURE : undefined,
      show: quantity({ unit: 'K', scale: 1 }),
    },
    { key: 'thermal-dose', label: 'Thermal dose (peak)', value: s?.peakDose, show: formatDose },
    {
      key: 'ablation-volume',
      label: 'Ablation zone (≥ 240 CEM43)',
      value: s?.ablationVolume,
      show: quantity(DISPLAY.volume),
    },
    {
      key: 'lesion-coverage',
      label: 'Lesion coverage (≥ 240 CEM43)',
      value: s?.lesionCoverage,
      show: hasLesion
        ? quantity({ unit: '%', scale: 100 })
        : (v) => ({ text: v === undefined ? '—' : 'no lesion in this case', title: '' }),
    },
    { key: 'energy', label: 'Energy delivered', value: s?.energy, show: quantity(DISPLAY.energy) },
  ];
  return rows.filter((r): r is Row => r !== false);
}

/**
 * Where the model stops holding for this run, in words beside the numbers (never colour alone). Runs that carry no
 * validity report (older outcomes) fall back to the 100 °C check.
 */
function validityMessages(s: Summary): string[] {
  if (s.validity) return s.validity.messages;
  return s.peakTemperature > MODEL_VALID_BELOW
    ? [
        `Above ${MODEL_VALID_BELOW} °C the model is outside its validity: tissue would boil and cavitate, which it does not simulate. Lower the power or the duration.`,
      ]
    : [];
}

/**
 * When the peaks lie away from the target, say so in words: the numbers a learner reads first are the peaks, and
 * a peak 13 mm from the target (uncorrected aberration, a standing wave before bone) is not a treatment of it. A
 * peak inside the focal spot is where the user aimed (the spot is ≈ 3 mm across and ≈ 10 mm long at 1 MHz, and
 * the bone in front of the focus is often its hottest part), so it gets no note.
 */
function peakOffsetNotes(s: Summary, aim: string): string[] {
  const at = s.atTarget;
  if (!at) return [];
  const mm = (d: number) => formatQuantity(d, 'mm', 1e3, 3);
  const notes: string[] = [];
  if (awayFromTarget(at.peakTemperatureDistance, at.peakTemperatureInSpot)) {
    notes.push(
      `The hottest point (${formatQuantity(s.peakTemperature, '°C')}) is ${mm(at.peakTemperatureDistance)} from ${aim}, outside the focal spot; ${aim} itself reaches ${formatQuantity(at.temperature, '°C')}: the heat is not where you aimed.`,
    );
  }
  if (awayFromTarget(at.peakPressureDistance, at.peakPressureInSpot)) {
    notes.push(
      `The pressure peaks ${mm(at.peakPressureDistance)} from ${aim}${s.targetPressure === undefined ? '' : ` (${formatQuantity(s.targetPressure, DISPLAY.pressure.unit, DISPLAY.pressure.scale)} at ${aim})`}.`,
    );
  }
  return notes;
}

/**
 * The firing beams Run plan would not deliver (engine/run-plan.ts blocks a spot whose firing beams cross gas or a
 * no-pass region): one sonication of the same settings must not read as a deliverable one.
 * @param counts - firing beams per status (state/beam-tally.ts tallyBeams)
 */
export function blockedBeamNotes(counts: BlockedBeams): string[] {
  const notes: string[] = [];
  if (counts.gas > 0) {
    notes.push(
      `${firingBeams(counts.gas)} crossed gas (bowel gas or lung): gas reflects them and burns its wall, so Run plan marks such a spot blocked. Switch them off (automatic switch-off) or move the transducer.`,
    );
  }
  if (counts.nopass > 0) {
    notes.push(
      `${firingBeams(counts.nopass)} crossed a no-pass region: Run plan marks such a spot blocked. Switch them off or move the transducer.`,
    );
  }
  return notes;
}

/**
 * The hottest place on the beam path outside the fine region: "skin, 42.9 °C" (whole-path model only). In bone it
 * is often inside the bone (the far wall, heated from the marrow's side), hotter than the outer surface the safety
 * dashboard judges; it then says so beside it, so the two numbers do not read as a contradiction.
 * @param boneSurface - the dashboard's bone surface more than 5 mm from the focus, its maximum [°C], when known
 */
function PathPeak({
  peak,
  region,
  boneSurface,
}: {
  peak: NonNullable<Summary['pathPeakTemperature']>;
  region: string;
  boneSurface: number | undefined;
}) {
  const deeper = pathPeakInsideBone(peak, boneSurface);
  return (
    <div className="result-row">
      <dt>Hottest point on the rest of the beam path (outside {region}, any tissue)</dt>
      <dd data-testid="result-path-peak-temperature" data-si={peak.temperature} data-tissue={peak.tissue}>
        {TISSUE_NAMES[peak.tissue].toLowerCase()},{' '}
        <UnitsTogether text={formatQuantity(peak.temperature, DISPLAY.temperature.unit)} />
        {deeper && (
          <span data-testid="result-path-peak-inside-bone">
            {' '}
            — {INSIDE_BONE_WORDS} <UnitsTogether text={formatQuantity(boneSurface, DISPLAY.temperature.unit)} />
          </span>
        )}
      </dd>
    </div>
  );
}

/** The numbers of the last sonication, each with its unit, with its validity warnings above them. */
/** How the run came by its field, after "computed in … s in the background". */
const FIELD_REUSED = {
  marched: '',
  prepared: ' (its field computed ahead, while the beams stood still)',
  'last-run': ' (same beams as the last run: its field, rescaled to this power)',
} as const;

/**
 * A sonication begun before the click (worker/ops/sonicate-ahead.ts): done before it, or finished while the click
 * waited (then only part of its time was spent while the user read).
 */
const COMPUTED_AHEAD = {
  ready: ', ahead of the click, while the settings stood still',
  finished: ', begun before the click, while the settings stood still',
} as const;

export function ResultsCard() {
  const outcome = usePlanner((s) => s.run.outcome);
  // After a plan and no sonication, the empty card says where the plan's numbers are.
  const planDone = usePlanner((s) => s.planRun.outcome !== undefined);
  const overrides = usePlanner((s) => s.run.tissueOverrides);
  // The parameters the run used: a field holding a refused value leaves the last accepted one in force.
  const ran = usePlanner((s) => s.run.inputs?.sonication);
  // Steered to a selected spot: its numbers are at that focus, not at the target the target panel shows.
  const aim = aimedPoint(usePlanner((s) => s.run.inputs?.focus));
  const stale = usePlanner(sonicationStale);
  const held = usePlanner(settingsHeld);
  const blocked = useBlockedBeams(stale);
  const hasLesion = usePlanner(caseHasLesion);
  const thresholds = usePlanner((s) => s.safetyThresholds);
  const s = outcome?.summary;
  const region = regionWords(outcome?.grid, aim);
  // The bone surface the safety dashboard judges (beyond a radius round the focus), when the run has any.
  const surface = outcome?.doses.boneSurfaceOutsideTarget;
  const judgedSurface =
    surface && surface.voxels > 0
      ? { max: surface.maxTemperature, exclusionRadius: surface.exclusionRadius }
      : undefined;
  const warnings = s ? validityMessages(s) : [];
  const changed = describeOverrides(overrides);
  const blockedNotes = outcome && blocked ? blockedBeamNotes(blocked) : [];
  return (
    <section
      className={stale ? 'results stale' : 'results'}
      aria-label="Results at the focus"
      data-testid="results"
      data-stale={stale}
    >
      <h3>Results</h3>
      {!outcome && (
        <p className="hint" data-testid="results-empty">
          {planDone
            ? "These are one sonication's results: Sonicate to see them at the target. The plan's are under Plan results."
            : 'Sonicate to see the focal pressure, temperature and thermal dose.'}
        </p>
      )}
      {stale && (
        <p className="stale-note" role="status" data-testid="results-stale">
          {staleText('sonication', held)}
        </p>
      )}
      {warnings.length > 0 && (
        <ul className="validity-messages" role="status" data-testid="validity-messages">
          {warnings.map((message) => (
            <li key={message} className="warning" data-testid="validity-message">
              <strong>Outside the model:</strong> {message}
            </li>
          ))}
        </ul>
      )}
      {s?.validity?.notes?.map((note) => (
        <p key={note} className="hint" data-testid="validity-note">
          <strong>Note:</strong> {note}
        </p>
      ))}
      {blockedNotes.length > 0 && (
        <ul className="validity-messages" role="status" data-testid="results-blocked-beams">
          {blockedNotes.map((note) => (
            <li key={note} className="warning">
              <strong>Not deliverable:</strong> {note}
            </li>
          ))}
        </ul>
      )}
      {outcome && !stale && <OverSafetyLimits outcome={outcome} />}
      {/* A dose "ablated" at a target off the lesion read as a shot that worked (a walk's finding). */}
      {s && !stale && hasLesion && s.lesionCoverage === 0 && s.ablationVolume > 0 && (
        <p className="warning" role="status" data-testid="results-missed-lesion">
          The ablation missed the lesion: none of it reached 240 CEM43 (coverage 0 %).{' '}
          {s.atTarget?.tissue === 'lesion'
            ? // The target is in the lesion: the beams, not the aim, kept the heat away (a walk read "Move the target
              // into the lesion" beside "The target is in lesion").
              `The target is in the lesion, but the heat peaked ${peakWhere(s.atTarget)}: change the beams’ way in (Tilt, Azimuth) for a clearer path to it.`
            : 'Move the target into the lesion.'}
        </p>
      )}
      {/* No power to aim for a spot the plan would block: the beams, not the power, are what must change. */}
      {s && ran && !stale && blockedNotes.length === 0 && (
        <PowerToAim
          ran={{
            power: ran.acousticPower,
            duration: ran.duration,
            peak: s.peakTemperature,
            target: s.atTarget?.temperature,
            limits: outcome ? temperatureLimits(outcome.doses, thresholds) : undefined,
          }}
          aim={aim}
        />
      )}
      <dl>
        {rowsOf(s, hasLesion, aim, region, judgedSurface).map((row) => {
          const shown = row.show(row.value);
          return (
            <div key={row.key} className="result-row">
              <dt>{row.label}</dt>
              <dd data-testid={`result-${row.key}`} data-si={row.value ?? ''} title={shown.title || undefined}>
                <UnitsTogether text={shown.text} />
              </dd>
            </div>
          );
        })}
        {s?.pathPeakTemperature && (
          <PathPeak peak={s.pathPeakTemperature} region={region} boneSurface={judgedSurface?.max} />
        )}
      </dl>
      {s && peakOffsetNotes(s, aim).length > 0 && (
        <ul className="peak-offset-notes" data-testid="peak-offset-notes">
          {peakOffsetNotes(s, aim).map((note) => (
            <li key={note} className="hint">
              {note}
            </li>
          ))}
        </ul>
      )}
      {outcome && changed.length > 0 && (
        <p className="hint" data-testid="results-tissue-overrides">
          Computed with changed tissue values: {changed.join('; ')}.
        </p>
      )}
      {outcome && (
        <p className="hint">
          Planning-grade model: expect temperature rises within about ±25 % of measured ones
          {warnings.length > 0 ? ' where none of the warnings above applies' : ''} (see the{' '}
          <PhysicsNotesLink section="Measured errors">physics notes</PhysicsNotesLink>).
        </p>
      )}
      {outcome && (
        <p className="hint" data-testid="run-info">
          {outcome.summary.activeElements} elements · computed in {(outcome.elapsedMs / 1000).toFixed(1)} s in the
          background
          {outcome.computedAhead
            ? COMPUTED_AHEAD[outcome.computedAhead]
            : FIELD_REUSED[outcome.summary.fieldReused ?? 'marched']}{' '}
          · {formatQuantity(outcome.grid.spacing, 'mm', 1e3)} voxels
          {ran && (
            <span data-testid="run-parameters">
              {' '}
              · ran at {formatQuantity(ran.acousticPower, 'W')} for {formatQuantity(ran.duration, 's')},{' '}
              {formatQuantity(ran.cooling, 's')} cooling
            </span>
          )}
        </p>
      )}
    </section>
  );
}
