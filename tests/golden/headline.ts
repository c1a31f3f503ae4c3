import type { Results } from '../../src/cli/run.ts';
import type { TissueDose } from '../../src/physics/dose-report.ts';

/**
 * The headline numbers of a run that the goldens pin: what the results card, the safety dashboard and the command
 * line report. SI units (Pa, m, °C, CEM43 min, m³, W).
 */
export type Headline = Record<string, number>;

/**
 * @param results - a results document of `npm run simulate`
 * @returns its headline numbers, flat and named
 */
export function headlineOf(results: Results): Headline {
  const extra = results.extra as {
    tissueDose?: TissueDose[];
    lesionCoverage?: number;
    boneSurfaceOutsideTarget?: { maxTemperature: number; maxDose: number };
    criticalDose?: { maxTemperature: number; maxDose: number; voxels: number };
    wholePath?: { absorbedPower: number; shearPower: number; inputPower: number; focusPressure: number };
  };
  const out: Headline = {
    peakPressure: results.acoustic.peakPressure,
    focalIntensity: results.acoustic.peakIntensity,
    peakTemperature: results.thermal.peakTemperature,
    peakDose: results.thermal.peakDose,
    ablatedVolume: results.thermal.ablatedVolume,
  };
  if (results.acoustic.targetPressure !== undefined) out.targetPressure = results.acoustic.targetPressure;
  const size = results.acoustic.focalSize6dB;
  if (size) {
    out.axialWidth6dB = size.axial;
    out.lateralWidth6dB = size.lateralX;
  }
  if (extra.lesionCoverage !== undefined) out.lesionCoverage = extra.lesionCoverage;
  for (const d of extra.tissueDose ?? []) {
    if (d.voxels === 0) continue;
    out[`${d.tissue}.maxTemperature`] = d.maxTemperature;
    out[`${d.tissue}.maxDose`] = d.maxDose;
  }
  if (extra.boneSurfaceOutsideTarget) out['boneSurface.maxTemperature'] = extra.boneSurfaceOutsideTarget.maxTemperature;
  if (extra.criticalDose && extra.criticalDose.voxels > 0) out['critical.maxDose'] = extra.criticalDose.maxDose;
  out['target.temperature'] = results.thermal.atTarget.temperature;
  out['target.dose'] = results.thermal.atTarget.dose;
  out['target.peakTemperatureDistance'] = results.thermal.atTarget.peakTemperatureDistance;
  for (const o of results.criticalOutside) {
    out[`outside.${o.tissue}.distance`] = o.distance;
    out[`outside.${o.tissue}.maxTemperature`] = o.maxTemperature;
  }
  if (extra.wholePath) {
    out['path.absorbedPower'] = extra.wholePath.absorbedPower;
    out['path.shearPower'] = extra.wholePath.shearPower;
    out['path.inputPower'] = extra.wholePath.inputPower;
  }
  return out;
}

/** The example scenarios the goldens cover: every file of public/scenarios (one per bundled case and more). */
export const GOLDEN_SCENARIOS = [
  'bowl-in-water',
  'layered-soft-tissue-bone',
  'femur-shaft',
  'iliac-wing',
  'rib',
  'bone-plate-validation',
] as const;
