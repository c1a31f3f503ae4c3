import { describe, expect, it } from 'vitest';
import { sonicateRequest } from '../../src/app/planning-requests.ts';
import { traceBeamsForPlanning } from '../../src/engine/trace-beams.ts';
import { PRESETS } from '../../src/physics/transducer.ts';
import { createPlannerStore } from '../../src/state/store.ts';
import { sonicate } from '../../src/worker/ops/sonicate.ts';
import { loadBundledCase } from '../fixtures/bundled-case.ts';

// The results card names the hottest place outside the focal region; the safety dashboard shows each tissue's
// maximum. A coarse block's temperature holds for every tissue in it, so when the hottest block holds skin, the
// card must say skin — as the dashboard does at the same temperature — not the fat at the block's centre.

async function defaultSonication(caseId: string) {
  const { state, summary } = await loadBundledCase(caseId);
  const store = createPlannerStore({
    caseId,
    transducer: PRESETS.clinicalBodyArray,
    sonication: { acousticPower: 50, duration: 20, cooling: 30 },
  });
  store.getState().setCaseLoaded(summary, () => 1);
  const request = sonicateRequest(store.getState());
  const outcome = sonicate(state, request, () => {});
  const maxOf = (tissue: string) => outcome.doses.tissueDose.find((d) => d.tissue === tissue)?.maxTemperature;
  return {
    peak: outcome.summary.pathPeakTemperature,
    skinMax: maxOf('skin'),
    lungMax: maxOf('lung'),
    beams: traceBeamsForPlanning(state, request),
  };
}

const rib = defaultSonication('rib');

describe('the hottest place outside the focal region', () => {
  it('on the rib, where the beams heat the skin: is the skin, at the skin’s own maximum', async () => {
    const { peak, skinMax } = await rib;
    expect(peak?.tissue).toBe('skin');
    expect(peak?.temperature).toBeCloseTo(skinMax as number, 9);
    expect(peak?.temperature).toBeGreaterThan(45); // over the dashboard's skin limit: the card must not say "fat"
  });
  it('on the rib, the lung that the beam check finds behind the target is heated past 43 °C by the same run', async () => {
    const { lungMax, beams } = await rib;
    expect(beams.beyond?.tissue).toBe('lung');
    expect(lungMax).toBeGreaterThan(43);
  });
});
