import { parseCaseGlb } from '../../geometry/phantom.ts';
import { TissueModel } from '../../geometry/tissue-model.ts';
import type { CaseState } from '../case-state.ts';
import type { CaseSummary } from '../protocol.ts';

/** Parses a GLB case and builds its ray-casting model. */
export async function loadCase(
  bytes: ArrayBuffer,
  fallbackTitle: string,
): Promise<{ state: CaseState; summary: CaseSummary }> {
  const loaded = await parseCaseGlb(bytes, fallbackTitle);
  const model = new TissueModel(loaded.parts);
  const parts = loaded.parts.map(({ name, tissue, label }) => ({ name, tissue, label }));
  return { state: { loaded, model }, summary: { meta: loaded.meta, parts } };
}
