import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import type { PlanSpot } from '../../src/state/planning.ts';
import { DEFAULT_SAFETY_THRESHOLDS } from '../../src/state/safety-defaults.ts';
import { planInputs } from '../../src/state/selectors.ts';
import { planVerdict } from '../../src/ui/plan-verdict.ts';
import { SpotList } from '../../src/ui/SpotList.tsx';
import { SAFETY_ADVICE, safetyRows } from '../../src/ui/safety.ts';
import { type PlanOutcome, shownRun } from '../../src/ui/shown-run.ts';
import { renderWithStore } from '../fixtures/planner-store.ts';
import { fakeDoses, fakePlan } from './time-fixtures.ts';

// A plan whose spots boil can still read "98 % coverage": the verdict above the figures says first whether the plan
// could be delivered as the model sees it, and the coverage says when it counts boiling tissue.

type SpotOutcome = PlanOutcome['spots'][number];

function plan(peaks: number[], options: { blocked?: number[]; doses?: PlanOutcome['doses'] } = {}): PlanOutcome {
  const base = fakePlan();
  const template = base.spots[0] as SpotOutcome;
  return {
    ...base,
    doses: options.doses ?? fakeDoses(40, 45, 1),
    spots: peaks.map((peak, i) => ({
      ...template,
      id: `s${i}`,
      status: options.blocked?.includes(i) ? 'blocked' : peak >= 100 ? 'warning' : 'valid',
      // As the engine words a boiling spot (engine/run-plan.ts).
      reasons:
        peak >= 100
          ? [`It reaches ${Math.round(peak)} °C: the tissue boils. Lower this spot's power or duration.`]
          : template.reasons,
      summary: { ...template.summary, peakTemperature: peak, energy: 1000 },
      startTime: 50 * i,
    })),
  };
}

const verdictOf = (outcome: PlanOutcome) =>
  planVerdict(outcome, safetyRows(shownRun(undefined, outcome, 'plan'), DEFAULT_SAFETY_THRESHOLDS));

