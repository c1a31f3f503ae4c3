import { describe, expect, it } from 'vitest';
import { estimateRequest } from '../../src/app/planning-requests.ts';
import { estimate } from '../../src/engine/estimate.ts';
import { loadBundledCase } from '../fixtures/bundled-case.ts';
import { storeOnCase } from '../fixtures/planner-store.ts';

// With a plan's spot selected the beams focus on the spot, steered from the transducer's aim (the target): the
// estimate names both tissues, since moving the target moves the transducer for every spot.
describe('the estimate of beams steered away from the target', () => {
  it('names the tissue at the target as well as at the focus; unsteered, only the focus', async () => {
    const { state } = await loadBundledCase('femur-shaft');
    const store = storeOnCase(state, 'femur-shaft');
    const request = estimateRequest(store.getState());
    const target = request.pose.target;
    expect(estimate(state, request).targetTissue).toBeUndefined();
    // The pose aimed 16 mm deeper, into the marrow, the focus kept in the lesion.
    const inLesion = [...target] as [number, number, number];
    const aim: [number, number, number] = [target[0] - 0.016 * 0.7071, target[1] - 0.016 * 0.7071, target[2]];
    const steered = estimate(state, { ...request, pose: { ...request.pose, target: aim }, focus: inLesion });
    expect(steered.focusTissue).toBe(state.model.tissueAt(inLesion));
    expect(steered.targetTissue).toBe(state.model.tissueAt(aim));
    expect([steered.focusTissue, steered.targetTissue]).toEqual(['lesion', 'marrow']);
  });
});
