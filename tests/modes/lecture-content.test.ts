import { describe, expect, it } from 'vitest';
import { LECTURE_NOTE, LECTURE_STEPS } from '../../src/modes/lecture/content.ts';
import { stepForKey } from '../../src/modes/lecture/LectureMode.tsx';
import { frameAt, LECTURE_LOOK, playbackTime } from '../../src/modes/lecture/picture/lecture-look.ts';

/** The storyline issue 13 asks for, in its order: a word each step's title or body must carry. */
const STORY = [
  /lesion/i,
  /transducer/i,
  /skin/i,
  /converge/i,
  /heat/i,
  /dose zone|ablation zone/i,
  /spot by spot/i,
  /relief in days/i,
] as const;

/** Planner and physics jargon a room of students has not met yet, kept out of the lecture's words. */
const JARGON = [
  /aberration/i,
  /critical angle/i,
  /standoff/i,
  /Pennes/i,
  /angular spectrum/i,
  /FTCS/i,
  /voxel/i,
  /NaN/,
];

describe('lecture storyline (src/modes/lecture/content.ts)', () => {
  it('tells the story in issue 13’s order, one step per idea', () => {
    expect(LECTURE_STEPS).toHaveLength(STORY.length);
    LECTURE_STEPS.forEach((step, i) => {
      expect(`${step.title} ${step.body}`, step.id).toMatch(STORY[i] as RegExp);
    });
    expect(LECTURE_STEPS.map((s) => s.stage)).toEqual([
      'lesion',
      'transducer',
      'skin',
      'converge',
      'heat',
      'dose',
      'spots',
      'relief',
    ]);
  });

  it('titles every step shortly and keeps each body to one or two sentences in plain words', () => {
    const ids = new Set<string>();
    for (const step of LECTURE_STEPS) {
      expect(step.title.trim().length, step.id).toBeGreaterThan(5);
      expect(step.title.split(/\s+/).length, `${step.id}: a title read from the back of a room`).toBeLessThanOrEqual(7);
      const sentences = step.body.split(/(?<=[.!?])\s+/).filter((s) => s.trim() !== '');
      expect(sentences.length, step.id).toBeGreaterThanOrEqual(1);
      expect(sentences.length, step.id).toBeLessThanOrEqual(2);
      expect(step.body.length, step.id).toBeLessThanOrEqual(160);
      expect(step.picture.trim().length, `${step.id}: the view's name for a screen reader`).toBeGreaterThan(10);
      for (const word of JARGON) expect(`${step.title} ${step.body}`, step.id).not.toMatch(word);
      expect(ids.has(step.id), step.id).toBe(false);
      ids.add(step.id);
    }
    expect(LECTURE_NOTE).toMatch(/not for planning or delivering treatment/);
  });

  it('uses the educator’s vocabulary (PRODUCT.md) where the story reaches each idea', () => {
    const text = LECTURE_STEPS.map((s) => `${s.title} ${s.body}`).join(' ');
    for (const word of [
      'transducer',
      'element',
      'beam',
      'focus',
      'sonication',
      'spot',
      'plan',
      'cooling',
      'thermal dose',
      'ablation zone',
    ]) {
      expect(text.toLowerCase(), word).toContain(word);
    }
  });

  it('has a look for every stage, and only the heat, dose and spots steps show computed results close up', () => {
    for (const step of LECTURE_STEPS) expect(LECTURE_LOOK[step.stage], step.stage).toBeDefined();
    expect(LECTURE_LOOK.heat.result).toBe('heat');
    expect(LECTURE_LOOK.dose.result).toBe('dose');
    expect(LECTURE_LOOK.lesion.result).toBe('none');
    expect(LECTURE_LOOK.skin.result).toBe('none');
  });
});

describe('lecture keys', () => {
  it('turns forward on →, PageDown and Space (a clicker), back on ←, PageUp; Home and End jump', () => {
    for (const key of ['ArrowRight', 'PageDown', ' ']) expect(stepForKey(key, 3, 8)).toBe(4);
    for (const key of ['ArrowLeft', 'PageUp']) expect(stepForKey(key, 3, 8)).toBe(2);
    expect(stepForKey('Home', 5, 8)).toBe(0);
    expect(stepForKey('End', 0, 8)).toBe(7);
    expect(stepForKey('a', 3, 8)).toBeUndefined();
    expect(stepForKey('Enter', 3, 8)).toBeUndefined();
  });
});

describe('lecture playback clock', () => {
  const heat = { duration: 20, frames: { time: [0, 2, 4, 20, 48, 50] } } as unknown as Parameters<
    typeof playbackTime
  >[2];
  it('plays the heat at 2.5× and loops; its still frame is the end of the heating', () => {
    expect(playbackTime('heat', 0, heat)).toBe(0);
    expect(playbackTime('heat', 4, heat)).toBe(10);
    expect(playbackTime('heat', 21, heat)).toBe(50); // holding the last frame
    expect(playbackTime('heat', 23, heat)).toBe(0); // again from the start (cycle 20 s + 3 s hold)
    expect(playbackTime('heat', Number.POSITIVE_INFINITY, heat)).toBe(20);
  });
  it('plays the dose once and holds the end; the frame shown is the last at or before the time', () => {
    expect(playbackTime('dose', 100, heat)).toBe(50);
    expect(playbackTime('dose', Number.POSITIVE_INFINITY, heat)).toBe(50);
    expect(frameAt([0, 2, 4], 3.9)).toBe(1);
    expect(frameAt([0, 2, 4], 4)).toBe(2);
  });
});
