import type { BeyondFocus } from '../engine/outcomes.ts';
import { TISSUE_NAMES } from '../style/palette.ts';
import { formatQuantity } from './format.ts';

/** The hazard's name in running text ("lung (air)", "bowel gas", "nerve"). */
function hazardName(beyond: BeyondFocus): string {
  return TISSUE_NAMES[beyond.tissue].toLowerCase();
}

/**
 * What lies behind the target, in words, for the safety advice (ui/safety.ts safetyAdvice); undefined when nothing
 * does. A string, so a store selector returning it is stable from estimate to estimate.
 * @param beyond - the live estimate's trace's `beyond`
 */
export function behindTarget(beyond: BeyondFocus | undefined): string | undefined {
  return beyond ? hazardName(beyond) : undefined;
}

/**
 * One line for the beams' panel: how many firing beams go on into gas or a critical structure past the focus, and
 * how near it is (engine/trace-beams.ts beyondFocus).
 * @param beyond - the trace's post-focal finding
 * @param firing - beams that fire
 */
export function beyondFocusLine(beyond: BeyondFocus, firing: number): string {
  return `Past the focus: ${beyond.beams} of the ${firing} firing beams, whatever their colour up to it, go on into the ${hazardName(beyond)}, ${formatQuantity(beyond.distance, 'mm', 1e3)} behind the target at the nearest.`;
}

/**
 * The estimate's warning: the beam colours judge only the path to the focus, and the focal estimate cannot see
 * past it, so without this a clear-looking plan hides heat behind the target (the rib case: lung 9 mm behind). It
 * names the structure at every turn and prescribes no move: a walk tilted the rib's transducer as an earlier
 * wording advised, saw fewer beams go on into the lung, and sonicated a higher lung dose.
 * @param beyond - the trace's post-focal finding
 */
export function beyondFocusWarning(beyond: BeyondFocus): string {
  const name = hazardName(beyond);
  const reflects = beyond.gas ? `, and gas reflects the sound back into the tissue in front of the ${name}` : '';
  return `${beyond.beams} beams go on past the focus into the ${name}, ${formatQuantity(beyond.distance, 'mm', 1e3)} behind the target at the nearest. The power the target does not absorb heats the ${name} there${reflects}. This estimate stops at the focus: Sonicate, and read the ${name}’s dose under Safety. Moving the transducer changes which beams reach the ${name}; check its dose after each change, since fewer beams do not always mean less heat.`;
}
