import { describe, expect, it } from 'vitest';
import {
  changedSettings,
  electronicFocus,
  planInputs,
  settingsHeld,
  sonicateBlocker,
  sonicationInputs,
  steeredFocus,
  transducerInBodyBlocker,
} from '../../src/state/selectors.ts';
import { staleText } from '../../src/ui/StaleResultsBanner.tsx';
import { markCaseLoaded, testStore } from '../fixtures/planner-store.ts';
import { estimateWith } from '../ui/estimate-fixtures.ts';
import { fakePlan, fakeSonication } from '../ui/time-fixtures.ts';

const store = testStore;
const spot = (id: string, focus: [number, number, number]) => ({
  id,
  focus,
  acousticPower: 50,
  duration: 20,
  cooling: 30,
});

describe('the electronic focus', () => {
  it('is the target when no spot is selected', () => {
    const s = store();
    s.getState().setTarget([0.01, 0.02, 0]);
    expect(electronicFocus(s.getState())).toEqual([0.01, 0.02, 0]);
    expect(steeredFocus(s.getState())).toBeUndefined();
  });

  it('is the target when the selected spot sits on it (within 0.1 mm)', () => {
    const s = store();
    s.getState().setTarget([0.01, 0.02, 0]);
    s.getState().addSpot(spot('a', [0.01, 0.02, 0.00005]));
    expect(steeredFocus(s.getState())).toBeUndefined();
  });

  it('is the selected spot when it lies off the target: the array steers there', () => {
    const s = store();
    s.getState().setTarget([0.01, 0.02, 0]);
    s.getState().addSpot(spot('a', [0.01, 0.02, 0.006]));
    expect(steeredFocus(s.getState())).toEqual([0.01, 0.02, 0.006]);
    s.getState().selectSpot(undefined);
    expect(steeredFocus(s.getState())).toBeUndefined();
  });
});

describe('what changed since a run, in words', () => {
  it('names each setting that differs from the run’s, in a trainee’s order; none for a current run', () => {
    const s = store();
    s.getState().finishRun(fakeSonication(), sonicationInputs(s.getState()));
    expect(changedSettings(s.getState(), 'sonication')).toEqual([]);
    s.getState().setSpots([spot('a', [0.01, 0, 0])], 'a');
    expect(changedSettings(s.getState(), 'sonication')).toEqual(['where the beams focus (the selected spot)']);
    s.getState().setSonication({ acousticPower: 70 });
    expect(changedSettings(s.getState(), 'sonication')).toEqual([
      'the power, duration or cooling',
      'where the beams focus (the selected spot)',
    ]);
  });

  it('for a plan: its spots, not the single sonication’s power', () => {
    const s = store();
    s.getState().setSpots([spot('a', [0.01, 0, 0])]);
    s.getState().finishPlanRun(fakePlan(), planInputs(s.getState()));
    s.getState().setSonication({ acousticPower: 70 });
    expect(changedSettings(s.getState(), 'plan')).toEqual([]);
    s.getState().updateSpot('a', { acousticPower: 20 });
    expect(changedSettings(s.getState(), 'plan')).toEqual(['the spots']);
  });
});

describe('Sonicate waits for a refused value', () => {
  it('names the fields showing a refused value until each is corrected or discarded', () => {
    const s = store();
    markCaseLoaded(s);
    expect(sonicateBlocker(s.getState())).toBe('');
    s.getState().setRefusedInput('param-power', 'Acoustic power', true);
    s.getState().setRefusedInput('spot-edit-power', 'Acoustic power', true);
    s.getState().setRefusedInput('param-duration', 'Duration', true);
    expect(sonicateBlocker(s.getState())).toMatch(
      /^Values typed are refused — Acoustic power, Acoustic power, Duration: correct them/,
    );
    s.getState().setRefusedInput('param-power', 'Acoustic power', false);
    s.getState().setRefusedInput('param-duration', 'Duration', false);
    expect(sonicateBlocker(s.getState())).toMatch(
      /^A value typed is refused — Acoustic power: correct it, or press Esc/,
    );
    s.getState().setRefusedInput('spot-edit-power', 'Acoustic power', false);
    expect(sonicateBlocker(s.getState())).toBe('');
  });
});

describe('a transducer turned into the body cannot fire', () => {
  it('Sonicate and Run plan say how many sources sit in tissue and what to change; none in tissue, nothing said', () => {
    const s = store();
    markCaseLoaded(s);
    const estimate = estimateWith(['clear', 'clear', 'clear', 'clear']);
    s.getState().setEstimate(estimate);
    expect(transducerInBodyBlocker(s.getState())).toBe('');
    s.getState().setEstimate({ ...estimate, beams: { ...estimate.beams, inTissue: 3 } });
    const said = sonicateBlocker(s.getState());
    expect(said).toBe(transducerInBodyBlocker(s.getState()));
    expect(said).toMatch(/^The transducer is inside the body: 3 of 4 sources of the array sit in tissue/);
    expect(said).toContain('Turn it back out (Tilt, Azimuth)');
    expect(settingsHeld(s.getState())).toBe(true);
    // Results shown then are not told to "Sonicate to update": Sonicate is held.
    expect(staleText('sonication', settingsHeld(s.getState()))).toBe(
      'Computed for the previous settings; the settings now cannot run (the reason is beside Sonicate).',
    );
    s.getState().setEstimate(estimate);
    expect(settingsHeld(s.getState())).toBe(false);
    expect(staleText('sonication', false)).toBe('Computed for the previous settings — Sonicate to update.');
  });
});
