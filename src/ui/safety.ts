import type { SafetyThresholds } from '../state/planning.ts';
import { SAFETY_THRESHOLD_SOURCES } from '../state/safety-defaults.ts';
import { BASELINE_TEMPERATURE } from './colour-scales.ts';
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
  status: SafetyStatus | 'none';
  /** why the value is what it is, in plain words (which voxels, which spot) */
  note: string;
  source: string;
}

/** The dashboard rows of the shown run against the thresholds. */
export function safetyRows(run: ShownRun | undefined, thresholds: SafetyThresholds): SafetyRow[] {
  const w = thresholds.warnFraction;
  const skin = run?.doses.tissueDose.find((d) => d.tissue === 'skin');
  const bone = run?.doses.boneSurfaceOutsideTarget;
  const critical = run?.doses.criticalDose;
  const criticalParts = run?.doses.tissueDose.filter(
    (d) => (d.tissue === 'nerve' || d.tissue === 'bowel') && d.voxels > 0,
  );
  const row = (
    id: SafetyRow['id'],
    key: SafetyKey,
    label: string,
    value: number | undefined,
    baseline: number,
    note: string,
  ): SafetyRow => ({
    id,
    key,
    label,
    value,
    limit: thresholds[key],
    baseline,
    status: value === undefined ? 'none' : safetyStatus(value, thresholds[key], w, baseline),
    note,
    source: SAFETY_THRESHOLD_SOURCES[key],
  });
  // A structure outside the simulated region has no value: 'no result', never a reassuring 'pass'.
  const present = (region: { voxels: number; maxTemperature: number } | undefined) =>
    region && region.voxels > 0 ? region.maxTemperature : undefined;
  const absent = (what: string, voxels: number | undefined) =>
    voxels === 0 ? `No ${what} in the simulated region.` : '';
  return [
    row(
      'skin-temperature',
      'skinMaxTemperature',
      'Skin, maximum temperature',
      present(skin),
      BASELINE_TEMPERATURE,
      absent('skin', skin?.voxels),
    ),
    row(
      'bone-surface-temperature',
      'boneSurfaceMaxTemperature',
      'Bone surface outside the target, maximum temperature',
      present(bone),
      BASELINE_TEMPERATURE,
      bone
        ? bone.voxels === 0
          ? 'No bone surface outside the target in the simulated region.'
          : `Periosteal surface farther than ${Number((bone.exclusionRadius * 1e3).toPrecision(3))} mm from the focus.`
        : '',
    ),
    row(
      'critical-dose',
      'criticalMaxDose',
      'Critical structures (nerve, bowel), maximum thermal dose',
      critical && critical.voxels > 0 ? critical.maxDose : undefined,
      0,
      critical
        ? critical.voxels === 0
          ? 'No nerve or bowel in the simulated region.'
          : (criticalParts ?? []).map((d) => `${d.tissue}: ${Number(d.maxDose.toPrecision(3))} CEM43 min`).join(' · ')
        : '',
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

/** Text beside the light, so the status never rests on colour alone. */
export const STATUS_TEXT: Record<SafetyStatus | 'none', { icon: string; text: string }> = {
  pass: { icon: '✓', text: 'Pass' },
  warn: { icon: '!', text: 'Near the limit' },
  fail: { icon: '✕', text: 'Over the limit' },
  none: { icon: '–', text: 'No result' },
};
