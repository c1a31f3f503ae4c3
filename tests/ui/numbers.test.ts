import { readFileSync } from 'node:fs';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { DOSE_CEILING } from '../../src/physics/sonication.ts';
import { sonicationInputs } from '../../src/state/selectors.ts';
import { CasePanel } from '../../src/ui/CasePanel.tsx';
import { formatDose, formatDuration, formatQuantity } from '../../src/ui/format.ts';
import { parseMarkdown, renderMarkdown } from '../../src/ui/markdown.ts';
import { describeSide } from '../../src/ui/plan-helpers.ts';
import { ResultsCard } from '../../src/ui/ResultsCard.tsx';
import { renderWithStore } from '../fixtures/planner-store.ts';
import { fakeSonication } from './time-fixtures.ts';

describe('quantities to three significant figures', () => {
  it('a value that rounds into the next decade is written as that decade’s: 9.9996 mm is "10.0 mm", not "10.00 mm"', () => {
    expect(formatQuantity(0.0099996, 'mm', 1e3)).toBe('10.0 mm');
    expect(formatQuantity(0.00906, 'mm', 1e3)).toBe('9.06 mm');
    expect(formatQuantity(99.96, '°C')).toBe('100 °C');
    expect(formatQuantity(0.99996, 'W')).toBe('1.00 W');
    expect(formatQuantity(-9.9996, 'K')).toBe('-10.0 K');
    expect(formatQuantity(999_996, 'J')).toBe('1.00 × 10⁶ J');
  });
});

describe('lengths of time as a person says them', () => {
  it('seconds below two minutes, minutes and whole seconds above: a plan of one spot is not "0.833 min"', () => {
    expect(formatDuration(50)).toBe('50.0 s');
    expect(formatDuration(119.6)).toBe('120 s');
    expect(formatDuration(120)).toBe('2 min');
    expect(formatDuration(29 * 50)).toBe('24 min 10 s');
    expect(formatDuration(Number.NaN)).toBe('—');
  });
});

describe('thermal doses a learner can read', () => {
  it('below 240 CEM43 min: the number', () => {
    expect(formatDose(12.34)).toEqual({ text: '12.3 CEM43 min', title: '' });
    expect(formatDose(0)).toEqual({ text: '0 CEM43 min', title: '' });
  });

  it('240 up to 10⁵: the number and "ablated"', () => {
    expect(formatDose(1870).text).toBe('1870 CEM43 min (≥ 240: ablated)');
  });

  it('10¹⁰: "≥ 240: ablated", the exponent only in the tooltip', () => {
    const d = formatDose(3.2e10);
    expect(d.text).toBe('≥ 240 CEM43 min: ablated');
    expect(d.text).not.toMatch(/×|10/);
    expect(d.title).toContain('3.20 × 10¹⁰');
  });

  it('at the engine’s ceiling (read back from Float32), "capped"', () => {
    expect(formatDose(Math.fround(DOSE_CEILING)).text).toBe('≥ 240 CEM43 min: ablated (capped)');
    expect(formatDose(DOSE_CEILING).title).toContain('true dose is larger');
    expect(formatDose(Number.NaN).text).toBe('—');
  });
});

describe('where the transducer sits, in words', () => {
  const femur = {
    x: ['the inner side (medial)', 'the outer side (lateral)'],
    y: ['the back (posterior)', 'the front (anterior)'],
    z: ['the knee end (distal)', 'the hip end (proximal)'],
  } as const;

  it('the femur’s default side: front and outer side, 45° apart', () => {
    expect(describeSide([Math.SQRT1_2, Math.SQRT1_2, 0], femur)).toBe(
      'from the front (anterior), tilted 45° toward the outer side (lateral)',
    );
  });

  it('straight below, on the view’s axes when the case names none', () => {
    expect(describeSide([0, -1, 0])).toBe('from below');
    expect(describeSide([0.1, -0.99, 0])).toBe('from below');
    expect(describeSide([0.5, -0.5, -Math.SQRT1_2])).toBe('from −z, tilted 45° toward below and +x');
  });
});

