import { describe, expect, it } from 'vitest';
import { cem43Step } from '../../src/physics/thermal-dose.ts';
import { absorptionAt, TISSUES } from '../../src/physics/tissues.ts';
import { PRESETS } from '../../src/physics/transducer.ts';
import { sonicate } from '../../src/worker/ops/sonicate.ts';
import { loadBundledCase } from '../fixtures/bundled-case.ts';

/*
 * The femur case's default sonication, traced step by step: every number the results card shows follows from
 * the one before it by a formula of PHYSICS.md. If one link breaks, the test names it.
 */
const femur = await loadBundledCase('femur-shaft');
const { meta } = femur.summary;
const transducer = PRESETS.clinicalBodyArray;
const outcome = sonicate(
  femur.state,
  {
    transducer,
    pose: { target: meta.defaultTarget, direction: meta.defaultBeamDirection, distance: transducer.radiusOfCurvature },
    acousticPower: 50,
    duration: 20,
    cooling: 30,
    region: { size: 0.03, spacing: 0.001 },
  },
  () => {},
  'node',
);
const { grid, summary } = outcome;

function indexOf(point: readonly [number, number, number]): number {
  const [i, j, k] = point.map((x, axis) => Math.round((x - (grid.origin[axis] as number)) / grid.spacing));
  return (i as number) + grid.nx * ((j as number) + grid.ny * (k as number));
}

const peak = indexOf(summary.peakPressureLocation);
const hottest = indexOf(summary.peakTemperatureLocation);
const peakTissue = TISSUES[femur.state.model.tissueAt(summary.peakPressureLocation)];
const hotTissue = TISSUES[femur.state.model.tissueAt(summary.peakTemperatureLocation)];
const f = transducer.frequency;

describe('the femur default sonication, traced from pressure to thermal dose', () => {
  it('pressure: the reported peak is the largest |p| in the field and sits at the target (within 3 mm)', () => {
    expect(outcome.pressure[peak]).toBeCloseTo(summary.peakPressure, -1);
    expect(Math.max(...outcome.pressure)).toBe(outcome.pressure[peak]);
    const miss = Math.hypot(...summary.peakPressureLocation.map((x, a) => x - (meta.defaultTarget[a] as number)));
    expect(miss).toBeLessThan(0.003);
  });

  it('intensity: I = |p|²/(2ρc) of the tissue at the peak (1e-12)', () => {
    const expected = summary.peakPressure ** 2 / (2 * peakTissue.density * peakTissue.speedOfSound);
    expect(summary.focalIntensity / expected).toBeCloseTo(1, 12);
  });

  it('heat source: q = α_abs·|p|²/(ρc) at the peak (Float32 storage, 1e-6)', () => {
    const p = outcome.pressure[peak] as number;
    const expected = (absorptionAt(peakTissue, f) * p * p) / (peakTissue.density * peakTissue.speedOfSound);
    expect((outcome.heatSource[peak] as number) / expected).toBeCloseTo(1, 6);
  });

  it('temperature: the first explicit step at the hottest voxel is exactly dt·q/(ρ c_p) (from a uniform 37 °C start)', () => {
    const p = outcome.pressure[hottest] as number;
    const q = (absorptionAt(hotTissue, f) * p * p) / (hotTissue.density * hotTissue.speedOfSound);
    const dt = outcome.time[1] as number;
    const firstRise = (outcome.hottestTemperature[1] as number) - 37;
    expect(firstRise / ((dt * q) / (hotTissue.thermalDensity * hotTissue.specificHeat))).toBeCloseTo(1, 5);
  });

  it('temperature: the reported peak is the maximum of the hottest voxel’s history and rises then falls', () => {
    expect(Math.max(...outcome.hottestTemperature)).toBeCloseTo(summary.peakTemperature, 9);
    const heatingEnd = outcome.time.findIndex((t) => t >= 20);
    expect(outcome.hottestTemperature[heatingEnd] as number).toBeGreaterThan(
      outcome.hottestTemperature.at(-1) as number,
    );
  });

  it('thermal dose: CEM43 at the hottest voxel is the Sapareto–Dewey sum over its history (Float32, 1e-5)', () => {
    let dose = 0;
    for (let s = 1; s < outcome.time.length; s++) {
      dose += cem43Step(
        outcome.hottestTemperature[s - 1] as number,
        outcome.hottestTemperature[s] as number,
        (outcome.time[s] as number) - (outcome.time[s - 1] as number),
      );
    }
    expect((outcome.dose[hottest] as number) / dose).toBeCloseTo(1, 5);
    expect(summary.peakDose).toBeGreaterThanOrEqual(outcome.dose[hottest] as number);
  });

  it('energy: power × duration', () => {
    expect(summary.energy).toBe(1000);
  });
});
