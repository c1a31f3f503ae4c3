import { formatQuantity } from './format.ts';

/** How the last "Cover the lesion" laid its spots (the engine's SpotLayout, without the centres). */
export interface CoverSummary {
  /** spots placed */
  count: number;
  /** their spacing [m] */
  spacing: number;
  /** the −6 dB lateral focal width [m] */
  focalWidth: number;
  /** spots the lesion takes at the focal width */
  fullCount: number;
  /** the cap on a covering's spots */
  maxSpots: number;
}

const mm = (metres: number) => formatQuantity(metres * 1e3, 'mm');

/**
 * "How many sonications cover this lesion?" in the covering's own numbers. Spots a focal width apart touch; when
 * the lesion needs more than the cap, the spacing grows and the plan leaves gaps between foci that only spreading
 * heat (or boiling) fills: said here, not found out from a coverage figure later.
 */
export function coverNoteText(c: CoverSummary): string {
  if (c.count === 0) return 'No spot fits inside the lesion.';
  const spots = c.count === 1 ? '1 spot' : `${c.count} spots`;
  if (c.fullCount <= c.count || c.spacing <= c.focalWidth * 1.005) {
    return `${spots}, ${mm(c.spacing)} apart: one focal spot’s width (${mm(c.focalWidth)}), so neighbouring foci touch.`;
  }
  return (
    `${spots}, ${mm(c.spacing)} apart. At one focal spot’s width (${mm(c.focalWidth)}) this lesion takes ` +
    `${c.fullCount} spots; a covering places at most ${c.maxSpots}, so the foci are spread out: between them ` +
    'only heat that spreads treats the lesion. Expect gaps, or treat the lesion in parts with spots placed by hand.'
  );
}

/**
 * What a covering's spots start at, and why one power rarely serves them all: a walk ran the femur's 29 spots at the
 * single sonication's 50 W, the estimate at the first spot read 70 °C, and 28 of them boiled (spots whose beams meet
 * bone heat far more than one in the lesion's middle, and each adds to its neighbours' lingering heat).
 * @param power - the sonication's power the spots take [W]
 * @param duration - and its duration [s]
 */
export function coverPowerText(power: number, duration: number): string {
  return (
    `Every spot starts at ${formatQuantity(power, 'W')} for ${formatQuantity(duration, 's')}. One power rarely serves ` +
    'them all: a spot whose beams meet bone heats far more than one in the lesion’s middle, and each adds to the ' +
    'heat its neighbours left, which the estimate at the target does not show. Run the plan, then set each spot’s ' +
    'power from it.'
  );
}
