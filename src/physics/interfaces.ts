/**
 * Plane-wave transmission and reflection at a flat interface between two fluids.
 *
 * Fluid model: bone is treated as a fluid carrying only the longitudinal wave. Beyond the critical angle the
 * refracted longitudinal wave is evanescent and these functions return zero transmission; the mode-converted shear
 * wave that carries energy into real bone there is NOT represented (PHYSICS.md §1.7).
 *
 * @see PHYSICS.md §1.7
 */

/** Result of an oblique-incidence calculation. */
export interface ObliqueTransmission {
  /** Pressure transmission coefficient T_p [-] (0 beyond the critical angle). */
  readonly pressureTransmission: number;
  /** Pressure reflection coefficient R_p [-] (magnitude 1 beyond the critical angle). */
  readonly pressureReflection: number;
  /** Power (energy-flux) transmission 1 − |R_p|² [-]. */
  readonly powerTransmission: number;
  /** Refraction angle θ_t [rad] (NaN beyond the critical angle). */
  readonly transmittedAngle: number;
}

/**
 * @param density - ρ [kg/m³]
 * @param speedOfSound - c [m/s]
 * @returns characteristic acoustic impedance Z = ρc [Pa·s/m = Rayl]
 */
export function acousticImpedance(density: number, speedOfSound: number): number {
  return density * speedOfSound;
}

/**
 * Normal-incidence pressure transmission T_p = 2 Z2/(Z1 + Z2).
 * @param z1 - impedance of the incident side [Rayl]
 * @param z2 - impedance of the transmitted side [Rayl]
 * @returns T_p [-]
 */
export function pressureTransmission(z1: number, z2: number): number {
  return (2 * z2) / (z1 + z2);
}

/**
 * Normal-incidence pressure reflection R_p = (Z2 − Z1)/(Z1 + Z2).
 * @param z1 - incident side [Rayl]
 * @param z2 - transmitted side [Rayl]
 * @returns R_p [-]
 */
export function pressureReflection(z1: number, z2: number): number {
  return (z2 - z1) / (z1 + z2);
}

/**
 * Normal-incidence intensity transmission T_I = 4 Z1 Z2/(Z1 + Z2)².
 * @param z1 - incident side [Rayl]
 * @param z2 - transmitted side [Rayl]
 * @returns T_I [-]
 */
export function intensityTransmission(z1: number, z2: number): number {
  const s = z1 + z2;
  return (4 * z1 * z2) / (s * s);
}

/**
 * Normal-incidence intensity reflection R_I = R_p².
 * @param z1 - incident side [Rayl]
 * @param z2 - transmitted side [Rayl]
 * @returns R_I [-]
 */
export function intensityReflection(z1: number, z2: number): number {
  const r = pressureReflection(z1, z2);
  return r * r;
}

/**
 * Critical angle for a wave going from medium 1 into a faster medium 2, θ_c = arcsin(c1/c2).
 * @param c1 - incident-side speed [m/s]
 * @param c2 - transmitted-side speed [m/s]
 * @returns θ_c [rad], or NaN when c2 ≤ c1 (no critical angle)
 */
export function criticalAngle(c1: number, c2: number): number {
  return c2 > c1 ? Math.asin(c1 / c2) : Number.NaN;
}

/**
 * Oblique fluid–fluid transmission with Snell's law sinθ_t/c2 = sinθ_i/c1:
 * T_p = 2 Z2 cosθ_i/(Z2 cosθ_i + Z1 cosθ_t), R_p = (Z2 cosθ_i − Z1 cosθ_t)/(Z2 cosθ_i + Z1 cosθ_t).
 * Beyond the critical angle: T_p = 0, R_p = 1 (total reflection in the fluid model; no mode conversion).
 * @param z1 - incident impedance [Rayl]
 * @param c1 - incident speed [m/s]
 * @param z2 - transmitted impedance [Rayl]
 * @param c2 - transmitted speed [m/s]
 * @param incidence - angle from the interface normal θ_i [rad], 0 ≤ θ_i < π/2
 * @returns coefficients and refraction angle
 * @see PHYSICS.md §1.7
 */
export function obliqueTransmission(
  z1: number,
  c1: number,
  z2: number,
  c2: number,
  incidence: number,
): ObliqueTransmission {
  const sinT = (Math.sin(incidence) * c2) / c1;
  if (sinT >= 1) {
    return { pressureTransmission: 0, pressureReflection: 1, powerTransmission: 0, transmittedAngle: Number.NaN };
  }
  const cosI = Math.cos(incidence);
  const cosT = Math.sqrt(1 - sinT * sinT);
  const denominator = z2 * cosI + z1 * cosT;
  const r = (z2 * cosI - z1 * cosT) / denominator;
  return {
    pressureTransmission: (2 * z2 * cosI) / denominator,
    pressureReflection: r,
    powerTransmission: 1 - r * r,
    transmittedAngle: Math.asin(sinT),
  };
}
