import type { ProbePoint } from './planning.ts';

/** A label not yet used by the probes: the base, then "base 2", "base 3"… */
export function uniqueLabel(base: string, probes: readonly Pick<ProbePoint, 'label'>[]): string {
  const used = new Set(probes.map((p) => p.label));
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base} ${n}`)) return `${base} ${n}`;
}