describe('the verdict on a plan run', () => {
  it('calls a plan deliverable only when every spot stays below 100 °C, none is blocked and no limit fails', () => {
    const v = verdictOf(plan([70, 85, 99.9]));
    expect(v.deliverable).toBe(true);
    expect(v.headline).toMatch(/^Deliverable as far as the model can tell: 3 spots, each below 100 °C/);
    expect(v.details).toEqual([]);
    expect(v.coverageCaveat).toBeUndefined();
  });

  // A walk read the green verdict over a plan whose powers the bone's limit held at 4.6 W: 0.2 % of the lesion.
  it('says a deliverable plan that ablates little of the lesion does so, and nothing of the kind for a good one', () => {
    const withLesion = (coverage: number): PlanOutcome['doses'] => {
      const d = fakeDoses(40, 45, 1);
      const lesion = {
        tissue: 'lesion',
        voxels: 500,
        volume: 7e-6,
        maxTemperature: 60,
        maxDose: 300,
        ablatedVolume: 0,
        volumeAboveSafety: 0,
      };
      return { ...d, lesionCoverage: coverage, tissueDose: [...d.tissueDose, lesion as (typeof d.tissueDose)[number]] };
    };
    const little = verdictOf(plan([70, 71], { doses: withLesion(0.00202) }));
    expect(little.deliverable).toBe(true);
    expect(little.details).toEqual([expect.stringMatching(/^But it ablates only 0\.20 % of the lesion/)]);
    expect(verdictOf(plan([70, 71], { doses: withLesion(0.6) })).details).toEqual([]);
  });

  it('counts the boiling spots, names the hottest, flags the coverage and says what to do', () => {
    const v = verdictOf(plan([108, 400, 85, 100]));
    expect(v.deliverable).toBe(false);
    expect(v.headline).toBe('Not deliverable as planned.');
    expect(v.details[0]).toMatch(
      /^3 of 4 spots boil \(up to 400 °C\): the model does not hold above 100 °C \(it computes on/,
    );
    expect(v.details.at(-1)).toMatch(
      /^Set the spots’ powers for a peak of 85 °C below \(inside the model\), then run the plan again/,
    );
    expect(v.coverageCaveat).toBe('counts boiling tissue');
  });

  it('says so for blocked spots (their part of the lesion is untreated), whose peaks are not judged', () => {
    const v = verdictOf(plan([70, 500], { blocked: [1] }));
    expect(v.deliverable).toBe(false);
    expect(v.details).toEqual(['1 spot is blocked and not delivered: their part of the lesion is untreated.']);
    expect(v.coverageCaveat).toBeUndefined();
  });

  it('names each safety limit the plan exceeds, even when every spot is valid', () => {
    const v = verdictOf(plan([70, 80], { doses: fakeDoses(46, 52, 40) }));
    expect(v.deliverable).toBe(false);
    // Each with its value, its limit and what to change: the trainee is not left at "no".
    expect(v.details).toEqual([
      'Every spot is valid on its own (below 100 °C, on a clear path), but the plan as a whole is over a safety limit:',
      `Over its limit: skin, maximum temperature, 46.0 °C against 45.0 °C. ${SAFETY_ADVICE.skinMaxTemperature}`,
      `Over its limit: bone surface more than 5 mm from the focus, maximum temperature, 52.0 °C against 50.0 °C. ${SAFETY_ADVICE.boneSurfaceMaxTemperature}`,
      `Over its limit: critical structures (nerve, bowel, lung), maximum thermal dose, 40.0 CEM43 min against 30.0 CEM43 min. ${SAFETY_ADVICE.criticalMaxDose}`,
    ]);
  });
});

describe('the verdict on a plan with the lung behind its spots', () => {
  it('does not call warned spots "valid", and gives the advice for a structure behind the target', () => {
    const outcome = plan([70, 80], { doses: fakeDoses(40, 45, 40) });
    const warned: PlanOutcome = { ...outcome, spots: outcome.spots.map((s) => ({ ...s, status: 'warning' })) };
    const v = planVerdict(
      warned,
      safetyRows(shownRun(undefined, warned, 'plan'), DEFAULT_SAFETY_THRESHOLDS),
      'lung (air)',
    );
    expect(v.deliverable).toBe(false);
    expect(v.details[0]).toBe('No spot boils or is blocked, but the plan as a whole is over a safety limit:');
    expect(v.details[1]).toContain('The lung (air) lies behind the target');
    expect(v.details.join(' ')).not.toContain('Switch off unsafe beams automatically');
  });
});

describe('the plan panel after a run', () => {
  const spot = (id: string, acousticPower: number): PlanSpot => ({
    id,
    focus: [0, 0, 0],
    acousticPower,
    duration: 20,
    cooling: 30,
  });
  const render = (edit?: (store: Parameters<Parameters<typeof renderWithStore>[0]>[0]) => void) =>
    renderWithStore(
      (store) => {
        store.getState().setSpots([spot('s0', 50), spot('s1', 50)]);
        store.getState().finishPlanRun(plan([350, 80]), planInputs(store.getState()));
        edit?.(store);
      },
      createElement(SpotList, {}),
    );

  it('puts the verdict above the figures and the caveat beside the coverage', () => {
    const html = render();
    expect(html).toContain('data-deliverable="false"');
    expect(html.indexOf('data-testid="plan-verdict"')).toBeLessThan(html.indexOf('data-testid="plan-coverage"'));
    expect(html).toMatch(/data-testid="plan-coverage"[^>]*>42.0 % \(counts boiling tissue\)</);
    expect(html).toContain('Expect the coverage to fall');
    // The rows the titration would change say so, with the power it would set: 50 W × (85 − 37)/(peak − 37),
    // 350 °C → 7.7 W (below the clinic's powers, said as the single sonication's advice says it), 80 °C → 55.8 W.
    expect(html).toMatch(
      /data-testid="spot-0-titration"[^>]*> · for a peak of 85 °C: 7.70 W, below the 32–96 W used for bone</,
    );
    expect(html).toMatch(/data-testid="spot-1-titration"[^>]*> · for a peak of 85 °C: 55.8 W</);
  });

  it('says "boiling" for a spot above 100 °C, not the "warning" of a beam that grazes bone', () => {
    const html = render();
    expect(html).toMatch(/data-testid="spot-0-status"[^>]*>boiling</);
    expect(html).toMatch(/data-testid="spot-1-status"[^>]*>valid</);
  });

  it('marks a spot row whose settings changed since the run: "was boiling", and the power it ran at', () => {
    const html = render((store) => store.getState().updateSpot('s0', { acousticPower: 12 }));
    expect(html).toMatch(/data-testid="spot-0"[^>]*data-outcome-stale="true"/);
    expect(html).toMatch(/data-testid="spot-1"[^>]*data-outcome-stale="false"/);
    expect(html).toMatch(/data-testid="spot-0-status"[^>]*>was boiling</);
    expect(html).toMatch(/data-testid="spot-0-ran-with"[^>]*>Last run, at 50.0 W · 20.0 s: </);
    // Its reasons ("lower this spot's power") are what the last run found, not advice on the power now set.
    expect(html).toMatch(/data-testid="spot-0-reasons-then"[^>]*>What the last run found \(changed since\):</);
    expect(html).not.toContain('spot-1-reasons-then');
    expect(html).toMatch(/data-testid="spot-1-status"[^>]*>valid</);
    // The results' stale line uses the shared words and names what changed.
    expect(html).toMatch(
      /data-testid="plan-results-stale">Computed for the previous settings — Run plan to update\. Changed since: the spots\.</,
    );
  });
});
