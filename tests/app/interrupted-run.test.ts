import { describe, expect, it } from 'vitest';
import { INTERRUPTED_KEY, lostOnExit, noteOnExit, takeInterrupted } from '../../src/app/interrupted-run.ts';
import { memorySyncKeyValue } from '../../src/app/key-value.ts';
import { interruptedText } from '../../src/ui/run-interrupted.ts';
import { testStore } from '../fixtures/planner-store.ts';
import { fakePlan, fakeSonication } from '../ui/time-fixtures.ts';

// A reload loses a run's results (they live in the page): what it lost is noted on pagehide and said once after.

/** A store whose case is open (what lostOnExit needs; the case's geometry plays no part). */
function storeOnCase() {
  const store = testStore();
  store.setState({ caseStatus: 'ready' });
  return store;
}

describe('what the page going away loses', () => {
  it('a running plan, with its progress; a running sonication; a plan’s finished results', () => {
    const store = storeOnCase();
    expect(lostOnExit(store.getState())).toBeUndefined();
    store.getState().startRun();
    expect(lostOnExit(store.getState())).toMatchObject({ kind: 'sonication', running: true });
    store.getState().finishRun(fakeSonication());
    // One sonication's results are a click away: no word for them.
    expect(lostOnExit(store.getState())).toBeUndefined();
    store.getState().startPlanRun();
    store.getState().setPlanProgress(0.25);
    expect(lostOnExit(store.getState())).toMatchObject({ kind: 'plan', running: true, progress: 0.25 });
    store.getState().finishPlanRun(fakePlan());
    expect(lostOnExit(store.getState())).toMatchObject({ kind: 'plan', running: false, progress: 1 });
  });

  it('the note is written only when something is lost, and an old note goes when nothing is', () => {
    const exit = memorySyncKeyValue();
    const store = storeOnCase();
    store.getState().startPlanRun();
    noteOnExit(store.getState(), exit);
    expect(exit.get(INTERRUPTED_KEY)).not.toBeNull();
    store.getState().failPlanRun('cancelled', 'Cancelled');
    noteOnExit(store.getState(), exit);
    expect(exit.get(INTERRUPTED_KEY)).toBeNull();
  });
});

describe('taking the note back', () => {
  it('for its own case once; a note of another case, or one that does not parse, is dropped', () => {
    const exit = memorySyncKeyValue();
    const note = (text: string) => exit.set(INTERRUPTED_KEY, text);
    note(JSON.stringify({ caseId: 'rib', kind: 'plan', running: true, progress: 2 }));
    expect(takeInterrupted(exit, 'rib')).toEqual({ kind: 'plan', running: true, progress: 1 });
    expect(takeInterrupted(exit, 'rib')).toBeUndefined();
    note(JSON.stringify({ caseId: 'rib', kind: 'plan', running: true, progress: 0.5 }));
    expect(takeInterrupted(exit, 'femur-shaft')).toBeUndefined();
    expect(exit.get(INTERRUPTED_KEY)).toBeNull();
    for (const bad of [
      '{',
      'null',
      '{"caseId":"rib","kind":"spot","running":true}',
      '{"caseId":"rib","kind":"plan"}',
    ]) {
      note(bad);
      expect(takeInterrupted(exit, 'rib')).toBeUndefined();
    }
  });
});

describe('what is said', () => {
  it('names what stopped, how far a plan had come, that the plan is kept, and what runs it again', () => {
    expect(interruptedText({ kind: 'plan', running: true, progress: 0.41 })).toMatch(
      /reloaded or left while the plan was running \(41 % done\).*plan and settings are kept.*Run plan runs it again/,
    );
    expect(interruptedText({ kind: 'plan', running: false, progress: 1 })).toMatch(
      /plan’s results were cleared.*Run plan computes them again/,
    );
    expect(interruptedText({ kind: 'sonication', running: true, progress: 0.3 })).toMatch(/Sonicate runs it again/);
  });
});
