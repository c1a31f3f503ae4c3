import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { planStateFromFile, readPlanJson } from '../../src/app/plan-file.ts';
import { limitsText, planLimitProblems } from '../../src/app/plan-limits.ts';

const IDS = ['femur-shaft', 'iliac-wing', 'rib', 'bone-plate-validation'];
const DEFAULTS = { defaultTarget: [0, 0, 0], defaultBeamDirection: [0, -1, 0] } as const;
const stateOf = (file: string) =>
  planStateFromFile(
    readPlanJson(JSON.parse(readFileSync(new URL(`../../public/plans/${file}`, import.meta.url), 'utf8')), IDS).plan,
    DEFAULTS,
  ).state;
const box = {
  min: [-0.05, -0.05, -0.2] as [number, number, number],
  max: [0.05, 0.05, 0.2] as [number, number, number],
};

// A plan file may hold what the planner's fields refuse when typed: the app refuses it the same way, field by field.
describe('the limits a plan must keep to be opened in the planner', () => {
  it('takes every bundled plan as it is', () => {
    for (const file of ['femur-shaft.json', 'rib.json', 'iliac-wing.json', 'bone-plate-validation.json']) {
      expect(planLimitProblems(stateOf(file)), file).toEqual([]);
    }
  });

  it('names each field outside its range with the value and the range, in the field’s unit', () => {
    const state = stateOf('femur-shaft.json');
    const bad = {
      ...state,
      sonication: { acousticPower: 0.05, duration: 20, cooling: 301 },
      spots: state.spots.map((s, i) => (i === 1 ? { ...s, duration: 121 } : s)),
    };
    expect(planLimitProblems(bad)).toEqual([
      'the acoustic power, 0.05 W, is outside what the planner takes (0.1 to 500 W)',
      'the cooling time, 301 s, is outside what the planner takes (0 to 300 s)',
      'spot 2’s sonication time, 121 s, is outside what the planner takes (0.5 to 120 s)',
    ]);
    expect(limitsText(planLimitProblems(bad))).toMatch(/; and 1 more$/);
  });

  it('refuses a target or a spot focus outside the body only when the case’s box is known', () => {
    const state = stateOf('femur-shaft.json');
    const away = { ...state, target: [0, 0, 0.25] as [number, number, number] };
    expect(planLimitProblems(away)).toEqual([]);
    expect(planLimitProblems(away, box)).toEqual([
      'the target, z = 250 mm, is outside the body, which spans -200 to 200 mm along z',
    ]);
    const spotAway = {
      ...state,
      spots: state.spots.map((s, i) => (i === 0 ? { ...s, focus: [-0.06, 0, 0] as [number, number, number] } : s)),
    };
    expect(planLimitProblems(spotAway, box)).toEqual([
      'spot 1’s focus, x = -60 mm, is outside the body, which spans -50 to 50 mm along x',
    ]);
  });
});

// A walk read a plan file's "expected a number ≥ 0 W", wrote 0 W, and was then refused against 0.1–500 W.
describe('the plan file’s range messages and the planner’s fields agree', () => {
  const refusedReason = (json: unknown) => {
    try {
      readPlanJson(json, IDS);
    } catch (error) {
      return (error as Error).message;
    }
    throw new Error('the plan was accepted');
  };
  const femur = () =>
    JSON.parse(readFileSync(new URL('../../public/plans/femur-shaft.json', import.meta.url), 'utf8')) as {
      drive: { acousticPower: number };
      planning: { spots: { acousticPower: number }[] };
    };

  it('a negative power is refused with the range the planner’s power field takes', () => {
    const file = femur();
    file.drive.acousticPower = -5;
    expect(refusedReason(file)).toContain('the planner takes 0.1 to 500 W');
    const spot = femur();
    (spot.planning.spots[0] as { acousticPower: number }).acousticPower = -5;
    expect(refusedReason(spot)).toContain('the planner takes 0.1 to 500 W');
  });
});
