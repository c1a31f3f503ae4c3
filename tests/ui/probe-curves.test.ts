import { describe, expect, it } from 'vitest';
import { pickProbe } from '../../src/scene/casePicking.ts';
import { nearestVoxelOf, seriesCurves, withProbes } from '../../src/ui/time-series.ts';
import { fakeSeries, GRID } from './time-fixtures.ts';

const VOXELS = GRID.nx * GRID.ny * GRID.nz;

function run() {
  const series = fakeSeries(); // focus + "skin" at (3, 2, 1) mm, steps at 0, 10, 20, 30 s
  const temperature = new Float32Array(2 * VOXELS).fill(37);
  const dose = new Float32Array(2 * VOXELS);
  // Voxel (1, 1, 0) heats to 60 °C and 300 CEM43 min by the second frame (t = 20 s).
  const v = 1 + GRID.nx * 1;
  temperature[VOXELS + v] = 60;
  dose[VOXELS + v] = 300;
  return { series, frames: { time: new Float64Array([0, 20]), temperature, dose }, grid: GRID };
}

describe('probes on the plots (issue 10, item 12)', () => {
  it('draws a probe dropped after the run at once, from the stored frames', () => {
    const r = run();
    const { curves, notes } = withProbes(seriesCurves(r.series), r, [
      { id: 'p1', label: 'Cortical bone', point: [0.001, 0.001, 0] },
    ]);
    expect(curves.labels).toEqual(['focus', 'skin', 'Cortical bone']);
    expect(curves.temperature[2]).toEqual([37, null, 60, null]);
    expect(curves.dose[2]).toEqual([null, null, 300, null]);
    expect(curves.sparse).toEqual([false, false, true]);
    expect(notes).toEqual([expect.objectContaining({ id: 'p1', state: 'from-frames' })]);
  });

  it('keeps a recorded probe as it is', () => {
    const r = run();
    const { curves, notes } = withProbes(seriesCurves(r.series), r, [
      { id: 'p2', label: 'skin', point: [0.003, 0.002, 0.001] },
    ]);
    expect(curves.labels).toEqual(['focus', 'skin']);
    expect(notes[0]).toMatchObject({ state: 'recorded', note: '' });
  });

  it('says why a probe outside the simulated region has no curve, with the region', () => {
    const r = run();
    const { curves, notes } = withProbes(seriesCurves(r.series), r, [{ id: 'p3', label: 'Skin', point: [0.05, 0, 0] }]);
    expect(curves.labels).toHaveLength(2);
    expect(notes[0]?.state).toBe('not-recorded');
    expect(notes[0]?.note).toMatch(
      /outside the region it stored \(x -0\.5…3\.5, y -0\.5…2\.5, z -0\.5…1\.5 mm\): Sonicate to record it/,
    );
    const recordedOutside = run();
    recordedOutside.series.temperature.fill(Number.NaN, 4, 8);
    const again = withProbes(seriesCurves(recordedOutside.series), recordedOutside, [
      { id: 'p4', label: 'skin', point: [0.003, 0.002, 0.001] },
    ]);
    expect(again.notes[0]).toMatchObject({ state: 'outside' });
    expect(again.notes[0]?.note).toMatch(/outside the simulated region/);
  });

  it('finds the nearest voxel, or none more than half a voxel outside', () => {
    expect(nearestVoxelOf(GRID, [0.0014, 0.0006, 0])).toBe(1 + GRID.nx);
    expect(nearestVoxelOf(GRID, [-0.0006, 0, 0])).toBe(-1);
  });

  it('lands an Alt+click on what the user sees, through the faint skin (not on it)', () => {
    const hit = (tissue: string, opacity: number, distance: number) =>
      ({ intersection: { distance }, view: { tissue, opacity } }) as unknown as Parameters<typeof pickProbe>[0][number];
    const skin = hit('skin', 0.18, 1);
    const muscle = hit('muscle', 0.22, 2);
    const bone = hit('cortical_bone', 1, 3);
    expect(pickProbe([skin, muscle, bone])).toBe(bone);
    expect(pickProbe([skin, muscle])).toBe(skin);
    expect(pickProbe([])).toBeUndefined();
  });
});
