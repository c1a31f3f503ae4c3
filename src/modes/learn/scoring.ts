import { TISSUE_NAMES } from '../../style/palette.ts';
import type { SafetyRow } from '../../ui/safety.ts';
import type { LearnView, ObjectiveResult } from './objectives.ts';
import { BOILING } from './objectives.ts';

/** How the score is computed, as the panel says it. */
export const SCORE_RULE =
  'Score = the weighted share of objectives met, 0 to 100 (each objective’s weight is shown beside it). An exercise is complete when every objective is met and no safety light is over its limit.';

/**
 * The exercise's score, 0–100: Σ weight of the objectives met / Σ weight of all, rounded. Objectives not judged
 * (no run yet) count as not met, so the score starts at 0.
 */
export function score(results: readonly ObjectiveResult[]): number {
  const total = results.reduce((sum, r) => sum + r.objective.weight, 0);
  if (total <= 0) return 0;
  const met = results.reduce((sum, r) => sum + (r.met === true ? r.objective.weight : 0), 0);
  return Math.round((100 * met) / total);
}

/**
 * Complete: every objective judged and met, and no light of the safety dashboard over its limit (a walk read
 * "100 / 100 — complete!" beside a bone surface at 65 °C against 50 °C, which the exercise did not judge).
 * @param rows - the safety dashboard's rows on the same run (LearnView.rows)
 */
export function complete(results: readonly ObjectiveResult[], rows: readonly SafetyRow[] = []): boolean {
  return results.length > 0 && results.every((r) => r.met === true) && !rows.some((r) => r.status === 'fail');
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Why a beam with each status is lost or weakened, in physical terms. */
export const BEAM_REASONS = {
  gas: 'cross gas (bowel gas or lung): gas reflects nearly all the ultrasound, so they bring nothing to the focus and heat the gas wall',
  critical: 'cross a critical structure (nerve or bowel wall), which they would heat on the way',
  nopass: 'cross a no-pass region you drew',
  angle:
    'meet the bone beyond the critical angle (about 27° from perpendicular): the bone surface reflects them, so they add nothing at the focus and heat the periosteum where they strike',
  bone: 'cross bone before the target: bone absorbs and reflects strongly, so less reaches the focus and the bone on the way heats',
} as const;

/**
 * Feedback on the run in physical terms: which beams were lost and why (from the beam tally), what the bone did to
 * the heat, the safety rows over their limits, and what to try next (the tip of the first objective not met).
 * @returns sentences, most important first; empty before a run
 */
export function feedback(view: LearnView, results: readonly ObjectiveResult[]): string[] {
  const run = view.run;
  if (!run) return [];
  if (view.stale) {
    return [
      'You changed the settings after this run: its results are for the earlier settings. Sonicate (or run the plan) again to be judged.',
    ];
  }
  const lines: string[] = [];
  const tally = view.tally;
  if (tally) {
    const lost: string[] = [];
    for (const status of ['gas', 'critical', 'nopass', 'angle', 'bone'] as const) {
      const n = tally.counts[status];
      if (n > 0) lost.push(`${plural(n, 'firing beam')} ${BEAM_REASONS[status]}`);
    }
    if (tally.offByRule > 0) {
      lost.push(
        `${plural(tally.offByRule, 'beam')} were switched off by the automatic rule (they would cross gas, a critical structure or a no-pass region): the focus is safer but weaker, since the aperture is smaller`,
      );
    }
    if (tally.offByHand > 0) lost.push(`${plural(tally.offByHand, 'beam')} you switched off by hand`);
    lines.push(
      lost.length > 0
        ? `Beams: of ${tally.total}, ${lost.join('; ')}.`
        : `Beams: all ${tally.total} are clear (cyan): every element delivers to the focus.`,
    );
  }
  for (const problem of view.spotProblems) lines.push(`Plan: ${problem}.`);
  const bone = view.rows.find((r) => r.id === 'bone-surface-temperature');
  if (bone?.value !== undefined) {
    const hot = view.hottest;
    const where =
      hot.distance !== undefined && hot.distance > 0.005
        ? ` The hottest point lay ${(hot.distance * 1e3).toFixed(0)} mm from the target${hot.tissue ? `, in ${TISSUE_NAMES[hot.tissue].toLowerCase()}` : ''}: the heat gathered at the bone rather than at the focus.`
        : '';
    lines.push(
      bone.status === 'fail'
        ? `Bone: bone absorbs ultrasound strongly, so heat builds where the beams strike it; the bone surface away from the target reached ${bone.value.toFixed(1)} °C, over the ${bone.limit} °C limit.${where} Aim the beam more nearly perpendicular to the bone.`
        : where
          ? `Bone: the surface away from the target stayed at ${bone.value.toFixed(1)} °C (limit ${bone.limit} °C).${where}`
          : `Bone: the bone absorbed the ultrasound and held the heat at the target; the surface away from the target stayed at ${bone.value.toFixed(1)} °C (limit ${bone.limit} °C).`,
    );
  }
  if (run.peakTemperature >= BOILING) {
    lines.push(
      `Heat: the hottest tissue reached ${run.peakTemperature.toFixed(0)} °C: it boils, and the model stops holding. Lower the power.`,
    );
  }
  const coverage = run.doses.lesionCoverage;
  if (coverage > 0 && coverage < 0.5) {
    lines.push(
      // Two significant figures below 1 %: a walk read "0.0 %" here beside the card's 0.0401 %.
      `Coverage: ${coverage < 0.01 ? (coverage * 100).toPrecision(2) : (coverage * 100).toFixed(1)} % of the lesion reached 240 CEM43. One sonication ablates a zone only a few millimetres wide: a whole lesion needs a plan of several spots.`,
    );
  }
  for (const row of view.rows) {
    if (row.status === 'fail' && row.id !== 'bone-surface-temperature' && row.value !== undefined) {
      lines.push(`Safety: ${row.label.toLowerCase()} is over its limit. ${row.note}`.trim());
    }
  }
  const next = results.find((r) => r.met === false);
  const over = view.rows.filter((r) => r.status === 'fail' && r.value !== undefined);
  if (next) lines.push(`Try next: ${next.objective.tip}`);
  else if (over.length > 0)
    lines.push(
      `Every objective is met, but ${over.map((r) => r.label.charAt(0).toLowerCase() + r.label.slice(1)).join(' and ')} ${over.length === 1 ? 'is' : 'are'} over the safety limit: a treatment would stop here. The exercise is complete when every light holds.`,
    );
  else lines.push('Every objective is met: well done. Try the next exercise.');
  return lines;
}
