/**
 * The tissue classes the numeric core knows. Every part of a phantom or imported mesh maps to one of these
 * (see src/geometry/part-names.ts for the naming convention that carries them in a file).
 */
export const TISSUE_IDS = [
  'water',
  'skin',
  'fat',
  'muscle',
  'cortical_bone',
  'trabecular_bone',
  'marrow',
  'lesion',
  'nerve',
  'blood',
  'bowel',
  'bowel_gas',
  'lung',
] as const;

export type TissueId = (typeof TISSUE_IDS)[number];

export function isTissueId(value: string): value is TissueId {
  return (TISSUE_IDS as readonly string[]).includes(value);
}
