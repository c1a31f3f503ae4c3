import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { uniqueLabel } from '../../src/state/probe-labels.ts';
import { NoPassPanel } from '../../src/ui/NoPassPanel.tsx';
import { ProbePanel } from '../../src/ui/ProbePanel.tsx';
import { renderWithStore, testStore } from '../fixtures/planner-store.ts';

// Issue 13, item 6: probes and no-pass regions by keyboard — placed, moved by typed positions and removed from a
// list in the case panel, each field named for the probe or region it belongs to.

describe('probes from the panel', () => {
  it('are moved by updateProbe as one undoable change of the plan', () => {
    const store = testStore();
    store.getState().addProbe({ id: 'p1', label: 'Probe 1', point: [0, 0, 0] });
    store.getState().updateProbe('p1', { point: [0.001, 0.002, 0.003] });
    expect(store.getState().probes).toEqual([{ id: 'p1', label: 'Probe 1', point: [0.001, 0.002, 0.003] }]);
    store.temporal.getState().undo();
    expect(store.getState().probes[0]?.point).toEqual([0, 0, 0]);
  });

  it('are labelled so no two share a name', () => {
    expect(uniqueLabel('Probe 2', [{ label: 'Probe 1' }])).toBe('Probe 2');
    expect(uniqueLabel('Probe 2', [{ label: 'Probe 2' }])).toBe('Probe 2 2');
    expect(uniqueLabel('Lesion (tumour)', [{ label: 'Lesion (tumour)' }, { label: 'Lesion (tumour) 2' }])).toBe(
      'Lesion (tumour) 3',
    );
  });

  it('are listed with their position in mm and a Remove button named for the probe', () => {
    const html = renderWithStore(
      (store) => store.getState().addProbe({ id: 'p1', label: 'Cortical bone', point: [0.0125, -0.004, 0] }),
      createElement(ProbePanel),
    );
    expect(html).toContain('<legend>Where Cortical bone is</legend>');
    expect(html).toMatch(/data-testid="probe-p1-x"[^>]*value="12.5 mm"/);
    expect(html).toMatch(/data-testid="probe-p1-y"[^>]*value="-4 mm"/);
    expect(html).toContain('aria-label="Remove probe: Cortical bone"');
    expect(html).toContain('Add a probe at the target');
  });

  it('say there are none before the first', () => {
    expect(renderWithStore(() => undefined, createElement(ProbePanel))).toContain('None yet.');
  });
});

describe('no-pass regions from the panel', () => {
  it('group each region’s centre under a legend that names the region', () => {
    const html = renderWithStore((store) => {
      store.getState().addNoPass({ id: 'a', kind: 'sphere', centre: [0, 0, 0], size: 0.005 });
      store.getState().addNoPass({ id: 'b', kind: 'box', centre: [0, 0, 0], size: 0.005 });
    }, createElement(NoPassPanel));
    expect(html).toContain('<legend>Centre of region 1</legend>');
    expect(html).toContain('<legend>Centre of region 2</legend>');
    expect(html).toContain('Radius of region 1');
    expect(html).toContain('Half side of region 2');
  });
});
