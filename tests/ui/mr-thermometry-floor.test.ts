import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { type SonicationInputs, sonicationInputs } from '../../src/state/selectors.ts';
import { MrThermometry } from '../../src/ui/MrThermometry.tsx';
import { type SonicationOutcome, shownRun } from '../../src/ui/shown-run.ts';
import { belowFloorNote, focusPeakTime } from '../../src/ui/thermometry.ts';
import { renderWithStore } from '../fixtures/planner-store.ts';
import { fakeSeries, fakeSonication } from './time-fixtures.ts';

/** The MR view of `outcome` at playback time `time` (undefined: where a finished run leaves it, its end). */
function mrView(outcome: SonicationOutcome, time?: number): string {
  return renderWithStore(
    (store) => {
      store.getState().finishRun(outcome, sonicationInputs(store.getState()) as SonicationInputs);
      if (time !== undefined) store.getState().setPlayback({ time });
    },
    createElement(MrThermometry, { run: shownRun(outcome, undefined, 'sonication') }),
  );
}

// A new user at the end of a run saw a plain grey square: by then everything had cooled below the 40 °C floor of
// the colour scale, and nothing said so.
describe('the MR-thermometry view when its frame is below the colour scale', () => {
  it('says at the end of a run that everything has cooled below 40 °C, and how to see the heating', () => {
    const html = mrView(fakeSonication());
    expect(html).toContain('data-testid="mr-below-floor"');
    expect(html).toContain('Everything has cooled below 40 °C at 20.0 s');
    expect(html).toContain('drag the time slider back to see the heating');
    // The picture stays.
    expect(html).toContain('mr-thermometry-canvas');
  });

  it('before the heating, says nothing is above 40 °C yet', () => {
    const html = mrView(fakeSonication(), 0);
    expect(html).toContain('Nothing is above 40 °C yet at 0 s');
    expect(html).not.toContain('has cooled');
  });

  it('during the heating says "not yet", never "cooled", and for a plan says neither', () => {
    const cold = { width: 2, height: 1, values: new Float32Array([37, 38]) };
    expect(belowFloorNote(cold, 10, 20)).toContain('Nothing is above 40 °C yet at 10.0 s');
    expect(belowFloorNote(cold, 30, 20)).toContain('Everything has cooled below 40 °C at 30.0 s');
    expect(belowFloorNote(cold, 30, undefined)).toBe(
      'Nothing in this plane is above 40 °C at 30.0 s — drag the time slider to a moment of heating.',
    );
    expect(belowFloorNote(cold, undefined, 20)).toBe('Nothing in this plane reached 40 °C in this run.');
    expect(focusPeakTime(fakeSeries())).toBe(20);
  });

  it('says nothing while some of the frame is above the floor', () => {
    const outcome = fakeSonication();
    outcome.frames?.temperature.fill(55);
    expect(mrView(outcome)).not.toContain('mr-below-floor');
  });
});
