import type { TissueId } from '../physics/tissue-ids.ts';

/**
 * Whether the hottest point of the beam path lies inside a bone, hotter than the outer surface the safety dashboard
 * judges (the femur's far wall is heated from the marrow's side): the card then says so, so the two numbers do not
 * read as a contradiction (two walks read them as one).
 * @param peak - the path's hottest point: its tissue and temperature [°C]
 * @param boneSurface - the dashboard's bone surface more than 5 mm from the focus, its maximum [°C], when known
 */
export function pathPeakInsideBone(
  peak: { tissue: TissueId; temperature: number },
  boneSurface: number | undefined,
): boolean {
  const inBone = peak.tissue === 'cortical_bone' || peak.tissue === 'trabecular_bone';
  return inBone && boneSurface !== undefined && peak.temperature > boneSurface + 0.05;
}

/** The sentence beside it, without the temperature: "inside the bone; its outer surface, … reached". */
export const INSIDE_BONE_WORDS = 'inside the bone; its outer surface, which the safety dashboard judges, reached';

/**
 * Beside the fine region's peak in bone away from the focus, hotter than the surface the dashboard judges: the check
 * leaves out bone inside the bone and bone against the lesion (dose-report.ts periosteal surface).
 */
export const PEAK_BEYOND_SURFACE_WORDS =
  'inside the bone or against the lesion, which the safety dashboard’s bone-surface check leaves out; the surface it judges reached';
