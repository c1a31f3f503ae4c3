import { useEffect, useState } from 'react';

/** Below this window width [CSS px] the view's help would cover the beams (a projector at 1024 × 768). */
export const WIDE_VIEW_MIN_PX = 1200;
/** Below this window width [CSS px] (a phone) the beam colours' key would cover the transducer drawn above it. */
export const BEAM_KEY_MIN_PX = 700;

const queryOf = (minPx: number) => `(min-width: ${minPx}px)`;

const wideNow = (query: string) =>
  typeof window === 'undefined' || typeof window.matchMedia !== 'function' || window.matchMedia(query).matches;

/**
 * Whether a fold over the 3D view should be open: open on a wide window, folded on a narrow one, following the
 * window as it is resized (a laptop plugged into a projector mid-lecture). The user's own toggle holds until the
 * window next crosses the width.
 * @param minPx - the narrowest window [CSS px] the fold is open at
 * @returns [open, setOpen] — pass setOpen the details element's own state on toggle
 */
export function useOpenWhenWide(minPx = WIDE_VIEW_MIN_PX): [boolean, (open: boolean) => void] {
  const query = queryOf(minPx);
  const [open, setOpen] = useState(() => wideNow(query));
  useEffect(() => {
    if (typeof window.matchMedia !== 'function') return;
    const media = window.matchMedia(query);
    const follow = () => setOpen(media.matches);
    media.addEventListener('change', follow);
    return () => media.removeEventListener('change', follow);
  }, [query]);
  return [open, setOpen];
}
