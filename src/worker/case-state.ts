import type { LoadedCase } from '../geometry/phantom.ts';
import type { TissueModel } from '../geometry/tissue-model.ts';

/** The worker's one piece of mutable state: the case it has loaded. */
export interface CaseState {
  loaded: LoadedCase;
  model: TissueModel;
}

export class NoCaseLoadedError extends Error {
  override name = 'NoCaseLoadedError';
  constructor() {
    super('No case is loaded in the simulation worker.');
  }
}
