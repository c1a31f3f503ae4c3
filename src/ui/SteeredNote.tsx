import { usePlanner } from '../state/hooks.ts';
import { steeredFocus } from '../state/selectors.ts';
import { formatQuantity } from './format.ts';

/**
 * With a spot selected off the target, the array is steered there: Sonicate fires the Sonication settings below at
 * that spot's focus, while Run plan fires each spot at its own power. Said where the settings are (a trainee set a
 * spot to 20 W, sonicated, and read "ran at 50.0 W").
 */
export function SteeredNote() {
  const note = usePlanner((s) => {
    const focus = steeredFocus(s);
    if (!focus) return '';
    const index = s.spots.findIndex((spot) => spot.id === s.selectedSpotId);
    const [x, y, z] = focus;
    const [tx, ty, tz] = s.target;
    const away = formatQuantity(Math.hypot(x - tx, y - ty, z - tz), 'mm', 1e3, 3);
    return (
      `Sonicate fires these settings at the focus of the selected spot ${index + 1}, ${away} from the target; ` +
      'Run plan fires each spot at its own power.'
    );
  });
  if (!note) return null;
  return (
    <p className="hint" data-testid="steered-note">
      {note}
    </p>
  );
}
