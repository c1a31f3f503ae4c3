import type { CaseSummary } from '../engine/outcomes.ts';
import { RULES } from '../ui/plan-helpers.ts';
import type { QuantityRule } from '../ui/quantity.ts';
import { AXES, targetRule } from '../ui/target-rule.ts';
import type { PlanState } from './plan-file.ts';

type Vec3 = readonly [number, number, number];

/** A range in the field's own unit: "0.1 to 500 W". */
function rangeText(rule: QuantityRule): string {
  const at = (x: number) => Number((x * rule.scale).toPrecision(6));
  return `${at(rule.min)} to ${at(rule.max)} ${rule.display}`;
}

/** A value in the field's own unit: "4000 W". */
function valueText(value: number, rule: QuantityRule): string {
  return `${Number((value * rule.scale).toPrecision(6))} ${rule.display}`;
}

function outside(value: number, rule: QuantityRule): boolean {
  return !(value >= rule.min && value <= rule.max);
}

/**
 * What of a plan the planner's own fields would refuse if it were typed, in words, each naming the field, the value
 * and the range (a plan file's format takes wider ranges, which the command line's research cases use: the app holds
 * what a trainee could set). A walk found a file's 4000 W, 0 s and 8 MHz opened into fields that refuse them when
 * typed, and a run at 3060 °C.
 * @param state - the plan as the store would hold it
 * @param bounds - the case's box [m], to refuse a target or a spot focus outside the body; absent: not checked
 * @returns the problems, [] when the planner takes the whole plan
 */
export function planLimitProblems(state: PlanState, bounds?: CaseSummary['bounds']): string[] {
  const problems: string[] = [];
  const check = (what: string, value: number, rule: QuantityRule) => {
    if (outside(value, rule)) {
      problems.push(`${what}, ${valueText(value, rule)}, is outside what the planner takes (${rangeText(rule)})`);
    }
  };
  const { sonication, transducer } = state;
  check('the acoustic power', sonication.acousticPower, RULES.power);
  check('the sonication time', sonication.duration, RULES.duration);
  check('the cooling time', sonication.cooling, RULES.cooling);
  check('the frequency', transducer.frequency, RULES.frequency);
  check('the radius of curvature', transducer.radiusOfCurvature, RULES.radiusOfCurvature);
  check('the aperture', transducer.aperture, RULES.aperture);
  check('the element diameter', transducer.elementDiameter, RULES.elementDiameter);
  check('the central opening', transducer.centralHoleDiameter ?? 0, RULES.centralHoleDiameter);
  state.spots.forEach((spot, i) => {
    check(`spot ${i + 1}’s acoustic power`, spot.acousticPower, RULES.power);
    check(`spot ${i + 1}’s sonication time`, spot.duration, RULES.duration);
    check(`spot ${i + 1}’s cooling time`, spot.cooling, RULES.cooling);
  });
  if (bounds) {
    const inBody = (what: string, point: Vec3) => {
      const axis = point.findIndex((x, a) => outside(x, targetRule(bounds, a)));
      if (axis < 0) return;
      const rule = targetRule(bounds, axis);
      problems.push(
        `${what}, ${AXES[axis]} = ${valueText(point[axis] as number, rule)}, is outside the body, which spans ${rangeText(rule)} along ${AXES[axis]}`,
      );
    };
    inBody('the target', state.target);
    state.spots.forEach((spot, i) => {
      inBody(`spot ${i + 1}’s focus`, spot.focus);
    });
  }
  return problems;
}

/** The problems as one reason: the first two, and how many more. */
export function limitsText(problems: readonly string[]): string {
  const shown = problems.slice(0, 2).join('; ');
  return problems.length > 2 ? `${shown}; and ${problems.length - 2} more` : shown;
}
