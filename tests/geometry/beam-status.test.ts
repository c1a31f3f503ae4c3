import { describe, expect, it } from 'vitest';
import {
  BEAM_STATUS_CODES,
  BEAM_STATUS_PRECEDENCE,
  beamStatus,
  beyondCriticalAngleAtBone,
  classifyBeam,
  hazardBeyond,
  worseStatus,
} from '../../src/geometry/beam-status.ts';
import { segmentMeetsBox, segmentMeetsNoPass, segmentMeetsSphere } from '../../src/geometry/no-pass.ts';
import type { PathSegment } from '../../src/geometry/tissue-model.ts';
import { criticalAngle } from '../../src/physics/interfaces.ts';
import { TISSUES } from '../../src/physics/tissues.ts';

const thetaC = criticalAngle(TISSUES.muscle.speedOfSound, TISSUES.cortical_bone.speedOfSound);
const intoBone = (theta: number): PathSegment[] => [
  { tissue: 'water', length: 0.1 },
  { tissue: 'muscle', length: 0.03, cosIncidence: 1 },
  { tissue: 'cortical_bone', length: 0.004, cosIncidence: Math.cos(theta) },
  { tissue: 'lesion', length: 0.01, cosIncidence: 1 },
];

describe('beam statuses', () => {
  it('keeps the existing codes and appends the new ones', () => {
    expect(BEAM_STATUS_CODES.slice(0, 4)).toEqual(['clear', 'bone', 'gas', 'critical']);
    expect(BEAM_STATUS_CODES.slice(4)).toEqual(['angle', 'nopass', 'off']);
    expect(BEAM_STATUS_PRECEDENCE).toEqual(['off', 'gas', 'nopass', 'critical', 'angle', 'bone', 'clear']);
  });

  it('critical angle at bone: muscle → cortical θc ≈ 26.9°; just beyond is angle, just within is bone', () => {
    expect((thetaC * 180) / Math.PI).toBeCloseTo(26.9, 1);
    expect(beyondCriticalAngleAtBone(intoBone(thetaC + 1e-6))).toBe(true);
    expect(beyondCriticalAngleAtBone(intoBone(thetaC - 1e-6))).toBe(false);
    expect(beamStatus(intoBone(thetaC + 0.01))).toBe('angle');
    expect(beamStatus(intoBone(thetaC - 0.01))).toBe('bone');
    expect(beamStatus(intoBone(0))).toBe('bone');
  });

  it('the target tissue itself can be met beyond θc (a focus in bone), but not a slower tissue', () => {
    const focusInBone: PathSegment[] = [
      { tissue: 'muscle', length: 0.1 },
      { tissue: 'cortical_bone', length: 0.002, cosIncidence: Math.cos(0.6) },
    ];
    expect(beamStatus(focusInBone)).toBe('angle');
    const slower: PathSegment[] = [
      { tissue: 'cortical_bone', length: 0.01 },
      { tissue: 'marrow', length: 0.002, cosIncidence: 0.1 },
      { tissue: 'lesion', length: 0.002, cosIncidence: 0.1 },
    ];
    expect(beyondCriticalAngleAtBone(slower)).toBe(false);
    // Fat → muscle at 70° is beyond that interface's θc, but it is not bone: no 'angle'.
    expect(
      beamStatus([
        { tissue: 'fat', length: 0.1 },
        { tissue: 'muscle', length: 0.01, cosIncidence: Math.cos(1.22) },
      ]),
    ).toBe('clear');
  });

  it('precedence: off > gas > nopass > critical > angle > bone > clear', () => {
    const all: PathSegment[] = [
      { tissue: 'muscle', length: 0.05 },
      { tissue: 'bowel_gas', length: 0.01, cosIncidence: 1 },
      { tissue: 'nerve', length: 0.01, cosIncidence: 1 },
      { tissue: 'cortical_bone', length: 0.003, cosIncidence: 0.2 },
      { tissue: 'lesion', length: 0.01, cosIncidence: 1 },
    ];
    expect(beamStatus(all, { off: true, noPass: true })).toBe('off');
    expect(beamStatus(all, { noPass: true })).toBe('gas');
    const noGas = all.filter((s) => s.tissue !== 'bowel_gas');
    expect(beamStatus(noGas, { noPass: true })).toBe('nopass');
    expect(beamStatus(noGas)).toBe('critical');
    expect(beamStatus(noGas.filter((s) => s.tissue !== 'nerve'))).toBe('angle');
    expect(classifyBeam(noGas.filter((s) => s.tissue !== 'nerve'))).toBe('bone');
    expect(
      beamStatus([
        { tissue: 'muscle', length: 0.1 },
        { tissue: 'lesion', length: 0.01 },
      ]),
    ).toBe('clear');
    expect(worseStatus('bone', 'angle')).toBe('angle');
    expect(worseStatus('gas', 'off')).toBe('off');
    expect(worseStatus('clear', 'clear')).toBe('clear');
  });
});

