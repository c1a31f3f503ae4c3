import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyPlanFile,
  planFileOf,
  planFileProblem,
  planStateFromFile,
  planStateOf,
  readPlanJson,
  readPlanText,
} from '../../src/app/plan-file.ts';
import { PlanFileError } from '../../src/plan-file/parse.ts';
import { newId } from '../../src/state/planning.ts';
import { DEFAULT_SAFETY_THRESHOLDS } from '../../src/state/safety-defaults.ts';
import { sameData } from '../../src/state/same-data.ts';
import type { PlannerStoreApi } from '../../src/state/store.ts';
import { testStore } from '../fixtures/planner-store.ts';
import { CASE_IDS, planState } from './plan-arbitraries.ts';

// The app's plan ↔ the plan file (issue 11): store → file → store is lossless over random planning states, a file
// the app writes is one the format (and so `npm run simulate`) reads, and a read plan enters the store as one undo
// step.

const DEFAULTS = { defaultTarget: [0.01, 0.02, 0.03], defaultBeamDirection: [0, 1, 0] } as const;
const femurPlan = () => readFileSync(new URL('../../public/plans/femur-shaft.json', import.meta.url), 'utf8');

function refusal(run: () => unknown): PlanFileError {
  try {
    run();
  } catch (error) {
    if (error instanceof PlanFileError) return error;
    throw error;
  }
  throw new Error('accepted');
}

/** A store with `caseId` loaded (its summary gives the defaults a file may leave out). */
function loadedStore(caseId = 'femur-shaft'): PlannerStoreApi {
  const store = testStore();
  store.getState().setCaseLoading(caseId);
  store.getState().setCaseLoaded(
    {
      meta: { id: caseId, title: caseId, description: '', ...DEFAULTS },
      parts: [{ name: 'lesion-a', tissue: 'lesion', label: 'a' }],
      bounds: { min: [-0.1, -0.1, -0.1], max: [0.1, 0.1, 0.1] },
    } as unknown as NonNullable<ReturnType<PlannerStoreApi['getState']>['caseSummary']>,
    () => 1,
  );
  store.temporal.getState().clear();
  return store;
}

describe('store → plan file → store', () => {
  it('is lossless over random planning states (every field, through the JSON text and the format’s checks)', () => {
    fc.assert(
      fc.property(planState, fc.constantFrom(...CASE_IDS), (state, caseId) => {
        const file = planFileOf({ ...state, caseId }, { name: 'a plan' });
        const text = JSON.stringify(file);
        const { plan, caseId: read } = readPlanText(text, CASE_IDS);
        expect(read).toBe(caseId);
        const back = planStateFromFile(plan, DEFAULTS);
        expect(back.notes).toEqual([]);
        if (!sameData(back.state, state)) expect(back.state).toEqual(state);
        // and the file the restored plan writes is the same file, character for character
        expect(JSON.stringify(planFileOf({ ...back.state, caseId }, { name: 'a plan' }))).toBe(text);
      }),
      { numRuns: 300 },
    );
  });

  it('the app’s own plan, with its defaults, writes a file every field of which the format reads', () => {
    const store = loadedStore();
    const file = planFileOf(store.getState());
    expect(planFileProblem(file, CASE_IDS)).toBeUndefined();
    expect(file.medium).toEqual({ type: 'phantom', id: 'femur-shaft' });
    expect(file.beamDirection).toEqual([0, -1, 0]);
    expect(file.grid).toEqual({ size: 0.04, spacing: 0.0008 });
    expect(file.transducer).toEqual({
      radiusOfCurvature: 0.16,
      aperture: 0.12,
      centralHoleDiameter: 0.03,
      elementCount: 208,
      elementDiameter: 0.006,
      frequency: 1e6,
    });
  });
});

