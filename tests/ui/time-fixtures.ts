import type { PlanOutcome, SonicationOutcome, TimeSeries } from '../../src/ui/shown-run.ts';

/** Small fake outcomes for the time views: a 4×3×2 grid, a series at the focus and one probe. */
export const GRID = { nx: 4, ny: 3, nz: 2, spacing: 1e-3, origin: [0, 0, 0] as [number, number, number] };
const VOXELS = GRID.nx * GRID.ny * GRID.nz;

export function fakeSeries(): TimeSeries {
  const time = new Float64Array([0, 10, 20, 30]);
  return {
    time,
    points: [
      [0.001, 0.001, 0],
      [0.003, 0.002, 0.001],
    ],
    labels: ['focus', 'skin'],
    // points × time
    temperature: new Float32Array([37, 60, 75, 50, 37, 38, 39, 38]),
    dose: new Float32Array([0, 5, 400, 500, 0, 0.001, 0.02, 0.03]),
  };
}

function region(tissue: string, voxels: number, maxTemperature: number, maxDose: number) {
  return { tissue, voxels, volume: voxels * 1e-9, maxTemperature, maxDose, ablatedVolume: 0, volumeAboveSafety: 0 };
}

export function fakeDoses(skin = 44, bone = 41, critical = 2) {
  return {
    tissueDose: [region('skin', 10, skin, 0.5), region('nerve', 3, 40, critical), region('bowel', 0, 37, 0)],
    boneDose: region('bone', 5, 60, 300),
    criticalDose: region('critical', 3, 40, critical),
    lesionCoverage: 0.42,
    boneSurfaceOutsideTarget: { ...region('bone', 4, bone, 1), exclusionRadius: 5e-3 },
    safetyDoseThreshold: 30,
    // As the engine reports a structure the simulated path does not reach: its distance and the edge's bound.
    criticalOutside: [{ tissue: 'bowel', distance: 0.02, maxTemperature: 37.2 }],
  } as unknown as SonicationOutcome['doses'];
}

/** fakeSonication with some of its summary's numbers changed. */
export function sonicationWith(summary: Partial<SonicationOutcome['summary']>): SonicationOutcome {
  const outcome = fakeSonication();
  return { ...outcome, summary: { ...outcome.summary, ...summary } };
}

export function fakeSonication(withTime = true): SonicationOutcome {
  const maxTemperature = new Float32Array(VOXELS).fill(37);
  maxTemperature[5] = 75;
  const dose = new Float32Array(VOXELS);
  dose[5] = 500;
  const series = fakeSeries();
  const frames = {
    time: new Float64Array([0, 20]),
    temperature: new Float32Array(2 * VOXELS).fill(37),
    dose: new Float32Array(2 * VOXELS),
  };
  return {
    summary: {
      peakPressure: 4.2e6,
      peakPressureLocation: [0.001, 0.001, 0],
      focalIntensity: 1e7,
      peakTemperature: 75,
      peakTemperatureLocation: [0.001, 0.001, 0],
      peakDose: 500,
      ablationVolume: 1e-8,
      energy: 1200,
      activeElements: 200,
      timeStep: 0.1,
      steeringLoss: 1,
      elementsBeyondCriticalAngle: 0,
      lesionCoverage: 0.42,
    },
    grid: { ...GRID },
    maxTemperature,
    dose,
    pressure: new Float32Array(VOXELS),
    heatSource: new Float32Array(VOXELS),
    doses: fakeDoses(),
    time: new Float64Array([0, 15, 30]),
    hottestTemperature: new Float64Array([37, 75, 50]),
    elapsedMs: 5,
    ...(withTime ? { series, frames } : {}),
  };
}

export function fakePlan(): PlanOutcome {
  const s = fakeSonication();
  const spot = (id: string, startTime: number, energy: number) => ({
    id,
    status: 'valid' as const,
    reasons: [],
    summary: { ...s.summary, energy, peakTemperature: 70 + startTime / 100 },
    startTime,
  });
  return {
    spots: [spot('a', 0, 1000), spot('b', 50, 2600), spot('c', 100, 900)],
    grid: s.grid,
    maxTemperature: s.maxTemperature,
    dose: s.dose,
    time: new Float64Array([0, 50, 100, 150]),
    peakTemperature: new Float64Array([37, 72, 71, 40]),
    doses: fakeDoses(46, 52, 40),
    elapsedMs: 9,
  };
}
