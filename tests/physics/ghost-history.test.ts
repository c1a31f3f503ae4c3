import { describe, expect, it } from 'vitest';
import type { BeamFrame } from '../../src/physics/whole-path/frame.ts';
import { GhostHistory, type Nesting, nestGrids } from '../../src/physics/whole-path/nesting.ts';

// The coarse whole-path run records the rise at the fine region's ghost points after each of its steps; the fine run
// reads them back, linear in time. In a plan the coarse run is a spot ahead of the fine one, and the records the
// fine run has passed are recycled for the next ones.

/**
 * Two faces of two fine voxels, each reading one coarse voxel with weight 1, conductance 2 and 3: both at the coarse
 * grid's edge, their other corners outside it.
 */
const nesting: Nesting = {
  faces: 2,
  voxel: Int32Array.from([0, 1]),
  conductance: Float64Array.from([2, 3]),
  cell: Int32Array.from([-1, -1]),
  fraction: new Float64Array(6),
  strideY: 2,
  strideZ: 2,
  edge: {
    faces: Int32Array.from([0, 1]),
    corners: Int32Array.from([0, -1, -1, -1, -1, -1, -1, -1, 1, -1, -1, -1, -1, -1, -1, -1]),
    weights: Float64Array.from([1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0]),
  },
};
const grid = { nx: 2, ny: 1, nz: 1, spacing: 1, origin: [0, 0, 0] as [number, number, number] };
/** The coarse rise at step i: voxel 0 rises by 1 K a step, voxel 1 by 10 K. */
const riseAt = (i: number) => [i, 10 * i];

describe('the ghost faces of a nested fine run', () => {
  it('reads the coarse rise linearly in time between the recorded steps, times each face’s conductance', () => {
    const history = new GhostHistory(nesting);
    for (let i = 0; i <= 3; i++) history.record(i, riseAt(i));
    const driver = history.driver(grid);
    driver.update(1.5);
    expect([...driver.source]).toEqual([2 * 1.5, 3 * 15]);
    driver.update(3);
    expect([...driver.source]).toEqual([2 * 3, 3 * 30]);
  });

  it('forward-only, stays right while the coarse run records ahead and the passed records are recycled, over many steps', () => {
    const history = new GhostHistory(nesting);
    history.record(0, riseAt(0));
    history.record(1, riseAt(1));
    const driver = history.driver(grid, { forwardOnly: true });
    for (let i = 2; i <= 200; i++) {
      history.record(i, riseAt(i));
      // The fine run one step behind the coarse one, at the middle of a step.
      driver.update(i - 1.5);
      expect(driver.source[0]).toBeCloseTo(2 * (i - 1.5), 12);
      expect(driver.source[1]).toBeCloseTo(3 * 10 * (i - 1.5), 12);
    }
  });

  it('a forward-only driver refuses to go back before a record it has passed', () => {
    const history = new GhostHistory(nesting);
    for (let i = 0; i <= 4; i++) history.record(i, riseAt(i));
    const driver = history.driver(grid, { forwardOnly: true });
    driver.update(3.5);
    expect(() => driver.update(0.5)).toThrow(/went back/);
  });

  it('a driver not declared forward-only keeps every record: its run may start again from the beginning', () => {
    const history = new GhostHistory(nesting);
    for (let i = 0; i <= 4; i++) history.record(i, riseAt(i));
    const driver = history.driver(grid);
    driver.update(3.5);
    driver.update(0.5);
    expect([...driver.source]).toEqual([2 * 0.5, 3 * 5]);
  });
});

