import { useEffect, useMemo } from 'react';

/**
 * A three object (geometries, materials) made for a component and disposed when it is remade or the component goes.
 * @param make - makes it
 * @param deps - what it depends on
 */
export function useDisposable<T extends { dispose(): void }>(make: () => T, deps: readonly unknown[]): T {
  // biome-ignore lint/correctness/useExhaustiveDependencies: the caller names what the object depends on.
  const value = useMemo(make, deps);
  useEffect(() => () => value.dispose(), [value]);
  return value;
}
