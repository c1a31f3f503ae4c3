import { TISSUE_IDS, type TissueId } from '../physics/tissue-ids.ts';
import { TISSUES, type TissueOverride } from '../physics/tissues.ts';

/**
 * The tissue values a user changed in the advanced settings: per tissue, the properties that replace the built-in
 * table's (SI), exactly what the engine's requests take as `tissueOverrides`. Pure helpers, so the store keeps one
 * shape: a tissue is listed only while one of its values differs from the table, and an unchanged edit returns the
 * same object (the undo history compares by reference and records no empty step).
 */
export type TissueOverrides = Partial<Record<TissueId, TissueOverride>>;

/** A property a user may change (density, speed of sound, … perfusion, shear). */
export type TissueKey = keyof TissueOverride;

/** Equal within float noise: a value typed back as shown (or converted from another unit) is not a change. */
function sameValue(a: number, b: number): boolean {
  return a === b || Math.abs(a - b) <= 1e-12 * Math.max(Math.abs(a), Math.abs(b));
}

function sameOverride(a: TissueOverride, b: TissueOverride): boolean {
  const keys = Object.keys(a) as TissueKey[];
  return keys.length === Object.keys(b).length && keys.every((k) => b[k] !== undefined && a[k] === b[k]);
}

/**
 * Sets one property of one tissue, or clears it (`undefined`, or the built-in value).
 * @param overrides - the current overrides
 * @param tissue - the tissue
 * @param key - the property
 * @param value - SI value, or undefined to go back to the table's
 * @returns the new overrides, or the same object when nothing changed
 */
export function withTissueValue(
  overrides: TissueOverrides,
  tissue: TissueId,
  key: TissueKey,
  value: number | undefined,
): TissueOverrides {
  const current = overrides[tissue] ?? {};
  const next: { -readonly [K in TissueKey]?: number } = { ...current };
  if (value === undefined || sameValue(value, TISSUES[tissue][key])) delete next[key];
  else next[key] = value;
  if (sameOverride(current, next)) return overrides;
  const out: TissueOverrides = { ...overrides };
  if (Object.keys(next).length === 0) delete out[tissue];
  else out[tissue] = next;
  return out;
}

/**
 * Sets several values at once (one undo step), e.g. a bracket that changes every bone's absorbed fraction.
 * @param overrides - the current overrides
 * @param changes - per tissue, the values to set (SI)
 * @returns the new overrides, or the same object when nothing changed
 */
export function withTissueValues(overrides: TissueOverrides, changes: TissueOverrides): TissueOverrides {
  let out = overrides;
  for (const [tissue, change] of Object.entries(changes) as [TissueId, TissueOverride][]) {
    for (const [key, value] of Object.entries(change) as [TissueKey, number | undefined][])
      out = withTissueValue(out, tissue, key, value);
  }
  return out;
}

/** Every value of one tissue back to the table's (the same object when it had none). */
export function withoutTissue(overrides: TissueOverrides, tissue: TissueId): TissueOverrides {
  if (!(tissue in overrides)) return overrides;
  const out: TissueOverrides = { ...overrides };
  delete out[tissue];
  return out;
}

/** Only the overrides of these tissues (the same object when none is dropped). */
export function keepTissues(overrides: TissueOverrides, tissues: readonly TissueId[]): TissueOverrides {
  const dropped = (Object.keys(overrides) as TissueId[]).filter((t) => !tissues.includes(t));
  if (dropped.length === 0) return overrides;
  const out: TissueOverrides = { ...overrides };
  for (const t of dropped) delete out[t];
  return out;
}

/**
 * The tissues a case simulates: the coupling water (always on the beam path) and its parts' tissues, in the table's
 * order.
 * @param parts - the case's parts
 * @returns distinct tissue ids
 */
export function caseTissues(parts: readonly { tissue: TissueId }[]): TissueId[] {
  const present = new Set<TissueId>(['water', ...parts.map((p) => p.tissue)]);
  return TISSUE_IDS.filter((t) => present.has(t));
}

/** How many values differ from the table, over every tissue. */
export function changedValueCount(overrides: TissueOverrides): number {
  return Object.values(overrides).reduce((n, o) => n + Object.keys(o ?? {}).length, 0);
}
