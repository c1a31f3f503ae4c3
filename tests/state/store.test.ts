import { describe, expect, it } from 'vitest';
import type { PlanOutcome } from '../../src/engine/outcomes.ts';
import { PRESETS } from '../../src/physics/transducer.ts';
import { planInputs, sonicationInputs } from '../../src/state/selectors.ts';
import { testStore } from '../fixtures/planner-store.ts';
import { fakePlan, fakeSonication } from '../ui/time-fixtures.ts';

const store = testStore;

const spot = (id: string, x: number) => ({
  id,
  focus: [x, 0, 0] as [number, number, number],
  acousticPower: 50,
  duration: 20,
  cooling: 30,
});

describe('planning actions are undoable', () => {
  it('undo and redo restore the target, spots and switched-off elements in order', () => {
    const s = store();
    const { undo, redo } = s.temporal.getState();
    s.getState().setTarget([0.01, 0, 0]);
    s.getState().addSpot(spot('a', 0.01));
    s.getState().toggleElement(7);
    expect(s.getState().elementsOff).toEqual([7]);
    undo();
    expect(s.getState().elementsOff).toEqual([]);
    undo();
    expect(s.getState().spots).toEqual([]);
    undo();
    expect(s.getState().target).toEqual([0, 0, 0]);
    redo(3);
    expect(s.getState().target).toEqual([0.01, 0, 0]);
    expect(s.getState().spots.map((p) => p.id)).toEqual(['a']);
    expect(s.getState().elementsOff).toEqual([7]);
  });

  it('results, progress and the live estimate are not part of the history', () => {
    const s = store();
    s.getState().setTarget([0.02, 0, 0]);
    const depth = s.temporal.getState().pastStates.length;
    s.getState().startRun();
    s.getState().setProgress(0.5);
    s.getState().setEstimate(undefined);
    s.getState().startPlanRun();
    expect(s.temporal.getState().pastStates.length).toBe(depth);
    s.temporal.getState().undo();
    expect(s.getState().target).toEqual([0, 0, 0]);
    // The run state is untouched by undo.
    expect(s.getState().run.status).toBe('running');
  });
});

describe('a running sonication', () => {
  it('keeps the latest of each thing it learns while it runs, and forgets them when it ends', () => {
    const s = store();
    s.getState().startRun();
    expect(s.getState().run.found).toEqual({});
    s.getState().setProgress(0.4, { stage: 'field', peakPressure: 4e6 });
    s.getState().setProgress(0.6, { stage: 'heat', time: 2, duration: 20, cooling: 30, peakTemperature: 45 });
    s.getState().setProgress(0.7, { stage: 'heat', time: 4, duration: 20, cooling: 30, peakTemperature: 52 });
    // A report without findings moves the bar and keeps them.
    s.getState().setProgress(0.75);
    expect(s.getState().run.progress).toBe(0.75);
    expect(s.getState().run.found).toEqual({
      field: { stage: 'field', peakPressure: 4e6 },
      heat: { stage: 'heat', time: 4, duration: 20, cooling: 30, peakTemperature: 52 },
    });
    s.getState().failRun('cancelled', 'Cancelled');
    expect(s.getState().run.found).toBeUndefined();
    // After the run, late reports change nothing.
    s.getState().setProgress(0.9, { stage: 'field', peakPressure: 1 });
    expect(s.getState().run.found).toBeUndefined();
  });
});

describe('a running plan', () => {
  it('keeps the heat of the spot being simulated, and forgets it when it ends', () => {
    const s = store();
    s.getState().startPlanRun();
    const heat = { stage: 'heat', time: 2, duration: 20, cooling: 30, peakTemperature: 45 } as const;
    s.getState().setPlanProgress(0.5, { ...heat, spot: { index: 6, count: 29 } });
    expect(s.getState().planRun.heat?.spot).toEqual({ index: 6, count: 29 });
    s.getState().failPlanRun('cancelled', 'Cancelled');
    expect(s.getState().planRun.heat).toBeUndefined();
  });
});

