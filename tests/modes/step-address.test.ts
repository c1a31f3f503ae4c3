import { describe, expect, it } from 'vitest';
import { LECTURE_STEPS } from '../../src/modes/lecture/content.ts';
import { LECTURE_LOOK } from '../../src/modes/lecture/picture/lecture-look.ts';
import { TEMPERATURE_SURFACES } from '../../src/modes/lecture/picture/temperature-surfaces.ts';
import { addressUpdate, stepFromHash } from '../../src/modes/useStepAddress.ts';

const IDS = LECTURE_STEPS.map((s) => s.id);

describe('the step in the address (lecture and patient modes)', () => {
  it('reads the step a fragment names, with or without its #, else the first', () => {
    expect(stepFromHash(IDS, '#relief')).toBe(IDS.indexOf('relief'));
    expect(stepFromHash(IDS, 'heat')).toBe(IDS.indexOf('heat'));
    expect(stepFromHash(IDS, '')).toBe(0);
    expect(stepFromHash(IDS, '#no-such-step')).toBe(0);
    // A malformed escape is no step, not an error.
    expect(stepFromHash(IDS, '#%E0%A4%A')).toBe(0);
  });

  it('adds a history entry for a page the reader turned, none for the first page or one the address named', () => {
    expect(addressUpdate('#heat', 'dose', true)).toBe('push');
    // The first page shown, or a fragment that names no step: the entry is rewritten, no duplicate is added.
    expect(addressUpdate('', 'lesion', false)).toBe('replace');
    expect(addressUpdate('#nonsense', 'lesion', false)).toBe('replace');
    // Shown because the address named it (Back, Forward, a typed or linked fragment): nothing to write.
    expect(addressUpdate('#relief', 'relief', false)).toBe('none');
    expect(addressUpdate('#relief', 'relief', true)).toBe('none');
  });
});

describe('the lecture picture shows what its captions say', () => {
  it('the relief step: turned toward the lesion, the transducer gone, every spot and the final ablation zone', () => {
    const relief = LECTURE_LOOK.relief;
    expect(relief.faceLesion).toBe(true);
    expect(relief.transducer).toBe(0);
    expect(relief.spots).toBe('all');
    expect(relief.result).toBe('dose');
    // Close enough that the lesion's spots read, wide enough (the spots span 2.4 cm) to hold them all.
    expect(relief.close).toBe(true);
    expect(relief.closeSpan).toBeGreaterThan(0.03);
  });

  it('the heat step: the three surfaces of its caption (45, 55, 65 °C), in colours well apart', () => {
    expect(TEMPERATURE_SURFACES.map((s) => s.level)).toEqual([45, 55, 65]);
    const rgb = (hex: string) => [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));
    const colours = TEMPERATURE_SURFACES.map((s) => rgb(s.colour));
    for (const [i, a] of colours.entries()) {
      for (const b of colours.slice(i + 1)) expect(Math.hypot(...a.map((v, k) => v - (b[k] ?? 0)))).toBeGreaterThan(60);
    }
  });
});
