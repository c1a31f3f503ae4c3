import { describe, expect, it } from 'vitest';
import { PRESETS } from '../../src/physics/transducer.ts';
import { sonicate } from '../../src/worker/ops/sonicate.ts';
import type { SonicateRequest } from '../../src/worker/protocol.ts';
import { loadBundledCase } from '../fixtures/bundled-case.ts';

const femur = await loadBundledCase('femur-shaft');
const { meta } = femur.summary;
const transducer = PRESETS.clinicalBodyArray;
const pose = {
  target: meta.defaultTarget,
  direction: meta.defaultBeamDirection,
  distance: transducer.radiusOfCurvature,
};

describe('the worker ops, run in Node on the bundled femur case', () => {
  it('sonicate: heats the lesion to ablative temperatures with a dose far above 240 CEM43', () => {
    const request: SonicateRequest = {
      transducer,
      pose,
      acousticPower: 50,
      duration: 20,
      cooling: 10,
      region: { size: 0.03, spacing: 0.001 },
    };
    const progress: number[] = [];
    const outcome = sonicate(femur.state, request, (f) => progress.push(f));
    const s = outcome.summary;
    expect(s.energy).toBeCloseTo(1000, 9);
    expect(s.peakPressure).toBeGreaterThan(1e6);
    expect(s.peakTemperature).toBeGreaterThan(50);
    expect(s.peakTemperature).toBeLessThan(120);
    expect(s.peakDose).toBeGreaterThan(240);
    // The hottest voxel lies in the lesion or the bone behind it, within the focal zone's axial length
    // (−6 dB ≈ 7λ(R/D)² ≈ 19 mm for this array, PHYSICS.md §3).
    const d = Math.hypot(...s.peakTemperatureLocation.map((x, i) => x - (meta.defaultTarget[i] as number)));
    expect(d).toBeLessThan(0.019);
    expect(['lesion', 'marrow', 'cortical_bone']).toContain(femur.state.model.tissueAt(s.peakTemperatureLocation));
    expect(progress.at(-1)).toBeCloseTo(1, 6);
    expect(outcome.maxTemperature.length).toBe(outcome.grid.nx * outcome.grid.ny * outcome.grid.nz);
  });

  it('sonicate: steering 5 mm sideways moves the pressure peak 5 mm sideways (within 1 mm) and reports the loss', () => {
    const side = meta.defaultBeamDirection[0] === 0 ? [1, 0, 0] : [0, 0, 1];
    const focus = meta.defaultTarget.map((x, a) => x + 0.005 * (side[a] as number)) as [number, number, number];
    const request: SonicateRequest = {
      transducer,
      pose,
      focus,
      acousticPower: 50,
      duration: 2,
      cooling: 0,
      region: { size: 0.02, spacing: 0.001 },
    };
    const outcome = sonicate(femur.state, request, () => {});
    const { focus: _unused, ...unsteeredRequest } = request;
    const unsteered = sonicate(femur.state, unsteeredRequest, () => {});
    // Steering moves the peak sideways with the focus; along the beam it may slide within the ≈ 19 mm focal zone
    // (the lesion's surfaces shape it), so only the sideways part is checked, to one lattice column (0.72 mm).
    const moved = outcome.summary.peakPressureLocation.map(
      (x, a) => x - (unsteered.summary.peakPressureLocation[a] as number),
    );
    const beam = meta.defaultBeamDirection;
    const along = moved.reduce((sum, m, a) => sum + m * (beam[a] as number), 0);
    const sideways = moved.map((m, a) => m - along * (beam[a] as number));
    const miss = Math.hypot(...sideways.map((m, a) => m - 0.005 * (side[a] as number)));
    expect(miss).toBeLessThan(0.001);
    expect(outcome.summary.steeringLoss).toBeLessThan(1);
    expect(outcome.summary.steeringLoss).toBeGreaterThan(0.9);
  });

  it('sonicate: switching half the elements off halves the active count and lowers the focal pressure', () => {
    const base: SonicateRequest = {
      transducer,
      pose,
      acousticPower: 50,
      duration: 1,
      cooling: 0,
      region: { size: 0.01, spacing: 0.001 },
    };
    const all = sonicate(femur.state, base, () => {});
    const elementsOn = Uint8Array.from({ length: transducer.elementCount }, (_, i) =>
      i < transducer.elementCount / 2 ? 1 : 0,
    );
    const half = sonicate(femur.state, { ...base, elementsOn }, () => {});
    expect(all.summary.activeElements).toBe(transducer.elementCount);
    expect(half.summary.activeElements).toBe(transducer.elementCount / 2);
    expect(all.summary.steeringLoss).toBe(1);
    expect(half.summary.peakPressure).toBeLessThan(all.summary.peakPressure);
  });

  it('sonicate: without aberration correction the tissue blurs the focus (lower focal pressure)', () => {
    const base: SonicateRequest = {
      transducer,
      pose,
      acousticPower: 50,
      duration: 1,
      cooling: 0,
      region: { size: 0.01, spacing: 0.001 },
    };
    const corrected = sonicate(femur.state, base, () => {});
    const uncorrected = sonicate(femur.state, { ...base, aberrationCorrection: false }, () => {});
    console.info(
      `femur focal |p|: corrected ${(corrected.summary.peakPressure / 1e6).toFixed(3)} MPa, ` +
        `uncorrected ${(uncorrected.summary.peakPressure / 1e6).toFixed(3)} MPa`,
    );
    expect(uncorrected.summary.peakPressure).toBeLessThan(corrected.summary.peakPressure);
  });
});
