import { describe, expect, it } from 'vitest';
import { runSonication } from '../../src/engine/sonicate.ts';
import { cem43Step } from '../../src/physics/thermal-dose.ts';
import { TISSUES } from '../../src/physics/tissues.ts';
import { PRESETS } from '../../src/physics/transducer.ts';
import { loadBundledCase, sonicationAtDefaults } from '../fixtures/bundled-case.ts';

/*
 * The femur case's default sonication, traced step by step through the whole-path model: every number the results
 * card shows follows from the one before it by a formula of PHYSICS.md or a conservation law. If one link breaks,
 * the test names it.
 */
const femur = await loadBundledCase('femur-shaft');
const { meta } = femur.summary;
const transducer = PRESETS.clinicalBodyArray;
const run = runSonication(
  femur.state,
  sonicationAtDefaults(meta, transducer, {
    acousticPower: 50,
    duration: 20,
    cooling: 30,
    region: { size: 0.03, spacing: 0.001 },
  }),
  () => {},
);
const { grid, result } = run;
const whole = result.wholePath;
if (!whole) throw new Error('the default sonication runs the whole-path model');

function indexOf(point: readonly [number, number, number]): number {
  const [i, j, k] = point.map((x, axis) => Math.round((x - (grid.origin[axis] as number)) / grid.spacing));
  return (i as number) + grid.nx * ((j as number) + grid.ny * (k as number));
}

const hottest = indexOf(result.peakTemperatureLocation);
const peakTissue = TISSUES[femur.state.model.tissueAt(result.peakPressureLocation)];
const hotTissue = TISSUES[femur.state.model.tissueAt(result.peakTemperatureLocation)];

describe('the femur default sonication, traced from the source to thermal dose', () => {
  it('source: the input plane carries 85–100 % of the 50 W (the rest leaves the lattice at wide angles)', () => {
    expect(whole.inputPower / 50).toBeGreaterThan(0.85);
    expect(whole.inputPower / 50).toBeLessThanOrEqual(1.001);
  });

  it('energy: the heat deposited along the path is less than what entered it', () => {
    expect(whole.absorbedPower).toBeGreaterThan(0);
    expect(whole.absorbedPower).toBeLessThan(whole.inputPower);
  });

  it('pressure: the reported peak is the largest |p| on the path, on the beam axis at the target (within 1 mm across, 5 mm along), and no fine voxel exceeds it', () => {
    expect(result.peakPressure).toBe(whole.pathPeakPressure);
    const offset = result.peakPressureLocation.map((x, a) => x - (meta.defaultTarget[a] as number));
    // The beam runs against defaultBeamDirection (which points from the target to the transducer).
    const along = offset.reduce((sum, x, a) => sum + x * (meta.defaultBeamDirection[a] as number), 0);
    const across = Math.sqrt(Math.max(0, offset.reduce((sum, x) => sum + x * x, 0) - along * along));
    expect(across).toBeLessThan(0.001);
    expect(Math.abs(along)).toBeLessThan(0.005);
    expect(Math.max(...result.pressure)).toBeLessThanOrEqual(result.peakPressure * (1 + 1e-6));
    expect(whole.focusPressure).toBeLessThanOrEqual(result.peakPressure);
  });

  it('intensity: I = |p|²/(2ρc) of the tissue at the peak (1e-12)', () => {
    const expected = result.peakPressure ** 2 / (2 * peakTissue.density * peakTissue.speedOfSound);
    expect(result.focalIntensity / expected).toBeCloseTo(1, 12);
  });

  it('heat source: averaging onto the focal grid keeps the heat deposited in its box (within 2 %)', () => {
    const { lattice, fine } = whole.focalRegionHeat;
    expect(lattice).toBeGreaterThan(0);
    expect(Math.abs(fine / lattice - 1)).toBeLessThan(0.02);
  });

  it('temperature: the first explicit step at the hottest voxel is exactly dt·q/(ρ c_p) (from a uniform 37 °C start)', () => {
    const q = result.heatSource[hottest] as number;
    const dt = result.time[1] as number;
    const firstRise = (result.hottestTemperature[1] as number) - 37;
    expect(firstRise / ((dt * q) / (hotTissue.thermalDensity * hotTissue.specificHeat))).toBeCloseTo(1, 5);
  });

  it('temperature: the reported peak is the maximum of the hottest voxel’s history and rises then falls', () => {
    expect(Math.max(...result.hottestTemperature)).toBeCloseTo(result.peakTemperature, 9);
    const heatingEnd = result.time.findIndex((t) => t >= 20);
    expect(result.hottestTemperature[heatingEnd] as number).toBeGreaterThan(result.hottestTemperature.at(-1) as number);
  });

  it('thermal dose: CEM43 at the hottest voxel is the Sapareto–Dewey sum over its history (Float32, 1e-5)', () => {
    let dose = 0;
    for (let s = 1; s < result.time.length; s++) {
      dose += cem43Step(
        result.hottestTemperature[s - 1] as number,
        result.hottestTemperature[s] as number,
        (result.time[s] as number) - (result.time[s - 1] as number),
      );
    }
    expect((result.dose[hottest] as number) / dose).toBeCloseTo(1, 5);
    // The peak dose is kept in Float64, the field in Float32: equal to Float32 precision.
    expect(result.peakDose / (result.dose[hottest] as number)).toBeGreaterThan(1 - 1e-6);
  });

  it('whole path: the skin, fat and far bone get a temperature from the coarse run', () => {
    for (const tissue of ['skin', 'fat', 'cortical_bone', 'marrow'] as const) {
      const d = result.tissueDose.find((t) => t.tissue === tissue);
      expect(d?.voxels, tissue).toBeGreaterThan(0);
      expect(d?.maxTemperature, tissue).toBeGreaterThan(37);
    }
  });

  it('energy: power × duration', () => {
    expect(result.energy).toBe(1000);
  });
});
