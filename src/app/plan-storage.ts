import type { KeyValueStore } from './key-value.ts';
import type { PlanFile } from './plan-file.ts';

/**
 * Where the app keeps plans in the browser: IndexedDB (one database, `fus-planner`, one object store, `plans`) behind
 * the key-value interface of key-value.ts, so the autosave and the recent list run in Node tests on a Map.
 * Records hold plan files (the format of src/plan-file), so whatever reads them back goes through the same checks
 * and migrations as a file from disk.
 *
 * Keys: `plan:<caseId>` the working plan of a case ({@link SavedPlan}); `last-case` the case open last;
 * `recent-plans` the recent list ({@link RecentPlan}[], newest first).
 */
export const LAST_CASE_KEY = 'last-case';
export const RECENT_KEY = 'recent-plans';
/** The recent list keeps this many plans: enough to find the last few again, short enough to read at a glance. */
export const RECENT_LIMIT = 8;

export const planKey = (caseId: string) => `plan:${caseId}`;

/** A case's working plan, autosaved. */
export interface SavedPlan {
  file: PlanFile;
  /** [ms since 1970] */
  savedAt: number;
}

/** How a plan came to the recent list. */
export type RecentHow = 'saved' | 'opened' | 'link' | 'replaced';

export interface RecentPlan {
  id: string;
  name: string;
  caseId: string;
  spots: number;
  /** [ms since 1970] */
  savedAt: number;
  how: RecentHow;
  file: PlanFile;
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** A stored working plan, or undefined for anything else under its key. */
export function asSavedPlan(x: unknown): SavedPlan | undefined {
  return isRecord(x) && isRecord(x.file) && typeof x.savedAt === 'number' ? (x as unknown as SavedPlan) : undefined;
}

/** The recent list as stored, entries of another shape left out. */
export async function recentPlans(kv: KeyValueStore): Promise<RecentPlan[]> {
  const list = await kv.get(RECENT_KEY);
  if (!Array.isArray(list)) return [];
  return list.filter(
    (e): e is RecentPlan =>
      isRecord(e) &&
      typeof e.id === 'string' &&
      typeof e.name === 'string' &&
      typeof e.caseId === 'string' &&
      isRecord(e.file),
  );
}

/** What makes two entries the same plan: the file's content, whatever the time or the way it came. */
function contentOf(file: PlanFile): string {
  return JSON.stringify(file);
}

/**
 * Puts a plan at the top of the recent list (an equal plan already there moves up), keeping RECENT_LIMIT.
 * @returns the new list
 */
export async function addRecent(kv: KeyValueStore, entry: Omit<RecentPlan, 'id'>): Promise<RecentPlan[]> {
  const content = contentOf(entry.file);
  const before = (await recentPlans(kv)).filter((e) => contentOf(e.file) !== content);
  const id = `${entry.savedAt.toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  const list = [{ ...entry, id }, ...before].slice(0, RECENT_LIMIT);
  await kv.set(RECENT_KEY, list);
  return list;
}
