import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { planInputs, sonicationInputs } from '../../src/state/selectors.ts';
import { ActionBar } from '../../src/ui/ActionBar.tsx';
import { markCaseLoaded, renderWithStore } from '../fixtures/planner-store.ts';
import { fakePlan, fakeSonication } from './time-fixtures.ts';

// The bar's "Sonicate to update" is about the sonication's results (beside a plan's results it pointed the wrong way),
// and its status has room for a few words only (a failure's reason was cut to "The sonic…").
describe('the action bar after a run', () => {
  const bar = createElement(ActionBar, { onSonicate: () => undefined, onCancel: () => undefined });
  const staleSonication = (store: Parameters<Parameters<typeof renderWithStore>[0]>[0]) => {
    markCaseLoaded(store);
    store.getState().finishRun(fakeSonication(), sonicationInputs(store.getState()));
    store.getState().setSonication({ acousticPower: 70 });
  };

  it('says the sonication’s results are old while they are the ones shown', () => {
    const html = renderWithStore(staleSonication, bar);
    expect(html).toContain('data-testid="action-stale"');
  });

  it('says nothing of them while a plan’s results are shown', () => {
    const html = renderWithStore((store) => {
      staleSonication(store);
      store.getState().finishPlanRun(fakePlan(), planInputs(store.getState()));
      store.getState().setPlayback({ source: 'plan' });
    }, bar);
    expect(html).not.toContain('action-stale');
  });

  it('gives a failed run’s reason in full under the bar (the status beside it has room for a few words)', () => {
    const message =
      'The sonication failed: the worker stopped (out of memory); the plan and the last results are unchanged.';
    const html = renderWithStore((store) => {
      staleSonication(store);
      store.getState().failRun('error', message);
    }, bar);
    expect(html).toContain(`data-testid="run-error">${message.replace(/'/g, '&#x27;')}<`);
  });
});

// A walk found a trainee expecting Sonicate to fire at the target after "Cover the lesion" had selected spot 1.
describe('the Sonicate button', () => {
  const bar = createElement(ActionBar, { onSonicate: () => undefined, onCancel: () => undefined });
  const spotAt = (store: Parameters<Parameters<typeof renderWithStore>[0]>[0], id: string, dx: number) => {
    const [x, y, z] = store.getState().target;
    return { id, focus: [x + dx, y, z] as [number, number, number], acousticPower: 20, duration: 20, cooling: 30 };
  };
  const label = (html: string) => /data-testid="sonicate"[^>]*>([^<]*)</.exec(html)?.[1];

  it('names the spot it fires at when a selected spot steers the array away from the target', () => {
    const html = renderWithStore((store) => {
      markCaseLoaded(store);
      store.getState().setSpots([spotAt(store, 'a', 0), spotAt(store, 'b', 0.004)], 'b');
    }, bar);
    expect(label(html)).toBe('Sonicate spot 2');
  });

  it('is plain Sonicate at the target: no spot, or the selected spot at the target', () => {
    expect(label(renderWithStore(markCaseLoaded, bar))).toBe('Sonicate');
    const atTarget = renderWithStore((store) => {
      markCaseLoaded(store);
      store.getState().setSpots([spotAt(store, 'a', 0), spotAt(store, 'b', 0.004)], 'a');
    }, bar);
    expect(label(atTarget)).toBe('Sonicate');
  });
});

describe('the progress bar', () => {
  const bar = createElement(ActionBar, { onSonicate: () => undefined, onCancel: () => undefined });
  it('is unseen before any run (its empty track read as a text box), and shown once one has run', () => {
    expect(renderWithStore(markCaseLoaded, bar)).toMatch(/<progress[^>]*data-idle="true"/);
    const after = renderWithStore((store) => {
      markCaseLoaded(store);
      store.getState().finishRun(fakeSonication(), sonicationInputs(store.getState()));
    }, bar);
    expect(after).toMatch(/<progress[^>]*data-idle="false"/);
  });
});
