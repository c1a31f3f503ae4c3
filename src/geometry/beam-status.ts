import type { TissueId } from '../physics/tissue-ids.ts';
import type { PathSegment } from './tissue-model.ts';

/**
 * What stands in a beam's way between its element and the focus, worst first. Colours (PRODUCT.md): clear cyan,
 * bone orange, gas red, critical red dashed. The critical-angle and no-pass statuses arrive with beam planning.
 */
export type BeamStatus = 'clear' | 'bone' | 'gas' | 'critical';

export const BEAM_STATUS_CODES: readonly BeamStatus[] = ['clear', 'bone', 'gas', 'critical'];

const GAS: ReadonlySet<TissueId> = new Set(['bowel_gas', 'lung']);
const CRITICAL: ReadonlySet<TissueId> = new Set(['nerve', 'bowel']);
const BONE: ReadonlySet<TissueId> = new Set(['cortical_bone', 'trabecular_bone', 'marrow']);

/**
 * Classifies a beam from the tissues on its path to the focus. The last segment is the target's own tissue
 * (a focus on the bone surface is meant to be in bone), so only the tissues before it can block.
 */
export function classifyBeam(path: readonly PathSegment[]): BeamStatus {
  const before = path.slice(0, -1);
  if (before.some((s) => GAS.has(s.tissue))) return 'gas';
  if (before.some((s) => CRITICAL.has(s.tissue))) return 'critical';
  if (before.some((s) => BONE.has(s.tissue))) return 'bone';
  return 'clear';
}
