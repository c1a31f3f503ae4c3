import { BONE_SURFACE_EXCLUSION_RADIUS, CRITICAL_TISSUES } from '../physics/dose-report.ts';
import type { TissueId } from '../physics/tissue-ids.ts';
import type { SafetyThresholds } from '../state/planning.ts';
import { SAFETY_THRESHOLD_SOURCES } from '../state/safety-defaults.ts';
import { TISSUE_NAMES } from '../style/palette.ts';
import { type BlockedBeams, firingBeams } from './blocked-beams.ts';
import { BASELINE_TEMPERATURE } from './colour-scales.ts';
import { DISPLAY, formatDose, formatQuantity } from './format.ts';
import type { ShownRun } from './shown-run.ts';

export type SafetyStatus = 'pass' | 'warn' | 'fail';

/**
 * The safety light of one value against its limit: pass below (1 − warnFraction) of the way from the baseline to
 * the limit, warn up to the limit, fail above it. Temperatures are judged on their rise above body temperature
 * (baseline 37 °C): otherwise a 45 °C skin limit with a 20 % margin would warn at 36 °C, below body temperature.
 * Doses and energies start from 0. A non-finite value or limit fails (it cannot be shown safe).
 */
export function safetyStatus(value: number, limit: number, warnFraction: number, baseline = 0): SafetyStatus {
  if (!Number.isFinite(value) || !Number.isFinite(limit)) return 'fail';
  if (value > limit) return 'fail';
  const fraction = Math.min(1, Math.max(0, Number.isFinite(warnFraction) ? warnFraction : 0));
  const warnFrom = baseline + (1 - fraction) * (limit - baseline);
  return value < warnFrom ? 'pass' : 'warn';
}

export type SafetyKey = keyof Omit<SafetyThresholds, 'warnFraction'>;

export interface SafetyRow {
  /** test id suffix: safety-<id> */
  id: 'skin-temperature' | 'bone-surface-temperature' | 'critical-dose' | 'energy';
  key: SafetyKey;
  label: string;
  /** SI value (°C, CEM43 min, J); undefined without a run */
  value: number | undefined;
  limit: number;
  /** where the value sits on the scale (0 for doses and energies) */
  baseline: number;
  /** 'undelivered': the run gave no heat that could be delivered, so there is nothing to pass (note says why) */
  status: SafetyStatus | 'none' | 'undelivered';
  /** why the value is what it is, in plain words (which voxels, which spot) */
  note: string;
  source: string;
}

interface RegionLike {
  voxels: number;
  maxTemperature: number;
  maxDose: number;
}
interface TissueRegion extends RegionLike {
  tissue: string;
}

/** Where the run computed temperatures: the whole beam path, or only the region around the focus (free beams). */
function whereSimulated(run: ShownRun): string {
  return run.fieldModel === 'focal-ray' ? 'in the simulated focal region' : 'on the simulated beam path';
}

/**
 * The skin row's note. Three different things read 'no value': a case without skin, skin the simulation did not
 * reach (free beams simulate only the focal region), and skin it did reach; only the last has a number.
 */
function skinNote(run: ShownRun | undefined, skin: TissueRegion | undefined): string {
  if (!run) return '';
  if (!skin) return 'This case has no skin.';
  if (skin.voxels === 0) {
    return run.fieldModel === 'focal-ray'
      ? 'No skin in the simulated focal region: this run simulated only the region around the focus.'
      : 'No skin on the simulated beam path.';
  }
  return run.fieldModel === 'focal-ray'
    ? 'Hottest skin in the simulated focal region.'
    : 'Hottest skin on the beam path. The path is computed on a grid of 1.4 mm or coarser, which blends the thin skin with the fat and water beside it.';
}

/** The bone surface row's distance from the focus [mm] (the run's, else the report's default). */
function exclusionMm(bone: { exclusionRadius: number } | undefined): number {
  return Number(((bone?.exclusionRadius ?? BONE_SURFACE_EXCLUSION_RADIUS) * 1e3).toPrecision(3));
}

