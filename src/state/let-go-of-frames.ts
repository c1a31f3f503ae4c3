import type { TimeResolved } from '../engine/outcomes.ts';

/**
 * Frees the memory of a replaced run's frames by detaching their buffers: every view of them, wherever one is still
 * held, then reads empty. React keeps a component's previous props, hook state and closures until it renders again,
 * and views copy references to the frames (the replay's shown run, a memo's dependencies), so a replaced plan's frames
 * stayed alive: ≈ 200 MB a plan on the femur, and the page grew by that with each plan run (227, 435, 649 MB of the
 * page's JavaScript after one, two and three plans). Nothing reads a replaced run's frames: the views fall back to
 * the run's whole-run fields where frames do not fit (framesFit), and show the new run at their next render.
 * @param replaced - the outcome a new one replaces
 * @param by - the new outcome (the same object is not let go of)
 */
export function letGoOfFrames(replaced: Partial<TimeResolved> | undefined, by: object | undefined): void {
  const frames = replaced?.frames;
  if (!frames || replaced === by) return;
  const buffers = [...new Set([frames.temperature.buffer, frames.dose.buffer])].filter(
    (b): b is ArrayBuffer => b instanceof ArrayBuffer && b.byteLength > 0,
  );
  if (buffers.length > 0) structuredClone(buffers, { transfer: buffers });
}
