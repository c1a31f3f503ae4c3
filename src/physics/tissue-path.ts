import { acousticImpedance, pressureTransmission } from './interfaces.ts';
import type { TissueId } from './tissue-ids.ts';
import { attenuationAt, TISSUES } from './tissues.ts';

/** One straight-ray segment through a single tissue. */
export interface PathSegment {
  readonly tissue: TissueId;
  /** Length [m]. */
  readonly length: number;
}

/** Ray-approximation factors of a layered path, relative to the same length of water. */
export interface PathFactors {
  /** Π of normal-incidence pressure transmission coefficients, starting from water [-]. */
  readonly transmission: number;
  /** exp(−Σ (α_j − α_water) d_j) [-]: loss in excess of the water the Rayleigh sum already applies. */
  readonly excessLoss: number;
  /** Σ (ω/c_j) d_j − k_water Σ d_j [rad]: extra phase delay of the tissue path over water. */
  readonly excessPhase: number;
  /** Σ d_j [m]. */
  readonly length: number;
}

/**
 * Planning-grade (ray) factors of a layered path: interface transmission at normal incidence between consecutive
 * segments (starting from the water coupling), power-law attenuation and travel-time phase.
 * @param segments - ordered segments from the element towards the point
 * @param frequency - f [Hz]
 * @returns factors relative to propagation through water over the same length
 * @see PHYSICS.md §1.1 (layered attenuating path), §1.7
 */
export function pathFactors(segments: ReadonlyArray<PathSegment>, frequency: number): PathFactors {
  const water = TISSUES.water;
  const omega = 2 * Math.PI * frequency;
  const alphaWater = attenuationAt(water, frequency);
  const kWater = omega / water.speedOfSound;
  let transmission = 1;
  let lossExponent = 0;
  let phase = 0;
  let length = 0;
  let previous: TissueId = 'water';
  for (const segment of segments) {
    if (segment.length <= 0) {
      continue;
    }
    const t = TISSUES[segment.tissue];
    if (segment.tissue !== previous) {
      const p = TISSUES[previous];
      transmission *= pressureTransmission(
        acousticImpedance(p.density, p.speedOfSound),
        acousticImpedance(t.density, t.speedOfSound),
      );
      previous = segment.tissue;
    }
    lossExponent += (attenuationAt(t, frequency) - alphaWater) * segment.length;
    phase += (omega / t.speedOfSound) * segment.length;
    length += segment.length;
  }
  return { transmission, excessLoss: Math.exp(-lossExponent), excessPhase: phase - kWater * length, length };
}