function boneNote(run: ShownRun | undefined, bone: (RegionLike & { exclusionRadius: number }) | undefined): string {
  if (!run || !bone) return '';
  if (bone.voxels === 0) return `No bone surface outside the target ${whereSimulated(run)}.`;
  const radius = exclusionMm(bone);
  return run.fieldModel === 'focal-ray'
    ? `Periosteal surface farther than ${radius} mm from the focus, in the simulated focal region.`
    : `Periosteal surface farther than ${radius} mm from the focus, anywhere on the simulated beam path (near and far side of the bone).`;
}

/**
 * Upper bound of the thermal dose of a structure held at or below `temperature` for `seconds` [CEM43 min]
 * (Sapareto–Dewey, R = 0.25 below 43 °C, 0.5 above).
 */
export function doseBound(temperature: number, seconds: number): number {
  const r = temperature >= 43 ? 0.5 : 0.25;
  return (seconds / 60) * r ** (43 - temperature);
}

/**
 * The critical structures' maximum dose and the row's note: each nerve, bowel or lung of the case with its dose
 * and temperature where the simulation reached it; one it did not reach is judged by its distance from the
 * simulated volume and that volume's hottest edge, which bounds it (nothing outside is heated by the beam), so the
 * row has a value in every case that has critical structures.
 */
export function criticalJudgement(run: Pick<ShownRun, 'doses' | 'time' | 'fieldModel'> | undefined): {
  value: number | undefined;
  note: string;
} {
  if (!run) return { value: undefined, note: '' };
  const critical = (run.doses.tissueDose as TissueRegion[]).filter((d) =>
    CRITICAL_TISSUES.includes(d.tissue as TissueId),
  );
  const tissues = critical.filter((d) => d.voxels > 0);
  const outside = run.doses.criticalOutside ?? [];
  // Present in the case, absent from the simulation, and not judged from outside (an older outcome): no value.
  const unjudged = critical.filter((d) => d.voxels === 0 && !outside.some((o) => o.tissue === d.tissue));
  if (tissues.length === 0 && outside.length === 0 && unjudged.length === 0) {
    return { value: undefined, note: 'This case has no nerve, bowel or lung.' };
  }
  const span = run.time.length > 0 ? (run.time[run.time.length - 1] as number) : 0;
  const name = (t: string) => TISSUE_NAMES[t as TissueId]?.toLowerCase() ?? t;
  let value = 0;
  const lines: string[] = [];
  for (const d of tissues) {
    value = Math.max(value, d.maxDose);
    lines.push(`${name(d.tissue)}: ${formatDose(d.maxDose).text}, ${d.maxTemperature.toFixed(1)} °C`);
  }
  for (const o of outside) {
    const bound = doseBound(o.maxTemperature, span);
    value = Math.max(value, bound);
    lines.push(
      `${name(o.tissue)}: ${formatQuantity(o.distance, 'mm', 1e3, 2)} outside the simulated ${run.fieldModel === 'focal-ray' ? 'region' : 'beam path'}, whose edge stayed at or below ${o.maxTemperature.toFixed(1)} °C, so at most ${formatDose(bound).text}`,
    );
  }
  const where = run.fieldModel === 'focal-ray' ? 'in the simulated focal region' : 'on the simulated beam path';
  for (const d of unjudged) lines.push(`${name(d.tissue)}: not ${where}, so no value`);
  // One structure without a value leaves the row without one: never a reassuring pass over an unjudged structure.
  return { value: unjudged.length > 0 ? undefined : value, note: lines.join(' · ') };
}

/**
 * Why a sonication is not deliverable, for the dashboard: the results card's rule (ResultsCard blockedBeamNotes),
 * so its "Not deliverable" and a Pass light here never stand side by side.
 * @param counts - firing beams per status (state/beam-tally.ts tallyBeams)
 */
