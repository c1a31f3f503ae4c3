import { describe, expect, it } from 'vitest';
import { buildCase } from '../../src/cli/medium.ts';
import { parseScenario } from '../../src/cli/scenario.ts';
import { runSonication } from '../../src/engine/sonicate.ts';

/*
 * Grid convergence of the whole path: the acoustic lattice (λ/2 laterally, λ/4 axially by default) and the focal
 * thermal grid refined together, on a 1 MHz bowl (R 80 mm, D 60 mm) focused on the surface of a 5 mm cortical plate
 * under 20 mm of muscle, with marrow behind. A small bowl keeps the refined lattice affordable in a test.
 */
const scenario = parseScenario({
  transducer: {
    radiusOfCurvature: 0.08,
    aperture: 0.06,
    centralHoleDiameter: 0,
    elementCount: 1,
    elementDiameter: 0.06,
    frequency: 1e6,
  },
  drive: { acousticPower: 10 },
  medium: {
    type: 'layers',
    layers: [
      { tissue: 'muscle', thickness: 0.02 },
      { tissue: 'cortical_bone', thickness: 0.005 },
      { tissue: 'marrow', thickness: 0.02 },
    ],
  },
  target: [0, 0, 0.08],
  sonication: { duration: 10, cooling: 0 },
});
const built = await buildCase(scenario);

function run(refinement: number, spacing: number) {
  const out = runSonication(
    built.state,
    {
      transducer: scenario.transducer,
      pose: { target: [0, 0, 0.0805], direction: [0, 0, -1], distance: 0.08 },
      acousticPower: 10,
      duration: 10,
      cooling: 0,
      region: { size: 0.016, spacing },
      latticeRefinement: refinement,
    },
    () => {},
  );
  const rise = (tissue: string) =>
    (out.result.tissueDose.find((d) => d.tissue === tissue)?.maxTemperature ?? Number.NaN) - 37;
  // The hottest muscle and marrow voxels touch the hot bone, so their value follows the voxel size: the soft
  // tissues are compared at points 2 mm from the bone instead (trilinear in the focal grid).
  const at = (z: number) => trilinear(out.grid, out.result.maxTemperature, [0, 0, z]) - 37;
  return {
    focus: out.result.wholePath?.focusPressure ?? Number.NaN,
    bone: rise('cortical_bone'),
    muscle: at(0.078),
    marrow: at(0.087),
  };
}

function trilinear(
  grid: { nx: number; ny: number; spacing: number; origin: readonly [number, number, number] },
  field: Float32Array,
  point: readonly [number, number, number],
): number {
  const f = point.map((x, a) => (x - (grid.origin[a] as number)) / grid.spacing);
  const base = f.map(Math.floor);
  let sum = 0;
  for (let c = 0; c < 8; c++) {
    const o = [c & 1, (c >> 1) & 1, (c >> 2) & 1];
    let w = 1;
    for (let a = 0; a < 3; a++)
      w *= o[a] ? (f[a] as number) - (base[a] as number) : 1 - ((f[a] as number) - (base[a] as number));
    const i = (base[0] as number) + (o[0] as number);
    const j = (base[1] as number) + (o[1] as number);
    const k = (base[2] as number) + (o[2] as number);
    sum += w * (field[i + grid.nx * (j + grid.ny * k)] as number);
  }
  return sum;
}

describe('grid convergence of the whole path (lattice λ/2 → 0.75·λ/2, focal grid 0.8 → 0.5 mm)', () => {
  const coarse = run(1, 0.0008);
  const fine = run(0.75, 0.0005);
  const change = (a: number, b: number) => Math.abs(a / b - 1);
  console.info(
    `whole-path convergence: |p| at the focus ${(coarse.focus / 1e6).toFixed(3)} → ${(fine.focus / 1e6).toFixed(3)} MPa, ` +
      `bone peak rise ${coarse.bone.toFixed(2)} → ${fine.bone.toFixed(2)} K, muscle 2 mm before the bone ` +
      `${coarse.muscle.toFixed(2)} → ${fine.muscle.toFixed(2)} K, marrow 2 mm behind ${coarse.marrow.toFixed(2)} → ` +
      `${fine.marrow.toFixed(2)} K`,
  );

  it('the pressure at the focus changes by < 2 %', () => {
    expect(change(coarse.focus, fine.focus)).toBeLessThan(0.02);
  });

  it('the bone peak rise, and the rises in the muscle 2 mm in front and the marrow 2 mm behind, change by < 5 %', () => {
    expect(fine.bone).toBeGreaterThan(5);
    expect(change(coarse.bone, fine.bone)).toBeLessThan(0.05);
    expect(change(coarse.muscle, fine.muscle)).toBeLessThan(0.05);
    expect(change(coarse.marrow, fine.marrow)).toBeLessThan(0.05);
  });
});