describe('the physics notes ship with the app', () => {
  const notes = readFileSync(new URL('../../src/physics/CONTEXT.md', import.meta.url), 'utf8');

  it('read into headings, paragraphs and tables, with the sections the app links to', () => {
    const blocks = parseMarkdown(notes);
    const ids = blocks.flatMap((b) => (b.kind === 'heading' ? [b.id] : []));
    expect(ids).toContain('measured-errors');
    expect(ids).toContain('validity-limits');
    const table = blocks.find((b) => b.kind === 'table');
    expect(table?.kind === 'table' && table.rows.every((r) => r.length === table.head.length)).toBe(true);
  });

  it('builds elements, never markup from the text: a tag in the file stays text', () => {
    const html = renderToStaticMarkup(
      createElement(
        'div',
        null,
        ...renderMarkdown('# T\n\nA <script>x</script> and `a|b` and [r](https://example.org).'),
      ),
    );
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('<code>a|b</code>');
    expect(html).toContain('<a href="https://example.org" target="_blank" rel="noreferrer">r</a>');
    // Subscripts stay as written; _words_ are emphasis.
    expect(renderToStaticMarkup(createElement('p', null, ...renderMarkdown('R + E_l + E_t and _this_')))).toBe(
      '<p><p>R + E_l + E_t and <em>this</em></p></p>',
    );
  });

  it('the results card says the parameters the run used (a refused value leaves the last accepted one in force)', () => {
    const html = renderWithStore((store) => {
      store.getState().setSonication({ acousticPower: 80, duration: 15, cooling: 5 });
      store.getState().finishRun(fakeSonication(), sonicationInputs(store.getState()));
    }, createElement(ResultsCard));
    expect(html).toMatch(/data-testid="run-parameters"> · ran at 80.0 W for 15.0 s, 5.00 s cooling</);
  });

  it('the results card says when a sonication was computed ahead: ready before the click, or finished after it', () => {
    const info = (computedAhead?: 'ready' | 'finished') =>
      renderWithStore(
        (store) =>
          store
            .getState()
            .finishRun({ ...fakeSonication(), elapsedMs: 2400, ...(computedAhead ? { computedAhead } : {}) }),
        createElement(ResultsCard),
      );
    expect(info('ready')).toContain(
      'computed in 2.4 s in the background, ahead of the click, while the settings stood still',
    );
    // The click waited: only part of it was computed while the user read, and the card does not claim more.
    const waited = info('finished');
    expect(waited).toContain(
      'computed in 2.4 s in the background, begun before the click, while the settings stood still',
    );
    expect(waited).not.toContain('ahead of the click');
    expect(info()).not.toContain('before the click');
  });

  it('the results card links to them', () => {
    const html = renderWithStore((store) => store.getState().finishRun(fakeSonication()), createElement(ResultsCard));
    expect(html).toMatch(/<a href="#physics-notes-measured-errors"[^>]*data-testid="physics-notes-link"/);
  });
});

describe('screen readers hear tissue names', () => {
  it('"Show cortical bone, femur", not "Show cortical_bone-femur"', () => {
    const html = renderWithStore(
      (store) =>
        store.getState().setCaseLoaded(
          {
            meta: { id: 'f', title: 'f', description: '', defaultTarget: [0, 0, 0], defaultBeamDirection: [0, 1, 0] },
            parts: [{ name: 'cortical_bone-femur', tissue: 'cortical_bone', label: 'femur' }],
            bounds: { min: [-0.1, -0.1, -0.1], max: [0.1, 0.1, 0.1] },
          },
          () => 1,
        ),
      createElement(CasePanel, { cases: [], onPickCase: () => undefined }),
    );
    expect(html).toContain('aria-label="Show cortical bone, femur"');
    expect(html).toContain('aria-label="Opacity of cortical bone, femur"');
    expect(html).not.toContain('Show cortical_bone-femur');
  });
});

describe('lesion coverage on a case without a lesion', () => {
  it('says "no lesion in this case", not 0 %', () => {
    const html = renderWithStore((store) => {
      store.getState().setCaseLoaded(
        {
          meta: { id: 'p', title: 'p', description: '', defaultTarget: [0, 0, 0], defaultBeamDirection: [0, 1, 0] },
          parts: [{ name: 'cortical_bone-plate', tissue: 'cortical_bone', label: 'plate' }],
          bounds: { min: [-0.1, -0.1, -0.1], max: [0.1, 0.1, 0.1] },
        },
        () => 1,
      );
      const outcome = fakeSonication();
      store.getState().finishRun({ ...outcome, summary: { ...outcome.summary, lesionCoverage: 0 } });
    }, createElement(ResultsCard));
    expect(html).toMatch(/data-testid="result-lesion-coverage"[^>]*>no lesion in this case</);
  });
});
