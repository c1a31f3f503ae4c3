/**
 * A value made once per object and kept while it lives (the scan, the coarse grid and the block census of a
 * lattice's labels, which a plan's spots and the sonications of new beams on kept labels share): made again when
 * what it was made from changes (compared with ===). One value per object: the last made.
 * @returns the function that gives the value of `owner` made from `from`, making it with `make` when it is not kept
 */
export function madeOncePer<O extends object, V>(): (owner: O, from: readonly unknown[], make: () => V) => V {
  const kept = new WeakMap<O, { from: readonly unknown[]; value: V }>();
  return (owner, from, make) => {
    const last = kept.get(owner);
    if (last && last.from.length === from.length && last.from.every((item, i) => item === from[i])) return last.value;
    const value = make();
    kept.set(owner, { from, value });
    return value;
  };
}
