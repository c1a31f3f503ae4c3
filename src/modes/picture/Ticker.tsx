import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';

/**
 * On a software rasteriser (no GPU) each frame holds the main thread while the CPU draws it; the modes' gentle
 * animations then run at about 7 frames a second, leaving the page responsive, instead of as fast as frames can be
 * drawn.
 */
const SOFTWARE_FRAME_MS = 140;
/** …and draw at this many pixels per CSS pixel (the see-through layers make every pixel cost several). */
export const SOFTWARE_DPR = 0.6;

/**
 * Asks the on-demand render loop for a frame every animation frame on a GPU. On a software rasteriser it measures
 * what a frame costs the main thread and asks for the next one only after three times that (never sooner than
 * SOFTWARE_FRAME_MS): the picture moves more slowly there, and the page (its buttons, a screen reader) stays
 * responsive.
 */
export function Ticker({ software }: { software: boolean }) {
  const invalidate = useThree((s) => s.invalidate);
  const frame = useMemo(() => ({ startedAt: 0, measured: 0, cost: 0, watch: 0 }), []);
  useFrame(() => {
    frame.startedAt = performance.now();
  });
  useEffect(() => {
    let handle = 0;
    let last = 0;
    let previous = performance.now();
    const tick = () => {
      const now = performance.now();
      const gap = now - previous;
      previous = now;
      // A drawn frame blocks the main thread in the animation frames round it (the drawing, then the hand-over to
      // the compositor): its cost is the longest gap between animation frames over the next two.
      if (frame.startedAt > frame.measured) {
        frame.measured = frame.startedAt;
        frame.cost = 0;
        frame.watch = 2;
      }
      if (frame.watch > 0) {
        frame.cost = Math.max(frame.cost, gap);
        frame.watch -= 1;
      }
      const wait = software ? Math.max(SOFTWARE_FRAME_MS, 3 * frame.cost) : 0;
      if (now - last >= wait) {
        last = now;
        invalidate();
      }
      handle = requestAnimationFrame(tick);
    };
    handle = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(handle);
  }, [invalidate, software, frame]);
  return null;
}
