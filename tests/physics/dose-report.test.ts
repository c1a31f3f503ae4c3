import { describe, expect, test } from 'vitest';
import { BONE_SURFACE_EXCLUSION_RADIUS, doseReport, SAFETY_THRESHOLD_CEM43 } from '../../src/physics/dose-report.ts';
import type { TissueId } from '../../src/physics/tissue-ids.ts';

// 5×5×5 voxels of 1 mm, voxel (i, j, k) centred at (i, j, k) mm.
const N = 5;
const H = 1e-3;
const GRID = { nx: N, ny: N, nz: N, spacing: H, origin: [0, 0, 0] as const };
const V = H ** 3;
const at = (i: number, j: number, k: number): number => i + N * (j + N * k);
// Label 3 repeats muscle: the report merges it with label 0.
const TABLE: TissueId[] = ['muscle', 'cortical_bone', 'lesion', 'muscle', 'nerve', 'bowel', 'marrow'];

/**
 * Muscle, with cortical bone at i = 3, 4 (50 voxels) except one marrow voxel at (4, 2, 2); lesion (1, 1..2, 1..2);
 * nerve (0, 4, 4); bowel (0, 0, 4); half the muscle carries label 3.
 */
function phantom() {
  const labels = new Uint8Array(N ** 3);
  for (let k = 0; k < N; k++)
    for (let j = 0; j < N; j++)
      for (let i = 0; i < N; i++) {
        labels[at(i, j, k)] = i >= 3 ? 1 : k % 2 === 0 ? 0 : 3;
      }
  labels[at(4, 2, 2)] = 6;
  for (const [j, k] of [
    [1, 1],
    [1, 2],
    [2, 1],
    [2, 2],
  ] as const)
    labels[at(1, j, k)] = 2;
  labels[at(0, 4, 4)] = 4;
  labels[at(0, 0, 4)] = 5;
  const temperature = new Float32Array(N ** 3).fill(38);
  const dose = new Float32Array(N ** 3);
  // Lesion: 2 of 4 voxels reach 240 (one exactly at the threshold); max 70 °C.
  [300, 240, 239.9, 10].forEach((d, n) => {
    dose[at(1, 1 + (n >> 1), 1 + (n & 1))] = d;
  });
  temperature[at(1, 1, 1)] = 70;
  // Bone: the focus voxel (3, 2, 2) is the hottest (90 °C), an outer-surface voxel (3, 4, 4) reaches 60 °C,
  // an inner voxel (4, 0, 0), not on the periosteal surface, 80 °C.
  temperature[at(3, 2, 2)] = 90;
  dose[at(3, 2, 2)] = 1000;
  temperature[at(3, 4, 4)] = 60;
  dose[at(3, 4, 4)] = 100;
  temperature[at(4, 0, 0)] = 80;
  dose[at(4, 0, 0)] = 500;
  // Nerve above the safety threshold, bowel below; muscle: one voxel at 35 min.
  temperature[at(0, 4, 4)] = 45;
  dose[at(0, 4, 4)] = 31;
  temperature[at(0, 0, 4)] = 41;
  dose[at(0, 0, 4)] = 2;
  temperature[at(2, 2, 2)] = 50;
  dose[at(2, 2, 2)] = 35;
  return { labels, temperature, dose };
}

const FOCUS = [3e-3, 2e-3, 2e-3] as const;

