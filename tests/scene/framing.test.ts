import { describe, expect, it } from 'vitest';
import type { VoxelGrid } from '../../src/geometry/tissue-model.ts';
import { easeInOut, focusPose, framingDistance, heatedBox, posePartWay } from '../../src/scene/framing.ts';
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
