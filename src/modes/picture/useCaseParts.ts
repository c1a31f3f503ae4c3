import { useEffect, useState } from 'react';
import { type LoadedCase, parseCaseGlb } from '../../geometry/phantom.ts';

export type CaseLoad =
  | { status: 'loading' }
  | { status: 'ready'; loaded: LoadedCase }
  | { status: 'failed'; reason: string };

/**
 * Fetches a bundled case's GLB and parses it as the planner does (geometry/phantom.ts `parseCaseGlb`): one
 * tissue-labelled part per mesh, in metres. A failure is reported, never thrown: the explainer's words stand alone.
 */
export function useCaseParts(url: string | undefined): CaseLoad {
  const [state, setState] = useState<CaseLoad>({ status: 'loading' });
  useEffect(() => {
    if (!url) {
      setState({ status: 'failed', reason: 'no bundled case to draw' });
      return;
    }
    let live = true;
    setState({ status: 'loading' });
    fetch(url)
      .then((response) => {
        if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
        return response.arrayBuffer();
      })
      .then((bytes) => parseCaseGlb(bytes, 'case'))
      .then((loaded) => {
        if (live) setState({ status: 'ready', loaded });
      })
      .catch((error: unknown) => {
        if (live) setState({ status: 'failed', reason: error instanceof Error ? error.message : String(error) });
      });
    return () => {
      live = false;
    };
  }, [url]);
  // Free the GPU-side copies with the case.
  useEffect(
    () => () => {
      if (state.status === 'ready') for (const part of state.loaded.parts) part.geometry.dispose();
    },
    [state],
  );
  return state;
}
