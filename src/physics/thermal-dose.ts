import { sinhc } from './special-functions.ts';

/** Necrosis threshold used in MRgFUS and k-Wave lesion maps [CEM43 min] (PHYSICS.md §1.6). */
export const NECROSIS_THRESHOLD_CEM43 = 240;

const LN_R_ABOVE = Math.log(0.5);
const LN_R_BELOW = Math.log(0.25);

/** ∫ R^(43 − T(t)) dt over a linear segment that does not cross 43 °C [s]. */
function segment(t0: number, t1: number, dt: number): number {
  const mean = 0.5 * (t0 + t1);
  const lnR = Math.min(t0, t1) >= 43 ? LN_R_ABOVE : LN_R_BELOW;
  // Δt·(R^(43−T0) − R^(43−T1))/((T1 − T0) ln R) rewritten as Δt·R^(43−Tm)·sinh(y)/y, y = (T1 − T0) ln R/2,
  // which has no cancellation when T1 ≈ T0 (it reduces to the constant-temperature case).
  return dt * Math.exp((43 - mean) * lnR) * sinhc(((t1 - t0) * lnR) / 2);
}

/**
 * CEM43 accumulated over a step in which T varies linearly from t0 to t1 (exact integral; R = 0.5 at/above 43 °C,
 * 0.25 below; a step crossing 43 °C is split there).
 * @param t0 - temperature at the start [°C]
 * @param t1 - temperature at the end [°C]
 * @param dt - step duration [s]
 * @returns dose increment [CEM43 min]
 * @see Sapareto SA, Dewey WC (1984) Int J Radiat Oncol Biol Phys 10:787; PHYSICS.md §1.6
 */
export function cem43Step(t0: number, t1: number, dt: number): number {
  if ((t0 < 43 && t1 > 43) || (t0 > 43 && t1 < 43)) {
    const s = (43 - t0) / (t1 - t0);
    return (segment(t0, 43, s * dt) + segment(43, t1, (1 - s) * dt)) / 60;
  }
  return segment(t0, t1, dt) / 60;
}

/**
 * CEM43 of a constant temperature held for a duration.
 * @param temperature - T [°C]
 * @param duration - [s]
 * @returns dose [CEM43 min]
 */
export function cem43Constant(temperature: number, duration: number): number {
  const r = temperature >= 43 ? 0.5 : 0.25;
  return (r ** (43 - temperature) * duration) / 60;
}

/**
 * Add one step's dose to every voxel, from temperature-rise fields before and after the step.
 * @param dose - accumulated dose [CEM43 min], updated in place
 * @param risePrevious - ΔT at the start of the step [K]
 * @param riseNext - ΔT at the end of the step [K]
 * @param dt - step [s]
 * @param baseline - baseline temperature [°C] (default 37)
 * @param skipBelow - voxels whose T stays below this [°C] are skipped (default −∞: exact). At 39 °C a voxel
 *   accrues < 0.004 CEM43 per minute, so a skip there changes nothing a 240-min threshold can see.
 */
export function accumulateDose(
  dose: Float64Array | Float32Array,
  risePrevious: Float64Array,
  riseNext: Float64Array,
  dt: number,
  baseline = 37,
  skipBelow = Number.NEGATIVE_INFINITY,
): void {
  const skipRise = skipBelow - baseline;
  for (let v = 0; v < dose.length; v++) {
    const a = risePrevious[v] as number;
    const b = riseNext[v] as number;
    if (a < skipRise && b < skipRise) {
      continue;
    }
    dose[v] = (dose[v] as number) + cem43Step(baseline + a, baseline + b, dt);
  }
}

/**
 * Volume of voxels at or above a dose threshold.
 * @param dose - per-voxel dose [CEM43 min]
 * @param voxelVolume - [m³]
 * @param threshold - [CEM43 min] (default 240)
 * @returns volume [m³]
 */
export function volumeAboveDose(
  dose: Float64Array | Float32Array,
  voxelVolume: number,
  threshold = NECROSIS_THRESHOLD_CEM43,
): number {
  let count = 0;
  for (let v = 0; v < dose.length; v++) {
    if ((dose[v] as number) >= threshold) count++;
  }
  return count * voxelVolume;
}
