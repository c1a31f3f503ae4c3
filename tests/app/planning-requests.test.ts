import { describe, expect, it } from 'vitest';
import { estimateRequest, planRequest, sonicateRequest } from '../../src/app/planning-requests.ts';
import { testStore } from '../fixtures/planner-store.ts';

describe('requests carry the tissue values of the advanced settings', () => {
  it('no overrides: no tissueOverrides field (the request a scenario without `tissues` builds)', () => {
    const s = testStore().getState();
    expect('tissueOverrides' in sonicateRequest(s)).toBe(false);
    expect('tissueOverrides' in estimateRequest(s)).toBe(false);
    expect('tissueOverrides' in planRequest(s)).toBe(false);
  });

  it('sonicate, estimate and plan requests all take the changed values', () => {
    const store = testStore();
    store.getState().setTissueValue('cortical_bone', 'absorptionFraction', 0.16);
    store.getState().setTissueValue('muscle', 'attenuation0', 8);
    const s = store.getState();
    const expected = { cortical_bone: { absorptionFraction: 0.16 }, muscle: { attenuation0: 8 } };
    expect(sonicateRequest(s).tissueOverrides).toEqual(expected);
    expect(estimateRequest(s).tissueOverrides).toEqual(expected);
    expect(planRequest(s).tissueOverrides).toEqual(expected);
  });
});
