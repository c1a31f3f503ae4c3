import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import type { PlannerStore, PlannerStoreApi } from '../../src/state/store.ts';
import { CasePanel } from '../../src/ui/CasePanel.tsx';
import { PlanPanel } from '../../src/ui/PlanPanel.tsx';
import { renderWithStore } from '../fixtures/planner-store.ts';

const noop = () => undefined;

function render(patch: (store: PlannerStoreApi) => void = noop): string {
  return renderWithStore(
    patch,
    createElement(CasePanel, { cases: [], onPickCase: noop }),
    createElement(PlanPanel, {
      onSonicate: noop,
      onCancel: noop,
      onRunPlan: noop,
      onCancelPlan: noop,
      onCoverLesion: noop,
    }),
  );
}

const testIds = (html: string) => new Set([...html.matchAll(/data-testid="([^"]+)"/g)].map((m) => m[1]));

describe('the plan panel renders', () => {
  it('keeps the existing test ids and adds the planning ones', () => {
    const ids = testIds(render());
    for (const id of [
      'sonicate',
      'cancel',
      'progress',
      'run-status',
      'param-power',
      'param-duration',
      'param-cooling',
      'param-frequency',
      'results',
      'result-peak-pressure',
      'transducer-summary',
      'target-x',
      'target-snap-surface',
      'transducer-preset',
      'tilt-angle',
      'tilt-azimuth',
      'auto-switch-off',
      'elements-all-on',
      'free-beam-mode',
      'beam-summary',
      'live-estimate',
      'spot-add',
      'spot-auto',
      'plan-run',
      'plan-cancel',
      'plan-progress',
      'plan-total-energy',
      'undo',
      'redo',
      'shortcut-help',
      'nopass-add',
    ]) {
      expect(ids, id).toContain(id);
    }
  });

  it('shows spots, no-pass regions and the estimate from the store', () => {
    const html = render((store) => {
      const s = store.getState();
      s.addSpot({ id: 'spot-a', focus: [0.01, 0, 0], acousticPower: 60, duration: 20, cooling: 40 });
      s.addSpot({ id: 'spot-b', focus: [0, 0, 0], acousticPower: 50, duration: 10, cooling: 30 });
      s.addNoPass({ id: 'np-1', kind: 'box', centre: [0, 0.01, 0], size: 0.004 });
      s.setEstimate({
        beams: {
          elementPositions: new Float32Array(0),
          statuses: new Uint8Array(0),
          counts: { clear: 200, bone: 0, gas: 0, critical: 0 } as NonNullable<
            PlannerStore['estimate']
          >['beams']['counts'],
          firing: new Uint8Array(0),
          activeCount: 200,
          lostAperture: 0.04,
          allCounts: { clear: 200, angle: 3, off: 5 },
        },
        focalPressure: 4.2e6,
        focalGain: 61.234,
        predictedPeakTemperature: 71.4,
        steeringLoss: 1,
        beyondSteeringRange: true,
        elapsedMs: 12,
      });
    });
    const ids = testIds(html);
    for (const id of ['spot-0', 'spot-1-remove', 'spot-editor', 'nopass-0-size', 'steering-warning']) {
      expect(ids, id).toContain(id);
    }
    expect(html).toContain('4.20 MPa');
    expect(html).toContain('× 61.2');
    expect(html).toContain('71.4 °C');
    expect(html).toMatch(/data-testid="plan-total-energy"[^>]*>1.70 kJ|1700 J/);
    expect(html).toMatch(/data-testid="active-elements"[^>]*>200</);
  });
});
