import { describe, expect, it } from 'vitest';
import { estimateRequest } from '../../src/app/planning-requests.ts';
import { estimate } from '../../src/engine/estimate.ts';
import { loadBundledCase } from '../fixtures/bundled-case.ts';
import { storeOnCase } from '../fixtures/planner-store.ts';

// The array sits in the water bath; a pose or a transducer that puts its sources inside the body cannot fire (a walk
// turned the ribcage's array into the chest and read "191 clear", then 1000 J and no heat).
describe('the live estimate counts the sources that sit inside tissue', () => {
  it('none for the femur default; all for a 5 cm focal length aimed 2 cm deep, half at 6 cm', async () => {
    const { state } = await loadBundledCase('femur-shaft');
    const store = storeOnCase(state, 'femur-shaft');
    const inTissue = () => estimate(state, estimateRequest(store.getState())).beams.inTissue;
    expect(inTissue()).toBe(0);
    const short = (radiusOfCurvature: number) =>
      store.getState().setTransducer({
        ...store.getState().transducer,
        radiusOfCurvature,
        aperture: 1.5 * radiusOfCurvature,
        centralHoleDiameter: 0,
        elementDiameter: 0.003,
      });
    short(0.05);
    expect(inTissue()).toBe(208);
    short(0.06);
    const some = inTissue();
    expect(some).toBeGreaterThan(0);
    expect(some).toBeLessThan(208);
    short(0.08);
    expect(inTissue()).toBe(0);
  });
});
