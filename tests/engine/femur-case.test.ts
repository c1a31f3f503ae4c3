import { describe, expect, it } from 'vitest';
import { regionGrid } from '../../src/engine/sonicate.ts';
import { traceBeamsForPlanning } from '../../src/engine/trace-beams.ts';
import { PRESETS } from '../../src/physics/transducer.ts';
import { loadBundledCase } from '../fixtures/bundled-case.ts';

const femur = await loadBundledCase('femur-shaft');
const { meta } = femur.summary;
const transducer = PRESETS.clinicalBodyArray;
const pose = {
  target: meta.defaultTarget,
  direction: meta.defaultBeamDirection,
  distance: transducer.radiusOfCurvature,
};

describe('the engine, run in Node on the bundled femur case', () => {
  it('load-case finds every tissue part and the default target in the lesion', () => {
    const tissues = new Set(femur.summary.parts.map((p) => p.tissue));
    for (const t of ['skin', 'fat', 'muscle', 'cortical_bone', 'marrow', 'lesion', 'nerve'] as const) {
      expect(tissues.has(t)).toBe(true);
    }
    expect(femur.state.model.tissueAt(meta.defaultTarget)).toBe('lesion');
  });

  it('trace-beams: the default window is clear for most elements and none crosses gas or the nerve', () => {
    const trace = traceBeamsForPlanning(femur.state, { transducer, pose });
    expect(trace.statuses.length).toBe(transducer.elementCount);
    expect(trace.counts.clear).toBeGreaterThan(0.8 * transducer.elementCount);
    expect(trace.counts.gas).toBe(0);
    expect(trace.counts.critical).toBe(0);
  });

  it('trace-beams: aiming through the femur from the far side flags bone', () => {
    const behind = { ...pose, direction: meta.defaultBeamDirection.map((d) => -d) as [number, number, number] };
    const trace = traceBeamsForPlanning(femur.state, { transducer, pose: behind });
    expect(trace.counts.bone + trace.counts.critical).toBeGreaterThan(0.5 * transducer.elementCount);
  });

  it('sonicate: a region grid is an odd cube centred on the target', () => {
    const request = {
      transducer,
      pose,
      acousticPower: 50,
      duration: 20,
      cooling: 30,
      region: { size: 0.04, spacing: 0.0008 },
    };
    const grid = regionGrid(request);
    expect(grid.nx % 2).toBe(1);
    const centre = grid.origin[0] + ((grid.nx - 1) / 2) * grid.spacing;
    expect(centre).toBeCloseTo(meta.defaultTarget[0], 12);
  });
});
