import { describe, expect, it } from 'vitest';
import { isosurface, meshArea, meshVolume } from '../../src/geometry/isosurface.ts';
import type { VoxelGrid } from '../../src/geometry/tissue-model.ts';

function sphereField(grid: VoxelGrid, centre: readonly number[], radius: number): Float32Array {
  const field = new Float32Array(grid.nx * grid.ny * grid.nz);
  for (let k = 0; k < grid.nz; k++)
    for (let j = 0; j < grid.ny; j++)
      for (let i = 0; i < grid.nx; i++) {
        const x = grid.origin[0] + i * grid.spacing - (centre[0] as number);
        const y = grid.origin[1] + j * grid.spacing - (centre[1] as number);
        const z = grid.origin[2] + k * grid.spacing - (centre[2] as number);
        field[i + grid.nx * (j + grid.ny * k)] = radius - Math.hypot(x, y, z);
      }
  return field;
}

/** Each undirected edge of a closed, consistently oriented mesh is used once in each direction. */
function isClosedAndOriented(indices: Uint32Array): boolean {
  const edges = new Map<string, number>();
  for (let t = 0; t < indices.length; t += 3) {
    for (let e = 0; e < 3; e++) {
      const a = indices[t + e] as number;
      const b = indices[t + ((e + 1) % 3)] as number;
      const key = `${a},${b}`;
      edges.set(key, (edges.get(key) ?? 0) + 1);
    }
  }
  for (const [key, count] of edges) {
    const [a, b] = key.split(',');
    if (count !== 1 || edges.get(`${b},${a}`) !== 1) return false;
  }
  return true;
}

describe('isosurface (marching tetrahedra)', () => {
  // A 6 mm sphere on a 1 mm grid (the scale of an ablation zone on the simulation grid), off-centre.
  const grid: VoxelGrid = { nx: 20, ny: 20, nz: 20, spacing: 0.001, origin: [-0.01, -0.01, -0.01] };
  const centre = [0.00031, -0.00017, 0.00023];
  const radius = 0.006;
  const surface = isosurface(sphereField(grid, centre, radius), grid, 0);

  it('encloses the volume of a sphere within 2 %', () => {
    const exact = (4 / 3) * Math.PI * radius ** 3;
    const volume = meshVolume(surface);
    expect(Math.abs(volume / exact - 1)).toBeLessThan(0.02);
  });

  it('has the area of a sphere within 3 %', () => {
    const exact = 4 * Math.PI * radius ** 2;
    expect(Math.abs(meshArea(surface) / exact - 1)).toBeLessThan(0.03);
  });

  it('puts every vertex on the sphere within a tenth of a voxel', () => {
    const p = surface.positions;
    for (let v = 0; v < p.length; v += 3) {
      const r = Math.hypot(
        (p[v] as number) - (centre[0] as number),
        (p[v + 1] as number) - (centre[1] as number),
        (p[v + 2] as number) - (centre[2] as number),
      );
      expect(Math.abs(r - radius)).toBeLessThan(0.1 * grid.spacing);
    }
  });

  it('is closed and consistently oriented, facing outward', () => {
    expect(isClosedAndOriented(surface.indices)).toBe(true);
    expect(meshVolume(surface)).toBeGreaterThan(0);
  });

  it('closes a region that reaches the grid faces with caps through the outer voxel centres', () => {
    const box: VoxelGrid = { nx: 5, ny: 4, nz: 3, spacing: 2, origin: [0, 0, 0] };
    const full = isosurface(new Float32Array(5 * 4 * 3).fill(10), box, 1);
    expect(isClosedAndOriented(full.indices)).toBe(true);
    expect(meshVolume(full)).toBeCloseTo(8 * 6 * 4, 6);
  });

  it('is empty when nothing reaches the level, and ignores NaN', () => {
    const empty = isosurface(new Float32Array(27).fill(Number.NaN), { ...grid, nx: 3, ny: 3, nz: 3 }, 0);
    expect(empty.indices.length).toBe(0);
    expect(empty.positions.length).toBe(0);
  });
});
