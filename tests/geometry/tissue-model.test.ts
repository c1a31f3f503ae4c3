import fc from 'fast-check';
import { BoxGeometry, SphereGeometry } from 'three';
import { describe, expect, it } from 'vitest';
import { classifyBeam } from '../../src/geometry/beam-status.ts';
import { parsePartName, TISSUE_PRIORITY } from '../../src/geometry/part-names.ts';
import type { CasePart } from '../../src/geometry/phantom.ts';
import { TissueModel } from '../../src/geometry/tissue-model.ts';
import { TISSUE_IDS, type TissueId } from '../../src/physics/tissue-ids.ts';

type Vec3 = [number, number, number];

function part(name: string, tissue: TissueId, geometry: CasePart['geometry']): CasePart {
  return { name, tissue, label: '', geometry };
}

// A 100 mm muscle block holding a 20 mm-radius bone ball at the origin, and a 5 mm lesion that breaks through
// the ball's surface at +x (centre x = 19 mm).
const block = part('muscle', 'muscle', new BoxGeometry(0.1, 0.1, 0.1));
const ball = part('cortical_bone', 'cortical_bone', new SphereGeometry(0.02, 96, 64));
const lesion = part('lesion', 'lesion', new SphereGeometry(0.005, 48, 32).translate(0.019, 0, 0));
const model = new TissueModel([block, ball, lesion]);
const focus: [number, number, number] = [0.019, 0, 0];

describe('part names carry the tissue role', () => {
  it('reads <tissue> and <tissue>-<label>', () => {
    expect(parsePartName('nerve-sciatic')).toEqual({ tissue: 'nerve', label: 'sciatic' });
    expect(parsePartName('cortical_bone')).toEqual({ tissue: 'cortical_bone', label: '' });
    expect(parsePartName('Lesion-osteolytic-1')).toEqual({ tissue: 'lesion', label: 'osteolytic-1' });
  });
  it('refuses names without a known tissue', () => {
    expect(parsePartName('Cube.001')).toBeUndefined();
    expect(parsePartName('bone')).toBeUndefined();
  });
  it('ranks every tissue exactly once', () => {
    expect([...TISSUE_PRIORITY].sort()).toEqual([...TISSUE_IDS].sort());
  });
});

describe('the tissue model answers where a point is', () => {
  it('takes the highest-priority containing part, else the water bath', () => {
    expect(model.tissueAt([0, 0, 0])).toBe('cortical_bone');
    expect(model.tissueAt(focus)).toBe('lesion');
    expect(model.tissueAt([0.023, 0, 0])).toBe('lesion');
    expect(model.tissueAt([0.03, 0.03, 0])).toBe('muscle');
    expect(model.tissueAt([0.2, 0, 0])).toBe('water');
  });
});

