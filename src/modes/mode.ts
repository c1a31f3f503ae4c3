/**
 * The app's modes (issue 13): the same app rearranged for each audience, chosen by `?mode=` in the URL.
 * `plan` is the research planner and the default; an unknown or missing value opens it, with no error.
 */
export type Mode = 'plan' | 'learn' | 'lecture' | 'patient';

export interface ModeEntry {
  mode: Mode;
  /** The plain name the menu shows. */
  label: string;
  /** What the mode is for, in a few words (the link's description). */
  description: string;
}

export const MODES: readonly ModeEntry[] = [
  { mode: 'plan', label: 'Plan', description: 'the full planner' },
  { mode: 'learn', label: 'Learn', description: 'guided exercises for trainees' },
  { mode: 'lecture', label: 'Lecture', description: 'a step-by-step story for teaching' },
  { mode: 'patient', label: 'For patients', description: 'how the treatment works, in plain words' },
];

const KNOWN = new Set<string>(MODES.map((m) => m.mode));

/** The mode a page's query string asks for (`location.search`, with or without its '?'); `plan` when none or unknown. */
export function modeFromSearch(search: string): Mode {
  const value = new URLSearchParams(search).get('mode')?.trim().toLowerCase() ?? '';
  return KNOWN.has(value) ? (value as Mode) : 'plan';
}

/**
 * The address of a mode from the page's current query string: other parameters are kept, `mode` set (the planner
 * is `?mode=plan`, said explicitly so the link reads the same as the others). The fragment (a plan carried in a
 * link) is left out: it belongs to the planner page it came with.
 */
export function modeHref(mode: Mode, search: string): string {
  const params = new URLSearchParams(search);
  params.set('mode', mode);
  return `?${params.toString()}`;
}
