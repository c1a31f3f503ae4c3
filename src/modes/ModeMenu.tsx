import { MODES, type Mode, modeHref } from './mode.ts';
import './ModeMenu.css';

export interface ModeMenuProps {
  /** The mode the page is in: marked as the current page, not a link away. */
  current: Mode;
  /** The page's query string to keep other parameters from; the window's by default. */
  search?: string;
  className?: string;
}

/**
 * Links to the app's four modes, in plain names. Ordinary links: Tab reaches each, Enter follows it, and a screen
 * reader hears "Views, navigation" with the current one marked. Colours come from the surrounding text, so it sits
 * in the planner's dark header and the patient page's light one alike.
 */
export function ModeMenu({ current, search, className }: ModeMenuProps) {
  const query = search ?? (typeof window === 'undefined' ? '' : window.location.search);
  return (
    <nav className={className ? `mode-menu ${className}` : 'mode-menu'} aria-label="Views">
      <ul>
        {MODES.map((m) => (
          <li key={m.mode}>
            <a
              href={modeHref(m.mode, query)}
              aria-current={m.mode === current ? 'page' : undefined}
              title={m.description}
            >
              {m.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
