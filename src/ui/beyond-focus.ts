import type { BeyondFocus } from '../engine/outcomes.ts';
import { TISSUE_NAMES } from '../style/palette.ts';
import { formatQuantity } from './format.ts';

/** The hazard's name in running text ("lung (air)", "bowel gas", "nerve"). */
function hazardName(beyond: BeyondFocus): string {
  return TISSUE_NAMES[beyond.tissue].toLowerCase();
}

/**
 * One line for the beams' panel: how many firing beams go on into gas or a critical structure past the focus, and
 * how near it is (engine/trace-beams.ts beyondFocus).
 * @param beyond - the trace's post-focal finding
 * @param firing - beams that fire
 */
export function beyondFocusLine(beyond: BeyondFocus, firing: number): string {
  return `Beyond the target: ${beyond.beams} of the ${firing} firing beams go on into ${hazardName(beyond)}, ${formatQuantity(beyond.distance, 'mm', 1e3)} past the focus at the nearest.`;
}

/**
 * The estimate's warning: the beam colours judge only the path to the focus, and the focal estimate cannot see
 * past it, so without this a clear-looking plan hides heat behind the target (the rib case: lung 9 mm behind).
 * @param beyond - the trace's post-focal finding
 */
export function beyondFocusWarning(beyond: BeyondFocus): string {
  return `${formatQuantity(beyond.distance, 'mm', 1e3)} past the focus, ${beyond.beams} beams go on into ${hazardName(beyond)}: the power the target does not absorb reaches it${beyond.gas ? ', and gas reflects it back into its wall' : ''}. This estimate cannot see past the focus; Sonicate shows how hot it gets. Tilt the transducer so the beams leave the target away from it.`;
}
