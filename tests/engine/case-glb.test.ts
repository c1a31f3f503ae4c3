import { BufferGeometry, Float32BufferAttribute, IcosahedronGeometry } from 'three';
import { describe, expect, it } from 'vitest';
import { caseSummary, loadCase } from '../../src/engine/case.ts';
import { writeCaseGlb } from '../../src/engine/case-glb.ts';
import { importedCaseFile, lesionPlacementProblem, withPlacedLesion } from '../../src/engine/imported-case-file.ts';
import { bodyEnvelope } from '../../src/geometry/import/envelope.ts';
import { type CaseMeta, type CasePart, parseCaseGlb } from '../../src/geometry/phantom.ts';

// An imported case goes to the app as a GLB in the bundled phantoms' convention (models/README.md): what is
// written must read back through the loader the app and the worker use, part for part and vertex for vertex.

const meta: CaseMeta = {
  id: 'imported-test',
  title: 'A ball',
  description: 'Imported from ball.stl.',
  defaultTarget: [0.01, 0.02, -0.03],
  defaultBeamDirection: [0, 1, 0],
};

function ball(): CasePart[] {
  // Non-indexed (three's icosphere) and indexed (the envelope's marching tetrahedra) geometry both occur.
  const bone: CasePart = {
    name: 'cortical_bone-ball',
    tissue: 'cortical_bone',
    label: 'ball',
    geometry: new IcosahedronGeometry(0.02, 3),
  };
  return [bone, ...bodyEnvelope([bone], { muscle: 0.005, fat: 0.003, skin: 0.002 })];
}

describe('writeCaseGlb', () => {
  it('reads back through parseCaseGlb: names, tissues, labels, positions, indices and the meta', async () => {
    const parts = ball();
    const glb = writeCaseGlb(meta, parts);
    expect(new TextDecoder().decode(new Uint8Array(glb, 0, 4))).toBe('glTF');
    expect(glb.byteLength % 4).toBe(0);
    const loaded = await parseCaseGlb(glb, 'fallback');
    expect(loaded.meta).toEqual(meta);
    expect(loaded.parts.map((p) => [p.name, p.tissue, p.label])).toEqual(parts.map((p) => [p.name, p.tissue, p.label]));
    loaded.parts.forEach((read, i) => {
      const written = parts[i]?.geometry;
      expect(Array.from(read.geometry.getAttribute('position').array)).toEqual(
        Array.from(written?.getAttribute('position').array ?? []),
      );
      expect(read.geometry.getAttribute('normal').count).toBe(written?.getAttribute('position').count);
      const index = written?.getIndex();
      if (index) expect(Array.from(read.geometry.getIndex()?.array ?? [])).toEqual(Array.from(index.array));
      else expect(read.geometry.getIndex()).toBeNull();
    });
  });

  it('opens in the engine as a case: the summary lists the parts and bounds the outer shell', async () => {
    const parts = ball();
    const state = await loadCase(writeCaseGlb(meta, parts), 'x');
    const summary = caseSummary(state);
    expect(summary.parts.map((p) => p.tissue)).toEqual(['cortical_bone', 'muscle', 'fat', 'skin']);
    // The skin's outer surface: 20 + 5 + 3 + 2 mm from the centre, within a voxel of the envelope's 1 mm grid.
    expect(summary.bounds.max[0]).toBeGreaterThan(0.029);
    expect(summary.bounds.max[0]).toBeLessThan(0.031);
    expect(state.model.tissueAt([0, 0, 0])).toBe('cortical_bone');
    expect(state.model.tissueAt([0.0225, 0, 0])).toBe('muscle');
  });
});

describe('a lesion placed on an imported bone', () => {
  it('must touch the bone: refused 20 mm off it with the distance, accepted on its surface', () => {
    const parts = ball();
    expect(lesionPlacementProblem(parts, [0.04, 0, 0], [0.008, 0.008, 0.008])).toMatch(
      /^its centre is 20 mm from the nearest bone, farther than its 8 mm reach/,
    );
    expect(lesionPlacementProblem(parts, [0.02, 0, 0], [0.008, 0.008, 0.008])).toBeUndefined();
    expect(lesionPlacementProblem(parts.slice(1), [0.02, 0, 0], [0.008, 0.008, 0.008])).toMatch(/no bone/);
  });

  it('measures to the bone surface, not to its vertices: a point on a long triangle is on the bone', () => {
    // A bone of two long triangles (a 200 × 40 mm face): its middle lies 20 mm and more from every vertex.
    const geometry = new BufferGeometry();
    geometry.setAttribute(
      'position',
      new Float32BufferAttribute(
        [-0.1, -0.02, 0, 0.1, -0.02, 0, 0.1, 0.02, 0, -0.1, -0.02, 0, 0.1, 0.02, 0, -0.1, 0.02, 0],
        3,
      ),
    );
    const slab = [{ name: 'slab', tissue: 'cortical_bone' as const, label: 'slab', geometry }];
    expect(lesionPlacementProblem(slab, [0, 0, 0], [0.005, 0.005, 0.005])).toBeUndefined();
    expect(lesionPlacementProblem(slab, [0, 0, 0.005], [0.005, 0.005, 0.005])).toBeUndefined();
    expect(lesionPlacementProblem(slab, [0, 0, 0.02], [0.005, 0.005, 0.005])).toMatch(/^its centre is 20 mm from/);
  });

  it('replaces a lesion placed before, and the case file aims at it', () => {
    const once = withPlacedLesion(ball(), { centre: [0.02, 0, 0], radii: [0.008, 0.008, 0.008] });
    const twice = withPlacedLesion(once, { centre: [0, 0.02, 0], radii: [0.005, 0.006, 0.007] });
    expect(twice.filter((p) => p.tissue === 'lesion')).toHaveLength(1);
    const file = importedCaseFile({ id: 'i', title: 't', description: 'd' }, twice);
    expect(file.meta.defaultTarget[0]).toBeCloseTo(0, 3);
    expect(file.meta.defaultTarget[1]).toBeCloseTo(0.02, 3);
    expect(Math.hypot(...file.meta.defaultBeamDirection)).toBeCloseTo(1, 9);
  });
});
