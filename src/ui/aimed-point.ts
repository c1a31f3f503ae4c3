/**
 * The point a sonication aims at, in words: the target, or the selected spot's focus when the array is steered
 * there (the engine's "target" is the electronic focus; the target panel's point is then elsewhere, and a result
 * labelled "at the target" would be read as there).
 * @param steeredFocus - the run's steered focus (SonicationInputs.focus), undefined when it aimed at the target
 * @returns "the steered focus" or "the target"
 */
export function aimedPoint(steeredFocus: unknown): string {
  return steeredFocus ? 'the steered focus' : 'the target';
}