describe('doseReport on a hand-made label grid (exact counts)', () => {
  const { labels, temperature, dose } = phantom();
  const report = doseReport(GRID, labels, TABLE, temperature, dose, [FOCUS], { boneSurfaceExclusionRadius: 1.5e-3 });
  const byTissue = (t: TissueId) => report.tissueDose.find((r) => r.tissue === t);

  test('one entry per distinct tissue, voxel counts add up to the grid', () => {
    expect(report.tissueDose.map((r) => r.tissue)).toEqual([
      'muscle',
      'cortical_bone',
      'lesion',
      'nerve',
      'bowel',
      'marrow',
    ]);
    expect(report.tissueDose.reduce((s, r) => s + r.voxels, 0)).toBe(N ** 3);
    expect(byTissue('cortical_bone')?.voxels).toBe(49);
    expect(byTissue('muscle')?.voxels).toBe(75 - 6);
    expect(byTissue('muscle')?.volume).toBeCloseTo(69 * V, 18);
  });

  test('lesion: max 70 °C, max 300 min, 2 voxels ≥ 240, coverage 0.5', () => {
    const lesion = byTissue('lesion');
    expect(lesion?.maxTemperature).toBe(70);
    expect(lesion?.maxDose).toBe(300);
    expect(lesion?.ablatedVolume).toBeCloseTo(2 * V, 18);
    expect(lesion?.volumeAboveSafety).toBeCloseTo(3 * V, 18);
    expect(report.lesionCoverage).toBeCloseTo(0.5, 15);
  });

  test('critical (nerve + bowel): max 45 °C, 31 min, one voxel above the 30-min safety threshold', () => {
    expect(report.safetyDoseThreshold).toBe(SAFETY_THRESHOLD_CEM43);
    expect(report.criticalDose.voxels).toBe(2);
    expect(report.criticalDose.maxTemperature).toBe(45);
    expect(report.criticalDose.maxDose).toBe(31);
    expect(report.criticalDose.volumeAboveSafety).toBeCloseTo(V, 18);
    expect(report.criticalDose.ablatedVolume).toBe(0);
    expect(byTissue('bowel')?.maxTemperature).toBe(41);
    expect(byTissue('muscle')?.volumeAboveSafety).toBeCloseTo(V, 18);
  });

  test('bone: max 90 °C at the focus; the surface outside 1.5 mm has 16 voxels and max 60 °C', () => {
    expect(report.boneDose.voxels).toBe(49);
    expect(report.boneDose.maxTemperature).toBe(90);
    expect(report.boneDose.ablatedVolume).toBeCloseTo(2 * V, 18);
    // Periosteal surface = the 25 voxels of i = 3 (i = 4 faces bone, marrow or the grid edge); 9 lie within
    // 1.5 mm of the focus (|Δj|, |Δk| ≤ 1), leaving 16.
    const s = report.boneSurfaceOutsideTarget;
    expect(s.voxels).toBe(16);
    expect(s.maxTemperature).toBe(60);
    expect(s.maxDose).toBe(100);
    expect(s.exclusionRadius).toBe(1.5e-3);
    expect(s.volumeAboveSafety).toBeCloseTo(V, 18);
  });

  test('defaults: 5 mm radius excludes the whole surface of this 5 mm grid; thresholds are inputs', () => {
    const d = doseReport(GRID, labels, TABLE, temperature, dose, [FOCUS]);
    expect(d.boneSurfaceOutsideTarget.exclusionRadius).toBe(BONE_SURFACE_EXCLUSION_RADIUS);
    expect(d.boneSurfaceOutsideTarget.voxels).toBe(0);
    expect(d.boneSurfaceOutsideTarget.maxTemperature).toBe(37);
    const strict = doseReport(GRID, labels, TABLE, temperature, dose, [FOCUS], { safetyDoseThreshold: 1 });
    expect(strict.criticalDose.volumeAboveSafety).toBeCloseTo(2 * V, 18);
    // Two foci: the second also excludes (3, 3..4, 3..4), of which (3, 3, 3) was already excluded: 3 more.
    const two = doseReport(GRID, labels, TABLE, temperature, dose, [FOCUS, [3e-3, 4e-3, 4e-3]], {
      boneSurfaceExclusionRadius: 1.5e-3,
    });
    expect(two.boneSurfaceOutsideTarget.voxels).toBe(16 - 3);
    expect(two.boneSurfaceOutsideTarget.maxTemperature).toBe(38);
  });

  test('no lesion in the grid: coverage 0, lesion absent from the report', () => {
    const none = doseReport(GRID, new Uint8Array(N ** 3), ['muscle'], temperature, dose, [FOCUS]);
    expect(none.lesionCoverage).toBe(0);
    expect(none.tissueDose.map((r) => r.tissue)).toEqual(['muscle']);
    expect(none.boneDose.voxels).toBe(0);
  });
});
