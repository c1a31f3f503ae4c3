import { describe, expect, it } from 'vitest';
import {
  BANNED_OUTSIDE_GLOSSARY,
  GLOSSARY,
  NOTE_FULL,
  NOTE_SHORT,
  type Paragraph,
  SOURCES,
  STAGE_DESCRIPTIONS,
  STEPS,
  type Step,
} from '../../src/modes/patient/content.ts';

/** Every paragraph a step shows in its main text (not the folded numbers, not the glossary). */
function mainParagraphs(step: Step): Paragraph[] {
  return [...step.body, ...(step.list ?? []).flatMap((group) => [{ text: group.heading }, ...group.points])];
}

function allParagraphs(step: Step): Paragraph[] {
  return [...mainParagraphs(step), ...(step.numbers?.body ?? [])];
}

/** Everything the explainer says outside its glossary: titles, text, notes, picture descriptions, sources. */
function textOutsideGlossary(): string[] {
  return [
    ...STEPS.flatMap((step) => [step.title, ...allParagraphs(step).map((p) => p.text), step.numbers?.label ?? '']),
    NOTE_SHORT,
    ...NOTE_FULL.map((p) => p.text),
    ...Object.values(STAGE_DESCRIPTIONS),
    ...SOURCES.map((s) => s.usedFor),
  ];
}

describe('the patient explainer tells the story step by step', () => {
  it('every step has a title and plain text', () => {
    expect(STEPS.length).toBeGreaterThanOrEqual(7);
    for (const step of STEPS) {
      expect(step.title.trim(), step.id).not.toBe('');
      expect(step.body.length, step.id).toBeGreaterThan(0);
      const texts = [...step.body, ...(step.list ?? []).flatMap((g) => g.points), ...(step.numbers?.body ?? [])];
      for (const p of texts) expect(p.text.trim().length, step.id).toBeGreaterThan(10);
      for (const group of step.list ?? []) expect(group.heading.trim(), step.id).not.toBe('');
    }
  });

  it('step ids are unique (they are the page addresses)', () => {
    expect(new Set(STEPS.map((s) => s.id)).size).toBe(STEPS.length);
  });

  it('follows the clinical story in order: the spot, the table, the beams, they meet, the heat, spot by spot, relief', () => {
    const stages = STEPS.map((s) => s.stage);
    const story = ['lesion', 'table', 'beams', 'meet', 'heat', 'spots', 'relief'];
    expect(stages.slice(0, story.length)).toEqual(story);
  });

  it('covers the day, the feeling, afterwards, the comparison, the glossary and the sources', () => {
    const titles = STEPS.map((s) => s.title.toLowerCase());
    for (const words of ['on the day', 'feels like', 'afterwards', 'surgery and radiation']) {
      expect(
        titles.some((t) => t.includes(words)),
        words,
      ).toBe(true);
    }
    expect(STEPS.filter((s) => s.extra === 'glossary')).toHaveLength(1);
    expect(STEPS.at(-1)?.extra).toBe('sources');
  });

  it('says it is education, not medical advice, and to talk to the care team', () => {
    expect(NOTE_SHORT).toMatch(/not medical advice/i);
    expect(NOTE_SHORT).toMatch(/care team/i);
    const full = NOTE_FULL.map((p) => p.text).join(' ');
    expect(full).toMatch(/not medical advice/i);
    expect(full).toMatch(/care team/i);
    expect(full).toMatch(/illustration/i);
    expect(full).toMatch(/never be used to plan/i);
  });

  it('every picture stage has a description for a screen reader', () => {
    for (const step of STEPS) expect(STAGE_DESCRIPTIONS[step.stage].length, step.id).toBeGreaterThan(20);
  });
});

describe('plain words', () => {
  it('the planner’s jargon appears only in the glossary', () => {
    for (const text of textOutsideGlossary()) {
      for (const word of BANNED_OUTSIDE_GLOSSARY) {
        expect(text.toLowerCase().includes(word.toLowerCase()), `"${word}" in: ${text}`).toBe(false);
      }
    }
  });

  it('the jargon check would catch a banned word (it reads the same text the page shows)', () => {
    const seen = textOutsideGlossary().join(' ');
    expect(seen).toContain(STEPS[0]?.title ?? '∅');
    expect(seen).toContain(STEPS[0]?.body[0]?.text ?? '∅');
  });

  it('every banned word is explained in the glossary', () => {
    const glossaryText = GLOSSARY.map((g) => [g.term, ...(g.also ?? [])].join(' ').toLowerCase()).join(' | ');
    for (const word of BANNED_OUTSIDE_GLOSSARY) expect(glossaryText, word).toContain(word.toLowerCase());
  });

  it('no units in the main text: numbers with units only in the folded "numbers, if you would like them"', () => {
    const units = /°C|\bdegrees\b|\bMPa\b|\bMHz\b|\bW\b|W\/cm|\bmm\b|\bcm\b|\bkW\b|\bJ\b|\bmin\b|CEM/;
    for (const step of STEPS) {
      for (const p of mainParagraphs(step)) expect(p.text, step.id).not.toMatch(units);
      expect(step.title).not.toMatch(units);
    }
    // The folded numbers do carry units: the check above is not vacuous.
    expect(STEPS.flatMap((s) => s.numbers?.body ?? []).some((p) => units.test(p.text))).toBe(true);
  });
});