describe('nesting a fine grid in a rotated coarse one', () => {
  // A 5 × 4 × 6 fine grid (1 mm) in a coarse 1.4 mm grid turned 30° about z, the fine grid's +x end past the coarse
  // grid's edge, so faces of both kinds (whole cells and cells cut by the edge) are sampled.
  const c = Math.cos(Math.PI / 6);
  const s = Math.sin(Math.PI / 6);
  const frame: BeamFrame = { origin: [0.001, -0.002, 0.0005], u: [c, s, 0], v: [-s, c, 0], w: [0, 0, 1] };
  const fine = { nx: 5, ny: 4, nz: 6, spacing: 1e-3, origin: [0.0, 0.0, 0.0] as [number, number, number] };
  const coarse = { nx: 6, ny: 8, nz: 9, spacing: 1.4e-3, origin: [-0.004, -0.005, -0.004] as [number, number, number] };
  const conductivity = Float64Array.from({ length: 5 * 4 * 6 }, (_, v) => 0.4 + 0.01 * (v % 7));
  const rise = Float32Array.from({ length: 6 * 8 * 9 }, (_, v) => Math.sin(v * 0.37) * 10 + 5);
  const nesting = nestGrids(fine, conductivity, coarse, frame);

  /** The ghost point's coarse rise by the textbook rule: 8 corners, each (x · y) · z weight, outside ones dropped. */
  function trilinear(point: readonly [number, number, number]): number {
    const d = point.map((x, a) => x - (frame.origin[a] as number));
    const local = [frame.u, frame.v, frame.w].map((axis, a) => {
      const along = (d[0] as number) * axis[0] + (d[1] as number) * axis[1] + (d[2] as number) * axis[2];
      return (along - (coarse.origin[a] as number)) / coarse.spacing;
    });
    const base = local.map(Math.floor);
    const t = local.map((x, a) => x - (base[a] as number));
    let sum = 0;
    for (let corner = 0; corner < 8; corner++) {
      const o = [corner & 1, (corner >> 1) & 1, (corner >> 2) & 1];
      const [ix, iy, iz] = base.map((b, a) => b + (o[a] as number)) as [number, number, number];
      if (ix < 0 || iy < 0 || iz < 0 || ix >= coarse.nx || iy >= coarse.ny || iz >= coarse.nz) continue;
      const weight = [0, 1, 2].reduce((w, a) => w * (o[a] ? (t[a] as number) : 1 - (t[a] as number)), 1);
      sum += weight * (rise[ix + coarse.nx * (iy + coarse.ny * iz)] as number);
    }
    return sum;
  }

  it('has faces of both kinds: whole cells, and cells cut by the coarse grid’s edge', () => {
    expect(nesting.edge.faces.length).toBeGreaterThan(0);
    expect(nesting.edge.faces.length).toBeLessThan(nesting.faces);
  });

  it('each fine boundary voxel is driven by Σ k × its ghost points’ trilinear coarse rise, to the bit', () => {
    const history = new GhostHistory(nesting);
    history.record(0, rise);
    const driver = history.driver(fine);
    driver.update(0);
    const { nx, ny, nz, spacing } = fine;
    let checked = 0;
    for (let k = 0; k < nz; k++)
      for (let j = 0; j < ny; j++)
        for (let i = 0; i < nx; i++) {
          const v = i + nx * (j + ny * k);
          const p = [i * spacing, j * spacing, k * spacing] as const;
          const ghosts: [number, number, number][] = [];
          if (i === 0) ghosts.push([p[0] - spacing, p[1], p[2]]);
          if (i === nx - 1) ghosts.push([p[0] + spacing, p[1], p[2]]);
          if (j === 0) ghosts.push([p[0], p[1] - spacing, p[2]]);
          if (j === ny - 1) ghosts.push([p[0], p[1] + spacing, p[2]]);
          if (k === 0) ghosts.push([p[0], p[1], p[2] - spacing]);
          if (k === nz - 1) ghosts.push([p[0], p[1], p[2] + spacing]);
          if (ghosts.length === 0) continue;
          const expected = ghosts.reduce((sum, g) => sum + (conductivity[v] as number) * trilinear(g), 0);
          expect(driver.source[v]).toBe(expected);
          checked++;
        }
    expect(checked).toBe(driver.voxels.length);
  });
});
