import { acousticImpedance, obliqueTransmission, pressureTransmission } from './interfaces.ts';
import type { TissueId } from './tissue-ids.ts';
import { attenuationAt, type Medium, TISSUES } from './tissues.ts';

/** One straight-ray segment through a single tissue. */
export interface PathSegment {
  readonly tissue: TissueId;
  /** Length [m]. */
  readonly length: number;
  /**
   * |cos θ_i| between the ray and the normal of the surface crossed to enter this segment (1 = normal incidence).
   * Absent (or ignored) on the first segment, which starts at the source: entering it from the water coupling is
   * taken at normal incidence.
   */
  readonly cosIncidence?: number;
}

/** Ray-approximation factors of a layered path, relative to the same length of water. */
export interface PathFactors {
  /**
   * Π of interface pressure transmission coefficients, starting from water [-]: oblique fluid–fluid (Snell) where
   * the segment carries `cosIncidence`, normal incidence otherwise; 0 if any interface is beyond its critical angle.
   */
  readonly transmission: number;
  /** exp(−Σ (α_j − α_water) d_j) [-]: loss in excess of the water the Rayleigh sum already applies. */
  readonly excessLoss: number;
  /** Σ (ω/c_j) d_j − k_water Σ d_j [rad]: extra phase delay of the tissue path over water. */
  readonly excessPhase: number;
  /** Σ d_j [m]. */
  readonly length: number;
  /**
   * True when the ray meets an interface into a faster medium beyond the longitudinal critical angle
   * θ_c = arcsin(c1/c2) (e.g. ≈ 27° soft tissue → cortical bone): the fluid model transmits nothing there.
   */
  readonly beyondCriticalAngle: boolean;
}

/**
 * Planning-grade (ray) factors of a layered path: interface transmission between consecutive segments (starting
 * from the water coupling), power-law attenuation and travel-time phase.
 *
 * Interfaces: with `cosIncidence` on the entered segment, the oblique fluid–fluid coefficient
 * T_p = 2 Z2 cosθ_i/(Z2 cosθ_i + Z1 cosθ_t) with Snell's law (PHYSICS.md §1.7); without it, normal incidence.
 * The path itself stays straight (refraction does not bend it; lengths and later incidences come from the
 * straight ray), which is the usual planning-grade ray approximation for thin layers. Beyond the critical angle the
 * refracted longitudinal wave is evanescent: T_p = 0 and `beyondCriticalAngle` is set. In real bone that energy
 * enters as a mode-converted shear wave absorbed near the surface (periosteal heating), which the fluid model
 * cannot place; callers flag such rays (see simulateSonication).
 *
 * @param segments - ordered segments from the element towards the point
 * @param frequency - f [Hz]
 * @param medium - tissue properties (default TISSUES)
 * @param reference - the coupling medium the factors are relative to (default water)
 * @returns factors relative to propagation through water over the same length
 * @see PHYSICS.md §1.1 (layered attenuating path), §1.7
 * @example
 * const f = pathFactors([{ tissue: 'water', length: 0.1 }, { tissue: 'cortical_bone', length: 3e-3, cosIncidence: 0.9 }], 1e6);
 */
export function pathFactors(
  segments: ReadonlyArray<PathSegment>,
  frequency: number,
  medium: Medium = TISSUES,
  reference: TissueId = 'water',
): PathFactors {
  const water = medium[reference];
  const omega = 2 * Math.PI * frequency;
  const alphaWater = attenuationAt(water, frequency);
  const kWater = omega / water.speedOfSound;
  let transmission = 1;
  let lossExponent = 0;
  let phase = 0;
  let length = 0;
  let beyondCriticalAngle = false;
  let previous: TissueId = reference;
  let first = true;
  for (const segment of segments) {
    if (segment.length <= 0) {
      continue;
    }
    const t = medium[segment.tissue];
    if (segment.tissue !== previous) {
      const p = medium[previous];
      const z1 = acousticImpedance(p.density, p.speedOfSound);
      const z2 = acousticImpedance(t.density, t.speedOfSound);
      const cos = first ? undefined : segment.cosIncidence;
      if (cos === undefined || cos >= 1) {
        transmission *= pressureTransmission(z1, z2);
      } else {
        const incidence = Math.acos(Math.max(0, cos));
        const oblique = obliqueTransmission(z1, p.speedOfSound, z2, t.speedOfSound, incidence);
        if (Number.isNaN(oblique.transmittedAngle)) beyondCriticalAngle = true;
        transmission *= oblique.pressureTransmission;
      }
      previous = segment.tissue;
    }
    first = false;
    lossExponent += (attenuationAt(t, frequency) - alphaWater) * segment.length;
    phase += (omega / t.speedOfSound) * segment.length;
    length += segment.length;
  }
  return {
    transmission,
    excessLoss: Math.exp(-lossExponent),
    excessPhase: phase - kWater * length,
    length,
    beyondCriticalAngle,
  };
}
