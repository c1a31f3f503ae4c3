import { describe, expect, it } from 'vitest';
import { coverNoteText, coverPowerText } from '../../src/ui/cover-note.ts';

// "How many sonications cover a lesion?": the note under Cover the lesion answers with the covering's own numbers.
describe('the note after Cover the lesion', () => {
  it('says when the foci touch: spots one focal width apart', () => {
    expect(coverNoteText({ count: 12, spacing: 0.0026, focalWidth: 0.0026, fullCount: 12, maxSpots: 30 })).toBe(
      '12 spots, 2.60 mm apart: one focal spot’s width (2.60 mm), so neighbouring foci touch.',
    );
  });

  it('says how many spots the lesion takes when the cap spread them out, and what that leaves', () => {
    const text = coverNoteText({ count: 29, spacing: 0.0102, focalWidth: 0.0026, fullCount: 412, maxSpots: 30 });
    expect(text).toMatch(
      /^29 spots, 10\.2 mm apart\. At one focal spot’s width \(2\.60 mm\) this lesion takes 412 spots/,
    );
    expect(text).toContain('a covering places at most 30');
    expect(text).toContain('Expect gaps');
  });

  it('says so when no spot fits', () => {
    expect(coverNoteText({ count: 0, spacing: 0.0026, focalWidth: 0.0026, fullCount: 0, maxSpots: 30 })).toBe(
      'No spot fits inside the lesion.',
    );
  });
});

describe('what the covering spots start at', () => {
  it('says the power and time they take, that one power rarely serves all, and what to do after the run', () => {
    const text = coverPowerText(50, 20);
    expect(text).toContain('Every spot starts at 50.0 W for 20.0 s.');
    expect(text).toContain('a spot whose beams meet bone heats far more');
    expect(text).toContain('Run the plan, then set each spot’s power from it.');
  });
});
