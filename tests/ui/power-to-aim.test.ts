import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { sonicationInputs } from '../../src/state/selectors.ts';
import type { PlannerStoreApi } from '../../src/state/store.ts';
import { powerAdvice } from '../../src/ui/PowerToAim.tsx';
import { PEAK_AIM, peakAtPower } from '../../src/ui/plan-titration.ts';
import { ResultsCard } from '../../src/ui/ResultsCard.tsx';
import { markCaseLoaded, renderWithStore } from '../fixtures/planner-store.ts';
import { fakeSonication } from './time-fixtures.ts';

// A sonication that boils, or stays too cool to ablate, gets the power that reaches PEAK_AIM. The rise above 37 °C
// is linear in the power (fixed tissue properties): the bundled rib at 50 W peaks at 102.48 °C, and at the advised
// 36.7 W at 85.06 °C (measured in Node; 0.1 W rounding is 0.2 °C), so the advice is what a re-run shows.

describe('the power that brings a sonication to the aim', () => {
  it('for a boiling run: 50 W at 102.48 °C → 36.7 W, reaching the aim to the 0.1 W rounding', () => {
    const advice = powerAdvice(50, 102.48);
    expect(advice).toMatchObject({ boils: true, to: 36.7 });
    expect(advice?.reaches).toBeCloseTo(PEAK_AIM, 0);
  });

  it('for a cool run: 50 W at 49.66 °C → 189.6 W (outside the clinic, said beside it)', () => {
    expect(powerAdvice(50, 49.66)).toMatchObject({ boils: false, to: 189.6 });
  });

  it('says nothing between the ablation floor and boiling, nor without any rise', () => {
    expect(powerAdvice(50, 74.8)).toBeUndefined();
    expect(powerAdvice(50, 55)).toBeUndefined();
    expect(powerAdvice(50, 99.9)).toBeUndefined();
    expect(powerAdvice(50, 37)).toBeUndefined();
  });

  it('keeps to the power field: a barely warm run is advised 500 W and told what that reaches', () => {
    const advice = powerAdvice(50, 38);
    expect(advice?.to).toBe(500);
    expect(advice?.reaches).toBeCloseTo(peakAtPower(50, 38, 500), 9);
    expect(advice?.reaches).toBeLessThan(PEAK_AIM);
  });
});

describe('the results card', () => {
  const card = (peak: number, after: (store: PlannerStoreApi) => void = () => undefined) =>
    renderWithStore((store) => {
      markCaseLoaded(store);
      const outcome = fakeSonication();
      store
        .getState()
        .finishRun(
          { ...outcome, summary: { ...outcome.summary, peakTemperature: peak } },
          sonicationInputs(store.getState()),
        );
      after(store);
    }, createElement(ResultsCard));

  it('offers the power for the aim after a boiling run, with a button that sets it', () => {
    const html = card(102.48);
    expect(html).toContain('data-testid="power-to-aim"');
    expect(html).toMatch(/boils tissue\..*36\.7 W.*gives a peak of 85\.1 °C/);
    expect(html).toMatch(/data-testid="power-to-aim-set"[^>]*>Use 36\.7 W</);
  });

  it('names the clinical range when the advised power is outside it', () => {
    expect(card(49.66)).toContain('outside the 32–96 W used for bone in the clinic');
  });

  it('is gone once the settings change (the run is stale) and for a run inside the range', () => {
    expect(card(102.48, (store) => store.getState().setSonication({ acousticPower: 36.7 }))).not.toContain(
      'power-to-aim',
    );
    expect(card(74.8)).not.toContain('power-to-aim');
  });
});
