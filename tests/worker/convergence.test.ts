import { describe, expect, it } from 'vitest';
import { doseReport } from '../../src/physics/dose-report.ts';
import type { TissueId } from '../../src/physics/tissue-ids.ts';
import { PRESETS } from '../../src/physics/transducer.ts';
import { sonicate } from '../../src/worker/ops/sonicate.ts';
import type { SonicateRequest, SonicationOutcome } from '../../src/worker/protocol.ts';
import { loadBundledCase } from '../fixtures/bundled-case.ts';

const femur = await loadBundledCase('femur-shaft');
const { meta } = femur.summary;
const transducer = PRESETS.clinicalBodyArray;
const pose = {
  target: meta.defaultTarget,
  direction: meta.defaultBeamDirection,
  distance: transducer.radiusOfCurvature,
};

/** Trilinear interpolation of a voxel field at a point inside the grid [m]. */
function sampleAt(outcome: SonicationOutcome, field: Float32Array, point: readonly number[]): number {
  const { nx, ny, spacing, origin } = outcome.grid;
  const f = [0, 1, 2].map((a) => ((point[a] as number) - (origin[a] as number)) / spacing);
  const base = f.map(Math.floor) as [number, number, number];
  let sum = 0;
  for (let c = 0; c < 8; c++) {
    const o = [c & 1, (c >> 1) & 1, (c >> 2) & 1] as const;
    let w = 1;
    for (let a = 0; a < 3; a++) {
      const t = (f[a] as number) - base[a as 0 | 1 | 2];
      w *= o[a as 0 | 1 | 2] ? t : 1 - t;
    }
    sum += w * (field[base[0] + o[0] + nx * (base[1] + o[1] + ny * (base[2] + o[2]))] as number);
  }
  return sum;
}

/** 50 W, 20 s on the default target, region 30 mm; rises over 37 °C at the target, in the lesion and anywhere. */
function run(spacing: number) {
  const request: SonicateRequest = {
    transducer,
    pose,
    acousticPower: 50,
    duration: 20,
    cooling: 0,
    region: { size: 0.03, spacing },
  };
  const outcome = sonicate(femur.state, request, () => {});
  const table: TissueId[] = [];
  const labels = femur.state.model.voxelise(outcome.grid, table);
  const report = doseReport(outcome.grid, labels, table, outcome.maxTemperature, outcome.dose, [meta.defaultTarget]);
  const lesion = report.tissueDose.find((r) => r.tissue === 'lesion');
  return {
    target: sampleAt(outcome, outcome.maxTemperature, meta.defaultTarget) - 37,
    lesion: (lesion?.maxTemperature ?? Number.NaN) - 37,
    peak: outcome.summary.peakTemperature - 37,
    peakTissue: femur.state.model.tissueAt(outcome.summary.peakTemperatureLocation),
    peakDistance: Math.hypot(
      ...outcome.summary.peakTemperatureLocation.map((x, i) => x - (meta.defaultTarget[i] as number)),
    ),
    dt: outcome.summary.timeStep,
  };
}

describe('grid convergence on the bundled femur case (1.0 mm → 0.5 mm, region 30 mm, 50 W × 20 s)', () => {
  const coarse = run(0.001);
  const fine = run(0.0005);
  const change = (a: number, b: number) => Math.abs(a / b - 1);
  console.info(
    `convergence: ΔT at target ${coarse.target.toFixed(2)} → ${fine.target.toFixed(2)} K ` +
      `(${(100 * change(coarse.target, fine.target)).toFixed(1)} %), lesion max ${coarse.lesion.toFixed(2)} → ` +
      `${fine.lesion.toFixed(2)} K (${(100 * change(coarse.lesion, fine.lesion)).toFixed(1)} %), hottest voxel ` +
      `${coarse.peak.toFixed(2)} (${coarse.peakTissue}, ${(coarse.peakDistance * 1e3).toFixed(1)} mm) → ` +
      `${fine.peak.toFixed(2)} K (${fine.peakTissue}, ${(fine.peakDistance * 1e3).toFixed(1)} mm) ` +
      `(${(100 * change(coarse.peak, fine.peak)).toFixed(1)} %), dt ${coarse.dt} / ${fine.dt} s`,
  );

  it('the temperature rise at the target point (trilinear) changes by < 5 %', () => {
    expect(change(coarse.target, fine.target)).toBeLessThan(0.05);
    expect(fine.target).toBeGreaterThan(3);
  });

  it('the peak rise in the lesion (the target tissue) changes by < 5 %', () => {
    expect(change(coarse.lesion, fine.lesion)).toBeLessThan(0.05);
  });

  it('the hottest voxel of the focal region is in the lesion within 3 mm of the target; it changes by < 5 %', () => {
    expect(change(coarse.peak, fine.peak)).toBeLessThan(0.05);
    expect(fine.peakTissue).toBe('lesion');
    expect(fine.peakDistance).toBeLessThan(0.003);
    // The report's lesion maximum is the same voxel, read from the Float32 field.
    expect(Math.abs(fine.peak - fine.lesion)).toBeLessThan(1e-5);
  });
});
