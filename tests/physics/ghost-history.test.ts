import { describe, expect, it } from 'vitest';
import { GhostHistory, type Nesting } from '../../src/physics/whole-path/nesting.ts';

// The coarse whole-path run records the rise at the fine region's ghost points after each of its steps; the fine run
// reads them back, linear in time. In a plan the coarse run is a spot ahead of the fine one, and the records the
// fine run has passed are recycled for the next ones.

/** Two faces of two fine voxels, each reading one coarse voxel with weight 1, conductance 2 and 3. */
const nesting: Nesting = {
  faces: 2,
  voxel: Int32Array.from([0, 1]),
  conductance: Float64Array.from([2, 3]),
  corners: Int32Array.from([0, -1, -1, -1, -1, -1, -1, -1, 1, -1, -1, -1, -1, -1, -1, -1]),
  weights: Float64Array.from([1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0]),
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
