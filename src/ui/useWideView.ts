import { useEffect, useState } from 'react';

/** Below this window width [CSS px] the view's help would cover the beams (a projector at 1024 × 768). */
export const WIDE_VIEW_MIN_PX = 1200;
const QUERY = `(min-width: ${WIDE_VIEW_MIN_PX}px)`;

const wideNow = () =>
  typeof window === 'undefined' || typeof window.matchMedia !== 'function' || window.matchMedia(QUERY).matches;

/**
 * Whether a fold over the 3D view should be open: open on a wide window, folded on a narrow one, following the
 * window as it is resized (a laptop plugged into a projector mid-lecture). The user's own toggle holds until the
 * window next crosses the width.
 * @returns [open, setOpen] — pass setOpen the details element's own state on toggle
 */
export function useOpenWhenWide(): [boolean, (open: boolean) => void] {
  const [open, setOpen] = useState(wideNow);
  useEffect(() => {
    if (typeof window.matchMedia !== 'function') return;
    const media = window.matchMedia(QUERY);
    const follow = () => setOpen(media.matches);
    media.addEventListener('change', follow);
    return () => media.removeEventListener('change', follow);
  }, []);
  return [open, setOpen];
}
