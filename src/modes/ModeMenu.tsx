import { type MouseEvent, useState } from 'react';
import { MODES, type Mode, type ModeEntry, modeHref } from './mode.ts';
import './ModeMenu.css';

export interface ModeMenuProps {
  /** The mode the page is in: marked as the current page, not a link away. */
  current: Mode;
  /** The page's query string to keep other parameters from; the window's by default. */
  search?: string;
  className?: string;
  /**
   * What leaving this page would lose, in a sentence ("Leaving the planner clears its results…"), or undefined when
   * nothing: a mode is another page, so a plain click on another mode first asks, and offers a new tab instead.
   */
  leaving?: string | undefined;
}

/**
 * Links to the app's four modes, in plain names. Ordinary links: Tab reaches each, Enter follows it, and a screen
 * reader hears "Views, navigation" with the current one marked. Colours come from the surrounding text, so it sits
 * in the planner's dark header and the patient page's light one alike. Where leaving would lose work (`leaving`), a
 * plain click asks first (a walk lost a 40 s plan's results to a click on Lecture and back); a click with a modifier
 * (a new tab or window) goes as the browser sends it.
 */
export function ModeMenu({ current, search, className, leaving }: ModeMenuProps) {
  const query = search ?? (typeof window === 'undefined' ? '' : window.location.search);
  const [asking, setAsking] = useState<ModeEntry | undefined>(undefined);
  const click = (m: ModeEntry) => (event: MouseEvent<HTMLAnchorElement>) => {
    const plain = event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;
    if (!leaving || m.mode === current || !plain) return;
    event.preventDefault();
    setAsking(m);
  };
  return (
    <nav className={className ? `mode-menu ${className}` : 'mode-menu'} aria-label="Views">
      <ul>
        {MODES.map((m) => (
          <li key={m.mode}>
            <a
              href={modeHref(m.mode, query)}
              aria-current={m.mode === current ? 'page' : undefined}
              title={m.description}
              onClick={click(m)}
            >
              {m.label}
            </a>
          </li>
        ))}
      </ul>
      {asking && leaving && (
        <div
          className="mode-leave"
          role="alertdialog"
          aria-label={`Leave for ${asking.label}?`}
          data-testid="mode-leave"
          onKeyDown={(e) => {
            if (e.key === 'Escape') setAsking(undefined);
          }}
        >
          <p>{leaving}</p>
          <div className="mode-leave-actions">
            <a
              href={modeHref(asking.mode, query)}
              target="_blank"
              rel="noopener"
              data-testid="mode-leave-new-tab"
              onClick={() => setAsking(undefined)}
            >
              Open {asking.label} in a new tab
            </a>
            <a href={modeHref(asking.mode, query)} data-testid="mode-leave-go">
              Leave for {asking.label}
            </a>
            {/* biome-ignore lint/a11y/noAutofocus: the question just asked takes the focus, as a dialog's does. */}
            <button type="button" data-testid="mode-leave-stay" autoFocus onClick={() => setAsking(undefined)}>
              Stay
            </button>
          </div>
        </div>
      )}
    </nav>
  );
}
