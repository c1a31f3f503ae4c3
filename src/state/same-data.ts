/**
 * Structural equality of plain data (numbers, strings, booleans, undefined, null, arrays, plain objects): what the
 * plan's fields are. Two plans that read the same are the same plan, whichever objects hold them: a typed value
 * committed again, or an undo that brings back equal values, is no change.
 * @param a - plain data
 * @param b - plain data
 * @returns true when both hold the same values (object key order does not matter; absent = undefined)
 */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
    // NaN is the same as NaN here: a field that reads NaN twice did not change.
    return typeof a === 'number' && typeof b === 'number' && Number.isNaN(a) && Number.isNaN(b);
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((value, i) => sameData(value, b[i]));
  }
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(ra), ...Object.keys(rb)]);
  for (const key of keys) if (!sameData(ra[key], rb[key])) return false;
  return true;
}
