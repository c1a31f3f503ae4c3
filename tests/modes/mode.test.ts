import { describe, expect, it } from 'vitest';
import { MODES, modeFromSearch, modeHref } from '../../src/modes/mode.ts';

describe('the mode comes from ?mode= in the address', () => {
  it('reads each of the four modes', () => {
    expect(modeFromSearch('?mode=learn')).toBe('learn');
    expect(modeFromSearch('?mode=lecture')).toBe('lecture');
    expect(modeFromSearch('?mode=patient')).toBe('patient');
    expect(modeFromSearch('mode=plan')).toBe('plan');
  });

  it('opens the planner when the mode is missing, empty or unknown, without an error', () => {
    expect(modeFromSearch('')).toBe('plan');
    expect(modeFromSearch('?mode=')).toBe('plan');
    expect(modeFromSearch('?mode=surgeon')).toBe('plan');
    expect(modeFromSearch('?case=rib')).toBe('plan');
    expect(modeFromSearch('?mode=%E0%A4%A')).toBe('plan');
  });

  it('forgives case and spaces in a typed address', () => {
    expect(modeFromSearch('?mode=Patient')).toBe('patient');
    expect(modeFromSearch('?mode=%20lecture%20')).toBe('lecture');
  });

  it('links to each mode keep the other parameters and round-trip', () => {
    for (const { mode } of MODES) {
      const href = modeHref(mode, '?case=rib&mode=plan');
      expect(modeFromSearch(href)).toBe(mode);
      expect(new URLSearchParams(href).get('case')).toBe('rib');
    }
  });

  it('the menu names the four modes in plain words', () => {
    expect(MODES.map((m) => m.label)).toEqual(['Plan', 'Learn', 'Lecture', 'For patients']);
  });
});
