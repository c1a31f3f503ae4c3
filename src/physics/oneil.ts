import { jinc, sinc } from './special-functions.ts';
import { capDepth } from './transducer.ts';

/** A uniformly vibrating spherical bowl in a lossless fluid. */
export interface BowlSource {
  /** Radius of curvature R [m]. */
  readonly radiusOfCurvature: number;
  /** Aperture diameter D = 2a [m]. */
  readonly aperture: number;
  /** Frequency [Hz]. */
  readonly frequency: number;
  /** Normal velocity amplitude u0 [m/s]. */
  readonly velocity: number;
  /** ρ0 [kg/m³] */
  readonly density: number;
  /** c0 [m/s] */
  readonly speedOfSound: number;
}

/** Complex pressure [Pa] (exp(+iωt) convention). */
export interface ComplexPressure {
  readonly re: number;
  readonly im: number;
}

/**
 * O'Neil's exact on-axis pressure of a spherical bowl,
 * p(z) = i ρ0 c0 u0 · 2/(1 − z/R) · sin(k d/2) · exp(−i k (B + z)/2), d = B − z, B = √((z − h)² + a²).
 *
 * Written with d = 2h(R − z)/(B + z) (from a² + h² = 2Rh), so p = ρcu · 2R k h/(B + z) · sinc(k h (R − z)/(B + z))
 * is free of the 0/0 at the focus (|p(R)| = ρ0 c0 u0 k h) and of cancellation near it.
 * @param bowl - bowl and medium
 * @param z - axial distance from the bowl apex [m]
 * @returns complex pressure [Pa]
 * @see O'Neil HT (1949) Theory of focusing radiators, J Acoust Soc Am 21(5):516–526; PHYSICS.md §1.2.
 */
export function oneilAxialPressure(bowl: BowlSource, z: number): ComplexPressure {
  const r = bowl.radiusOfCurvature;
  const a = bowl.aperture / 2;
  const k = (2 * Math.PI * bowl.frequency) / bowl.speedOfSound;
  const h = capDepth(r, a);
  const b = Math.sqrt((z - h) * (z - h) + a * a);
  const magnitudeSigned =
    bowl.density * bowl.speedOfSound * bowl.velocity * ((2 * r * k * h) / (b + z)) * sinc((k * h * (r - z)) / (b + z));
  const phase = (-k * (b + z)) / 2;
  // i · M · e^{iφ} = M(−sinφ + i cosφ)
  return { re: -magnitudeSigned * Math.sin(phase), im: magnitudeSigned * Math.cos(phase) };
}

/**
 * |p| on axis from O'Neil.
 * @param bowl - bowl and medium
 * @param z - axial distance from the apex [m]
 * @returns |p(z)| [Pa]
 */
export function oneilAxialMagnitude(bowl: BowlSource, z: number): number {
  const p = oneilAxialPressure(bowl, z);
  return Math.hypot(p.re, p.im);
}

/**
 * Focal pressure gain G = |p(R)|/(ρ0 c0 u0) = k h.
 * @param bowl - bowl and medium
 * @returns G [-]
 * @see PHYSICS.md §1.2
 */
export function focalGain(bowl: BowlSource): number {
  return ((2 * Math.PI * bowl.frequency) / bowl.speedOfSound) * capDepth(bowl.radiusOfCurvature, bowl.aperture / 2);
}

/**
 * Paraxial focal-plane lateral profile, |p(r)| = ρ0 c0 u0 k h |2 J1(x)/x|, x = k a r/R.
 * @param bowl - bowl and medium
 * @param radial - distance from the axis in the focal plane [m]
 * @returns |p| [Pa]
 * @see O'Neil 1949; PHYSICS.md §1.2
 */
export function oneilFocalPlaneMagnitude(bowl: BowlSource, radial: number): number {
  const k = (2 * Math.PI * bowl.frequency) / bowl.speedOfSound;
  const x = (k * (bowl.aperture / 2) * radial) / bowl.radiusOfCurvature;
  return bowl.density * bowl.speedOfSound * bowl.velocity * focalGain(bowl) * Math.abs(jinc(x));
}
