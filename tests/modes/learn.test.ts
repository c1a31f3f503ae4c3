import { describe, expect, it } from 'vitest';
import { memoryKeyValue } from '../../src/app/key-value.ts';
import { emptyStatusCounts } from '../../src/geometry/beam-status.ts';
import { EXERCISES, type Exercise } from '../../src/modes/learn/exercises.ts';
import { evaluate, type LearnView } from '../../src/modes/learn/objectives.ts';
import {
  EMPTY_PROGRESS,
  loadProgress,
  PROGRESS_KEY,
  recordResult,
  resetProgress,
  saveProgress,
  withCurrent,
} from '../../src/modes/learn/progress.ts';
import { complete, feedback, score } from '../../src/modes/learn/scoring.ts';
import type { BeamTally } from '../../src/state/beam-tally.ts';
import { DEFAULT_SAFETY_THRESHOLDS } from '../../src/state/safety-defaults.ts';
import { safetyRows } from '../../src/ui/safety.ts';
import type { ShownRun } from '../../src/ui/shown-run.ts';

// The learn mode's pure logic on constructed results: the exercises' definitions, objectives judged, the score,
// the feedback in physical terms, and the progress kept behind a key-value store.

interface Made {
  lesionDose: number;
  coverage: number;
  skin: number;
  nerveDose: number;
  bone: number;
  peak: number;
  energy: number;
  spots?: number | undefined;
  tally?: Partial<BeamTally['counts']>;
  offByRule?: number;
}

function made(m: Made): LearnView {
  const region = (tissue: string, maxTemperature: number, maxDose: number) => ({
    tissue,
    voxels: 10,
    volume: 1e-8,
    maxTemperature,
    maxDose,
    ablatedVolume: 0,
    volumeAboveSafety: 0,
  });
  const run = {
    source: m.spots ? 'plan' : 'sonication',
    time: Float64Array.from([0, 20]),
    doses: {
      tissueDose: [region('skin', m.skin, 0.1), region('lesion', 70, m.lesionDose), region('nerve', 38, m.nerveDose)],
      lesionCoverage: m.coverage,
      boneSurfaceOutsideTarget: { ...region('bone', m.bone, 1), exclusionRadius: 0.005 },
    },
    peakTemperature: m.peak,
    energyPerSonication: m.energy,
    fieldModel: 'whole-path',
  } as unknown as ShownRun;
  const counts = { ...emptyStatusCounts(), clear: 208, ...m.tally };
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  return {
    run,
    stale: false,
    rows: safetyRows(run, DEFAULT_SAFETY_THRESHOLDS),
    tally: { total, counts, offByHand: 0, offByRule: m.offByRule ?? 0 },
    planSpots: m.spots ?? 0,
    totalEnergy: m.energy * (m.spots ?? 1),
    hottest: { tissue: 'cortical_bone', distance: 0.012 },
    spotProblems: [],
  };
}

const good: Made = {
  lesionDose: 1e6,
  coverage: 0.5,
  skin: 40,
  nerveDose: 0.01,
  bone: 42,
  peak: 75,
  energy: 800,
  spots: 4,
};
const bad: Made = {
  lesionDose: 10,
  coverage: 0,
  skin: 60,
  nerveDose: 500,
  bone: 80,
  peak: 130,
  energy: 5000,
  tally: { gas: 5, critical: 3, clear: 200 },
};
const byId = (id: string) => EXERCISES.find((e) => e.id === id) as Exercise;

describe('the exercises', () => {
  it('there are at least five, on the bundled cases, each with a brief, objectives, hints and measured numbers', () => {
    expect(EXERCISES.length).toBeGreaterThanOrEqual(5);
    expect(new Set(EXERCISES.map((e) => e.id)).size).toBe(EXERCISES.length);
    for (const e of EXERCISES) {
      expect(['femur-shaft', 'iliac-wing', 'rib']).toContain(e.caseId);
      expect(e.start.caseId).toBe(e.caseId);
      expect(e.brief.length).toBeGreaterThan(80);
      expect(e.objectives.length).toBeGreaterThanOrEqual(3);
      expect(e.hints.length).toBeGreaterThanOrEqual(2);
      expect(e.measured).toMatch(/\d/);
      for (const o of e.objectives) {
        expect(o.weight).toBeGreaterThan(0);
        expect(o.tip.length).toBeGreaterThan(20);
      }
    }
  });

  it('cover issue 13’s five scenarios: nerve, bowel gas, lung, several spots, a steep beam at the bone', () => {
    const kinds = (e: Exercise) => e.objectives.map((o) => o.check.kind);
    expect(byId('femur-nerve').brief).toMatch(/nerve/);
    expect(kinds(byId('iliac-bowel'))).toContain('no-beams');
    expect(byId('rib-lung').objectives.some((o) => /lung/.test(o.text))).toBe(true);
    expect(kinds(byId('femur-spots'))).toEqual(expect.arrayContaining(['plan-spots', 'coverage']));
    expect(byId('femur-steep').start.tilt?.degrees).toBeGreaterThan(30);
    expect(
      byId('femur-steep').objectives.some(
        (o) => o.check.kind === 'safety' && o.check.row === 'bone-surface-temperature',
      ),
    ).toBe(true);
  });
});

