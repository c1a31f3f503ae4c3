import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import type { PlanOutcome } from '../../src/engine/outcomes.ts';
import type { PlanSpot } from '../../src/state/planning.ts';
import { planInputs } from '../../src/state/selectors.ts';
import { PEAK_AIM, titratedPowers, titrationCaps } from '../../src/ui/plan-titration.ts';
import { SpotList } from '../../src/ui/SpotList.tsx';
import { renderWithStore } from '../fixtures/planner-store.ts';
import { fakeDoses, fakePlan } from './time-fixtures.ts';

// "Cover the lesion" lays every spot at one power; near bone some boil and others stay cool. A planner titrates
// spot by spot; the app offers it from a run: ΔT ∝ power, so power × (aim − 37)/(peak − 37).

const spot = (id: string, acousticPower: number): PlanSpot => ({
  id,
  focus: [0, 0, 0],
  acousticPower,
  duration: 20,
  cooling: 20,
});

/** A run with these spot peaks; the skin and the bone surface away from the foci within their limits unless given. */
function withPeaks(
  peaks: Record<string, number>,
  blocked: string[] = [],
  limits: { skin?: number; bone?: number } = {},
): PlanOutcome {
  const plan = fakePlan();
  return {
    ...plan,
    doses: { ...plan.doses, ...fakeDoses(limits.skin ?? 40, limits.bone ?? 42, 0) },
    spots: Object.entries(peaks).map(([id, peak], i) => ({
      ...(plan.spots[0] as PlanOutcome['spots'][number]),
      id,
      status: blocked.includes(id) ? 'blocked' : 'warning',
      summary: { ...(plan.spots[0] as PlanOutcome['spots'][number]).summary, peakTemperature: peak },
      startTime: 40 * i,
    })),
  };
}

describe('titrated spot powers', () => {
  it('scales each power by (aim − 37)/(peak − 37): a spot at 181 °C goes from 30 W to 10 W, one at 61 °C up', () => {
    const changes = titratedPowers(
      [spot('a', 30), spot('b', 30), spot('c', 30)],
      withPeaks({ a: 181, b: 61, c: PEAK_AIM + 1 }),
    );
    expect(changes).toEqual([
      { id: 'a', from: 30, to: 10, peak: 181 },
      { id: 'b', from: 30, to: 60, peak: 61 },
    ]);
  });

  it('leaves blocked spots, spots the run did not have, and spots near the aim alone; stays in the power range', () => {
    const changes = titratedPowers(
      [spot('a', 30), spot('new', 30), spot('b', 0.2), spot('c', 400)],
      withPeaks({ a: 300, b: 900, c: 40 }, ['a']),
    );
    expect(changes.map((c) => [c.id, c.to])).toEqual([
      ['b', 0.1],
      ['c', 500],
    ]);
  });

  it('is offered under a fresh plan run that boils, and not under a stale one', () => {
    const boiling = withPeaks({ a: 181, b: 86 });
    const html = renderWithStore(
      (store) => {
        store.getState().setSpots([spot('a', 30), spot('b', 30)]);
        store.getState().finishPlanRun(boiling, planInputs(store.getState()));
      },
      createElement(SpotList, {}),
    );
    expect(html).toContain('data-testid="plan-titrate-apply"');
    expect(html).toContain('1 of 2 spots boils at its power');
    expect(html).toContain(`Set the power of 1 spot for a peak of ${PEAK_AIM} °C`);
    const stale = renderWithStore(
      (store) => {
        store.getState().setSpots([spot('a', 30), spot('b', 30)]);
        store.getState().finishPlanRun(boiling, planInputs(store.getState()));
        store.getState().updateSpot('b', { acousticPower: 20 });
      },
      createElement(SpotList, {}),
    );
    expect(stale).not.toContain('plan-titrate');
  });
});

