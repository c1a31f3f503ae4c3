import type { QuantityRule } from './quantity.ts';

/**
 * What the import dialog accepts for the generated body envelope and a placed lesion: typed with units like every
 * other field (`3 cm`, `12 mm`), refused with the reason when absurd. SI inside (metres).
 */

/** Layer thicknesses of the envelope [m], outward from the bone. */
export interface EnvelopeLayers {
  muscle: number;
  fat: number;
  skin: number;
}

const mm = (min: number, max: number, why: string): QuantityRule => ({
  si: 'm',
  min: min / 1000,
  max: max / 1000,
  display: 'mm',
  scale: 1000,
  decimals: 1,
  why,
});

export const ENVELOPE_RULES: Readonly<Record<keyof EnvelopeLayers, QuantityRule>> = {
  muscle: mm(0, 120, 'from none (a subcutaneous bone such as the tibia) to a large thigh'),
  fat: mm(0, 80, 'subcutaneous fat is 5–25 mm over most bones, rarely over 60 mm'),
  skin: mm(0.5, 5, 'skin is 1–3 mm thick'),
};

/** Most soft tissue around a bone [m]: beyond this the beam's path is longer than the transducer's reach. */
export const MAX_ENVELOPE = 0.15;

/** A placed lesion's semi-axes [m]: painful bone metastases treated by MRgFUS are about 1–5 cm across. */
export const LESION_RADIUS_RULE = mm(2, 40, 'a lesion 4–80 mm across');

/** A lesion of about 2 cm, the size the bundled femur's is. */
export const DEFAULT_LESION_RADII: readonly [number, number, number] = [0.01, 0.01, 0.01];

/**
 * Why an envelope cannot be made, or undefined when it can.
 * @param layers - thicknesses [m]
 * @returns the reason, in words
 */
export function envelopeProblem(layers: EnvelopeLayers): string | undefined {
  for (const key of ['muscle', 'fat', 'skin'] as const) {
    const rule = ENVELOPE_RULES[key];
    const v = layers[key];
    if (!Number.isFinite(v) || v < rule.min || v > rule.max) {
      return `${key} ${(v * 1000).toFixed(1)} mm is outside ${rule.min * 1000}–${rule.max * 1000} mm (${rule.why})`;
    }
  }
  const total = layers.muscle + layers.fat + layers.skin;
  if (total > MAX_ENVELOPE) {
    return `${(total * 1000).toFixed(0)} mm of soft tissue in all is more than ${MAX_ENVELOPE * 1000} mm: the transducer (16 cm focal length) could not reach the bone`;
  }
  return undefined;
}

/**
 * Why a lesion of these semi-axes cannot be placed, or undefined.
 * @param radii - [m]
 * @returns the reason, in words
 */
export function lesionRadiiProblem(radii: readonly number[]): string | undefined {
  const r = LESION_RADIUS_RULE;
  const bad = radii.find((v) => !Number.isFinite(v) || v < r.min || v > r.max);
  return bad === undefined
    ? undefined
    : `a semi-axis of ${(bad * 1000).toFixed(1)} mm is outside ${r.min * 1000}–${r.max * 1000} mm (${r.why})`;
}
