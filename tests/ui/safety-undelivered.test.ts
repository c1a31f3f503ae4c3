import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import type { BeamStatus } from '../../src/geometry/beam-status.ts';
import { DEFAULT_SAFETY_THRESHOLDS } from '../../src/state/safety-defaults.ts';
import { planInputs, type SonicationInputs, sonicationInputs } from '../../src/state/selectors.ts';
import { SafetyDashboard } from '../../src/ui/SafetyDashboard.tsx';
import { safetyRows } from '../../src/ui/safety.ts';
import { type PlanOutcome, shownRun } from '../../src/ui/shown-run.ts';
import { renderWithStore } from '../fixtures/planner-store.ts';
import { estimateWith } from './estimate-fixtures.ts';
import { fakeDoses, fakePlan, fakeSonication } from './time-fixtures.ts';

const GAS_REASON =
  '21 firing beams cross gas (bowel gas or lung): it reflects them and burns its wall. Switch them off (automatic switch-off) or move the transducer.';

/** A plan whose every spot was blocked, as engine/run-plan.ts reports it: body temperature, no dose, no energy. */
function blockedPlan(): PlanOutcome {
  const plan = fakePlan();
  plan.spots = plan.spots.map((s) => ({
    ...s,
    status: 'blocked' as const,
    reasons: [GAS_REASON],
    summary: { ...s.summary, energy: 0, peakTemperature: 37 },
  }));
  plan.doses = fakeDoses(37, 37, 0);
  plan.doses.criticalOutside = [];
  return plan;
}

/** The dashboard after a sonication of the store's settings whose firing beams have `statuses`. */
function dashboardAfterSonication(statuses: BeamStatus[]): string {
  const outcome = fakeSonication();
  outcome.doses = fakeDoses(38, 38, 0.1);
  return renderWithStore((store) => {
    store.getState().setEstimate(estimateWith(statuses));
    store.getState().finishRun(outcome, sonicationInputs(store.getState()) as SonicationInputs);
  }, createElement(SafetyDashboard));
}

// A walk on the iliac wing: every spot blocked (beams through bowel gas), yet the dashboard lit Pass for bone
// surface (37.0 °C), critical structures (0) and energy (0 J) under a "Not deliverable" verdict.
describe('the safety dashboard when nothing was delivered', () => {
  it('a plan whose every spot is blocked has no Pass light: each row says it was not delivered, and why', () => {
    const rows = safetyRows(shownRun(undefined, blockedPlan(), 'plan'), DEFAULT_SAFETY_THRESHOLDS);
    for (const row of rows) {
      expect(row.status, row.id).toBe('undelivered');
      expect(row.value, row.id).toBeUndefined();
      expect(row.note, row.id).toContain('Nothing was delivered');
      expect(row.note, row.id).toContain('cross gas');
    }
  });

  it('renders "Not delivered" in place of the lights, keeping every row and its limit', () => {
    const html = renderWithStore(
      (store) => store.getState().finishPlanRun(blockedPlan(), planInputs(store.getState())),
      createElement(SafetyDashboard),
    );
    expect(html).not.toContain('✓</span> Pass');
    expect(html).toContain('Not delivered');
    expect(html).toContain('data-status="undelivered"');
    for (const id of ['skin-temperature', 'bone-surface-temperature', 'critical-dose', 'energy']) {
      expect(html).toContain(`data-testid="safety-${id}-light"`);
      expect(html).toContain(`data-testid="safety-${id}-limit"`);
    }
  });

  it('a plan with one delivered spot is judged on its heat as before', () => {
    const plan = blockedPlan();
    plan.spots[1] = { ...(fakePlan().spots[1] as PlanOutcome['spots'][number]) };
    const rows = safetyRows(shownRun(undefined, plan, 'plan'), DEFAULT_SAFETY_THRESHOLDS);
    expect(rows.map((r) => r.status)).not.toContain('undelivered');
  });

  it('a sonication whose firing beams cross gas (the results card: "Not deliverable") lights no Pass', () => {
    const html = dashboardAfterSonication(['clear', 'gas', 'gas']);
    expect(html).not.toContain('✓</span> Pass');
    expect(html).toContain('Not delivered');
    expect(html).toContain('2 firing beams crossed gas');
  });

  it('a row near its limit keeps its light, but says first why the run could not be given (a walk: "lower the power")', () => {
    const run = shownRun(fakeSonication(), undefined, 'sonication');
    const why = 'Not deliverable: 2 firing beams crossed gas.';
    const rows = safetyRows(run, DEFAULT_SAFETY_THRESHOLDS, why);
    const judged = safetyRows(run, DEFAULT_SAFETY_THRESHOLDS);
    for (const [i, row] of rows.entries()) {
      const before = judged[i];
      if (before?.status === 'warn' || before?.status === 'fail') expect(row.status).toBe(before.status);
      if (before?.status === 'pass') expect(row.status).toBe('undelivered');
      expect(row.note.startsWith(why)).toBe(true);
    }
    expect(judged.some((r) => r.status === 'warn' || r.status === 'fail')).toBe(true);
  });

  // A walk sonicated the iliac wing through bowel gas ("— Not delivered"), changed the power, and read "✓ Pass" on
  // the same old run: the judgement came from the live trace, which stops speaking for a run once it is stale.
  it('a stale sonication keeps its own verdict: the beams its own trace found crossing gas', () => {
    const outcome = fakeSonication();
    outcome.doses = fakeDoses(38, 38, 0.1);
    outcome.summary = { ...outcome.summary, blockedBeams: { gas: 12, nopass: 0 } };
    const html = renderWithStore((store) => {
      store.getState().setEstimate(estimateWith(['clear', 'gas', 'gas']));
      store.getState().finishRun(outcome, sonicationInputs(store.getState()) as SonicationInputs);
      store.getState().setSonication({ acousticPower: 60 });
      store.getState().setEstimate(estimateWith(['clear', 'clear', 'clear']));
    }, createElement(SafetyDashboard));
    expect(html).toContain('data-stale="true"');
    expect(html).not.toContain('✓</span> Pass');
    expect(html).toContain('12 firing beams crossed gas');
  });

  it('a sonication on a clear path still passes', () => {
    expect(dashboardAfterSonication(['clear', 'bone', 'clear'])).toContain('✓</span> Pass');
  });
});
