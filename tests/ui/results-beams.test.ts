import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { type SonicationInputs, sonicationInputs } from '../../src/state/selectors.ts';
import type { PlannerStore, PlannerStoreApi } from '../../src/state/store.ts';
import { ResultsCard } from '../../src/ui/ResultsCard.tsx';
import { renderWithStore } from '../fixtures/planner-store.ts';
import { estimateWith } from './estimate-fixtures.ts';
import { fakeSonication } from './time-fixtures.ts';

/** The results card after a sonication of the store's settings, with the estimate of those settings. */
function card(
  estimate: NonNullable<PlannerStore['estimate']>,
  after: (store: PlannerStoreApi) => void = () => {},
  peakTemperature = 75,
) {
  const outcome = fakeSonication();
  outcome.summary.peakTemperature = peakTemperature;
  return renderWithStore((store) => {
    store.getState().setEstimate(estimate);
    store.getState().finishRun(outcome, sonicationInputs(store.getState()) as SonicationInputs);
    after(store);
  }, createElement(ResultsCard));
}

// A walk on the iliac wing: Run plan marked the spot "blocked: 21 firing beams cross gas", while Sonicate of the same
// settings showed its numbers and advised more power with no word of the gas (engine/run-plan.ts blocks such spots).
describe('a sonication whose firing beams cross gas or a no-pass region', () => {
  it('says so above the numbers, as the plan would block the spot', () => {
    const html = card(estimateWith(['clear', 'gas', 'gas', 'critical', 'nopass']));
    expect(html).toContain('data-testid="results-blocked-beams"');
    expect(html).toContain('2 firing beams crossed gas (bowel gas or lung)');
    expect(html).toContain('Run plan marks such a spot blocked');
    expect(html).toContain('1 firing beam crossed a no-pass region');
  });

  it('offers no power to aim for: the beams, not the power, must change', () => {
    // A run that boils gets the power for an 85 °C peak when its beams are clear…
    expect(card(estimateWith(['clear', 'bone']), undefined, 102)).toContain('data-testid="power-to-aim"');
    // …and none when its firing beams cross gas.
    expect(card(estimateWith(['clear', 'gas']), undefined, 102)).not.toContain('data-testid="power-to-aim"');
  });

  it('says nothing when the beams that cross gas are switched off, or none does', () => {
    expect(card(estimateWith(['clear', 'gas', 'clear'], [1]))).not.toContain('results-blocked-beams');
    expect(card(estimateWith(['clear', 'bone', 'critical']))).not.toContain('results-blocked-beams');
  });

  it('says nothing about stale results: the beams on screen are no longer those of the run', () => {
    const moved = card(estimateWith(['gas', 'gas']), (store) => store.getState().setSonication({ acousticPower: 20 }));
    expect(moved).toContain('data-testid="results-stale"');
    expect(moved).not.toContain('results-blocked-beams');
  });
});
