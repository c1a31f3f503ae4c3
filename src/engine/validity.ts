import type { TissueId } from '../physics/tissue-ids.ts';
import type { Medium } from '../physics/tissues.ts';
import type { LatticeValidity } from './whole-path.ts';

/** Temperature above which the model is outside its validity: water boils, tissue vaporises [°C]. */
export const BOILING_TEMPERATURE = 100;

/** The coarsest lateral spacing [wavelengths] whose error was measured (against O'Neil: within 1.5 % at the focus). */
const MEASURED_SPACING = 0.75;

/** Voxels across the focal spot's lateral intensity FWHM below which its peak heating is flagged as under-read. */
export const FOCUS_VOXELS = 2;

/**
 * Share of the input power that may meet bone at the focus in a cone of rays reaching past its critical angle before
 * the bone's heating is flagged: a graze of the focal zone (the iliac wing's default: 1.4 %, the bundled bone plate:
 * 5 %) leaves the figures as measured; a tilted plate at 15° sends 87 % so.
 */
export const STRADDLING_POWER = 0.1;

/** Where a result stops being trustworthy, as flags and as sentences for the screen. */
export interface Validity {
  /** some tissue passed 100 °C: boiling, cavitation and property changes are not modelled */
  boiling: boolean;
  /** the acoustic lattice is coarser than half the shortest wavelength */
  coarseSampling: boolean;
  /** the focus lies in gas (bowel gas, lung): sound does not enter it */
  focusInGas: boolean;
  /** the focus lies in the coupling water, outside the body */
  focusOutsideBody: boolean;
  /** the simulated path was cut short of its planned depth beyond the focus (memory cap) */
  truncatedPath: boolean;
  /** the focal spot is narrower than two voxels of the heat grid: its peak heating is under-read */
  focusUnderResolved: boolean;
  /**
   * the beams converge on bone at the focus from angles reaching past its critical angle: the bone's heating there
   * is approximate (physics/angular-spectrum/march.ts FocalZone)
   */
  boneAtSteepFocus: boolean;
  /** plain-language warnings, one per raised flag where the model stops holding */
  messages: string[];
  /**
   * caveats within the model's measured error (a lattice coarser than λ/2 but within the 0.75 λ measured against an
   * exact solution): said as notes, not as "outside the model" (a walk found a 1.5 % caveat under that heading)
   */
  notes?: string[];
}

/**
 * The validity flags of a sonication (issue "whole-path": a number shown to a user has a validity flag where the
 * model stops).
 * @param focusTissue - the tissue at the focus
 * @param medium - tissue properties
 * @param peakTemperatures - the highest temperatures anywhere in the run [°C]
 * @param lattice - the whole-path lattice's limits (absent for the focal-ray model)
 * @param focal - the focal spot's lateral intensity FWHM [m] (physics/estimate.ts focalSpot) and the heat grid's
 *   spacing [m], when known
 * @param solidAtFocus - the march's count of bone met at the focus past its critical angle (whole-path runs)
 * @returns flags and messages
 */
export function validityOf(
  focusTissue: TissueId,
  medium: Medium,
  peakTemperatures: readonly number[],
  lattice: LatticeValidity | undefined,
  focal?: { lateralFwhm: number; spacing: number },
  solidAtFocus?: { straddling: number; ofInput: number },
): Validity {
  const hottest = Math.max(...peakTemperatures);
  const v = {
    boiling: hottest >= BOILING_TEMPERATURE,
    coarseSampling: lattice?.coarseSampling ?? false,
    focusInGas: medium[focusTissue].isGas,
    focusOutsideBody: focusTissue === 'water',
    truncatedPath: lattice?.truncated ?? false,
    // The heat source is a voxel's mean: a held-out check found a 3 MHz focus 1.3 voxels wide heating 34 % slower at
    // its peak than on a fine grid, 8 % at 3.9 voxels.
    focusUnderResolved: focal ? focal.lateralFwhm < FOCUS_VOXELS * focal.spacing : false,
    boneAtSteepFocus: solidAtFocus ? solidAtFocus.straddling * solidAtFocus.ofInput >= STRADDLING_POWER : false,
  };
  const messages: string[] = [];
  const notes: string[] = [];
  if (v.boiling) {
    messages.push(
      `The tissue reaches ${Math.round(hottest)} °C: above 100 °C it boils, which this model does not include; lower the power or the duration.`,
    );
  }
  if (v.focusInGas)
    messages.push(`The focus is in ${medium[focusTissue].name.toLowerCase()}: sound does not enter gas.`);
  if (v.focusOutsideBody) messages.push('The focus is in the water bath, outside the body.');
  if (v.coarseSampling) {
    const ratio = lattice?.spacingInWavelengths ?? 0.75;
    // Measured against O'Neil up to 0.75 λ (engine/whole-path.ts): a note there; beyond it no error is known to quote.
    if (ratio <= MEASURED_SPACING + 1e-9) {
      notes.push(
        'The beam path is wide: the field is sampled more coarsely than half a wavelength (within about 1.5 % at the focus, measured against an exact solution).',
      );
    } else {
      messages.push(
        `The beam path is too wide for the lattice's memory at this frequency: the field is sampled every ${ratio.toFixed(2)} wavelengths, beyond the ${MEASURED_SPACING} where its error was measured, so the pressure and the heating may be far off. Narrow the aperture, lower the frequency or shorten the path.`,
      );
    }
  }
  if (v.truncatedPath) {
    messages.push(
      "The simulated path ends before its planned depth beyond the focus (the lattice's memory cap): nothing past it is simulated, and a −6 dB focal length may read null.",
    );
  }
  if (v.focusUnderResolved && focal) {
    const mm = (x: number) => `${(x * 1e3).toFixed(2)} mm`;
    messages.push(
      `The focal spot is ${mm(focal.lateralFwhm)} wide (half the peak heating) on ${mm(focal.spacing)} voxels, ` +
        `fewer than ${FOCUS_VOXELS} across: its peak heating is under-read (by about a third at one voxel). Choose a ` +
        `spacing of ${mm(focal.lateralFwhm / 3)} or less.`,
    );
  }
  if (v.boneAtSteepFocus) {
    messages.push(
      'The beams meet the bone at the focus at a slant: their cone of angles reaches past the angle beyond which sound no longer enters bone as a pressure wave. The model gives each point of the surface one angle, so the bone’s heating here may be off by up to about 3× either way (checked on a tilted bone plate). Aim more nearly perpendicular to the bone surface for a reliable figure.',
    );
  }
  return { ...v, messages, ...(notes.length > 0 ? { notes } : {}) };
}
