import { type RefObject, useCallback, useEffect, useRef, useState } from 'react';

/** The step a fragment names (`#relief`, with or without its '#'), or the first when it names none. */
export function stepFromHash(ids: readonly string[], hash: string): number {
  let id = hash.replace(/^#/, '');
  try {
    id = decodeURIComponent(id);
  } catch {
    // A malformed escape names no step: the first is shown.
  }
  return Math.max(0, ids.indexOf(id));
}

/**
 * How the address follows a step now shown: left alone when it already names it; a new history entry when the reader
 * turned the page (so Back and Forward walk the steps); the entry rewritten in place otherwise (the first page shown,
 * or a fragment typed or linked that names no step), so no duplicate entry is left behind.
 */
export function addressUpdate(shownHash: string, id: string, turnedByReader: boolean): 'none' | 'push' | 'replace' {
  if (shownHash === `#${id}`) return 'none';
  return turnedByReader ? 'push' : 'replace';
}

export interface StepAddress {
  /** the step shown */
  index: number;
  /** the step as last asked for, ahead of React's render: two quick presses between renders turn two pages */
  current: RefObject<number>;
  /** turns to a step (clamped to the story), the reader's own turn: a new history entry */
  go: (to: number) => void;
}

/**
 * The step shown and the address's fragment kept together: the page opens at the step the fragment names, a turn of
 * the page adds a history entry, and a fragment typed, linked or reached by Back/Forward shows its step. Without this
 * the steps only rewrote the one entry, so Back left the mode and an edited fragment showed the old step.
 */
export function useStepAddress(ids: readonly string[]): StepAddress {
  const [index, setIndex] = useState(() =>
    typeof window === 'undefined' ? 0 : stepFromHash(ids, window.location.hash),
  );
  const current = useRef(index);
  // Whether the step about to be shown was the reader's turn (a push) rather than the address's (no new entry).
  const byReader = useRef(false);
  const last = ids.length - 1;

  const go = useCallback(
    (to: number) => {
      current.current = Math.max(0, Math.min(last, to));
      byReader.current = true;
      setIndex(current.current);
    },
    [last],
  );

  useEffect(() => {
    const id = ids[index];
    if (id === undefined) return;
    const how = addressUpdate(window.location.hash, id, byReader.current);
    byReader.current = false;
    const url = `${window.location.search}#${id}`;
    if (how === 'push') window.history.pushState(null, '', url);
    else if (how === 'replace') window.history.replaceState(window.history.state, '', url);
  }, [ids, index]);

  useEffect(() => {
    // popstate: Back and Forward; hashchange: a fragment typed or followed (a pushState fires neither).
    const fromAddress = () => {
      current.current = stepFromHash(ids, window.location.hash);
      byReader.current = false;
      setIndex(current.current);
      // A fragment naming no step on the step already shown: no render follows, so name the step here.
      const id = ids[current.current];
      if (id !== undefined && addressUpdate(window.location.hash, id, false) === 'replace') {
        window.history.replaceState(window.history.state, '', `${window.location.search}#${id}`);
      }
    };
    window.addEventListener('popstate', fromAddress);
    window.addEventListener('hashchange', fromAddress);
    return () => {
      window.removeEventListener('popstate', fromAddress);
      window.removeEventListener('hashchange', fromAddress);
    };
  }, [ids]);

  return { index, current, go };
}
