import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { sonicationInputs } from '../../src/state/selectors.ts';
import type { PlannerStoreApi } from '../../src/state/store.ts';
import { powerAdvice } from '../../src/ui/PowerToAim.tsx';
import { PEAK_AIM, peakAtPower } from '../../src/ui/plan-titration.ts';
import { ResultsCard } from '../../src/ui/ResultsCard.tsx';
import { markCaseLoaded, renderWithStore } from '../fixtures/planner-store.ts';
import { fakeDoses, fakeSonication, sonicationWith } from './time-fixtures.ts';

// A sonication that boils, or stays too cool to ablate, gets the power that reaches PEAK_AIM. The rise above 37 °C
// is linear in the power (fixed tissue properties): the bundled rib at 50 W peaks at 102.48 °C, and at the advised
// 36.7 W at 85.06 °C (measured in Node; 0.1 W rounding is 0.2 °C), so the advice is what a re-run shows.

const LIMIT = 3000;

describe('the power that brings a sonication to the aim', () => {
  it('for a boiling run: 50 W at 102.48 °C → 36.7 W, reaching the aim to the 0.1 W rounding', () => {
    const advice = powerAdvice({ power: 50, duration: 20, peak: 102.48 }, LIMIT);
    expect(advice).toMatchObject({ boils: true, to: 36.7 });
    expect(advice?.beyond).toBeUndefined();
    expect(advice?.reaches).toBeCloseTo(PEAK_AIM, 0);
  });

  it('for a cool run within the clinic and the energy limit: 20 W at 50 °C → 73.8 W, the target scaled alike', () => {
    const advice = powerAdvice({ power: 20, duration: 20, peak: 50, target: 45 }, LIMIT);
    expect(advice).toMatchObject({ boils: false, to: 73.8 });
    expect(advice?.beyond).toBeUndefined();
    expect(advice?.targetReaches).toBeCloseTo(peakAtPower(20, 45, 73.8), 9);
  });

  it('offers no more than the clinic uses: the iliac wing, 49.66 °C at 50 W, would take 189.6 W; at 96 W it reaches 61.3 °C', () => {
    const advice = powerAdvice({ power: 50, duration: 20, peak: 49.66, target: 45.9 }, LIMIT);
    expect(advice?.to).toBe(189.6);
    expect(advice?.beyond?.most).toBe(96);
    expect(advice?.beyond?.what).toBe('96.0 W, the most used for bone in the clinic');
    expect(advice?.beyond?.reaches).toBeCloseTo(37 + (12.66 * 96) / 50, 9);
    expect(advice?.beyond?.targetReaches).toBeCloseTo(37 + (8.9 * 96) / 50, 9);
  });

  it('nor more than the energy limit allows: 3000 J over 60 s is 50 W', () => {
    const advice = powerAdvice({ power: 20, duration: 60, peak: 50 }, LIMIT);
    expect(advice?.to).toBe(73.8);
    expect(advice?.beyond?.what).toBe('50.0 W, the most the energy limit of 3000 J allows in 60.0 s');
  });

  it('says nothing between the ablation floor and boiling, nor without any rise', () => {
    for (const peak of [74.8, 55, 99.9, 37])
      expect(powerAdvice({ power: 50, duration: 20, peak }, LIMIT)).toBeUndefined();
  });

  it('offers no power when the hottest point is elsewhere and sparing it leaves the target too cool to ablate', () => {
    // The rib tilted 60°: the far rib boils at 197 °C while the target reaches 95 °C; 15 W would bring the far rib
    // to 85 °C and leave the target at 54.4 °C.
    const advice = powerAdvice({ power: 50, duration: 20, peak: 197, target: 95 }, LIMIT);
    expect(advice).toMatchObject({ boils: true, to: 15, missesTarget: true });
    expect(advice?.targetReaches).toBeCloseTo(37 + (58 * 15) / 50, 9);
    // The same boiling run with its hottest point at the target: the power is offered as before.
    expect(powerAdvice({ power: 50, duration: 20, peak: 197, target: 196 }, LIMIT)?.missesTarget).toBeUndefined();
  });

  // A walk was offered 27.4 W for a target that had left the lesion (125 °C in fat, skin 89.7 °C against 45 °C):
  // at 27.4 W the skin would still have reached 66 °C.
  it('never advises a power that takes the skin or the bone surface over its limit', () => {
    const skin = { what: 'the skin', value: 89.7, limit: 45 };
    const advice = powerAdvice({ power: 50, duration: 20, peak: 125, limits: [skin] }, LIMIT);
    // 50 W × 8/52.7 = 7.59 W keeps the skin at 45 °C; the peak there, 50.4 °C, ablates nothing.
    expect(advice).toMatchObject({ boils: true, to: 7.5, missesTarget: true });
    expect(advice?.heldBy).toMatchObject({ what: 'the skin', limit: 45, forAim: 27.3 });
    expect(advice?.heldBy?.atAim).toBeCloseTo(37 + (52.7 * 27.3) / 50, 9);
    // The rib at 50 W: 102.48 °C, skin 50.3 °C. The aim's 36.7 W would leave the skin at 46.8 °C; 30.0 W keeps it
    // at 45 °C and still ablates (76.3 °C).
    const rib = powerAdvice(
      { power: 50, duration: 20, peak: 102.48, limits: [{ what: 'the skin', value: 50.3, limit: 45 }] },
      LIMIT,
    );
    expect(rib).toMatchObject({ boils: true, to: 30, heldBy: { forAim: 36.7 } });
    expect(rib?.missesTarget).toBeUndefined();
    expect(rib?.reaches).toBeCloseTo(37 + (65.48 * 30) / 50, 9);
    // A limit the aim's power keeps within changes nothing; nor does one the run did not reach above 37 °C.
    for (const limits of [[{ what: 'the skin', value: 40, limit: 45 }], [{ what: 'the skin', value: 37, limit: 45 }]]) {
      expect(powerAdvice({ power: 50, duration: 20, peak: 102.48, limits }, LIMIT)).toEqual(
        powerAdvice({ power: 50, duration: 20, peak: 102.48 }, LIMIT),
      );
    }
    // A cool run the limit holds below the clinic's 96 W: no power both ablates and spares the skin.
    const cool = powerAdvice(
      { power: 50, duration: 20, peak: 49.66, limits: [{ what: 'the skin', value: 44, limit: 45 }] },
      LIMIT,
    );
    expect(cool).toMatchObject({ to: 57.1, missesTarget: true, heldBy: { what: 'the skin' } });
    expect(cool?.beyond).toBeUndefined();
  });

  // A second walk found the rib at its 45 W over two limits (skin 50.3 °C) and no advice, its peak being ablative.
  it('a run that ablates but takes the skin over its limit is offered the most power that spares it', () => {
    const skin = { what: 'the skin', value: 50.3, limit: 45 };
    const rib = powerAdvice({ power: 45, duration: 20, peak: 92.1, limits: [skin] }, LIMIT);
    // 45 W × 8/13.3 = 27.07 W → 27.0 W; the peak there 37 + 55.1 × 0.6 = 70.1 °C still ablates.
    expect(rib).toMatchObject({ boils: false, to: 27, limitOnly: true, heldBy: { what: 'the skin', forAim: 45 } });
    expect(rib?.missesTarget).toBeUndefined();
    expect(rib?.reaches).toBeCloseTo(37 + (55.1 * 27) / 45, 9);
    // Within every limit: nothing to say.
    expect(
      powerAdvice({ power: 45, duration: 20, peak: 92.1, limits: [{ ...skin, value: 44 }] }, LIMIT),
    ).toBeUndefined();
    // Sparing the skin leaves the peak below ablation: no power does both.
    const cool = powerAdvice({ power: 45, duration: 20, peak: 60, limits: [{ ...skin, value: 70 }] }, LIMIT);
    expect(cool).toMatchObject({ limitOnly: true, missesTarget: true });
  });

  it('keeps to the power field: a run far past boiling is advised 0.1 W and told what that reaches', () => {
    const advice = powerAdvice({ power: 50, duration: 20, peak: 1e5 }, LIMIT);
    expect(advice?.to).toBe(0.1);
    expect(advice?.reaches).toBeGreaterThan(PEAK_AIM);
  });
});

