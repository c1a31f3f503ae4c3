import { type RefObject, useEffect, useState } from 'react';

/** Scrolled to within this many CSS px of the end counts as the end (sub-pixel layouts never reach it exactly). */
const END_SLACK_PX = 4;

/**
 * Whether a scrolling box has words below its visible part: measured when it scrolls and when it or any of its
 * children changes size (a step's words, an opened "numbers" fold, a turned phone). `key` names what the box shows
 * (the step), so its new children are watched when it changes.
 */
export function useMoreBelow(ref: RefObject<HTMLElement | null>, key: unknown): boolean {
  const [more, setMore] = useState(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` is the trigger (the box's children are new).
  useEffect(() => {
    const box = ref.current;
    if (!box) return;
    const measure = () => setMore(box.scrollHeight - box.clientHeight - box.scrollTop > END_SLACK_PX);
    measure();
    box.addEventListener('scroll', measure, { passive: true });
    const sizes = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(measure);
    if (sizes) {
      sizes.observe(box);
      for (const child of Array.from(box.children)) sizes.observe(child);
    }
    return () => {
      box.removeEventListener('scroll', measure);
      sizes?.disconnect();
    };
  }, [ref, key]);
  return more;
}
