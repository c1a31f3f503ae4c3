import { Box3 } from 'three';
import { type LoadedCase, parseCaseGlb } from '../geometry/phantom.ts';
import { TissueModel } from '../geometry/tissue-model.ts';
import { forgetScratch } from '../physics/scratch.ts';
import type { CaseSummary } from './outcomes.ts';

/**
 * A case as the engine works on it: the parsed parts (meta, names, bounding boxes) and their ray-casting model
 * (a BVH per part, priority rule in geometry/part-names.ts). The worker holds the one the app loaded; the CLI
 * builds one per scenario (src/cli/medium.ts).
 */
export interface CaseState {
  loaded: LoadedCase;
  model: TissueModel;
}

/**
 * Parses a GLB case and builds its ray-casting model.
 * @param bytes - the GLB file
 * @param fallbackTitle - the title when the file names none
 * @returns the case, ready for every engine call
 */
export async function loadCase(bytes: ArrayBuffer, fallbackTitle: string): Promise<CaseState> {
  const loaded = await parseCaseGlb(bytes, fallbackTitle);
  // The arrays kept for the last case's computations have its grids' sizes: let them go.
  forgetScratch();
  return { loaded, model: new TissueModel(loaded.parts) };
}

/**
 * What the app shows of a case: its meta and, per part, the name, tissue and label (plain data, no geometry).
 * @param state - a loaded case
 * @returns the summary
 */
export function caseSummary(state: CaseState): CaseSummary {
  const { loaded } = state;
  const parts = loaded.parts.map(({ name, tissue, label }) => ({ name, tissue, label }));
  const box = new Box3();
  for (const part of loaded.parts) {
    part.geometry.computeBoundingBox();
    if (part.geometry.boundingBox) box.union(part.geometry.boundingBox);
  }
  return {
    meta: loaded.meta,
    parts,
    bounds: { min: [box.min.x, box.min.y, box.min.z], max: [box.max.x, box.max.y, box.max.z] },
  };
}
