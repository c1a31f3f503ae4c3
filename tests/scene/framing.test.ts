import { BoxGeometry, PerspectiveCamera, Vector3 } from 'three';
import { describe, expect, it } from 'vitest';
import type { VoxelGrid } from '../../src/geometry/tissue-model.ts';
import { partsBox } from '../../src/scene/case-box.ts';
import {
  CASE_VIEW_DISTANCE,
  caseViewDistance,
  easeInOut,
  focusPose,
  framingDistance,
  heatedBox,
  posePartWay,
} from '../../src/scene/framing.ts';
import { placeLabels } from '../../src/scene/label-layout.ts';

const grid: VoxelGrid = { nx: 11, ny: 11, nz: 11, spacing: 0.001, origin: [-0.005, -0.005, -0.005] };

describe('framing the heat after a run (issue 10, item 10)', () => {
  it('boxes the voxels that reached 43 °C, grown by a voxel', () => {
    const t = new Float32Array(11 ** 3).fill(37);
    t[5 + 11 * (5 + 11 * 5)] = 70; // centre
    t[7 + 11 * (5 + 11 * 5)] = 50; // +2 mm in x
    const box = heatedBox(grid, t, [0, 0, 0]);
    expect(box.min[0]).toBeCloseTo(-0.001, 9);
    expect(box.max[0]).toBeCloseTo(0.003, 9);
    expect(box.min[1]).toBeCloseTo(-0.001, 9);
    expect(box.max[2]).toBeCloseTo(0.001, 9);
  });

  it('falls back to a small box round the focus when nothing is heated', () => {
    const box = heatedBox(grid, new Float32Array(11 ** 3).fill(37), [0.01, 0, 0]);
    expect(box.max[0] - box.min[0]).toBeGreaterThan(0.01);
    expect((box.max[0] + box.min[0]) / 2).toBeCloseTo(0.01, 9);
  });

  it('moves in so a 1 cm heated region spans over half the view (the default view shows it a few pixels wide)', () => {
    const box = { min: [0, 0, 0] as [number, number, number], max: [0.01, 0.01, 0.01] as [number, number, number] };
    const d = framingDistance(box, 40, 1.4);
    // Diagonal 17 mm at 55 % of the view height with a 40° field of view: about 43 mm away.
    expect(d).toBeGreaterThan(0.035);
    expect(d).toBeLessThan(0.06);
    const from = { position: [0.6, 0, 0] as [number, number, number], target: [0, 0, 0] as [number, number, number] };
    const pose = focusPose(from, box, 40, 1.4);
    expect(pose.target).toEqual([0.005, 0.005, 0.005]);
    // Same direction of view, nearer.
    expect(pose.position[1]).toBeCloseTo(0.005, 9);
    expect(pose.position[0] - 0.005).toBeCloseTo(d, 9);
  });

  it('animates smoothly from one pose to the other', () => {
    const a = { position: [0.6, 0, 0] as [number, number, number], target: [0, 0, 0] as [number, number, number] };
    const b = {
      position: [0.05, 0.01, 0] as [number, number, number],
      target: [0, 0.01, 0] as [number, number, number],
    };
    expect(posePartWay(a, b, 0).position[0]).toBeCloseTo(0.6, 9);
    expect(posePartWay(a, b, 1).position[0]).toBeCloseTo(0.05, 9);
    // The distance shrinks geometrically: half-way is the geometric mean, not the arithmetic one.
    const mid = posePartWay(a, b, 0.5);
    expect(mid.position[0] - mid.target[0]).toBeCloseTo(Math.sqrt(0.6 * 0.05), 6);
    expect(easeInOut(0)).toBe(0);
    expect(easeInOut(1)).toBe(1);
    expect(easeInOut(0.5)).toBeCloseTo(0.5, 9);
  });
});

