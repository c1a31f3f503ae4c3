import { BOILING_TEMPERATURE } from '../engine/validity.ts';
import { DISPLAY, formatQuantity } from './format.ts';
import { PEAK_AIM } from './plan-titration.ts';
import { overLimitText, type SafetyRow, safetyAdvice } from './safety.ts';
import type { PlanOutcome } from './shown-run.ts';

/** What a plan's run says about the plan as a whole, before its figures. */
export interface PlanVerdict {
  /** every delivered spot stays inside the model (below boiling), none is blocked, no safety limit is exceeded */
  deliverable: boolean;
  headline: string;
  /** one sentence per problem, most serious first, then what to do */
  details: string[];
  /**
   * Said beside the lesion coverage when spots boil: the coverage counts dose from tissue above 100 °C, which the
   * model does not simulate (boiling spreads heat in ways it leaves out), so it is not a figure to plan on.
   */
  coverageCaveat: string | undefined;
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Below this share of the lesion ablated, a deliverable plan is said to treat little of it. */
const LITTLE_COVERAGE = 0.1;

/**
 * The verdict a trainee reads first: a run can reach 98 % coverage because its spots boil, and a coverage figure
 * beside "28 spots boil" in a list further down reads as success. A plan is deliverable only when each spot the
 * model simulated stays below boiling (PHYSICS.md: the model holds below 100 °C), no spot is blocked and no safety
 * light fails.
 * @param outcome - the plan's run
 * @param safety - the dashboard's rows for that run (ui/safety.ts safetyRows)
 * @param behind - the structure the beams go on into past the focus, in words (the dashboard's advice, safetyAdvice)
 */
export function planVerdict(outcome: PlanOutcome, safety: readonly SafetyRow[], behind?: string): PlanVerdict {
  const delivered = outcome.spots.filter((s) => s.status !== 'blocked');
  const blocked = outcome.spots.length - delivered.length;
  const boiling = delivered.filter((s) => s.summary.peakTemperature >= BOILING_TEMPERATURE);
  const hottest = Math.max(...boiling.map((s) => s.summary.peakTemperature));
  const failing = safety.filter((r) => r.status === 'fail');
  const details: string[] = [];
  if (boiling.length > 0) {
    details.push(
      `${boiling.length} of ${outcome.spots.length} ${boiling.length === 1 ? 'spot boils' : 'spots boil'} (up to ${formatQuantity(hottest, DISPLAY.temperature.unit)}): the model does not hold above ${BOILING_TEMPERATURE} °C (it computes on, but boiling spreads heat in ways it leaves out), so that peak, and the coverage and doses below, count heat it cannot simulate.`,
    );
  }
  if (blocked > 0) {
    details.push(
      `${count(blocked, 'spot is', 'spots are')} blocked and not delivered: their part of the lesion is untreated.`,
    );
  }
  if (failing.length > 0 && details.length === 0) {
    // "Valid on its own" only when every spot is: a spot may carry a warning (bone on its path, lung behind it).
    details.push(
      delivered.every((s) => s.status === 'valid')
        ? `Every spot is valid on its own (below ${BOILING_TEMPERATURE} °C, on a clear path), but the plan as a whole is over a safety limit:`
        : `No spot boils or is blocked, but the plan as a whole is over a safety limit:`,
    );
  }
  for (const row of failing) {
    // The limit, the value and what to change: a trainee who followed every step so far is not left at "no".
    details.push(`Over its limit: ${overLimitText(row)}. ${safetyAdvice(row.key, behind)}`);
  }
  const deliverable = details.length === 0;
  // Deliverable is not the same as effective: a walk read the green verdict over a plan whose powers the bone's
  // limit had held at 4.6 W, ablating 0.2 % of the lesion.
  const coverage = outcome.doses.lesionCoverage;
  const hasLesion = outcome.doses.tissueDose.some((d) => d.tissue === 'lesion' && d.voxels > 0);
  if (deliverable && hasLesion && coverage < LITTLE_COVERAGE) {
    details.push(
      `But it ablates only ${formatQuantity(coverage * 100, '%', 1, 2)} of the lesion: within these limits this plan treats little of it. Move the spots away from the bone the limits hold, or accept fewer, hotter spots where the bone allows.`,
    );
  }
  if (boiling.length > 0) {
    details.push(
      `Set the spots’ powers for a peak of ${PEAK_AIM} °C below (inside the model), then run the plan again: the coverage that remains is what the plan can really ablate.`,
    );
  }
  return {
    deliverable,
    headline: deliverable
      ? `Deliverable as far as the model can tell: ${count(delivered.length, 'spot', 'spots')}, each below ${BOILING_TEMPERATURE} °C, within the safety limits.`
      : 'Not deliverable as planned.',
    details,
    coverageCaveat: boiling.length > 0 ? 'counts boiling tissue' : undefined,
  };
}

/** A plan's lesion coverage in percent, with the verdict's caveat when it counts boiling tissue. */
export function coverageText(coverage: number, verdict: Pick<PlanVerdict, 'coverageCaveat'>): string {
  const text = formatQuantity(coverage * 100, '%');
  return verdict.coverageCaveat ? `${text} (${verdict.coverageCaveat})` : text;
}
