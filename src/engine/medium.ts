import { type Medium, TISSUES, withOverrides } from '../physics/tissues.ts';
import type { TissueOverrides } from './requests.ts';

/**
 * The tissue properties a request simulates with: the table of physics/tissues.ts with the request's overrides.
 * @param request - any request that may carry tissue overrides
 * @returns the medium
 */
export function mediumOf(request: { tissueOverrides?: TissueOverrides }): Medium {
  const overrides = request.tissueOverrides;
  return overrides && Object.keys(overrides).length > 0 ? withOverrides(TISSUES, overrides) : TISSUES;
}
