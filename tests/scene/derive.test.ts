import { describe, expect, it } from 'vitest';
import { isosurface } from '../../src/geometry/isosurface.ts';
import type { VoxelGrid } from '../../src/geometry/tissue-model.ts';
import { doseSurfaces, vertexNormals } from '../../src/scene/derive.ts';
import { deriveDoseSurfaces, LatestOnly } from '../../src/scene/derive-client.ts';

const grid: VoxelGrid = { nx: 12, ny: 12, nz: 12, spacing: 0.001, origin: [0, 0, 0] };

/** A dose that falls off by a decade per mm from the centre: 10⁴ min at the centre. */
function doseBall(): Float32Array {
  const dose = new Float32Array(grid.nx * grid.ny * grid.nz);
  for (let k = 0; k < grid.nz; k++)
    for (let j = 0; j < grid.ny; j++)
      for (let i = 0; i < grid.nx; i++)
        dose[i + grid.nx * (j + grid.ny * k)] = 10 ** (4 - Math.hypot(i - 5.5, j - 5.5, k - 5.5));
  return dose;
}

describe('derived dose surfaces (run in the derive worker)', () => {
  it('are the log10 isosurfaces of 240 and 30 CEM43 with unit outward normals', () => {
    const [ablation, safety] = doseSurfaces(doseBall(), grid, [240, 30]);
    if (!ablation || !safety) throw new Error('two surfaces expected');
    const log = Float32Array.from(doseBall(), (v) => Math.log10(v));
    expect(ablation.indices).toEqual(isosurface(log, grid, Math.log10(240)).indices);
    expect(safety.indices.length).toBeGreaterThan(ablation.indices.length);
    for (let v = 0; v < ablation.normals.length; v += 3) {
      const n = ablation.normals;
      expect(Math.hypot(n[v] as number, n[v + 1] as number, n[v + 2] as number)).toBeCloseTo(1, 5);
      // Outward: the normal points away from the centre (5.5 mm, 5.5 mm, 5.5 mm).
      const p = ablation.positions;
      const out =
        ((p[v] as number) - 0.0055) * (n[v] as number) +
        ((p[v + 1] as number) - 0.0055) * (n[v + 1] as number) +
        ((p[v + 2] as number) - 0.0055) * (n[v + 2] as number);
      expect(out).toBeGreaterThan(0);
    }
  });

  it('normals of a flat square are its face normal', () => {
    const positions = Float32Array.from([0, 0, 0, 1, 0, 0, 1, 1, 0, 0, 1, 0]);
    const normals = vertexNormals(positions, Uint32Array.from([0, 1, 2, 0, 2, 3]));
    expect([...normals]).toEqual([0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 1]);
  });

  it('run inline where there are no workers (Node)', async () => {
    const [ablation] = await deriveDoseSurfaces(doseBall(), grid, [240]);
    expect(ablation?.indices.length).toBeGreaterThan(0);
  });
});

describe('LatestOnly', () => {
  it('runs one request at a time and skips the superseded ones in between', async () => {
    const started: number[] = [];
    const delivered: number[] = [];
    const gates: (() => void)[] = [];
    const queue = new LatestOnly<number, number>(
      (n) => {
        started.push(n);
        return new Promise((resolve) => gates.push(() => resolve(n)));
      },
      (n) => delivered.push(n),
    );
    queue.request(1);
    queue.request(2);
    queue.request(3);
    queue.request(4);
    expect(started).toEqual([1]);
    gates.shift()?.();
    await new Promise((r) => setTimeout(r, 0));
    expect(started).toEqual([1, 4]);
    gates.shift()?.();
    await new Promise((r) => setTimeout(r, 0));
    expect(delivered).toEqual([1, 4]);
  });

  it('drops what is in flight on cancel', async () => {
    const delivered: number[] = [];
    let release: (() => void) | undefined;
    const queue = new LatestOnly<number, number>(
      (n) => new Promise((resolve) => (release = () => resolve(n))),
      (n) => delivered.push(n),
    );
    queue.request(1);
    queue.cancel();
    release?.();
    await new Promise((r) => setTimeout(r, 0));
    expect(delivered).toEqual([]);
  });
});
