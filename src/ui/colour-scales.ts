/**
 * The panels' door to the one colour rule of the results (src/style/result-scales.ts), which the 3D slices use
 * too: nothing is defined here, so the legend and the slices cannot disagree.
 */

/** @deprecated import BODY_TEMPERATURE (physics/tissues.ts): kept for the panels that still use this name. */
export { BODY_TEMPERATURE as BASELINE_TEMPERATURE } from '../physics/tissues.ts';
export { cividis, inferno, viridis } from '../style/palette.ts';
export {
  ABLATION_CONTOUR_STYLE,
  ABLATION_DOSE,
  ABLATION_SURFACE_RGB,
  BODY_TEMPERATURE,
  type ColourMapName,
  colourMap,
  cssGradient,
  displayValue,
  type ResultScale,
  resultScale,
  SAFETY_DOSE,
  SAFETY_SURFACE_COLOUR,
  scaleCaption,
  scalePosition,
} from '../style/result-scales.ts';
