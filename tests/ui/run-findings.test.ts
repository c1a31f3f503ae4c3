import { describe, expect, it } from 'vitest';
import { planFindingsText, runFindingsText } from '../../src/ui/run-findings.ts';

// While a sonication runs, the action bar says what it already knows, in the order it learns it.

const field = { stage: 'field', peakPressure: 4.12e6 } as const;
const heat = (time: number, peakTemperature: number) =>
  ({ stage: 'heat', time, duration: 20, cooling: 30, peakTemperature }) as const;

describe('what a running sonication shows before its results', () => {
  it('at the click: the live estimate, said to be a quick one, and what is being computed', () => {
    expect(runFindingsText({}, 78.44)).toEqual(['Quick estimate: about 78.4 °C at the focus.', 'Computing the field…']);
  });

  it('without an estimate: only what is being computed', () => {
    expect(runFindingsText(undefined, undefined)).toEqual(['Computing the field…']);
  });

  it('once the field is marched: its peak pressure in MPa', () => {
    expect(runFindingsText({ field }, 78.44)).toEqual([
      'Quick estimate: about 78.4 °C at the focus.',
      'Field done: peak pressure 4.12 MPa.',
    ]);
  });

  it('while heating: the time reached and the hottest temperature so far, the estimate gone', () => {
    expect(runFindingsText({ field, heat: heat(12, 61.23) }, 78.44)).toEqual([
      'Field done: peak pressure 4.12 MPa.',
      'Heating: 12.0 of 20.0 s, hottest so far 61.2 °C.',
    ]);
  });

  it('while cooling: the time since heating ended and the hottest temperature', () => {
    expect(runFindingsText({ field, heat: heat(25, 79.1) }, undefined)).toEqual([
      'Field done: peak pressure 4.12 MPa.',
      'Cooling: 5.0 of 30.0 s, hottest 79.1 °C.',
    ]);
  });
});

describe('what a running plan shows under its bar', () => {
  it('while the spots’ fields are computed: that, and how many are done when the pool says', () => {
    expect(planFindingsText(undefined)).toBe("Computing each spot's field…");
  });

  it('then the spot being heated by its number in the list, and its heat so far', () => {
    expect(planFindingsText({ ...heat(12, 61.23), spot: { index: 6, count: 29 } })).toBe(
      'Spot 7 of 29, heating: 12.0 of 20.0 s, hottest so far 61.2 °C.',
    );
    expect(planFindingsText({ ...heat(25, 70.04), spot: { index: 28, count: 29 } })).toBe(
      'Spot 29 of 29, cooling: 5.0 of 30.0 s, hottest 70.0 °C.',
    );
  });

  it('says so as it happens when the tissue boils (100 °C, where the model stops)', () => {
    expect(planFindingsText({ ...heat(12, 120.4), spot: { index: 0, count: 29 } })).toBe(
      'Spot 1 of 29, heating: 12.0 of 20.0 s, hottest so far 120 °C (boiling).',
    );
    expect(runFindingsText({ heat: heat(12, 99.9) }, undefined)).toEqual([
      'Heating: 12.0 of 20.0 s, hottest so far 99.9 °C.',
    ]);
  });
});
