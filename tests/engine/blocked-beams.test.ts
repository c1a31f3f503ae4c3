import { describe, expect, it } from 'vitest';
import { estimateRequest, sonicateRequest } from '../../src/app/planning-requests.ts';
import { estimate } from '../../src/engine/estimate.ts';
import { tallyBeams } from '../../src/state/beam-tally.ts';
import { sonicate } from '../../src/worker/ops/sonicate.ts';
import { loadBundledCase } from '../fixtures/bundled-case.ts';
import { storeOnCase } from '../fixtures/planner-store.ts';

// A sonication's verdict ("Not deliverable: 12 firing beams crossed gas") must stay with the run when the settings
// change afterwards: the outcome carries the firing beams its own trace found crossing gas or a no-pass region.
describe('a sonication records the firing beams that crossed gas or a no-pass region', () => {
  it('counts them as the live trace of the same settings does (iliac wing, switch-off rule off: bowel gas)', async () => {
    const { state } = await loadBundledCase('iliac-wing');
    const store = storeOnCase(state, 'iliac-wing', { acousticPower: 30, duration: 2, cooling: 0 });
    store.getState().setAutoSwitchOff(false);
    const request = { ...sonicateRequest(store.getState()), fieldModel: 'focal-ray' as const };
    const own = sonicate(state, request, () => {}).summary.blockedBeams;
    const live = tallyBeams(estimate(state, estimateRequest(store.getState())).beams).counts;
    expect(own).toEqual({ gas: live.gas, nopass: live.nopass });
    expect(own?.gas).toBeGreaterThan(0);
  });
});