describe('the plan of spots', () => {
  it('moves a spot earlier or later and keeps the ends in place', () => {
    const s = store();
    s.getState().setSpots([spot('a', 0), spot('b', 1), spot('c', 2)]);
    s.getState().moveSpot('c', -1);
    expect(s.getState().spots.map((p) => p.id)).toEqual(['a', 'c', 'b']);
    s.getState().moveSpot('a', -1);
    expect(s.getState().spots.map((p) => p.id)).toEqual(['a', 'c', 'b']);
  });

  it('setting spot powers (a titration) changes the powers named in one undoable step, and keeps the selection', () => {
    const s = store();
    s.getState().setSpots([spot('a', 0), spot('b', 1), spot('c', 2)], 'b');
    s.getState().setSpotPowers(
      new Map([
        ['a', 10],
        ['c', 70],
      ]),
    );
    expect(s.getState().spots.map((p) => p.acousticPower)).toEqual([10, 50, 70]);
    // Selecting another spot would steer the beams elsewhere and turn the sonication's results stale.
    expect(s.getState().selectedSpotId).toBe('b');
    s.temporal.getState().undo();
    expect(s.getState().spots.map((p) => p.acousticPower)).toEqual([50, 50, 50]);
  });

  it('removing the selected spot clears the selection', () => {
    const s = store();
    s.getState().addSpot(spot('a', 0));
    expect(s.getState().selectedSpotId).toBe('a');
    s.getState().removeSpot('a');
    expect(s.getState().selectedSpotId).toBeUndefined();
  });

  it('the beam direction is kept a unit vector; a zero vector is refused', () => {
    const s = store();
    s.getState().setBeamDirection([3, 4, 0]);
    expect(s.getState().beamDirection).toEqual([0.6, 0.8, 0]);
    s.getState().setBeamDirection([0, 0, 0]);
    expect(s.getState().beamDirection).toEqual([0.6, 0.8, 0]);
  });

  it('a new array geometry switches every element back on (indices would not match); a new frequency does not', () => {
    const s = store();
    s.getState().setElementsOff([3, 1, 3]);
    expect(s.getState().elementsOff).toEqual([1, 3]);
    s.getState().setTransducer({ ...PRESETS.clinicalBodyArray, frequency: 1.2e6 });
    expect(s.getState().elementsOff).toEqual([1, 3]);
    s.getState().setTransducer(PRESETS.singleElementBowl);
    expect(s.getState().elementsOff).toEqual([]);
  });
});

describe('a new case starts a new plan', () => {
  it('spots, no-pass regions, probes, free beams and switched-off elements are cleared; preferences stay', () => {
    const s = store();
    s.getState().addSpot(spot('a', 0));
    s.getState().addNoPass({ id: 'n', kind: 'sphere', centre: [0, 0, 0], size: 0.005 });
    s.getState().addProbe({ id: 'p', label: 'skin', point: [0, 0, 0.05] });
    s.getState().addFreeBeam([0, 0.1, 0]);
    s.getState().setElementsOff([4]);
    s.getState().setAutoSwitchOff(true);
    s.getState().setCaseLoading('iliac-wing');
    const after = s.getState();
    expect([after.spots, after.noPass, after.probes, after.freeBeams, after.elementsOff]).toEqual([[], [], [], [], []]);
    expect(after.autoSwitchOff).toBe(true);
  });
});

describe('one Undo per edit', () => {
  it('a value committed again as it is (Enter, then leaving the field) records no second undo step', () => {
    const s = store();
    s.getState().setSonication({ acousticPower: 120 });
    const depth = s.temporal.getState().pastStates.length;
    // What a blur after Enter used to do: set the same value again, in a new object.
    s.getState().setSonication({ acousticPower: 120 });
    s.getState().setTarget([0, 0, 0]);
    s.getState().setSpots([]);
    expect(s.temporal.getState().pastStates.length).toBe(depth);
    s.temporal.getState().undo();
    expect(s.getState().sonication.acousticPower).toBe(50);
  });

  it('equal values in new objects are no change, different ones are one step each', () => {
    const s = store();
    s.getState().setTarget([0.01, 0, 0]);
    s.getState().setTarget([0.01, 0, 0]);
    s.getState().setTarget([0.02, 0, 0]);
    expect(s.temporal.getState().pastStates.length).toBe(2);
  });
});

