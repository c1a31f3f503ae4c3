/// <reference lib="webworker" />
import * as Comlink from 'comlink';
import type { VoxelGrid } from '../geometry/tissue-model.ts';
import { doseSurfaces } from './derive.ts';

/**
 * The results view's own worker (not the simulation worker): it turns a frame's dose into the 3D surfaces so the
 * main thread never runs marching tetrahedra. Stateless; the arrays it returns are transferred.
 */
const api = {
  doseSurfaces(dose: Float32Array, grid: VoxelGrid, levels: number[]) {
    const meshes = doseSurfaces(dose, grid, levels);
    const buffers = meshes.flatMap((m) => [m.positions.buffer, m.normals.buffer, m.indices.buffer]);
    return Comlink.transfer(meshes, buffers as ArrayBuffer[]);
  },
};

export type DeriveWorkerApi = typeof api;
Comlink.expose(api);
