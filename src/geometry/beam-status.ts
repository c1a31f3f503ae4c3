import { criticalAngle } from '../physics/interfaces.ts';
import type { TissueId } from '../physics/tissue-ids.ts';
import { TISSUES } from '../physics/tissues.ts';
import type { PathSegment } from './tissue-model.ts';

/**
 * What stands in a beam's way between its element and the focus. Colours (PRODUCT.md): clear cyan, bone orange,
 * gas red, critical red dashed, nopass red dashed, angle purple, off grey.
 *
 * - `clear`: only soft tissue (and water) before the focus.
 * - `bone`: crosses bone (cortical, trabecular or marrow) before the target's own tissue.
 * - `gas`: crosses gas (bowel gas, lung) before the target's own tissue.
 * - `critical`: crosses a critical structure (nerve, bowel wall) before the target's own tissue.
 * - `angle`: meets bone (cortical or trabecular), anywhere on its path including the target's own tissue, beyond
 *   the longitudinal critical angle θc = arcsin(c1/c2) (PHYSICS.md §1.7): the fluid model transmits nothing there.
 * - `nopass`: the straight segment element → focus meets a user's no-pass region (geometry/no-pass.ts).
 * - `off`: switched off by hand.
 */
export type BeamStatus = 'clear' | 'bone' | 'gas' | 'critical' | 'angle' | 'nopass' | 'off';

/** The statuses that follow from the tissues on the path alone (what `classifyBeam` returns). */
export type TissueBeamStatus = 'clear' | 'bone' | 'gas' | 'critical';

/**
 * The code table of `BeamTrace.statuses` (code = index). Codes are stable: new statuses are appended only
 * (clear 0, bone 1, gas 2, critical 3, angle 4, nopass 5, off 6).
 */
export const BEAM_STATUS_CODES: readonly BeamStatus[] = ['clear', 'bone', 'gas', 'critical', 'angle', 'nopass', 'off'];

/**
 * Precedence, worst first: a beam shows the first of these that applies. Why this order: a beam switched off by
 * hand does not fire, whatever it would cross; gas reflects the whole beam and burns the gas wall, the worst
 * physical hazard; a no-pass region is an explicit order of the user; a critical structure would be heated; a beam
 * beyond the critical angle brings nothing to the focus and heats the bone surface; crossing bone loses energy and
 * heats the bone but still delivers some; clear is the rest.
 */
export const BEAM_STATUS_PRECEDENCE: readonly BeamStatus[] = [
  'off',
  'gas',
  'nopass',
  'critical',
  'angle',
  'bone',
  'clear',
];

/** Statuses the automatic switch-off rule turns off: gas, a critical structure, a no-pass region. */
export const AUTO_SWITCH_OFF: ReadonlySet<BeamStatus> = new Set<BeamStatus>(['gas', 'critical', 'nopass']);

const GAS: ReadonlySet<TissueId> = new Set(['bowel_gas', 'lung']);
const CRITICAL: ReadonlySet<TissueId> = new Set(['nerve', 'bowel']);
const BONE: ReadonlySet<TissueId> = new Set(['cortical_bone', 'trabecular_bone', 'marrow']);
/** Bone whose surface can be met beyond the longitudinal critical angle (PRODUCT.md: "at bone"). */
const HARD_BONE: ReadonlySet<TissueId> = new Set(['cortical_bone', 'trabecular_bone']);

/**
 * Classifies a beam from the tissues on its path to the focus. The last segment is the target's own tissue
 * (a focus on the bone surface is meant to be in bone), so only the tissues before it can block.
 */
export function classifyBeam(path: readonly PathSegment[]): TissueBeamStatus {
  const before = path.slice(0, -1);
  if (before.some((s) => GAS.has(s.tissue))) return 'gas';
  if (before.some((s) => CRITICAL.has(s.tissue))) return 'critical';
  if (before.some((s) => BONE.has(s.tissue))) return 'bone';
  return 'clear';
}

