import { describe, expect, it } from 'vitest';
import { electronicFocus, steeredFocus } from '../../src/state/selectors.ts';
import { testStore } from '../fixtures/planner-store.ts';

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