export function undeliverableSonication(counts: BlockedBeams): string | undefined {
  const crossed = [
    counts.gas > 0 ? `${firingBeams(counts.gas)} crossed gas` : '',
    counts.nopass > 0 ? `${firingBeams(counts.nopass)} crossed a no-pass region` : '',
  ].filter(Boolean);
  if (crossed.length === 0) return undefined;
  return `Not deliverable: ${crossed.join(' and ')}, so Run plan would block this sonication; its heat was simulated but could not be given as is.`;
}

/**
 * The dashboard rows of the shown run against the thresholds.
 * @param undeliverable - why the shown sonication could not be delivered (undeliverableSonication): no row passes
 */
export function safetyRows(
  run: ShownRun | undefined,
  thresholds: SafetyThresholds,
  undeliverable?: string,
): SafetyRow[] {
  const w = thresholds.warnFraction;
  const skin = run?.doses.tissueDose.find((d) => d.tissue === 'skin');
  const bone = run?.doses.boneSurfaceOutsideTarget;
  const critical = criticalJudgement(run);
  const row = (
    id: SafetyRow['id'],
    key: SafetyKey,
    label: string,
    value: number | undefined,
    baseline: number,
    note: string,
  ): SafetyRow => {
    const judged = value === undefined ? 'none' : safetyStatus(value, thresholds[key], w, baseline);
    const base = { id, key, label, limit: thresholds[key], baseline, source: SAFETY_THRESHOLD_SOURCES[key] };
    // Nothing delivered: the baseline 37 °C and 0 J are heat never given, not heat judged safe.
    if (run?.undelivered) return { ...base, value: undefined, status: 'undelivered', note: run.undelivered };
    if (!undeliverable) return { ...base, value, status: judged, note };
    // Simulated but not deliverable: a warn or fail still says something true, a pass would contradict it; every row
    // says why first, so a row near its limit does not read as advice for a run that cannot be given as it is.
    const why = note ? `${undeliverable} ${note}` : undeliverable;
    return { ...base, value, status: judged === 'pass' ? 'undelivered' : judged, note: why };
  };
  // A structure outside the simulated region has no value: 'no result', never a reassuring 'pass'.
  const present = (region: { voxels: number; maxTemperature: number } | undefined) =>
    region && region.voxels > 0 ? region.maxTemperature : undefined;
  return [
    row(
      'skin-temperature',
      'skinMaxTemperature',
      'Skin, maximum temperature',
      present(skin),
      BASELINE_TEMPERATURE,
      skinNote(run, skin),
    ),
    row(
      'bone-surface-temperature',
      'boneSurfaceMaxTemperature',
      // Said with its distance: beside the results card's hottest point outside the focal region (any tissue, the
      // bone's inside too), a walk read "outside the target" as the same region and the two figures as a contradiction.
      `Bone surface more than ${exclusionMm(bone)} mm from the focus, maximum temperature`,
      present(bone),
      BASELINE_TEMPERATURE,
      boneNote(run, bone),
    ),
    row(
      'critical-dose',
      'criticalMaxDose',
      'Critical structures (nerve, bowel, lung), maximum thermal dose',
      critical.value,
      0,
      critical.note,
    ),
    row(
      'energy',
      'maxEnergyPerSonication',
      run?.source === 'plan' ? 'Energy per sonication (largest spot)' : 'Energy per sonication',
      run?.energyPerSonication,
      0,
      '',
    ),
  ];
}

/** A temperature the safety dashboard caps, as a run left it. */
export interface TemperatureLimit {
  /** e.g. "the skin" */
  what: string;
  /** the run's maximum there [°C] */
  value: number;
  /** the dashboard's limit [°C] */
  limit: number;
}

/**
 * A run's maxima that a temperature limit caps, where the run reached them: the skin's and the bone surface's away
 * from the focus (the dashboard's temperature rows). Each rises in proportion to the power, as the peak does, so the
 * power advice (PowerToAim) can keep each within its limit.
 * @param doses - the run's doses
 * @param thresholds - the dashboard's limits
 */