describe('the glossary', () => {
  it('every term has a plain definition', () => {
    for (const entry of GLOSSARY) {
      expect(entry.term.trim(), 'term').not.toBe('');
      expect(entry.definition.trim().length, entry.term).toBeGreaterThan(20);
      expect(entry.definition.toLowerCase().startsWith(entry.term.toLowerCase()), entry.term).toBe(false);
    }
  });

  it('terms are unique and in A-to-Z order', () => {
    const terms = GLOSSARY.map((g) => g.term.toLowerCase());
    expect(new Set(terms).size).toBe(terms.length);
    expect([...terms].sort((a, b) => a.localeCompare(b))).toEqual(terms);
  });

  it('covers the app’s vocabulary (PRODUCT.md) and the words the explainer uses', () => {
    const named = GLOSSARY.flatMap((g) => [g.term, ...(g.also ?? [])].map((t) => t.toLowerCase()));
    const vocabulary = [
      'target',
      'focus',
      'transducer',
      'element',
      'beam',
      'sonication',
      'spot',
      'plan',
      'cooling',
      'thermal dose',
      'cem43',
      'ablation zone',
      'critical structure',
      'no-pass region',
      'phantom',
      'case',
      'ultrasound',
      'mri',
      'metastasis',
      'lesion',
      'sedation',
      'sham treatment',
      'radiation',
    ];
    for (const term of vocabulary) expect(named, term).toContain(term);
  });
});

describe('facts and sources', () => {
  const ids = new Set(SOURCES.map((s) => s.id));
  const paragraphs = [...STEPS.flatMap(allParagraphs), ...NOTE_FULL];

  it('every fact (a paragraph with a figure in it) names a source', () => {
    const facts = paragraphs.filter((p) => /\d/.test(p.text));
    expect(facts.length).toBeGreaterThanOrEqual(6);
    for (const p of facts) expect(p.sources?.length ?? 0, p.text).toBeGreaterThan(0);
  });

  it('the results afterwards and the comparison are all sourced', () => {
    for (const id of ['afterwards', 'compared']) {
      const step = STEPS.find((s) => s.id === id);
      const claims = [...(step?.body ?? []), ...(step?.list ?? []).flatMap((g) => g.points)].filter(
        (p) => !p.text.endsWith(':'),
      );
      expect(claims.length, id).toBeGreaterThan(0);
      for (const p of claims) expect(p.sources?.length ?? 0, p.text).toBeGreaterThan(0);
    }
  });

  it('the comparison is fair to radiation, and who is offered it follows the trial’s own patients', () => {
    // A walk found "5 to 10 visits" (one is standard for painful bone spots) and "people who could have surgery or
    // radiation can usually be considered" (the trial treated people whom radiation had not helped or did not suit).
    const compared = STEPS.find((s) => s.id === 'compared');
    const radiation = compared?.list?.find((g) => g.heading === 'Radiation')?.points ?? [];
    expect(radiation.some((p) => /single visit/.test(p.text) && p.sources?.includes('lutz2017'))).toBe(true);
    const first = STEPS[0]?.body.find((p) => /Focused ultrasound/.test(p.text));
    expect(first?.text).toMatch(/radiation has not eased/);
    expect(first?.sources).toContain('hurwitz2014');
  });

  it('every cited source is in the list, and every source in the list is cited', () => {
    const cited = new Set(paragraphs.flatMap((p) => p.sources ?? []));
    for (const id of cited) expect(ids.has(id), id).toBe(true);
    for (const id of ids) expect(cited.has(id), id).toBe(true);
  });

  it('every source says who, where and when, and what it is used for', () => {
    for (const s of SOURCES) {
      expect(s.citation, s.id).toMatch(/(19|20)\d\d|Sperling/);
      expect(s.usedFor.length, s.id).toBeGreaterThan(10);
    }
  });
});
