import { BEAM_STATUS_CODES, type BeamStatus } from '../../src/geometry/beam-status.ts';
import type { PlannerStore } from '../../src/state/store.ts';

/** A live estimate whose beams have `statuses` per element, every one firing unless listed in `off`. */
export function estimateWith(statuses: BeamStatus[], off: number[] = []): NonNullable<PlannerStore['estimate']> {
  const firing = Uint8Array.from(statuses, (_, e) => (off.includes(e) ? 0 : 1));
  return {
    beams: {
      inTissue: 0,
      elementPositions: new Float32Array(3 * statuses.length),
      statuses: Uint8Array.from(statuses, (s) => BEAM_STATUS_CODES.indexOf(s)),
      counts: {} as NonNullable<PlannerStore['estimate']>['beams']['counts'],
      firing,
      activeCount: firing.reduce((a, b) => a + b, 0),
      lostAperture: 0,
      allCounts: {},
    },
    focalPressure: 1e6,
    focalGain: 10,
    focusTissue: 'lesion',
    predictedPeakTemperature: 50,
    steeringLoss: 1,
    beyondSteeringRange: false,
    elapsedMs: 3,
  };
}
