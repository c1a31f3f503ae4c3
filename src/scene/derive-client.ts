import * as Comlink from 'comlink';
import type { VoxelGrid } from '../geometry/tissue-model.ts';
import { doseSurfaces, type SurfaceMesh } from './derive.ts';
import type { DeriveWorkerApi } from './derive.worker.ts';

let remote: Comlink.Remote<DeriveWorkerApi> | undefined;

/** The derive worker, started on first use and kept for the page's life (it holds no state between calls). */
function worker(): Comlink.Remote<DeriveWorkerApi> | undefined {
  if (remote) return remote;
  if (typeof Worker === 'undefined') return undefined;
  const w = new Worker(new URL('./derive.worker.ts', import.meta.url), { type: 'module', name: 'fus-derive' });
  remote = Comlink.wrap<DeriveWorkerApi>(w);
  return remote;
}

/**
 * The dose surfaces of one frame (see derive.ts), computed in the derive worker. The dose is copied in pieces of
 * one frame (a view on a run's frames is never sent whole), and transferred. Without workers (Node) it runs inline.
 */
export async function deriveDoseSurfaces(
  dose: Float32Array,
  grid: VoxelGrid,
  levels: readonly number[],
): Promise<SurfaceMesh[]> {
  const api = worker();
  if (!api) return doseSurfaces(dose, grid, levels);
  const copy = dose.slice();
  const plainGrid: VoxelGrid = {
    nx: grid.nx,
    ny: grid.ny,
    nz: grid.nz,
    spacing: grid.spacing,
    origin: [...grid.origin],
  };
  return api.doseSurfaces(Comlink.transfer(copy, [copy.buffer]), plainGrid, [...levels]);
}

/**
 * Runs an async derivation one request at a time so that work never piles up: while one runs, newer requests
 * replace each other and only the last is started when it ends. Every finished result is delivered (they finish
 * in request order, so a continuous scrub still shows intermediate frames); `cancel` drops what is in flight.
 */
export class LatestOnly<I, O> {
  private running = false;
  private pending: { input: I } | undefined;
  private generation = 0;

  constructor(
    private readonly run: (input: I) => Promise<O>,
    private readonly deliver: (output: O, input: I) => void,
    private readonly fail: (error: unknown) => void = (error) => console.error(error),
  ) {}

  request(input: I): void {
    if (this.running) {
      this.pending = { input };
      return;
    }
    void this.start(input, this.generation);
  }

  /** Forget any request: results still in flight are dropped. */
  cancel(): void {
    this.generation++;
    this.pending = undefined;
  }

  private async start(input: I, generation: number): Promise<void> {
    this.running = true;
    try {
      const output = await this.run(input);
      if (generation === this.generation) this.deliver(output, input);
    } catch (error) {
      if (generation === this.generation) this.fail(error);
    } finally {
      this.running = false;
      const next = this.pending;
      this.pending = undefined;
      if (next) void this.start(next.input, this.generation);
    }
  }
}
