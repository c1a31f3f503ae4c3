import { type RayleighMedium, rayleighPressure } from './rayleigh.ts';
import type { SourceLayout } from './transducer.ts';

/**
 * Conjugate-phase focusing: φ_n = k |r_n − r_target| + φ_extra,n, so that with u_n = |u| e^{iφ_n} every
 * contribution exp(−i k R_n) arrives at the target with phase 0 (exp(+iωt) convention).
 * @param positions - element centroids [m], 3N
 * @param target - focus [m]
 * @param wavenumber - k = ω/c [rad/m]
 * @param extraPhase - optional additional per-element phase to compensate [rad], N (e.g. tissue-path delay)
 * @param out - optional output, N
 * @returns element phases φ_n [rad]
 * @see PHYSICS.md §1.1 (phased-array focusing)
 */
export function conjugatePhases(
  positions: Float64Array,
  target: readonly [number, number, number],
  wavenumber: number,
  extraPhase?: Float64Array,
  out: Float64Array = new Float64Array(positions.length / 3),
): Float64Array {
  for (let n = 0; n < out.length; n++) {
    const dx = (positions[3 * n] as number) - target[0];
    const dy = (positions[3 * n + 1] as number) - target[1];
    const dz = (positions[3 * n + 2] as number) - target[2];
    out[n] = wavenumber * Math.sqrt(dx * dx + dy * dy + dz * dz) + (extraPhase ? (extraPhase[n] as number) : 0);
  }
  return out;
}

/**
 * Steering loss of an array: |p| at a steered target (array focused there) over |p| at the geometric focus
 * (array focused there), same element velocities, homogeneous medium. Includes element directivity.
 * @param layout - element layout (transducer-local frame; geometric focus at (0, 0, R))
 * @param radiusOfCurvature - R [m]
 * @param medium - propagation medium
 * @param frequency - f [Hz]
 * @param target - steered target [m]
 * @returns |p(target)| / |p(focus)| [-]
 */
export function steeringLoss(
  layout: SourceLayout,
  radiusOfCurvature: number,
  medium: RayleighMedium,
  frequency: number,
  target: readonly [number, number, number],
): number {
  const k = (2 * Math.PI * frequency) / medium.speedOfSound;
  const pressureAt = (point: readonly [number, number, number]): number => {
    const phases = conjugatePhases(layout.positions, point, k);
    const velocityRe = new Float64Array(layout.count);
    const velocityIm = new Float64Array(layout.count);
    for (let n = 0; n < layout.count; n++) {
      velocityRe[n] = Math.cos(phases[n] as number);
      velocityIm[n] = Math.sin(phases[n] as number);
    }
    const re = new Float64Array(1);
    const im = new Float64Array(1);
    rayleighPressure({ ...layout, velocityRe, velocityIm }, medium, frequency, new Float64Array(point), re, im);
    return Math.hypot(re[0] as number, im[0] as number);
  };
  return pressureAt(target) / pressureAt([0, 0, radiusOfCurvature]);
}
