import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { sonicationInputs } from '../../src/state/selectors.ts';
import type { PlannerStore, PlannerStoreApi } from '../../src/state/store.ts';
import { CasePanel } from '../../src/ui/CasePanel.tsx';
import { PlanPanel } from '../../src/ui/PlanPanel.tsx';
import { ResultsCard } from '../../src/ui/ResultsCard.tsx';
import { markCaseLoaded, renderWithStore } from '../fixtures/planner-store.ts';
import { estimateWith } from './estimate-fixtures.ts';
import { fakeSonication, sonicationWith } from './time-fixtures.ts';

const noop = () => undefined;

/** The panels on a loaded case (`loading` leaves the case loading), after `patch`. */
function render(patch: (store: PlannerStoreApi) => void = noop, loading = false): string {
  return renderWithStore(
    (store) => {
      if (!loading) markCaseLoaded(store);
      patch(store);
    },
    createElement(CasePanel, { cases: [], onPickCase: noop }),
    createElement(PlanPanel, {
      onSonicate: noop,
      onCancel: noop,
      onRunPlan: noop,
      onCancelPlan: noop,
      onCoverLesion: async () => undefined,
    }),
  );
}

const testIds = (html: string) => new Set([...html.matchAll(/data-testid="([^"]+)"/g)].map((m) => m[1]));

describe('the plan panel renders', () => {
  it('while the case loads, says so instead of showing the placeholder target and pose (0 mm, 0°)', () => {
    const loading = render(noop, true);
    expect(loading).toContain('Loading the case: the target and the transducer’s place come with it.');
    expect(testIds(loading).has('target-loading')).toBe(true);
    expect(testIds(loading).has('param-power')).toBe(true);
    const ready = render();
    expect(testIds(ready).has('target-loading')).toBe(false);
  });

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
          inTissue: 0,
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
        focusTissue: 'lesion',
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

  it('says in words when the estimate boils, when the energy is over the limit, and when no beam reaches the focus', () => {
    const estimate = (
      patch: Partial<NonNullable<PlannerStore['estimate']>>,
    ): NonNullable<PlannerStore['estimate']> => ({
      beams: {
        inTissue: 0,
        elementPositions: new Float32Array(0),
        statuses: new Uint8Array(0),
        counts: { clear: 0, bone: 0, gas: 0, critical: 0 } as NonNullable<PlannerStore['estimate']>['beams']['counts'],
        firing: new Uint8Array(0),
        activeCount: 208,
        lostAperture: 0,
        allCounts: { angle: 208 },
      },
      focalPressure: 4e6,
      focalGain: 50,
      focusTissue: 'lesion',
      predictedPeakTemperature: 70,
      steeringLoss: 1,
      beyondSteeringRange: false,
      elapsedMs: 4,
      ...patch,
    });
    const quiet = render((store) => store.getState().setEstimate(estimate({})));
    expect(testIds(quiet)).not.toContain('estimate-warnings');
    // 500 W for 20 s: 451 °C and 10 kJ.
    const hot = render((store) => {
      store.getState().setSonication({ acousticPower: 500, duration: 20 });
      store.getState().setEstimate(estimate({ predictedPeakTemperature: 451 }));
    });
    expect(hot).toContain('The estimate reaches 451 °C: above 100 °C tissue boils');
    expect(hot).toMatch(
      /10(\.0)? kJ per sonication is above the safety limit of 3(\.00)? kJ|10000 J per sonication is above the safety limit of 3000 J/,
    );
    // Every firing beam beyond the critical angle: 0 Pa at the focus is not "no heating".
    const blocked = render((store) =>
      store.getState().setEstimate(estimate({ focalPressure: 0, focalGain: 0, predictedPeakTemperature: 37 })),
    );
    expect(blocked).toContain('No beam reaches the focus: 208 firing beams meet bone beyond the critical angle');
  });

  it('a boiling estimate beside a sonication of the same settings that did not boil defers to the sonication', () => {
    const boiling = (store: PlannerStoreApi) => {
      store.getState().setEstimate({ ...estimateWith(['clear']), predictedPeakTemperature: 105 });
      const outcome = fakeSonication();
      store
        .getState()
        .finishRun(
          { ...outcome, summary: { ...outcome.summary, peakTemperature: 67 } },
          sonicationInputs(store.getState()),
        );
    };
    const html = render(boiling);
    expect(html).toContain(
      'The sonication of these settings, with the full model, peaked at 67.0 °C against this estimate&#x27;s 105 °C',
    );
    expect(html).not.toContain('tissue boils, which the model does not simulate');
    // Once the settings change, that sonication is not theirs: the boiling advice is back.
    const changed = render((store) => {
      boiling(store);
      store.getState().setSonication({ duration: 30 });
    });
    expect(changed).toContain('above 100 °C tissue boils');
  });

  // A walk read 87.9 °C in bold above a result of 608 °C, and "0 MPa … 37.0 °C" where no beam reached the focus.
  it('an estimate far from the sonication of its settings defers to it; with no beam at the focus it gives no temperature', () => {
    const run = (estimated: number, ran: number) =>
      render((store) => {
        store.getState().setEstimate({ ...estimateWith(['clear']), predictedPeakTemperature: estimated });
        store.getState().finishRun(sonicationWith({ peakTemperature: ran }), sonicationInputs(store.getState()));
      });
    expect(run(87.9, 608)).toContain('peaked at 608 °C against this estimate&#x27;s 87.9 °C');
    // Within a quarter of the rise: the estimate stands beside it unremarked.
    expect(run(78.4, 74.8)).not.toContain('with the full model, peaked at');
    const none = render((store) =>
      store.getState().setEstimate({
        ...estimateWith(['angle']),
        focalPressure: 0,
        predictedPeakTemperature: 37,
        boneInSpot: { tissue: 'cortical_bone', distance: 0 },
      }),
    );
    expect(none).toMatch(/data-testid="estimate-temperature" data-si="">.*—/);
    expect(none).toContain('No beam reaches the focus');
    expect(none).not.toContain('several-fold');
  });

  it('a value typed and refused: the estimate and the energy say they are for the last accepted settings', () => {
    const html = render((store) => {
      store.getState().setEstimate(estimateWith(['clear']));
      store.getState().setRefusedInput('param-power', 'Acoustic power (or surface pressure, or velocity)', true);
    });
    // One field, though its label holds commas: "is", not "are".
    expect(html).toContain(
      'For the last accepted settings: the value typed for acoustic power (or surface pressure, or velocity) is refused.',
    );
    const two = render((store) => {
      store.getState().setEstimate(estimateWith(['clear']));
      store.getState().setRefusedInput('param-power', 'Acoustic power', true);
      store.getState().setRefusedInput('param-duration', 'duration', true);
    });
    expect(two).toContain('For the last accepted settings: the values typed for acoustic power; duration are refused.');
    expect(html).toContain('(for the last accepted settings)');
    expect(render((store) => store.getState().setEstimate(estimateWith(['clear'])))).not.toContain('estimate-refused');
  });

  it('a frequency no preset has makes the transducer custom, and the panel says why', () => {
    expect(render()).not.toContain('transducer-custom-why');
    const typed = render((store) =>
      store.getState().setTransducer({ ...store.getState().transducer, frequency: 1.5e6 }),
    );
    expect(typed).toContain('data-testid="transducer-custom-why"');
    expect(typed).toContain('No preset has these settings');
    expect(typed).toContain('data-testid="transducer-custom"');
  });

  it('with a spot selected off the target, the Sonication section says Sonicate fires its settings at that spot’s focus', () => {
    const spot = (id: string, dx: number) => (store: PlannerStoreApi) => {
      const [x, y, z] = store.getState().target;
      return { id, focus: [x + dx, y, z] as [number, number, number], acousticPower: 20, duration: 20, cooling: 30 };
    };
    const steered = render((store) => store.getState().setSpots([spot('a', 0)(store), spot('b', 0.004)(store)], 'b'));
    expect(steered).toContain(
      'Sonicate fires these settings at the focus of the selected spot 2, 4.00 mm from the target — not the spot’s own 20.0 W; Run plan fires each spot at its own.',
    );
    // The target panel does not call the target the focus then.
    expect(steered).toContain('Target (the beams are steered to the selected spot)');
    expect(steered).not.toContain('Target (focus)');
    // A spot at the target steers nothing, but its own 20 W are not what Sonicate fires: said.
    const atTarget = render((store) => store.getState().setSpots([spot('a', 0)(store)], 'a'));
    expect(atTarget).toContain(
      'Sonicate fires these settings at the target, where the selected spot 1 is — not the spot’s own 20.0 W; Run plan fires each spot at its own.',
    );
    expect(atTarget).toContain('Target (focus)');
    // With the spot's settings the same as the Sonication ones, there is nothing to say at the target.
    const same = render((store) => {
      const { sonication } = store.getState();
      store.getState().setSpots([{ ...spot('a', 0)(store), ...sonication }], 'a');
    });
    expect(same).not.toContain('data-testid="steered-note"');
  });

  it('an empty results card says what fills it; after a plan, that the plan’s numbers are under Plan results', () => {
    const card = (patch: (store: PlannerStoreApi) => void = noop) => renderWithStore(patch, createElement(ResultsCard));
    expect(card()).toContain('Sonicate to see the focal pressure, temperature and thermal dose.');
    const afterPlan = card((store) =>
      store.setState({ planRun: { ...store.getState().planRun, status: 'done', outcome: {} as never } }),
    );
    expect(afterPlan).toContain('The plan&#x27;s are under Plan results.');
  });
});