describe('the results card', () => {
  const card = (peak: number, after: (store: PlannerStoreApi) => void = () => undefined, target?: number, skin = 44) =>
    renderWithStore((store) => {
      markCaseLoaded(store);
      const outcome = { ...fakeSonication(), doses: fakeDoses(skin) };
      const { summary } = outcome;
      const atTarget =
        target === undefined
          ? {}
          : {
              atTarget: {
                position: [0, 0, 0] as [number, number, number],
                temperature: target,
                dose: 1000,
                peakTemperatureDistance: 0.0122,
                peakPressureDistance: 0,
              },
            };
      target === undefined || !summary.atTarget ? {} : { atTarget: { ...summary.atTarget, temperature: target } };
      store
        .getState()
        .finishRun(
          { ...outcome, summary: { ...summary, peakTemperature: peak, ...atTarget } },
          sonicationInputs(store.getState()),
        );
      after(store);
    }, createElement(ResultsCard));

  it('with the hottest point away from a target that would stay cool, says so and offers no power', () => {
    const html = card(197, undefined, 95);
    expect(html).toContain('data-misses-target');
    expect(html).toContain('The hottest point is not at the target');
    expect(html).toContain('below the 55 °C an ablation needs');
    expect(html).not.toContain('power-to-aim-set');
  });

  it('offers the power for the aim after a boiling run, with a button that sets it', () => {
    const html = card(102.48);
    expect(html).toContain('data-testid="power-to-aim"');
    expect(html).toMatch(/boils tissue\..*36\.7 W.*gives a peak of 85\.1 °C/);
    expect(html).toMatch(/data-testid="power-to-aim-set"[^>]*>Use 36\.7 W</);
  });

  it('past the clinic’s powers it gives no button, but what the most would reach, and what to do instead', () => {
    // The iliac wing's skin stays near body temperature.
    const html = card(49.66, undefined, undefined, 38);
    expect(html).toContain('a peak of 85 °C would take 190 W, more than 96.0 W, the most used for bone in the clinic');
    expect(html).toContain('move the target or the transducer, or accept less ablation');
    expect(html).not.toContain('power-to-aim-set');
  });

  it('held by the skin’s limit: says what the aim’s power would do to it, and offers the most that spares it', () => {
    // Peak 102.48 °C, skin 50.3 °C at 50 W (the rib): 30.0 W.
    const html = card(102.48, undefined, undefined, 50.3);
    expect(html).toContain('data-held-by');
    expect(html).toContain(
      '36.7 W would bring the peak to 85 °C, but the skin would then reach 46.8 °C, over its 45.0 °C limit',
    );
    expect(html).toMatch(/30 W, the most that keeps the skin within it, gives a peak of 76\.3 °C/);
    expect(html).toMatch(/data-testid="power-to-aim-set"[^>]*>Use 30 W</);
    // The skin at 89.7 °C: no power both ablates and spares it.
    const none = card(125, undefined, undefined, 89.7);
    expect(none).toContain('No power does both from here');
    expect(none).not.toContain('power-to-aim-set');
  });

  it('after a run that ablates over the skin’s limit: says so and offers the most power that spares it', () => {
    const html = card(92.1, undefined, undefined, 50.3);
    expect(html).toContain(
      'the peak, 92.1 °C, is hot enough to ablate, but the skin reached 50.3 °C, over its 45.0 °C',
    );
    // The card's run is at 50 W: 50 × 8/13.3 = 30.07 → 30 W.
    expect(html).toMatch(/data-testid="power-to-aim-set"[^>]*>Use 30 W</);
  });

  it('is gone once the settings change (the run is stale) and for a run inside the range', () => {
    expect(card(102.48, (store) => store.getState().setSonication({ acousticPower: 36.7 }))).not.toContain(
      'power-to-aim',
    );
    expect(card(74.8)).not.toContain('power-to-aim');
  });
});

