import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { sonicationInputs } from '../../src/state/selectors.ts';
import type { PlannerStoreApi } from '../../src/state/store.ts';
import { ResultsCard } from '../../src/ui/ResultsCard.tsx';
import { TissuePanel } from '../../src/ui/TissuePanel.tsx';
import { renderWithStore } from '../fixtures/planner-store.ts';
import { fakeDoses, fakeSonication } from './time-fixtures.ts';

/** The markup with the number-and-unit spans (UnitsTogether) taken out, so the checks read the words as shown. */
const plainRender = (...args: Parameters<typeof renderWithStore>): string =>
  renderWithStore(...args).replace(/<span class="nowrap">([^<]*)<\/span>/g, '$1');

type Summary = ReturnType<typeof fakeSonication>['summary'];

const testIds = (html: string) => new Set([...html.matchAll(/data-testid="([^"]+)"/g)].map((m) => m[1]));

function femurParts(store: PlannerStoreApi): void {
  store.setState({
    caseStatus: 'ready',
    parts: ['skin', 'fat', 'muscle', 'cortical_bone', 'marrow', 'lesion'].map((tissue) => ({
      name: tissue,
      tissue: tissue as 'skin',
      label: tissue,
      visible: true,
      opacity: 1,
    })),
  });
}

describe('the advanced tissue settings render', () => {
  it("list the case's tissues with their values, units and sources, and the bone bracket", () => {
    const html = plainRender(femurParts, createElement(TissuePanel));
    const ids = testIds(html);
    for (const t of ['water', 'skin', 'fat', 'muscle', 'cortical_bone', 'marrow', 'lesion'])
      expect(ids, t).toContain(`tissue-${t}`);
    expect(ids).not.toContain('tissue-lung');
    expect(ids).toContain('tissue-cortical_bone-absorptionFraction');
    expect(ids).toContain('tissue-cortical_bone-shearSpeed');
    expect(ids).not.toContain('tissue-muscle-shearSpeed');
    expect(html).toContain('value="1908 kg/m³"');
    expect(html).toContain('value="54.55 Np/m"');
    expect(html).toContain('= 4.74 dB/cm');
    expect(html).toContain('IT&#x27;IS Tissue Properties Database');
    expect(html).toContain('BabelBrain 0.16');
    expect(html).toContain('Every value is the built-in one.');
    expect(html).toMatch(/data-testid="tissues-reset-all"[^>]*disabled/);
  });

  it('mark changed values in words, with the built-in value beside them', () => {
    const html = plainRender((store) => {
      femurParts(store);
      store.getState().setTissueValue('cortical_bone', 'absorptionFraction', 0.16);
    }, createElement(TissuePanel));
    expect(html).toContain('Absorbed fraction (of the attenuation that heats) — changed');
    expect(html).toContain('built-in 1');
    expect(html).toContain('1 value differs from the built-in ones: Cortical bone: absorbed fraction 0.16.');
    expect(html).toContain(' · 1 changed');
    expect(html).toMatch(/data-testid="bone-fraction-babelbrain"[^>]*aria-pressed="true"/);
  });
});

describe('the results card', () => {
  it('shows the validity warnings, the pressure at the target and the hottest point outside the focal region', () => {
    const outcome = fakeSonication();
    const summary: Summary = {
      ...outcome.summary,
      fieldModel: 'whole-path',
      targetPressure: 3.9e6,
      pathPeakTemperature: { temperature: 42.91, location: [0, 0.05, 0], tissue: 'skin' },
      validity: {
        boiling: true,
        coarseSampling: false,
        focusInGas: false,
        focusOutsideBody: false,
        truncatedPath: false,
        focusUnderResolved: false,
        boneAtSteepFocus: false,
        messages: ['The tissue reaches 415 °C: above 100 °C it boils, which this model does not include.'],
      },
    };
    const html = plainRender((store) => {
      store.getState().setTissueValue('cortical_bone', 'absorptionFraction', 0.16);
      store.getState().finishRun({ ...outcome, summary }, sonicationInputs(store.getState()));
    }, createElement(ResultsCard));
    expect(html).toContain('Outside the model:</strong> The tissue reaches 415 °C');
    expect(html).toContain('Peak pressure (largest anywhere on the path)');
    expect(html).toMatch(/data-testid="result-target-pressure" data-si="3900000">3.90 MPa/);
    expect(html).toMatch(
      /Hottest point on the rest of the beam path \(outside the [\d.]+ mm cube around the target, any tissue\)/,
    );
    expect(html).toContain('skin, 42.9 °C');
    expect(html).toContain('Computed with changed tissue values: Cortical bone: absorbed fraction 0.16.');
  });

  // A walk read "Peak temperature … 120 °C, 10.4 mm from the target, in cortical bone" beside the dashboard's "bone
  // surface … 39.3 °C ✓ Pass": the check leaves out bone inside the bone and against the lesion.
  it('says when the peak in bone away from the focus is hotter than the surface the dashboard judges', () => {
    const outcome = fakeSonication();
    const card = (distance: number) =>
      plainRender((store) => {
        const atTarget = {
          position: [0, 0, 0] as [number, number, number],
          temperature: 60,
          dose: 300,
          peakTemperatureDistance: distance,
          peakPressureDistance: 0,
          peakTemperatureTissue: 'cortical_bone' as const,
        };
        const doses = { ...outcome.doses, ...fakeDoses(40, 39.3, 0) };
        const summary = { ...outcome.summary, peakTemperature: 120, atTarget };
        store.getState().finishRun({ ...outcome, doses, summary });
      }, createElement(ResultsCard));
    expect(card(0.0104)).toContain(
      '120 °C, 10.4 mm from the target, in cortical bone — inside the bone or against the lesion, which the safety dashboard’s bone-surface check leaves out; the surface it judges reached 39.3 °C',
    );
    // Within the radius round the focus bone surface is the target itself: nothing to explain.
    expect(card(0.003)).not.toContain('against the lesion');
  });

  // A walk read "cortical bone, 49.0 °C" as the path's hottest point and "bone surface … 46.5 °C ✓ Pass" on the
  // dashboard: the femur's far wall is heated from the marrow's side, hottest inside the bone.
  it('says when the hottest point of the path is inside a bone, hotter than the outer surface the dashboard judges', () => {
    const outcome = fakeSonication();
    const card = (tissue: 'cortical_bone' | 'skin') =>
      plainRender((store) => {
        const pathPeakTemperature = { temperature: 49.0, location: [0, 0.05, 0] as [number, number, number], tissue };
        const doses = { ...outcome.doses, ...fakeDoses(40, 46.5, 0) };
        store.getState().finishRun({ ...outcome, doses, summary: { ...outcome.summary, pathPeakTemperature } });
      }, createElement(ResultsCard));
    expect(card('cortical_bone')).toMatch(
      /cortical bone, 49.0 °C<span data-testid="result-path-peak-inside-bone"> — inside the bone; its outer surface, which the safety dashboard judges, reached 46.5 °C</,
    );
    expect(card('skin')).not.toContain('result-path-peak-inside-bone');
  });

  // A walk typed a target in the water bath's corner, sonicated, and read "3150 CEM43 min (≥ 240: ablated)".
  it('never calls a dose at a target in the water bath or in gas ablated: there is no tissue there', () => {
    const outcome = fakeSonication();
    const at = (tissue: 'water' | 'bowel_gas' | 'lesion') => ({
      position: [0, 0, 0] as [number, number, number],
      temperature: 80,
      dose: 3150,
      peakTemperatureDistance: 0,
      peakPressureDistance: 0,
      tissue,
    });
    const card = (tissue: 'water' | 'bowel_gas' | 'lesion') =>
      plainRender(
        (store) => store.getState().finishRun({ ...outcome, summary: { ...outcome.summary, atTarget: at(tissue) } }),
        createElement(ResultsCard),
      );
    expect(card('water')).toMatch(
      /data-testid="result-target-dose" data-si="3150">3150 CEM43 min \(in the water bath: no tissue to ablate\)</,
    );
    expect(card('bowel_gas')).toContain('3150 CEM43 min (in the bowel gas: no tissue to ablate)');
    expect(card('lesion')).toMatch(
      /data-testid="result-target-dose" data-si="3150">3150 CEM43 min \(≥ 240: ablated\)</,
    );
  });

  it('shows the target’s own temperature and dose, and says in words when a peak lies away from the target', () => {
    const outcome = fakeSonication();
    const atTarget = {
      position: [0, 0, 0] as [number, number, number],
      temperature: 55.0,
      dose: 12,
      peakTemperatureDistance: 0.0136,
      peakPressureDistance: 0.0004,
      peakTemperatureTissue: 'cortical_bone' as const,
    };
    const summary: Summary = { ...outcome.summary, targetPressure: 1.8e6, atTarget };
    const html = plainRender(
      (store) => store.getState().finishRun({ ...outcome, summary }),
      createElement(ResultsCard),
    );
    expect(html).toMatch(/data-testid="result-target-temperature" data-si="55">55.0 °C/);
    expect(html).toContain('data-testid="result-target-dose" data-si="12"');
    // With the tissue there; and since the dashboard's bone surface reads cooler (41.0 °C), where the check does not
    // look.
    expect(html).toMatch(
      /data-testid="result-peak-temperature"[^>]*>[\d.]+ °C, 13.6 mm from the target, in cortical bone — inside the bone or against the lesion.*reached 41.0 °C</,
    );
    expect(html).toMatch(/data-testid="result-peak-pressure"[^>]*>[\d.]+ MPa, at the target/);
    expect(html).toMatch(
      /The hottest point \([\d.]+ °C\) is 13.6 mm from the target, outside the focal spot; the target itself reaches 55.0 °C/,
    );
    expect(html).not.toContain('The pressure peaks');
    // Steered to a selected spot: the same numbers are at that focus, and the card says so, never "the target".
    const steered = plainRender((store) => {
      const inputs = { ...sonicationInputs(store.getState()), focus: [0.01, 0, 0] as [number, number, number] };
      store.getState().finishRun({ ...outcome, summary }, inputs);
    }, createElement(ResultsCard));
    expect(steered).toContain('Temperature at the steered focus (highest)');
    expect(steered).toMatch(/data-testid="result-peak-temperature"[^>]*>[\d.]+ °C, 13.6 mm from the steered focus/);
    expect(steered).toContain('outside the focal spot; the steered focus itself reaches 55.0 °C');
    expect(steered).not.toContain('the target');
    // Peaks at the target: no note.
    const close = { ...summary, atTarget: { ...atTarget, peakTemperatureDistance: 0.001 } };
    const quiet = plainRender(
      (store) => store.getState().finishRun({ ...outcome, summary: close }),
      createElement(ResultsCard),
    );
    expect(quiet).not.toContain('peak-offset-notes');
    // 2.3 mm along the beam, inside the focal spot (the default femur sonication's hottest point): no note; the same
    // distance outside it: the note.
    const inSpot = {
      ...summary,
      atTarget: { ...atTarget, peakTemperatureDistance: 0.0023, peakTemperatureInSpot: true, peakPressureInSpot: true },
    };
    const aimed = plainRender(
      (store) => store.getState().finishRun({ ...outcome, summary: inSpot }),
      createElement(ResultsCard),
    );
    expect(aimed).not.toContain('peak-offset-notes');
    const outSpot = { ...inSpot, atTarget: { ...inSpot.atTarget, peakTemperatureInSpot: false } };
    const missed = plainRender(
      (store) => store.getState().finishRun({ ...outcome, summary: outSpot }),
      createElement(ResultsCard),
    );
    expect(missed).toContain('is 2.30 mm from the target, outside the focal spot');
  });

  it('says nothing of validity or the path before a run, and hides the target row when a run lacks it', () => {
    const before = plainRender(() => undefined, createElement(ResultsCard));
    expect(before).not.toContain('validity-messages');
    expect(before).toContain('data-testid="result-target-pressure"');
    const focalRay = fakeSonication();
    const html = plainRender(
      (store) => store.getState().finishRun({ ...focalRay, summary: { ...focalRay.summary, fieldModel: 'focal-ray' } }),
      createElement(ResultsCard),
    );
    expect(html).not.toContain('result-target-pressure');
    expect(html).toMatch(/Peak pressure \(largest in the [\d.]+ mm cube around the target\)/);
    expect(html).not.toContain('Computed with changed tissue values');
  });

  it('keeps each number on one line with its unit, so a narrow column never breaks "49.0" from "°C"', () => {
    const html = renderWithStore((store) => store.getState().finishRun(fakeSonication()), createElement(ResultsCard));
    expect(html).toContain('data-si="75"><span class="nowrap">75.0 °C</span></dd>');
    expect(html).toContain('<span class="nowrap">4.20 MPa</span>');
    // The text itself keeps ordinary spaces: what is read, copied or matched is unchanged.
    expect(html).not.toContain('\u00a0');
  });
});