describe('objectives and score on constructed results', () => {
  it('every objective met scores 100 and completes the exercise, on every exercise', () => {
    for (const e of EXERCISES) {
      const results = evaluate(e, made(e.id === 'femur-spots' ? good : { ...good, spots: undefined }));
      expect(results.map((r) => [r.objective.id, r.met])).toEqual(e.objectives.map((o) => [o.id, true]));
      expect(score(results)).toBe(100);
      expect(complete(results)).toBe(true);
    }
  });

  // A walk read "100 / 100 — complete!" beside a bone surface over its limit, which that exercise did not judge.
  it('every objective met is not complete while a safety light is over its limit, and the feedback says which', () => {
    const e = byId('femur-nerve'); // judges the lesion, the nerve, the skin and the energy, not the bone surface
    const view = made({ ...good, spots: undefined, bone: 65 });
    const results = evaluate(e, view);
    expect(results.every((r) => r.met === true)).toBe(true);
    expect(score(results)).toBe(100);
    expect(complete(results, view.rows)).toBe(false);
    expect(feedback(view, results).at(-1)).toMatch(
      /^Every objective is met, but bone surface more than 5 mm from the focus, maximum temperature is over the safety limit/,
    );
    expect(complete(results, made({ ...good, spots: undefined }).rows)).toBe(true);
  });

  it('gives a small coverage with two significant figures, as the results card does (never "0.0 %")', () => {
    const view = made({ ...good, spots: undefined, coverage: 0.000401 });
    expect(feedback(view, evaluate(byId('femur-nerve'), view)).join(' ')).toContain('Coverage: 0.040 % of the lesion');
  });

  it('none met scores 0', () => {
    for (const e of EXERCISES) {
      const results = evaluate(e, made(bad));
      expect(results.every((r) => r.met === false)).toBe(true);
      expect(score(results)).toBe(0);
      expect(complete(results)).toBe(false);
    }
  });

  it('some met scores the weighted share in between', () => {
    const e = byId('femur-nerve'); // ablated 2, nerve 2, skin 1, energy 1
    const results = evaluate(e, made({ ...good, spots: undefined, skin: 60, energy: 5000 }));
    expect(results.map((r) => r.met)).toEqual([true, true, false, false]);
    expect(score(results)).toBe(67);
  });

  it('before any run nothing is judged and the score is 0; a stale run is not judged either', () => {
    const e = byId('rib-lung');
    const none = evaluate(e, { ...made(good), run: undefined });
    expect(none.every((r) => r.met === undefined)).toBe(true);
    expect(score(none)).toBe(0);
    const stale = evaluate(e, { ...made(good), stale: true });
    expect(stale.every((r) => r.met === undefined)).toBe(true);
    expect(feedback({ ...made(good), stale: true }, stale).join(' ')).toMatch(/earlier settings/);
  });

  it('reports the measured values beside each objective', () => {
    const results = evaluate(byId('femur-spots'), made({ ...good, coverage: 0.087, spots: 3, energy: 800 }));
    expect(results.find((r) => r.objective.id === 'coverage')?.value).toBe('8.7 % of the lesion ablated');
    expect(results.find((r) => r.objective.id === 'spots')?.value).toBe('3 spots run');
    expect(results.find((r) => r.objective.id === 'skin')?.value).toMatch(/^40\.0 °C/);
  });
});

describe('feedback in physical terms', () => {
  it('names the lost beams and why: gas, a critical structure, beyond the critical angle, switched off by the rule', () => {
    const view = made({ ...good, tally: { gas: 5, critical: 3, angle: 7, clear: 180, off: 13 }, offByRule: 13 });
    const text = feedback(view, evaluate(byId('iliac-bowel'), view)).join('\n');
    expect(text).toMatch(/5 firing beams cross gas.*reflects nearly all/);
    expect(text).toMatch(/3 firing beams cross a critical structure/);
    expect(text).toMatch(/7 firing beams meet the bone beyond the critical angle/);
    expect(text).toMatch(/13 beams were switched off by the automatic rule/);
  });

  it('says what the bone did to the heat and what to try next', () => {
    const view = made({ ...bad, tally: {} });
    const results = evaluate(byId('femur-steep'), view);
    const text = feedback(view, results).join('\n');
    expect(text).toMatch(/bone surface away from the target reached 80\.0 °C, over the 50 °C limit/);
    expect(text).toMatch(/hottest point lay 12 mm from the target, in cortical bone/);
    expect(text).toMatch(/130 °C: it boils/);
    expect(text).toMatch(/Try next: Beams that strike the bone obliquely/);
    const clear = feedback(made(good), evaluate(byId('femur-spots'), made(good))).join('\n');
    expect(clear).toMatch(/all 208 are clear/);
    expect(clear).toMatch(/Every objective is met/);
  });
});

describe('progress kept behind a key-value store', () => {
  it('keeps the best score and the completed mark, saves, restores and resets', async () => {
    const kv = memoryKeyValue();
    expect(await loadProgress(kv)).toEqual(EMPTY_PROGRESS);
    let p = recordResult(EMPTY_PROGRESS, 'rib-lung', 60, false);
    p = recordResult(p, 'rib-lung', 100, true);
    p = recordResult(p, 'rib-lung', 40, false);
    p = withCurrent(p, 'rib-lung');
    expect(p.exercises['rib-lung']).toEqual({ best: 100, completed: true, attempts: 3 });
    await saveProgress(kv, p);
    expect(await loadProgress(kv)).toEqual(p);
    expect(await resetProgress(kv)).toEqual(EMPTY_PROGRESS);
    expect(kv.data.has(PROGRESS_KEY)).toBe(false);
    expect(await loadProgress(kv)).toEqual(EMPTY_PROGRESS);
  });

  it('ignores what it cannot read', async () => {
    const kv = memoryKeyValue();
    await kv.set(PROGRESS_KEY, { version: 1, exercises: { a: { best: 'x' } } });
    expect(await loadProgress(kv)).toEqual(EMPTY_PROGRESS);
    await kv.set(PROGRESS_KEY, 'junk');
    expect(await loadProgress(kv)).toEqual(EMPTY_PROGRESS);
  });
});
