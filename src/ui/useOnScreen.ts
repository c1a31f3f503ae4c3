import { useEffect, useState } from 'react';

/**
 * Whether the element with data-testid `testId` shows any part of itself in the viewport (IntersectionObserver);
 * undefined until known, or where the browser cannot tell. Looked up again whenever `watch` changes, so an element
 * that mounts later is found.
 */
export function useOnScreen(testId: string, watch: unknown): boolean | undefined {
  const [onScreen, setOnScreen] = useState<boolean | undefined>(undefined);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `watch` only asks for the element to be found again.
  useEffect(() => {
    if (typeof IntersectionObserver === 'undefined' || typeof document === 'undefined') return;
    const element = document.querySelector(`[data-testid="${testId}"]`);
    if (!element) return;
    const observer = new IntersectionObserver((entries) => {
      const last = entries.at(-1);
      if (last) setOnScreen(last.isIntersecting);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [testId, watch]);
  return onScreen;
}
