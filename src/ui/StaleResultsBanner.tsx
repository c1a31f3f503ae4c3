import { usePlanner } from '../state/hooks.ts';
import { changedSettings, resultsStale, settingsHeld, shownSource } from '../state/selectors.ts';

/** The words every stale mark uses, so the card, the dashboard and the view say the same thing. */
export function staleText(source: 'sonication' | 'plan' | undefined, held = false): string {
  // Settings that cannot run (a refused value, a transducer inside the body): no "Sonicate to update" beside a
  // Sonicate that is held (a walk's finding); the reason is said beside it.
  if (held) return 'Computed for the previous settings; the settings now cannot run (the reason is beside Sonicate).';
  return source === 'plan'
    ? 'Computed for the previous settings — Run plan to update.'
    : 'Computed for the previous settings — Sonicate to update.';
}

/**
 * Over the 3D view, while the heat drawn there belongs to an older run than the settings now in the panels: the
 * picture stays (a trainee compares), and says it is old.
 */
export function StaleResultsBanner() {
  const stale = usePlanner(resultsStale);
  const source = usePlanner(shownSource);
  const changed = usePlanner((s) => (stale && source ? changedSettings(s, source).join(', ') : ''));
  const held = usePlanner(settingsHeld);
  if (!stale) return null;
  return (
    <p className="stale-banner" role="status" data-testid="stale-banner" data-source={source ?? ''}>
      <span aria-hidden="true">⟲</span> Heat and dose shown: {staleText(source, held).replace(/^C/, 'c')}
      {changed && <small data-testid="stale-changed"> Changed since: {changed}.</small>}
    </p>
  );
}
