import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planFileOf, planStateFromFile, readPlanJson, readPlanText } from '../../src/app/plan-file.ts';
import { compactPlan, planFromFragment, planLink } from '../../src/app/plan-link.ts';
import { PlanFileError } from '../../src/plan-file/parse.ts';
import { sameData } from '../../src/state/same-data.ts';
import { CASE_IDS, planState } from './plan-arbitraries.ts';

// Share by link (issue 11, item 4): the plan travels compressed in the URL's fragment and opens as the same plan.

const BASE = 'https://example.org/fus-planner/';
// The femur's defaults as its GLB gives them (target on the lesion, the array from the front and outer side).
const FEMUR = {
  defaultTarget: [0.012839, 0.019881, 0],
  defaultBeamDirection: [Math.SQRT1_2, Math.SQRT1_2, 0],
} as const;

function sampleState(seed: number) {
  const [state] = fc.sample(planState, { numRuns: 1, seed });
  if (!state) throw new Error('no sample');
  return state;
}

function linkOf(file: Parameters<typeof planLink>[0]): string {
  const link = planLink(file, BASE);
  if (!link.ok) throw new Error(link.reason);
  return link.url;
}

describe('a plan in a link', () => {
  it('opens as the same plan, over random planning states', () => {
    fc.assert(
      fc.property(planState, fc.constantFrom(...CASE_IDS), (state, caseId) => {
        const url = linkOf(planFileOf({ ...state, caseId }, { name: 'shared' }));
        expect(url.startsWith(`${BASE}#plan=`)).toBe(true);
        const json = planFromFragment(new URL(url).hash);
        const { plan, caseId: read } = readPlanJson(json, CASE_IDS);
        expect(read).toBe(caseId);
        expect(plan.input.name).toBe('shared');
        const back = planStateFromFile(plan, FEMUR).state;
        if (!sameData(back, state)) expect(back).toEqual(state);
      }),
      { numRuns: 200 },
    );
  });

  it('the femur example plan, as the app holds it, makes a link short enough to paste anywhere', () => {
    const text = readFileSync(new URL('../../public/plans/femur-shaft.json', import.meta.url), 'utf8');
    const { plan } = readPlanText(text, CASE_IDS);
    const { state } = planStateFromFile(plan, FEMUR);
    const url = linkOf(planFileOf({ ...state, caseId: 'femur-shaft' }, { name: plan.input.name }));
    // Mail clients and chat keep links of a few thousand characters; this one, three spots, a name and full-precision
    // target and direction, is 584 characters after the app's address.
    expect(url.length - BASE.length).toBeLessThan(700);
    // and the defaults are left out: a preset, no grid, no limits, no empty lists
    const compact = compactPlan(planFileOf({ ...state, caseId: 'femur-shaft' }));
    expect(compact.transducer).toEqual({ preset: 'clinicalBodyArray' });
    expect(Object.keys(compact).sort()).toEqual(
      [
        'beamDirection',
        'drive',
        'format',
        'medium',
        'planning',
        'sonication',
        'target',
        'transducer',
        'version',
      ].sort(),
    );
    expect(Object.keys(compact.planning ?? {})).toEqual(['spots']);
  });

  it('a fragment without a plan is no plan; one cut short is refused with the reason', () => {
    expect(planFromFragment('')).toBeUndefined();
    expect(planFromFragment('#view=3')).toBeUndefined();
    const url = linkOf(planFileOf({ ...sampleState(4), caseId: 'rib' }, { name: 'cut' }));
    const hash = new URL(url).hash;
    let error: unknown;
    try {
      planFromFragment(hash.slice(0, hash.length / 2));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PlanFileError);
    expect(String(error)).toMatch(/cut short/);
  });

  it('a plan not on a bundled case says it needs the file', () => {
    const file = planFileOf({ ...sampleState(1), caseId: 'femur-shaft' });
    const link = planLink({ ...file, medium: { type: 'homogeneous', tissue: 'water' } }, BASE);
    expect(link.ok).toBe(false);
    if (!link.ok) expect(link.reason).toMatch(/plan file/);
  });
});
