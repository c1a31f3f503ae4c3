import { usePlanner } from '../state/hooks.ts';
import { steeredFocus } from '../state/selectors.ts';
import type { PlannerStore } from '../state/store.ts';
import { formatQuantity } from './format.ts';

/**
 * With a spot selected, Sonicate still fires the Sonication settings below, at that spot's focus (the array
 * steered there when it is off the target), while Run plan fires each spot at its own settings. Said where the
 * settings are, and what differs when the spot's own do: a trainee set a spot at the target to 20 W, sonicated,
 * and read "ran at 50.0 W" with no word why.
 */
export function SteeredNote() {
  const note = usePlanner(steeredNote);
  if (!note) return null;
  return (
    <p className="hint" data-testid="steered-note">
      {note}
    </p>
  );
}

function steeredNote(s: PlannerStore): string {
  const index = s.spots.findIndex((spot) => spot.id === s.selectedSpotId);
  const spot = s.spots[index];
  if (!spot) return '';
  const own = ownSettings(spot, s.sonication);
  const focus = steeredFocus(s);
  const rest = own
    ? ` — not the spot’s own ${own}; Run plan fires each spot at its own.`
    : '; Run plan fires each spot at its own power.';
  if (focus) {
    const [x, y, z] = focus;
    const [tx, ty, tz] = s.target;
    const away = formatQuantity(Math.hypot(x - tx, y - ty, z - tz), 'mm', 1e3, 3);
    return `Sonicate fires these settings at the focus of the selected spot ${index + 1}, ${away} from the target${rest}`;
  }
  // At the target nothing is steered: the note only matters when the spot's own settings are not these.
  return own ? `Sonicate fires these settings at the target, where the selected spot ${index + 1} is${rest}` : '';
}

/** The spot's own settings where they differ from the Sonication ones, in words ("20.0 W"), else ''. */
function ownSettings(spot: PlannerStore['sonication'], sonication: PlannerStore['sonication']): string {
  const differ: string[] = [];
  if (spot.acousticPower !== sonication.acousticPower) differ.push(formatQuantity(spot.acousticPower, 'W'));
  if (spot.duration !== sonication.duration) differ.push(`${formatQuantity(spot.duration, 's')} on`);
  if (spot.cooling !== sonication.cooling) differ.push(`${formatQuantity(spot.cooling, 's')} cooling`);
  return differ.join(', ');
}