describe('a straight beam is cut into tissue segments', () => {
  it('crosses water, muscle and bone to a focus in the lesion, lengths exact to 0.1 mm', () => {
    const path = model.pathSegments([-0.15, 0, 0], focus);
    expect(path.map((s) => s.tissue)).toEqual(['water', 'muscle', 'cortical_bone', 'lesion']);
    const lengths = path.map((s) => s.length);
    // Sphere facets sit slightly inside the true sphere: allow the chord error of a 96-segment sphere.
    expect(lengths[0]).toBeCloseTo(0.1, 4);
    expect(lengths[1]).toBeCloseTo(0.03, 3);
    expect(lengths[2]).toBeCloseTo(0.034, 3);
    expect(lengths[3]).toBeCloseTo(0.005, 3);
  });
  it('records the incidence on each entered surface: normal on the box face, cos θ at 30° (1e-9)', () => {
    const normal = model.pathSegments([-0.15, 0.03, 0.03], [0, 0.03, 0.03]);
    expect(normal[0]?.cosIncidence).toBeUndefined();
    expect(normal[1]?.tissue).toBe('muscle');
    expect(normal[1]?.cosIncidence).toBeCloseTo(1, 9);
    const angle = Math.PI / 6;
    const from: [number, number, number] = [-0.15, 0.03 + 0.1 * Math.tan(angle), 0.03];
    const oblique = model.pathSegments(from, [-0.05 + 0.01, 0.03 - 0.01 * Math.tan(angle), 0.03]);
    expect(oblique[1]?.cosIncidence).toBeCloseTo(Math.cos(angle), 9);
  });

  it('segment lengths add up to the path length', () => {
    const from: [number, number, number] = [-0.12, 0.07, 0.05];
    const to: [number, number, number] = [0.004, -0.003, 0.002];
    const total = Math.hypot(to[0] - from[0], to[1] - from[1], to[2] - from[2]);
    const sum = model.pathSegments(from, to).reduce((a, s) => a + s.length, 0);
    expect(sum).toBeCloseTo(total, 12);
  });
  it('paths from one start to many ends are the same segments as one path at a time (the start found once)', () => {
    const ends: [number, number, number][] = [[-0.15, 0, 0], [0.15, 0.01, -0.02], [0.004, -0.03, 0.04], focus];
    expect(model.pathsFrom(focus, ends)).toEqual(ends.map((end) => model.pathSegments(focus, end)));
  });
  it('a part is met exactly when the path reaches it: parts whose bounding box the path misses are not ray cast', () => {
    // The lesion's box spans x 14–24 mm; the path comes in along −x from the water.
    expect(model.pathSegments([0.15, 0, 0], [0.0243, 0, 0]).map((s) => s.tissue)).toEqual(['water', 'muscle']);
    expect(model.pathSegments([0.15, 0, 0], [0.0235, 0, 0]).map((s) => s.tissue)).toEqual([
      'water',
      'muscle',
      'lesion',
    ]);
  });
  it('every segment of any path holds its own tissue at its middle (random paths through and beside the parts)', () => {
    const coordinate = fc.double({ min: -0.08, max: 0.08, noNaN: true });
    // Offsets keep the paths (and their shrunk counterexamples) off the meshes' vertices and edges, where a ray
    // through a shared edge is a measure-zero case that parity cannot settle.
    const point = (offset: number) =>
      fc.tuple(coordinate, coordinate, coordinate).map((p) => p.map((x, a) => x + offset * (a + 1.618)) as Vec3);
    fc.assert(
      fc.property(point(1.37e-5), point(-2.91e-5), (from, to) => {
        const segments = model.pathSegments(from, to);
        const total = Math.hypot(to[0] - from[0], to[1] - from[1], to[2] - from[2]);
        let at = 0;
        for (const segment of segments) {
          // Stretches thinner than a facet's chord error can sit on the surface itself: too thin to sample.
          if (segment.length > 1e-4) {
            const middle = (at + segment.length / 2) / total;
            const p = from.map((f, a) => f + ((to[a] as number) - f) * middle) as Vec3;
            expect(model.tissueAt(p)).toBe(segment.tissue);
          }
          at += segment.length;
        }
      }),
      { numRuns: 300, seed: 20261202 },
    );
  });
  it('classifies beams: bone before the target is flagged, the target tissue itself is not', () => {
    expect(classifyBeam(model.pathSegments([-0.15, 0, 0], focus))).toBe('bone');
    expect(classifyBeam(model.pathSegments([0.15, 0, 0], focus))).toBe('clear');
    expect(
      classifyBeam([
        { tissue: 'water', length: 0.1 },
        { tissue: 'bowel_gas', length: 0.01 },
        { tissue: 'muscle', length: 0.02 },
      ]),
    ).toBe('gas');
    expect(
      classifyBeam([
        { tissue: 'nerve', length: 0.01 },
        { tissue: 'lesion', length: 0.02 },
      ]),
    ).toBe('critical');
  });
});

describe('voxelisation labels the grid by the same rule', () => {
  it("the bone ball's voxel volume is 4/3·π·r³ within 3 % at 1 mm voxels", () => {
    const n = 51;
    const spacing = 0.001;
    const grid = { nx: n, ny: n, nz: n, spacing, origin: [-0.025, -0.025, -0.025] as const };
    const table: TissueId[] = [];
    const labels = new TissueModel([block, ball]).voxelise(grid, table);
    const bone = labels.filter((label) => table[label] === 'cortical_bone').length;
    const ballVolume = (4 / 3) * Math.PI * 0.02 ** 3;
    expect(Math.abs((bone * spacing ** 3) / ballVolume - 1)).toBeLessThan(0.03);
  });
  it('agrees with tissueAt at sampled voxels', () => {
    const grid = { nx: 9, ny: 7, nz: 5, spacing: 0.006, origin: [-0.024, -0.018, -0.012] as const };
    const table: TissueId[] = [];
    const labels = model.voxelise(grid, table);
    for (let index = 0; index < labels.length; index += 7) {
      const i = index % 9;
      const j = Math.floor(index / 9) % 7;
      const k = Math.floor(index / 63);
      const at = model.tissueAt([-0.024 + 0.006 * i, -0.018 + 0.006 * j, -0.012 + 0.006 * k]);
      expect(table[labels[index] as number]).toBe(at);
    }
  });
});