describe('a plan file → the store', () => {
  it('a bundled example plan: its spots and power; the case’s default target and direction where it gives none', () => {
    const { plan, caseId } = readPlanText(femurPlan(), CASE_IDS);
    expect(caseId).toBe('femur-shaft');
    const { state } = planStateFromFile(plan, DEFAULTS);
    expect(state.spots.map((s) => s.id)).toEqual(['spot-1', 'spot-2', 'spot-3']);
    expect(state.sonication).toEqual({ acousticPower: 50, duration: 20, cooling: 30 });
    expect(state.target).toEqual([0.01, 0.02, 0.03]);
    expect(state.beamDirection).toEqual([0, 1, 0]);
    expect(state.safetyThresholds).toEqual(DEFAULT_SAFETY_THRESHOLDS);
  });

  it('is one undo step, and new spots never repeat the file’s ids', () => {
    const store = loadedStore();
    store.getState().setSonication({ acousticPower: 70 });
    const before = planStateOf(store.getState());
    const { plan } = readPlanText(femurPlan(), CASE_IDS);
    applyPlanFile(store, plan);
    expect(store.getState().spots).toHaveLength(3);
    expect(store.temporal.getState().pastStates).toHaveLength(2);
    const ids = new Set(Array.from({ length: 50 }, () => newId('spot')));
    for (const s of store.getState().spots) expect(ids.has(s.id)).toBe(false);
    store.temporal.getState().undo();
    const undone = planStateOf(store.getState());
    // Undo brings the plan back; the safety limits are a preference outside the history.
    expect(sameData({ ...undone, safetyThresholds: 0 }, { ...before, safetyThresholds: 0 })).toBe(true);
  });

  it('applied outside the history (an autosave restored) records no step', () => {
    const store = loadedStore();
    const { plan } = readPlanText(femurPlan(), CASE_IDS);
    applyPlanFile(store, plan, { record: false });
    expect(store.getState().spots).toHaveLength(3);
    expect(store.temporal.getState().pastStates).toHaveLength(0);
    expect(store.temporal.getState().isTracking).toBe(true);
  });

  it('refuses to apply a plan of another case than the store’s', () => {
    const store = loadedStore('rib');
    const { plan } = readPlanText(femurPlan(), CASE_IDS);
    expect(() => applyPlanFile(store, plan)).toThrow(/case/);
  });

  it('a drive given as a pressure becomes the power of the same convention, said in a note', () => {
    const json = JSON.parse(femurPlan());
    json.drive = { surfacePressure: 0.2e6 };
    const { plan } = readPlanJson(json, CASE_IDS);
    const { state, notes } = planStateFromFile(plan, DEFAULTS);
    // W = ½·p²/(ρc)·A: 208 elements of 6 mm in water (ρc = 1000 × 1482… from the table).
    const area = 208 * Math.PI * 0.003 ** 2;
    expect(state.sonication.acousticPower).toBeGreaterThan(0.5 * (0.2e6 ** 2 / 1.6e6) * area);
    expect(state.sonication.acousticPower).toBeLessThan(0.5 * (0.2e6 ** 2 / 1.4e6) * area);
    expect(notes.join(' ')).toMatch(/surface pressure/);
  });

  it('notes what the app does not hold: another grid, the focal-ray model', () => {
    const json = JSON.parse(femurPlan());
    json.grid = { size: 0.03, spacing: 0.001 };
    json.fieldModel = 'focal-ray';
    const { notes } = planStateFromFile(readPlanJson(json, CASE_IDS).plan, DEFAULTS);
    expect(notes).toHaveLength(2);
  });
});

describe('files the app refuses, naming the field', () => {
  it('not JSON: cut short, a 3D model opened as a plan by mistake, or other text — each said as what it is', () => {
    const e = refusal(() => readPlanText('{ "format": ', CASE_IDS));
    expect(e.field).toBe('');
    expect(e.message).toMatch(/the file ends before the plan does: it was cut short/);
    const stl = refusal(() => readPlanText('solid femur\n  facet normal 0 0 1\n', CASE_IDS));
    expect(stl.message).toBe('this is a 3D model (STL), not a plan: open it with "Import bone…" instead');
    const glb = refusal(() => readPlanText('glTF\u0002\u0000\u0000\u0000', CASE_IDS));
    expect(glb.message).toMatch(/3D model \(GLB\)/);
    const obj = refusal(() => readPlanText('# femur\nv 0 0 0\nv 1 0 0\nf 1 2 3\n', CASE_IDS));
    expect(obj.message).toMatch(/3D model \(OBJ\)/);
    // A complete file broken in its middle, or with bytes after the plan, is neither cut short nor a model (a walk's
    // findings): where the text breaks is said.
    const middle = refusal(() => readPlanText('{\n  "format": 1 x\n  "spots": []\n}\n', CASE_IDS));
    expect(middle.message).toMatch(/^not a plan file: its text is not valid JSON, at line 2, column 15 \(/);
    const junk = refusal(() => readPlanText('{"format": 1}\u0000\u0001\u0002', CASE_IDS));
    expect(junk.message).toMatch(/^not a plan file: its text is not valid JSON, at line 1, column 14/);
    const prose = refusal(() => readPlanText('Dear colleague, here is my plan', CASE_IDS));
    expect(prose.message).toMatch(/^not a plan file: its text is not JSON \(/);
  });

  it('a layered medium: the command line’s only', () => {
    const json = JSON.parse(
      readFileSync(new URL('../../public/scenarios/layered-soft-tissue-bone.json', import.meta.url), 'utf8'),
    );
    const e = refusal(() => readPlanJson(json, CASE_IDS));
    expect(e.field).toBe('medium');
    expect(e.message).toMatch(/command line/);
  });

  it('a spot with a power out of range', () => {
    const json = JSON.parse(femurPlan());
    json.planning.spots[1].acousticPower = -3;
    expect(refusal(() => readPlanJson(json, CASE_IDS)).field).toBe('planning.spots.1.acousticPower');
  });
});
