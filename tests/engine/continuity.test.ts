import { describe, expect, it } from 'vitest';
import { buildCase } from '../../src/cli/medium.ts';
import { parseScenario } from '../../src/cli/scenario.ts';
import { runSonication } from '../../src/engine/sonicate.ts';

/*
 * Continuity across a bone surface (issue "whole-path"): the old model took the path gain at the focus and applied
 * it to the whole region, so moving the target 0.2 mm across a bone surface changed the bone's peak rise 3×. Here a
 * 1 MHz clinical array sonicates a 5 mm cortical plate under 30 mm of muscle, the target stepping 0.1 mm at a time
 * from 0.3 mm in front of the bone's surface to 0.2 mm inside it (more than one acoustic slice, 0.36 mm). The surface
 * never sits on a voxel boundary of both the acoustic lattice and the thermal grid at once, so this exercises the
 * sub-voxel treatment of both.
 */
const scenario = parseScenario({
  transducer: { preset: 'clinicalBodyArray' },
  drive: { acousticPower: 20 },
  medium: {
    type: 'layers',
    layers: [
      { tissue: 'muscle', thickness: 0.03 },
      { tissue: 'cortical_bone', thickness: 0.005 },
      { tissue: 'marrow', thickness: 0.02 },
    ],
  },
  target: [0, 0, 0.16],
  sonication: { duration: 10, cooling: 0 },
  grid: { size: 0.012, spacing: 0.0008 },
});
const built = await buildCase(scenario);

function peakRises(surfaceOffset: number): { bone: number; muscle: number } {
  const run = runSonication(
    built.state,
    {
      transducer: scenario.transducer,
      pose: { target: [0, 0, 0.16 + surfaceOffset], direction: [0, 0, -1], distance: 0.16 },
      acousticPower: 20,
      duration: 10,
      cooling: 0,
      region: scenario.input.grid,
    },
    () => {},
  );
  const rise = (tissue: string) =>
    (run.result.tissueDose.find((d) => d.tissue === tissue)?.maxTemperature ?? Number.NaN) - 37;
  return { bone: rise('cortical_bone'), muscle: rise('muscle') };
}

describe('moving the target across a bone surface in 0.1 mm steps (muscle | 5 mm cortical plate, 20 W × 10 s)', () => {
  const steps = [-0.3, -0.2, -0.1, 0, 0.1, 0.2].map((mm) => peakRises(mm * 1e-3));
  const report = (key: 'bone' | 'muscle') => steps.map((s) => s[key].toFixed(2)).join(' → ');
  console.info(`continuity: bone peak rise ${report('bone')} K; muscle ${report('muscle')} K`);

  for (const key of ['bone', 'muscle'] as const) {
    it(`the ${key} peak rise changes by ≤ 2 % of itself per step, and the steps vary by ≤ 0.5 % (no jump)`, () => {
      const rise = Math.max(...steps.map((s) => s[key]));
      expect(rise).toBeGreaterThan(5);
      const deltas = steps.slice(1).map((s, i) => s[key] - (steps[i] as { bone: number; muscle: number })[key]);
      for (const d of deltas) expect(Math.abs(d)).toBeLessThan(0.02 * rise);
      for (let i = 1; i < deltas.length; i++) {
        expect(Math.abs((deltas[i] as number) - (deltas[i - 1] as number))).toBeLessThan(0.005 * rise);
      }
    });
  }
});