describe('the results card and the safety limits', () => {
  const card = (doses: ReturnType<typeof fakeDoses>) =>
    renderWithStore((store) => {
      markCaseLoaded(store);
      store.getState().finishRun({ ...fakeSonication(), doses }, sonicationInputs(store.getState()));
    }, createElement(ResultsCard));

  it('names each limit the run exceeds, with its value and the limit, above the numbers', () => {
    const html = card(fakeDoses(46, 52, 40));
    expect(html).toContain('data-testid="results-over-limits"');
    expect(html).toContain('Over 3 safety limits: skin, maximum temperature, 46.0 °C against 45.0 °C;');
    expect(html).toContain('bone surface more than 5 mm from the focus, maximum temperature, 52.0 °C against 50.0 °C');
  });

  it('says nothing of the limits when the run is within them', () => {
    expect(card(fakeDoses())).not.toContain('results-over-limits');
  });
});

describe('a sonication that ablates off the lesion', () => {
  it('says the ablation missed the lesion when none of it reached 240 CEM43, and nothing once some did', () => {
    const card = (coverage: number) =>
      renderWithStore((store) => {
        markCaseLoaded(store);
        store.getState().finishRun(sonicationWith({ lesionCoverage: coverage }), sonicationInputs(store.getState()));
      }, createElement(ResultsCard));
    expect(card(0)).toContain('The ablation missed the lesion: none of it reached 240 CEM43 (coverage 0 %).');
    expect(card(0)).toContain('Move the target into the lesion.');
    expect(card(0.42)).not.toContain('results-missed-lesion');
  });

  // A walk read "Move the target into the lesion" beside "The target is in lesion": the beams kept the heat away.
  it('with the target in the lesion, says where the heat went and to change the beams’ way in instead', () => {
    const html = renderWithStore((store) => {
      markCaseLoaded(store);
      const outcome = sonicationWith({ lesionCoverage: 0 });
      const atTarget = {
        ...(outcome.summary.atTarget ?? { position: [0, 0, 0] as [number, number, number], dose: 0 }),
        temperature: 37,
        peakTemperatureDistance: 0.0193,
        peakPressureDistance: 0,
        peakTemperatureTissue: 'cortical_bone' as const,
        tissue: 'lesion' as const,
      };
      store
        .getState()
        .finishRun({ ...outcome, summary: { ...outcome.summary, atTarget } }, sonicationInputs(store.getState()));
    }, createElement(ResultsCard));
    expect(html).toContain(
      'The target is in the lesion, but the heat peaked 19.3 mm away, in cortical bone: change the beams’ way in (Tilt, Azimuth) for a clearer path to it.',
    );
    expect(html).not.toContain('Move the target into the lesion.');
  });
});
