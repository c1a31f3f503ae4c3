/**
 * Which curves of a time plot stand out. A plan's spot foci drawn alike are a tangle: a walk counted 29 curves over
 * one another and a legend of six lines on the "Cover the lesion" plan. Past MANY_SPOT_CURVES spots, the spot
 * selected in the list is drawn bold, the spot heating at the playback time in full colour, and every other spot
 * faint and out of the legend; probes are always drawn in full.
 */

/** A plan with more spot curves than this picks curves out; with fewer every curve is drawn in full. */
export const MANY_SPOT_CURVES = 6;

/** 'bold': the selected spot; 'full': drawn as usual; 'faint': drawn dim, without a legend entry. */
export type Emphasis = 'bold' | 'full' | 'faint';

/** Opacity of a faint curve. */
export const FAINT_ALPHA = 0.22;

/** Whether a curve's label names a plan's spot (displayLabels: "spot 3", "spot 3 (removed)", "spot"). */
export function isSpotLabel(label: string): boolean {
  return /^spot\b/.test(label);
}

/**
 * @param labels - the curves' labels as shown (displayLabels)
 * @param picked - the selected spot's label ("spot 3"), if any
 * @param heating - the label of the spot heating at the playback time, if any
 * @returns one emphasis per curve
 */
export function curveEmphasis(
  labels: readonly string[],
  picked: string | undefined,
  heating: string | undefined,
): Emphasis[] {
  const spots = labels.filter(isSpotLabel).length;
  if (spots <= MANY_SPOT_CURVES) return labels.map(() => 'full');
  return labels.map((label) => {
    if (!isSpotLabel(label)) return 'full';
    if (label === picked) return 'bold';
    return label === heating ? 'full' : 'faint';
  });
}

/**
 * A colour at an opacity, for a curve drawn faint.
 * @param hex - "#RRGGBB"
 * @param alpha - in [0, 1]
 */
export function withAlpha(hex: string, alpha: number): string {
  const n = Number.parseInt(hex.slice(1, 7), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}
