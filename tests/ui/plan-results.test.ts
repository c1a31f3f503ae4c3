import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import type { PlanOutcome } from '../../src/engine/outcomes.ts';
import { planInputs } from '../../src/state/selectors.ts';
import { SpotList } from '../../src/ui/SpotList.tsx';
import { renderWithStore } from '../fixtures/planner-store.ts';
import { fakeDoses, fakePlan } from './time-fixtures.ts';

// A walk read "Peak temperature 53.8 °C", and every spot "hottest anywhere while it runs" at or below it, beside a
// bone surface at 98.9 °C: the plan's peak is its region's (the fine grid round the spots); the whole-path model
// follows the rest of the beam path on a coarser grid, where the bone outside the region was hotter.
describe('the plan results say where their peak temperature was sought', () => {
  const render = (outcome: PlanOutcome) =>
    renderWithStore(
      (store) => {
        store
          .getState()
          .setSpots(
            outcome.spots.map((s) => ({ id: s.id, focus: [0, 0, 0], acousticPower: 50, duration: 20, cooling: 20 })),
          );
        store.getState().finishPlanRun(outcome, planInputs(store.getState()));
      },
      createElement(SpotList, {}),
    );

  it('names the region of the peak, the hottest point outside it, and each spot’s peak as the region’s', () => {
    const plan = fakePlan();
    const html = render({
      ...plan,
      pathPeakTemperature: { temperature: 98.9, location: [0.01, 0, 0], tissue: 'cortical_bone' },
    });
    const side = (n: number) => ((n - 1) * plan.grid.spacing * 1e3).toPrecision(2);
    expect(html).toContain(
      `Peak temperature (in the ${side(plan.grid.nx)} × ${side(plan.grid.ny)} × ${side(plan.grid.nz)} mm box around the spots)`,
    );
    expect(html).toMatch(
      /Hottest point on the rest of the beam path \(outside that box, any tissue\)<\/dt><dd data-testid="plan-path-peak-temperature" data-si="98.9">cortical bone, 98.9 °C/,
    );
    expect(html).toContain('hottest in the plan&#x27;s box while it runs');
    expect(html).not.toContain('hottest anywhere');
  });

  it('says when that point is inside a bone, hotter than the outer surface the dashboard judges', () => {
    const plan = fakePlan();
    const html = render({
      ...plan,
      doses: { ...plan.doses, ...fakeDoses(40, 50, 0) },
      pathPeakTemperature: { temperature: 51.1, location: [0.01, 0, 0], tissue: 'cortical_bone' },
    });
    expect(html).toContain(
      'cortical bone, 51.1 °C — inside the bone; its outer surface, which the safety dashboard judges, reached 50.0 °C',
    );
  });

  it('has no such row where the run followed no path beyond the region (the focal-ray model)', () => {
    expect(render(fakePlan())).not.toContain('plan-path-peak-temperature');
  });
});