describe('spot labels never pile up (issue 10, item 10)', () => {
  it('shows only labels that overlap no other, the selected spot first', () => {
    // 29 spots within 30 px: the old view drew 29 numbers on top of each other.
    const items = Array.from({ length: 29 }, (_, i) => ({
      id: `s${i}`,
      x: 300 + (i % 6) * 5,
      y: 200 + Math.floor(i / 6) * 5,
      rank: i === 17 ? -1 : i,
      width: 14,
    }));
    const shown = placeLabels(items, { width: 800, height: 600 });
    expect(shown.has('s17')).toBe(true);
    // Four corners round each marker: more than one label fits round a tight cluster.
    expect(shown.size).toBeGreaterThanOrEqual(3);
    expect(shown.size).toBeLessThan(10);
    const boxes = items
      .filter((i) => shown.has(i.id))
      .map((i) => {
        const at = shown.get(i.id) as { dx: number; dy: number };
        return { x0: i.x + at.dx, y0: i.y + at.dy, x1: i.x + at.dx + i.width, y1: i.y + at.dy + 14 };
      });
    for (const a of boxes)
      for (const b of boxes) if (a !== b) expect(a.x0 < b.x1 && a.x1 > b.x0 && a.y0 < b.y1 && a.y1 > b.y0).toBe(false);
  });

  it('labels every spot when they are far apart, none off screen', () => {
    const items = [
      { id: 'a', x: 100, y: 100, rank: 0, width: 7 },
      { id: 'b', x: 300, y: 100, rank: 1, width: 7 },
      { id: 'c', x: 5000, y: 100, rank: 2, width: 7 },
    ];
    expect([...placeLabels(items, { width: 800, height: 600 }).keys()]).toEqual(['a', 'b']);
  });
});

describe('framing a case when it opens', () => {
  type Vec3 = [number, number, number];
  const box = (min: Vec3, max: Vec3) => ({ min, max });
  const femur = box([-0.04, -0.23, -0.05], [0.035, 0.225, 0.05]);
  const toward = new Vector3(0.85, 0.3, 0.35).normalize().toArray();

  /** Where the box's corners land in a three camera placed there: normalised device coordinates. */
  function cornersOnScreen(b: typeof femur, target: Vec3, d: number, aspect: number): Vector3[] {
    const camera = new PerspectiveCamera(40, aspect, 0.002, 10);
    camera.position.set(...target).addScaledVector(new Vector3(...toward), d);
    camera.lookAt(...target);
    camera.updateMatrixWorld();
    const out: Vector3[] = [];
    for (const x of [b.min[0], b.max[0]])
      for (const y of [b.min[1], b.max[1]])
        for (const z of [b.min[2], b.max[2]]) out.push(new Vector3(x, y, z).project(camera));
    return out;
  }

  it('keeps the usual distance for a case that fits in its view', () => {
    const block = box([-0.1, -0.07, -0.1], [0.1, 0.07, 0.1]);
    expect(caseViewDistance(block, [0, 0, 0], toward, 40, 1.4)).toBe(CASE_VIEW_DISTANCE);
  });

  it('stands back until a whole imported femur (45 cm, target mid-shaft) is in view, and no further', () => {
    const target: Vec3 = [0.011, -0.003, 0.008];
    for (const aspect of [680 / 470, 0.6]) {
      const d = caseViewDistance(femur, target, toward, 40, aspect);
      expect(d).toBeGreaterThan(CASE_VIEW_DISTANCE);
      const corners = cornersOnScreen(femur, target, d, aspect);
      for (const c of corners) {
        expect(Math.abs(c.x)).toBeLessThanOrEqual(1);
        expect(Math.abs(c.y)).toBeLessThanOrEqual(1);
      }
      // Tight: some corner is near an edge (within the 5 % margin and a little).
      expect(Math.max(...corners.map((c) => Math.max(Math.abs(c.x), Math.abs(c.y))))).toBeGreaterThan(0.9);
    }
  });

  it('a portrait view (a phone) stands back further than a landscape one for a bone lying across the view', () => {
    const across = box([-0.04, -0.05, -0.23], [0.035, 0.05, 0.225]);
    expect(caseViewDistance(across, [0, 0, 0], toward, 40, 0.5)).toBeGreaterThan(
      caseViewDistance(across, [0, 0, 0], toward, 40, 1.4),
    );
  });

  it('boxes the parts together, and has no box for no parts', () => {
    const a = new BoxGeometry(0.1, 0.2, 0.3);
    const b = new BoxGeometry(0.1, 0.1, 0.1).translate(0.5, 0, 0);
    const both = partsBox([{ geometry: a }, { geometry: b }]);
    expect(both?.min[0]).toBeCloseTo(-0.05, 6);
    expect(both?.max[0]).toBeCloseTo(0.55, 6);
    expect(both?.max[1]).toBeCloseTo(0.1, 6);
    expect(both?.min[2]).toBeCloseTo(-0.15, 6);
    expect(partsBox([])).toBeUndefined();
  });
});