/**
 * Whether a path enters cortical or trabecular bone beyond the longitudinal critical angle: for a segment j ≥ 1 in
 * such bone with `cosIncidence`, θi = arccos(cosIncidence) > θc = arcsin(c_{j−1}/c_j) with IT'IS speeds
 * (≈ 26.9° muscle → cortical). The target's own (last) segment counts too: a focus in bone reached beyond θc gets
 * nothing from that element. Segments without `cosIncidence` are taken at normal incidence.
 * @param path - ordered segments element → focus
 * @returns true when some bone entry is beyond θc
 * @see PHYSICS.md §1.7
 */
export function beyondCriticalAngleAtBone(path: readonly PathSegment[]): boolean {
  for (let j = 1; j < path.length; j++) {
    const s = path[j] as PathSegment;
    if (!HARD_BONE.has(s.tissue) || s.cosIncidence === undefined) continue;
    const c1 = TISSUES[(path[j - 1] as PathSegment).tissue].speedOfSound;
    const c2 = TISSUES[s.tissue].speedOfSound;
    const thetaC = criticalAngle(c1, c2);
    if (Number.isNaN(thetaC)) continue;
    const thetaI = Math.acos(Math.min(1, Math.max(0, s.cosIncidence)));
    if (thetaI > thetaC) return true;
  }
  return false;
}

/** Gas (bowel gas, lung): it reflects a beam whole and burns its wall. */
export function isGas(tissue: TissueId): boolean {
  return GAS.has(tissue);
}

/** Gas or a critical structure a beam meets beyond the focus, and how far past the focus it lies. */
export interface HazardBeyond {
  tissue: TissueId;
  /** distance from the focus along the beam to where the beam enters it [m] */
  distance: number;
}

/** The tissues hazardBeyond looks for: gas and the critical structures. */
export const HAZARDS_BEYOND: ReadonlySet<TissueId> = new Set([...GAS, ...CRITICAL]);

/**
 * The first gas or critical structure on a beam's straight continuation beyond the focus. The beam statuses judge
 * only the path to the focus (PRODUCT.md), but the power that the target does not absorb goes on: past the focus
 * the beams diverge again, and gas behind the target reflects them back into its wall (the rib case: lung 9 mm behind
 * the lesion). The caller chooses how far to look (engine/trace-beams.ts: as far as the whole-path simulation
 * follows the beams).
 * @param beyond - ordered segments from the focus outward along the beam
 * @returns the first hazard and its distance, or undefined when the segments meet none
 */
export function hazardBeyond(beyond: readonly PathSegment[]): HazardBeyond | undefined {
  let distance = 0;
  for (const s of beyond) {
    if (HAZARDS_BEYOND.has(s.tissue)) return { tissue: s.tissue, distance };
    distance += s.length;
  }
  return undefined;
}

/** What is known about one beam besides its tissue path. */
export interface BeamFlags {
  /** switched off by hand */
  off?: boolean;
  /** the segment element → focus meets a no-pass region */
  noPass?: boolean;
}

/**
 * The status of one beam: every condition that applies, then the worst by BEAM_STATUS_PRECEDENCE.
 * @param path - ordered segments element → focus
 * @param flags - switched off by hand, meets a no-pass region
 * @returns the worst applicable status
 */
export function beamStatus(path: readonly PathSegment[], flags: BeamFlags = {}): BeamStatus {
  if (flags.off) return 'off';
  const tissue = classifyBeam(path);
  if (tissue === 'gas') return 'gas';
  if (flags.noPass) return 'nopass';
  if (tissue === 'critical') return 'critical';
  if (beyondCriticalAngleAtBone(path)) return 'angle';
  return tissue;
}

/**
 * The worse of two statuses by BEAM_STATUS_PRECEDENCE.
 * @param a - a status
 * @param b - another
 * @returns whichever comes first in the precedence
 */
export function worseStatus(a: BeamStatus, b: BeamStatus): BeamStatus {
  return BEAM_STATUS_PRECEDENCE.indexOf(a) <= BEAM_STATUS_PRECEDENCE.indexOf(b) ? a : b;
}

/** A count of zero for every status. */
export function emptyStatusCounts(): Record<BeamStatus, number> {
  return { clear: 0, bone: 0, gas: 0, critical: 0, angle: 0, nopass: 0, off: 0 };
}