export function temperatureLimits(
  doses: Pick<ShownRun['doses'], 'tissueDose' | 'boneSurfaceOutsideTarget'>,
  thresholds: SafetyThresholds,
): TemperatureLimit[] {
  const skin = doses.tissueDose.find((d) => d.tissue === 'skin');
  const bone = doses.boneSurfaceOutsideTarget;
  const out: TemperatureLimit[] = [];
  if (skin && skin.voxels > 0) {
    out.push({ what: 'the skin', value: skin.maxTemperature, limit: thresholds.skinMaxTemperature });
  }
  if (bone && bone.voxels > 0) {
    out.push({
      what: `the bone surface more than ${exclusionMm(bone)} mm from the focus`,
      value: bone.maxTemperature,
      limit: thresholds.boneSurfaceMaxTemperature,
    });
  }
  return out;
}

/** A safety value or limit in its unit. */
export function safetyValueText(row: Pick<SafetyRow, 'key'>, value: number | undefined): string {
  if (row.key === 'criticalMaxDose') return formatDose(value).text;
  if (row.key === 'maxEnergyPerSonication') return formatQuantity(value, DISPLAY.energy.unit, DISPLAY.energy.scale);
  return formatQuantity(value, '°C');
}

/** A row over its limit in words: "skin, maximum temperature, 46.0 °C against 45.0 °C". */
export function overLimitText(row: Pick<SafetyRow, 'key' | 'label' | 'value' | 'limit'>): string {
  const label = `${row.label.charAt(0).toLowerCase()}${row.label.slice(1)}`;
  return `${label}, ${safetyValueText(row, row.value)} against ${safetyValueText(row, row.limit)}`;
}

/** Text beside the light, so the status never rests on colour alone. */
/**
 * What a trainee can change when a row is near or over its limit: the levers of this planner, in its words (a
 * failing light alone says what is wrong, not what to do).
 */
export const SAFETY_ADVICE: Record<SafetyKey, string> = {
  skinMaxTemperature:
    'Lower the power or the duration, or tilt the transducer so the beams enter through a wider patch of skin (each part of it then carries less of the power).',
  boneSurfaceMaxTemperature:
    'Move the target deeper into the lesion, away from the bone surface around it, or lower the power.',
  criticalMaxDose:
    'Move the target away from the structure, switch off the beams that cross it ("Switch off unsafe beams automatically"), or draw a no-pass region over it.',
  maxEnergyPerSonication: 'Lower the power or the duration, or share the treatment out over more spots.',
};

/**
 * The advice beside a row near or over its limit. A critical structure that lies behind the target is reached by the
 * beams going on past the focus, not by beams crossing it on the way: switching beams off by the rule changes nothing
 * there (a walk on the rib ticked it: 0 beams off, the lung still over its limit), so that case gets its own levers.
 * @param key - the row
 * @param behind - the structure the firing beams go on into past the focus (the trace's `beyond`), in words
 * @param hasLesion - false for a case with no lesion
 */
export function safetyAdvice(key: SafetyKey, behind?: string, hasLesion = true): string {
  // A case without a lesion (the validation plate) has no lesion to move the target into (a walk's finding).
  if (key === 'boneSurfaceMaxTemperature' && !hasLesion) {
    return 'Move the target away from the bone surface, aim more nearly perpendicular to it, or lower the power.';
  }
  if (key !== 'criticalMaxDose' || behind === undefined) return SAFETY_ADVICE[key];
  return `The ${behind} lies behind the target, where the beams go on past the focus, so switching off beams that cross it on the way changes nothing. Move the target or the transducer and compare the runs' doses, or lower the power or the duration.`;
}

export const STATUS_TEXT: Record<SafetyRow['status'], { icon: string; text: string }> = {
  pass: { icon: '✓', text: 'Pass' },
  warn: { icon: '!', text: 'Near the limit' },
  fail: { icon: '✕', text: 'Over the limit' },
  none: { icon: '–', text: 'No result' },
  undelivered: { icon: '—', text: 'Not delivered' },
};
