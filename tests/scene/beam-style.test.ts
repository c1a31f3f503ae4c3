import { describe, expect, it } from 'vitest';
import { BEAM_STATUS_CODES } from '../../src/geometry/beam-status.ts';
import { elementStatuses } from '../../src/scene/beamStyle.ts';

const code = (s: (typeof BEAM_STATUS_CODES)[number]) => BEAM_STATUS_CODES.indexOf(s);

describe('the status each beam is drawn with', () => {
  const trace = {
    elementPositions: new Float32Array(9),
    statuses: Uint8Array.from([code('clear'), code('gas'), code('angle')]),
    counts: {} as never,
  };

  it('its traced status, or off when it will not fire (by the firing mask, else by hand)', () => {
    expect(elementStatuses(trace, [])).toEqual(['clear', 'gas', 'angle']);
    expect(elementStatuses(trace, [1])).toEqual(['clear', 'off', 'angle']);
    expect(elementStatuses({ ...trace, firing: Uint8Array.from([1, 0, 1]) }, [])).toEqual(['clear', 'off', 'angle']);
  });

  // A walk saw the beams of a transducer inside the thigh drawn cyan ("clear") beside the warning that it cannot fire.
  it('every beam off when the transducer sits inside the body', () => {
    expect(elementStatuses({ ...trace, inTissue: 1 }, [])).toEqual(['off', 'off', 'off']);
    expect(elementStatuses({ ...trace, inTissue: 0 }, [])).toEqual(['clear', 'gas', 'angle']);
  });
});