describe('no-pass regions: exact segment tests', () => {
  const a = [0, 0, 0] as const;
  const b = [1, 0, 0] as const;
  it('sphere: distance of the closest point of the segment vs the radius (touching counts)', () => {
    // Dyadic coordinates, so the boundary cases are exact in floating point.
    expect(segmentMeetsSphere(a, b, [0.5, 0.125, 0], 0.125)).toBe(true); // tangent
    expect(segmentMeetsSphere(a, b, [0.5, 0.125, 0], 0.125 - 1e-12)).toBe(false);
    expect(segmentMeetsSphere(a, b, [1.0625, 0, 0], 0.0625)).toBe(true); // touches the end
    expect(segmentMeetsSphere(a, b, [1.0625, 0, 0], 0.0624)).toBe(false); // the line would, the segment does not
    expect(segmentMeetsSphere(a, b, [-0.375, 0.5, 0], 0.625)).toBe(true); // 0.625 from the start
    expect(segmentMeetsSphere(a, b, [-0.375, 0.5, 0], 0.6249)).toBe(false);
    expect(segmentMeetsSphere(a, a, [0, 0, 0.25], 0.25)).toBe(true); // degenerate segment
  });

  it('box: slab test, including parallel segments, corners and segments ending short of the box', () => {
    expect(segmentMeetsBox(a, b, [0.5, 0, 0], [0.1, 0.1, 0.1])).toBe(true);
    expect(segmentMeetsBox(a, b, [0.5, 0.1, 0], [0.1, 0.1, 0.1])).toBe(true); // face on the segment
    expect(segmentMeetsBox(a, b, [0.5, 0.1 + 1e-9, 0], [0.1, 0.1, 0.1])).toBe(false); // parallel, just outside
    expect(segmentMeetsBox(a, b, [1.2, 0, 0], [0.1, 0.1, 0.1])).toBe(false); // ends 0.1 short
    expect(segmentMeetsBox(a, b, [1.1, 0, 0], [0.1, 0.1, 0.1])).toBe(true); // end on the face
    // Diagonal segment passing a cube's corner: (0,0,0) → (2,2,0) passes (1,1,0); cube centred (1.2,0.8,0), h 0.2
    // has the corner (1.0, 1.0, ·) exactly on the line.
    expect(segmentMeetsBox(a, [2, 2, 0], [1.2, 0.8, 0], [0.2, 0.2, 0.2])).toBe(true);
    expect(segmentMeetsBox(a, [2, 2, 0], [1.2 + 1e-9, 0.8 - 1e-9, 0], [0.2, 0.2, 0.2])).toBe(false);
    expect(segmentMeetsNoPass(a, b, { kind: 'box', centre: [0.5, 0, 0.15], size: 0.15 })).toBe(true);
    expect(segmentMeetsNoPass(a, b, { kind: 'sphere', centre: [0.5, 0, 0.15], size: 0.14 })).toBe(false);
  });
});

describe('what a beam meets beyond the focus', () => {
  it('the first gas or critical structure, at the summed length of the segments before it', () => {
    // Dyadic lengths (2⁻⁷ + 2⁻¹⁰ m), so the sum is exact.
    expect(
      hazardBeyond([
        { tissue: 'lesion', length: 0.0078125 },
        { tissue: 'muscle', length: 0.0009765625 },
        { tissue: 'lung', length: 0.02 },
        { tissue: 'nerve', length: 0.01 },
      ]),
    ).toEqual({ tissue: 'lung', distance: 0.0087890625 });
    expect(
      hazardBeyond([
        { tissue: 'cortical_bone', length: 0.004 },
        { tissue: 'nerve', length: 0.002 },
      ]),
    ).toEqual({ tissue: 'nerve', distance: 0.004 });
    expect(hazardBeyond([{ tissue: 'bowel_gas', length: 0.01 }])).toEqual({ tissue: 'bowel_gas', distance: 0 });
  });
  it('none behind soft tissue, bone and skin alone (skin is judged by the sonication, not by the beam check)', () => {
    expect(
      hazardBeyond([
        { tissue: 'lesion', length: 0.012 },
        { tissue: 'marrow', length: 0.008 },
        { tissue: 'cortical_bone', length: 0.005 },
        { tissue: 'muscle', length: 0.01 },
        { tissue: 'skin', length: 0.002 },
      ]),
    ).toBeUndefined();
    expect(hazardBeyond([])).toBeUndefined();
  });
});