describe('events are not state', () => {
  it('Reset view and a settled drag are events to listen to; no counter in the plan changes', () => {
    const s = store();
    const heard: string[] = [];
    const off = s.events.on('view-reset', () => heard.push('view-reset'));
    s.events.on('drag-settled', () => heard.push('drag-settled'));
    const before = s.getState();
    s.getState().settleDrag();
    expect(s.getState()).toBe(before);
    s.getState().resetView();
    off();
    s.getState().resetView();
    expect(heard).toEqual(['drag-settled', 'view-reset']);
    expect('dragsSettled' in s.getState()).toBe(false);
  });
});

/** A plan outcome with frames (the fixture's sonication's). */
function planWithFrames(): PlanOutcome {
  const { frames } = fakeSonication();
  if (!frames) throw new Error('the fixture has frames');
  return { ...fakePlan(), frames };
}

// React keeps old props and hook state for a while: a replaced run's frames (≈ 200 MB a plan) stayed alive through
// them, and the page grew with each plan run. A replaced run's frame buffers are let go of; its whole-run fields stay.
describe('a run replaced by the next one lets go of its frames', () => {
  it('a plan: the old frames read empty, wherever a view of them was kept; the new ones are whole', () => {
    const s = store();
    const first = planWithFrames();
    const kept = first.frames?.temperature;
    s.getState().finishPlanRun(first, planInputs(s.getState()));
    expect(kept?.length).toBeGreaterThan(0);
    const second = planWithFrames();
    s.getState().finishPlanRun(second, planInputs(s.getState()));
    expect(kept?.length).toBe(0);
    expect(first.frames?.dose.length).toBe(0);
    expect(first.maxTemperature.length).toBeGreaterThan(0);
    expect(second.frames?.temperature.length).toBeGreaterThan(0);
    // The same outcome finished again keeps its frames.
    s.getState().finishPlanRun(second, planInputs(s.getState()));
    expect(second.frames?.temperature.length).toBeGreaterThan(0);
  });

  it('a sonication likewise; a plan does not touch the sonication shown beside it', () => {
    const s = store();
    const first = fakeSonication();
    s.getState().finishRun(first, sonicationInputs(s.getState()));
    s.getState().finishPlanRun(planWithFrames(), planInputs(s.getState()));
    expect(first.frames?.temperature.length).toBeGreaterThan(0);
    s.getState().finishRun(fakeSonication(), sonicationInputs(s.getState()));
    expect(first.frames?.temperature.length).toBe(0);
  });
});

describe('a case opens with its own settings', () => {
  type Summary = Parameters<ReturnType<ReturnType<typeof store>['getState']>['setCaseLoaded']>[0];
  const summary = {
    meta: { id: 'iliac-wing', title: '', description: '', defaultTarget: [0, 0, 0], defaultBeamDirection: [0, 1, 0] },
    parts: [],
    bounds: { min: [-0.1, -0.1, -0.1], max: [0.1, 0.1, 0.1] },
  } as unknown as Summary;
  const custom = { ...PRESETS.clinicalBodyArray, frequency: 1.2e6 };

  // A walk typed 1.2 MHz on the femur, opened the iliac wing and found "Custom 1.2 MHz" there, while the power and
  // times had turned to the iliac wing's own.
  it("takes the transducer of the case's scenario, as it takes its sonication", () => {
    const s = store();
    s.getState().setTransducer(custom);
    s.getState().setCaseLoaded(summary, () => 1, {
      sonication: { acousticPower: 45, duration: 20, cooling: 20 },
      transducer: PRESETS.clinicalBodyArray,
    });
    expect(s.getState().transducer).toEqual(PRESETS.clinicalBodyArray);
    expect(s.getState().sonication.acousticPower).toBe(45);
  });

  it('keeps the transducer in use for a case that names none (an imported bone)', () => {
    const s = store();
    s.getState().setTransducer(custom);
    s.getState().setCaseLoaded(summary, () => 1, {});
    expect(s.getState().transducer).toEqual(custom);
  });
});
