import { beforeAll, describe, expect, it } from 'vitest';
import { traceBeamsForPlanning } from '../../src/engine/trace-beams.ts';
import { BEAM_STATUS_CODES, type BeamStatus } from '../../src/geometry/beam-status.ts';
import { PRESETS } from '../../src/physics/transducer.ts';
import { tallyBeams } from '../../src/state/beam-tally.ts';
import { loadBundledCase } from '../fixtures/bundled-case.ts';

const code = (s: BeamStatus) => BEAM_STATUS_CODES.indexOf(s);
const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

describe('every beam is counted exactly once', () => {
  it('a beam that does not fire is switched off, whatever it would cross; the others count under their status', () => {
    const names: BeamStatus[] = ['clear', 'bone', 'gas', 'critical', 'angle', 'nopass', 'off', 'gas'];
    const statuses = Uint8Array.from(names.map(code));
    //                                  fires   fires   rule    rule       fires    rule      hand   fires
    const firing = Uint8Array.from([1, 1, 0, 0, 1, 0, 0, 1]);
    const t = tallyBeams({ statuses, firing });
    expect(t.counts).toEqual({ clear: 1, bone: 1, gas: 1, critical: 0, angle: 1, nopass: 0, off: 4 });
    expect(t.offByHand).toBe(1);
    expect(t.offByRule).toBe(3);
    expect(sum(t.counts)).toBe(t.total);
    expect(t.total).toBe(8);
  });

  it('without a firing mask only the beams off by hand are off', () => {
    const t = tallyBeams({ statuses: Uint8Array.from([code('angle'), code('off'), code('clear')]) });
    expect(t.counts).toMatchObject({ angle: 1, off: 1, clear: 1 });
    expect(sum(t.counts)).toBe(3);
  });
});

describe('the bundled cases', () => {
  let femur: Awaited<ReturnType<typeof loadBundledCase>>;
  let iliac: Awaited<ReturnType<typeof loadBundledCase>>;
  beforeAll(async () => {
    [femur, iliac] = await Promise.all([loadBundledCase('femur-shaft'), loadBundledCase('iliac-wing')]);
  });
  const transducer = PRESETS.clinicalBodyArray;

  it('femur at tilt 0° (straight below): the beams beyond the critical angle are counted, and all 208 add up', () => {
    const target = femur.summary.meta.defaultTarget;
    const trace = traceBeamsForPlanning(femur.state, {
      transducer,
      pose: { target, direction: [0, -1, 0], distance: transducer.radiusOfCurvature },
    });
    const t = tallyBeams(trace);
    expect(t.total).toBe(208);
    expect(sum(t.counts)).toBe(208);
    // What the old summary line left out: most beams meet the femur beyond the critical angle.
    expect(t.counts.angle).toBeGreaterThan(100);
  });

  it('a no-pass region at the target: every beam is through it (none clear), counted as no-pass', () => {
    const target = femur.summary.meta.defaultTarget;
    const trace = traceBeamsForPlanning(femur.state, {
      transducer,
      pose: { target, direction: femur.summary.meta.defaultBeamDirection, distance: transducer.radiusOfCurvature },
      noPass: [{ id: 'np', kind: 'sphere', centre: [...target], size: 0.005 }],
    });
    const t = tallyBeams(trace);
    expect(t.counts.nopass).toBe(208);
    expect(t.counts.clear).toBe(0);
  });

  it('after the automatic switch-off, the beams it turned off count as switched off, not as gas or critical', () => {
    const pose = {
      target: iliac.summary.meta.defaultTarget,
      direction: iliac.summary.meta.defaultBeamDirection,
      distance: transducer.radiusOfCurvature,
    };
    const plain = tallyBeams(traceBeamsForPlanning(iliac.state, { transducer, pose }));
    expect(plain.counts.gas + plain.counts.critical).toBeGreaterThan(0);
    const trace = traceBeamsForPlanning(iliac.state, { transducer, pose, autoSwitchOff: true });
    const auto = tallyBeams(trace);
    expect(auto.counts.gas).toBe(0);
    expect(auto.counts.critical).toBe(0);
    expect(auto.counts.off).toBe(plain.counts.gas + plain.counts.critical + plain.counts.nopass);
    expect(auto.offByRule).toBe(auto.counts.off);
    expect(208 - auto.counts.off).toBe(trace.activeCount);
    expect(sum(auto.counts)).toBe(208);
  });
});
