import type { CasePart } from '../geometry/phantom.ts';
import type { Box } from './framing.ts';

/**
 * The axis-aligned box round every part of a case [m] (the parts are drawn untransformed), or undefined for none:
 * what the view must hold when the case opens.
 */
export function partsBox(parts: readonly Pick<CasePart, 'geometry'>[]): Box | undefined {
  const min: [number, number, number] = [Infinity, Infinity, Infinity];
  const max: [number, number, number] = [-Infinity, -Infinity, -Infinity];
  for (const { geometry } of parts) {
    if (!geometry.boundingBox) geometry.computeBoundingBox();
    const b = geometry.boundingBox;
    if (!b || b.isEmpty()) continue;
    const lo = [b.min.x, b.min.y, b.min.z];
    const hi = [b.max.x, b.max.y, b.max.z];
    for (let a = 0; a < 3; a++) {
      min[a] = Math.min(min[a] as number, lo[a] as number);
      max[a] = Math.max(max[a] as number, hi[a] as number);
    }
  }
  return min.every(Number.isFinite) && max.every(Number.isFinite) ? { min, max } : undefined;
}
