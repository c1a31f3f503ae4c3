import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import type { PlannerStoreApi } from '../../src/state/store.ts';
import { PlanPanel } from '../../src/ui/PlanPanel.tsx';
import { TimePanel } from '../../src/ui/TimePanel.tsx';
import { renderWithStore } from '../fixtures/planner-store.ts';
import { fakePlan, fakeSonication } from './time-fixtures.ts';

const noop = () => undefined;

function render(patch: (store: PlannerStoreApi) => void = noop): string {
  return renderWithStore(
    patch,
    createElement(PlanPanel, { onSonicate: noop, onCancel: noop }),
    createElement(TimePanel, { onSavePng: noop }),
  );
}

const testIds = (html: string) => new Set([...html.matchAll(/data-testid="([^"]+)"/g)].map((m) => m[1]));
const attr = (html: string, id: string, name: string) =>
  new RegExp(`data-testid="${id}"[^>]*?${name}="([^"]*)"|${name}="([^"]*)"[^>]*?data-testid="${id}"`).exec(html);
const attrOf = (html: string, id: string, name: string) => {
  const m = attr(html, id, name);
  return m ? (m[1] ?? m[2]) : undefined;
};

describe('the time panel, safety dashboard and slices render', () => {
  it('renders every control before any run', () => {
    const html = render();
    const ids = testIds(html);
    for (const id of [
      'time-panel',
      'playback-play',
      'playback-scrubber',
      'playback-time',
      'playback-speed',
      'mr-thermometry',
      'export-png',
      'export-csv',
      'export-nrrd-temperature',
      'export-nrrd-dose',
      'safety-dashboard',
      'safety-skin-temperature',
      'safety-bone-surface-temperature',
      'safety-critical-dose',
      'safety-energy',
      'safety-skin-temperature-limit',
      'safety-warn-fraction',
      'slice-quantity',
      'slice-visible',
      'slice-legend',
      'result-temperature-rise',
      'result-lesion-coverage',
    ]) {
      expect(ids, id).toContain(id);
    }
    expect(attrOf(html, 'safety-energy', 'data-status')).toBe('none');
    expect(html).not.toContain('data-testid="playback-source"');
  });

  it('shows a sonication: curves, lights, results and the time', () => {
    const html = render((store) => store.getState().finishRun(fakeSonication()));
    expect(attrOf(html, 'plot-temperature', 'data-series')).toBe('2');
    expect(attrOf(html, 'plot-dose', 'data-series')).toBe('2');
    expect(attrOf(html, 'playback-time', 'data-si')).toBe('30');
    expect(attrOf(html, 'safety-skin-temperature', 'data-status')).toBe('warn');
    expect(attrOf(html, 'safety-energy', 'data-status')).toBe('pass');
    expect(attrOf(html, 'safety-energy-value', 'data-si')).toBe('1200');
    expect(attrOf(html, 'result-temperature-rise', 'data-si')).toBe('38');
    expect(attrOf(html, 'result-lesion-coverage', 'data-si')).toBe('0.42');
    expect(html).toContain('42.0 %');
    expect(html).toContain('38.0 K');
    expect(attrOf(html, 'mr-thermometry', 'data-frame')).toBe('1');
    expect(attrOf(html, 'slice-legend', 'data-max')).toBe('75');
    expect(html).toMatch(/data-testid="export-csv"(?![^>]*disabled)/);
  });

  // A walk read "at most — at that point" for a probe the heat never reached: nothing of it is on the log dose plot.
  it('says a point whose dose stays below the log plot’s range is below it, not "at most —"', () => {
    const outcome = fakeSonication();
    const series = outcome.series;
    if (!series) throw new Error('the fixture records series');
    outcome.series = { ...series, dose: new Float32Array([0, 5, 400, 500, 0, 0, 0, 0]) };
    const html = render((store) => store.getState().finishRun(outcome));
    const label =
      /data-testid="plot-dose"[^>]*aria-label="([^"]*)"|aria-label="([^"]*)"[^>]*data-testid="plot-dose"/.exec(html);
    const text = label?.[1] ?? label?.[2] ?? '';
    expect(text).toContain('skin: below the plot&#x27;s range at that point');
    expect(text).not.toContain('—');
  });

  it('offers the source switch when a plan and a sonication exist', () => {
    const html = render((store) => {
      store.getState().finishRun(fakeSonication());
      store.getState().finishPlanRun(fakePlan());
    });
    expect(testIds(html)).toContain('playback-source');
    expect(attrOf(html, 'time-panel', 'data-source')).toBe('plan');
    expect(attrOf(html, 'safety-energy-value', 'data-si')).toBe('2600');
    expect(attrOf(html, 'safety-critical-dose', 'data-status')).toBe('fail');
    expect(html).toContain('Over the limit');
  });
});
