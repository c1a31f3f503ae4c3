import { type CaseState, caseSummary, loadCase as loadEngineCase } from '../../engine/case.ts';
import type { CaseSummary } from '../protocol.ts';

/**
 * The load-case op: the engine parses the GLB and builds the case the worker keeps; the app gets its summary.
 * @param bytes - the GLB file
 * @param fallbackTitle - the title when the file names none
 * @returns the case for the worker and the summary for the app
 */
export async function loadCase(
  bytes: ArrayBuffer,
  fallbackTitle: string,
): Promise<{ state: CaseState; summary: CaseSummary }> {
  const state = await loadEngineCase(bytes, fallbackTitle);
  return { state, summary: caseSummary(state) };
}