// A walk was offered 10× a run's powers (up to 500 W, 10 kJ a spot) while its bone surface stood at 98.9 °C against
// 50 °C and its skin at 55.1 °C against 45 °C.
describe('titrated powers never take the plan past a safety limit', () => {
  const limits = [
    { what: 'the skin', value: 55.1, limit: 45 },
    { what: 'the bone surface', value: 98.9, limit: 50 },
  ];

  it('caps every power at (limit − 37)/(reached − 37) of its run’s, the tightest limit: heat adds in proportion', () => {
    const caps = titrationCaps(limits, 3000);
    expect(caps.factor).toBeCloseTo(13 / 61.9, 12);
    expect(caps.limit?.what).toBe('the bone surface');
    // 50 W at 53.8 °C would be 150.6 W for 85 °C; the bone allows 50 × 13/61.9 = 10.5 W (rounded down).
    const changes = titratedPowers([spot('a', 50), spot('b', 50)], withPeaks({ a: 53.8, b: PEAK_AIM }), caps);
    expect(changes).toEqual([
      { id: 'a', from: 50, to: 10.5, peak: 53.8, heldBy: 'limit' },
      { id: 'b', from: 50, to: 10.5, peak: PEAK_AIM, heldBy: 'limit' },
    ]);
  });

  it('keeps every spot within the energy a sonication may deliver', () => {
    const caps = titrationCaps([], 3000);
    // 30 W at 45 °C wants 180 W for 85 °C: 3600 J over 20 s; 3000 J allows 150 W.
    expect(titratedPowers([spot('a', 30)], withPeaks({ a: 45 }), caps)).toEqual([
      { id: 'a', from: 30, to: 150, peak: 45, heldBy: 'energy' },
    ]);
  });

  it('raises powers freely where the run stayed well within its limits', () => {
    const caps = titrationCaps([{ what: 'the skin', value: 38, limit: 45 }], 3000);
    expect(titratedPowers([spot('a', 30)], withPeaks({ a: 61 }), caps)).toEqual([
      { id: 'a', from: 30, to: 60, peak: 61 },
    ]);
  });

  it('says which limit holds the powers under the plan’s results, and offers them as within the limits', () => {
    const html = renderWithStore(
      (store) => {
        store.getState().setSpots([spot('a', 50), spot('b', 50)]);
        store
          .getState()
          .finishPlanRun(withPeaks({ a: 53.8, b: 52 }, [], { skin: 55.1, bone: 98.9 }), planInputs(store.getState()));
      },
      createElement(SpotList, {}),
    );
    expect(html).toContain('data-testid="plan-titrate-held"');
    expect(html).toMatch(
      /bone surface[^<]*reached 98\.9 °C against its 50\.0 °C limit[^<]*no power is set above 0\.21× its run/,
    );
    expect(html).toContain('Set the power of 2 spots toward a peak of 85 °C, within the safety limits');
    expect(html).toMatch(/data-testid="spot-0-titration"[^>]*>[^<]*the most within the safety limits: 10\.5 W/);
  });
});

// A walk read "for a peak of 85 °C: 6.60 W" under a spot, with none of the clinical-range note the single
// sonication's advice gives ("That is below the 32–96 W used for bone").
describe('a titrated spot power outside the clinic’s powers', () => {
  const render = (peaks: Record<string, number>, powers: Record<string, number>) =>
    renderWithStore(
      (store) => {
        store.getState().setSpots(Object.entries(powers).map(([id, p]) => spot(id, p)));
        store.getState().finishPlanRun(withPeaks(peaks), planInputs(store.getState()));
      },
      createElement(SpotList, {}),
    );

  it('says so beside the spot and under the offer, as the single sonication’s advice does', () => {
    // 30 W at 181 °C: 10 W for 85 °C, below the clinic's powers.
    const html = render({ a: 181, b: 86 }, { a: 30, b: 30 });
    expect(html).toMatch(
      /data-testid="spot-0-titration"[^>]*>[^<]*for a peak of 85 °C: 10\.0 W, below the 32–96 W used for bone/,
    );
    expect(html).toContain('data-testid="plan-titrate-clinical"');
    expect(html).toContain('1 of these powers is outside the 32–96 W used for bone (10.0 W)');
  });

  it('says nothing of the clinic when every titrated power is inside it', () => {
    // 30 W at 61 °C: 60 W for 85 °C.
    const html = render({ a: 61 }, { a: 30 });
    expect(html).toContain('data-testid="spot-0-titration"');
    expect(html).not.toContain('used for bone');
  });
});
