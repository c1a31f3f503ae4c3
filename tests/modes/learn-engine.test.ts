import { describe, expect, it } from 'vitest';
import { CASE_INFO } from '../../src/app/catalogue.ts';
import { DEFAULT_TRANSDUCER } from '../../src/app/defaults.ts';
import { estimateRequest, sonicateRequest } from '../../src/app/planning-requests.ts';
import { installNodeKernels } from '../../src/cli/kernels.ts';
import { estimate } from '../../src/engine/estimate.ts';
import { EXERCISES, type Exercise } from '../../src/modes/learn/exercises.ts';
import { evaluate, learnView } from '../../src/modes/learn/objectives.ts';
import { complete, feedback, score } from '../../src/modes/learn/scoring.ts';
import { applyStart } from '../../src/modes/learn/start.ts';
import { createPlannerStore } from '../../src/state/store.ts';
import { sonicate } from '../../src/worker/ops/sonicate.ts';
import { loadBundledCase } from '../fixtures/bundled-case.ts';

// The exercises' thresholds on REAL engine outcomes: a store set up as the learn mode does (applyStart), the
// request the app builds from it (planning-requests.ts), the worker's own sonicate op, and the objectives judged on
// the store afterwards. What the exercises' `measured` texts state is reached here, or its failure shown.

installNodeKernels();

const byId = (id: string) => EXERCISES.find((e) => e.id === id) as Exercise;

async function runExercise(
  exercise: Exercise,
  patch: {
    acousticPower?: number;
    duration?: number;
    resetTilt?: boolean;
    autoSwitchOff?: boolean;
    /** the target as typed [m] */
    target?: [number, number, number];
  } = {},
) {
  const loaded = await loadBundledCase(exercise.caseId);
  const store = createPlannerStore({
    caseId: exercise.caseId,
    transducer: DEFAULT_TRANSDUCER,
    sonication: { acousticPower: 50, duration: 20, cooling: 30 },
  });
  // The case's own sonication, as the app loads it (catalogue.ts): 50 W for the femur, 45 W for the rib.
  store.getState().setCaseLoaded(loaded.summary, () => 1, CASE_INFO[exercise.caseId]);
  expect(applyStart(store, exercise.start)).toBe(true);
  if (patch.acousticPower !== undefined) store.getState().setSonication({ acousticPower: patch.acousticPower });
  if (patch.duration !== undefined) store.getState().setSonication({ duration: patch.duration });
  if (patch.target) store.getState().setTarget(patch.target);
  if (patch.autoSwitchOff) store.getState().setAutoSwitchOff(true);
  if (patch.resetTilt) store.getState().setBeamDirection([...loaded.summary.meta.defaultBeamDirection]);
  const s = store.getState();
  s.setEstimate(estimate(loaded.state, estimateRequest(s)));
  const request = sonicateRequest(store.getState());
  store.getState().startRun();
  store.getState().finishRun(sonicate(loaded.state, request, () => {}));
  const view = learnView(store.getState());
  const results = evaluate(exercise, view);
  return { view, results, met: Object.fromEntries(results.map((r) => [r.objective.id, r.met])) };
}

describe('the femur exercise on the engine’s default sonication', () => {
  it('meets every objective: lesion ablated, nerve and skin safe, 1 kJ', async () => {
    const { results, met, view } = await runExercise(byId('femur-nerve'));
    expect(met).toEqual({ ablated: true, critical: true, skin: true, energy: true });
    expect(score(results)).toBe(100);
    expect(view.totalEnergy).toBeCloseTo(1000, 6);
    expect(feedback(view, results).join(' ')).toMatch(/all 208 are clear/);
  });
});

describe('the rib exercise: 45 W burns the lung and the skin, 25 W does not', () => {
  it('at the starting 45 W the lung and the skin are over their limits; the lesion is ablated', async () => {
    const { met, results } = await runExercise(byId('rib-lung'));
    expect(met).toEqual({ ablated: true, critical: false, skin: false, 'no-boiling': true });
    expect(score(results)).toBe(50);
  });
  it('at 25 W every objective is met', async () => {
    const { met } = await runExercise(byId('rib-lung'), { acousticPower: 25 });
    expect(met).toEqual({ ablated: true, critical: true, skin: true, 'no-boiling': true });
  });
});

describe('the steep-beam exercise', () => {
  it('turned 55° the bone surface is over its limit and tissue boils; the feedback says where the heat went', async () => {
    const { met, view, results } = await runExercise(byId('femur-steep'));
    expect(met['bone-surface']).toBe(false);
    expect(met['no-boiling']).toBe(false);
    const text = feedback(view, results).join(' ');
    expect(text).toMatch(/bone surface away from the target reached \d+\.\d °C, over the 50 °C limit/);
    expect(text).toMatch(/boils/);
  });
  it('aimed back along the case’s default direction every objective is met', async () => {
    const { met } = await runExercise(byId('femur-steep'), { resetTilt: true });
    expect(met).toEqual({ 'bone-surface': true, 'no-boiling': true, ablated: true });
  });
});

describe('the iliac exercise: beams through bowel gas', () => {
  it('as it starts, firing beams cross gas and bowel, and the lesion is not ablated', async () => {
    const { met, view, results } = await runExercise(byId('iliac-bowel'));
    expect(met['no-gas']).toBe(false);
    expect(met['no-bowel']).toBe(false);
    expect(met.ablated).toBe(false);
    expect(feedback(view, results).join(' ')).toMatch(/\d+ firing beams cross gas/);
  });
  // A walk followed the hints to 100 W and read "100 / 100 — complete!" beside a bone surface at 65.2 °C against 50.
  it('with the automatic switch-off and 100 W the lesion is ablated, but the bone surface is over its limit: not complete', async () => {
    const { met, view, results } = await runExercise(byId('iliac-bowel'), { autoSwitchOff: true, acousticPower: 100 });
    expect(met).toEqual({
      'no-gas': true,
      'no-bowel': true,
      critical: true,
      ablated: true,
      skin: true,
      'bone-surface': false,
      energy: true,
    });
    expect(view.tally?.offByRule).toBeGreaterThan(0);
    expect(complete(results, view.rows)).toBe(false);
  });
  // A walk typed the hint's 92.5 and 1.6 mm with 50 W, the first version of it, and read the bone surface at 50.6 °C.
  it('with the target typed as the last hint says, (92.5, 1.6, 0) mm, and 45 W for 30 s every objective is met', async () => {
    const { met, view, results } = await runExercise(byId('iliac-bowel'), {
      autoSwitchOff: true,
      acousticPower: 45,
      duration: 30,
      target: [0.0925, 0.0016, 0],
    });
    expect(Object.values(met).every(Boolean)).toBe(true);
    expect(complete(results, view.rows)).toBe(true);
    expect(feedback(view, results).at(-1)).toBe('Every objective is met: well done. Try the next exercise.');
  });
});
