import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import type { PlannerStoreApi } from '../../src/state/store.ts';
import { ViewOverlay } from '../../src/ui/ViewOverlay.tsx';
import { markCaseLoaded, renderWithStore } from '../fixtures/planner-store.ts';
import { estimateWith } from './estimate-fixtures.ts';
import { fakePlan, fakeSonication } from './time-fixtures.ts';

function overlay(patch: (store: PlannerStoreApi) => void): string {
  return renderWithStore(patch, createElement(ViewOverlay));
}

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
/** The legend of the results only (the help over the view mentions temperature too). */
const legendText = (html: string) => text(/<section class="heat-legend"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '');

describe('the legend over the 3D view says what is drawn (issue 10, item 7)', () => {
  it('documents Alt+click probes over the view (issue 10, item 12)', () => {
    expect(text(overlay(() => undefined))).toMatch(/Alt \+click the anatomy: add a probe/);
  });

  it('says the case is loading while it loads, over the empty view, and nothing once it is in', () => {
    expect(text(overlay(() => undefined))).toContain('Loading the case…');
    expect(overlay(markCaseLoaded)).not.toContain('view-loading');
  });

  it('shows nothing about results before a run', () => {
    expect(overlay(() => undefined)).not.toContain('heat-legend');
  });

  it('names the temperature scale of the slices with the run’s range', () => {
    const html = overlay((s) => s.getState().finishRun(fakeSonication()));
    expect(html).toContain('data-slices="temperature"');
    expect(text(html)).toContain('Slices: Temperature [°C]');
    expect(html).toMatch(/data-testid="view-legend"[^>]*data-max="75"|data-max="75"[^>]*data-testid="view-legend"/);
  });

  it('says thermal dose when the slices show dose, never temperature', () => {
    const html = overlay((s) => {
      s.getState().finishRun(fakeSonication());
      s.getState().setSlices({ quantity: 'dose' });
    });
    expect(html).toContain('data-slices="dose"');
    expect(legendText(html)).toContain('Slices: Thermal dose [CEM43 min]');
    expect(legendText(html)).not.toMatch(/temperature/i);
  });

  it('says pressure when the slices show pressure', () => {
    const html = overlay((s) => {
      s.getState().finishRun(fakeSonication());
      s.getState().setSlices({ quantity: 'pressure' });
    });
    expect(text(html)).toContain('Slices: Pressure amplitude [MPa]');
  });

  it('says the slices are hidden when they are', () => {
    const html = overlay((s) => {
      s.getState().finishRun(fakeSonication());
      s.getState().setSlices({ visible: false });
    });
    expect(html).toContain('data-slices="hidden"');
    expect(text(html)).toContain('Slices hidden');
    expect(html).not.toContain('data-testid="view-legend"');
  });

  it('says a plan’s slices show temperature when pressure was asked for', () => {
    const html = overlay((s) => {
      s.getState().finishPlanRun(fakePlan());
      s.getState().setSlices({ quantity: 'pressure' });
    });
    expect(html).toContain('data-slices="temperature"');
    expect(text(html)).toContain('A plan records no pressure: temperature shown.');
  });

  it('marks surfaces the run did not reach', () => {
    const html = overlay((s) => s.getState().finishRun(fakeSonication()));
    // The fake run's peak dose is 500 CEM43 min: both surfaces exist.
    expect(text(html)).toContain('Ablation zone ≥ 240 CEM43');
    expect(text(html)).not.toContain('not reached');
  });
});

// A walk on the iliac wing with the switch-off rule on read "through gas · 12 … through a critical structure · 11"
// in the key, beside the Beams panel's "185 clear · 23 switched off", and no such beams drawn.
describe('the beam key counts the beams as they are drawn', () => {
  it('counts beams the switch-off rule took out as switched off, not by the path they would have taken', () => {
    const html = overlay((store) => {
      markCaseLoaded(store);
      store.getState().setEstimate(estimateWith(['clear', 'clear', 'gas', 'critical'], [2, 3]));
    });
    expect(html).toContain('data-testid="beam-key-count-clear"> · 2<');
    expect(html).toContain('data-testid="beam-key-count-off"> · 2<');
    expect(html).not.toContain('beam-key-count-gas');
    expect(html).not.toContain('beam-key-count-critical');
  });
});
