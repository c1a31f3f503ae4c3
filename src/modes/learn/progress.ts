import type { KeyValueStore } from '../../app/key-value.ts';

/**
 * The trainee's progress, kept in the browser (IndexedDB `fus-learn`, through the app's key-value interface,
 * src/app/key-value.ts): per exercise the best score, whether it was completed and how many runs were judged. The
 * tests use the interface's store in memory.
 */

export interface ExerciseProgress {
  /** best score, 0–100 */
  best: number;
  completed: boolean;
  /** runs judged on this exercise */
  attempts: number;
}

export interface LearnProgress {
  version: 1;
  exercises: Record<string, ExerciseProgress>;
  /** the exercise last started, so a reload comes back to it */
  current?: string;
}

export const PROGRESS_KEY = 'learn-progress';

export const EMPTY_PROGRESS: LearnProgress = { version: 1, exercises: {} };

/** A run judged: the best score and the completed mark only ever go up. Pure. */
export function recordResult(progress: LearnProgress, id: string, score: number, completed: boolean): LearnProgress {
  const was = progress.exercises[id] ?? { best: 0, completed: false, attempts: 0 };
  return {
    ...progress,
    exercises: {
      ...progress.exercises,
      [id]: { best: Math.max(was.best, score), completed: was.completed || completed, attempts: was.attempts + 1 },
    },
  };
}

export function withCurrent(progress: LearnProgress, id: string): LearnProgress {
  return { ...progress, current: id };
}

function isProgress(value: unknown): value is LearnProgress {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<LearnProgress>;
  if (v.version !== 1 || typeof v.exercises !== 'object' || v.exercises === null) return false;
  return Object.values(v.exercises).every(
    (e) =>
      typeof e === 'object' &&
      e !== null &&
      Number.isFinite((e as ExerciseProgress).best) &&
      typeof (e as ExerciseProgress).completed === 'boolean' &&
      Number.isFinite((e as ExerciseProgress).attempts),
  );
}

/** The kept progress, or none when nothing (or something unreadable) is stored. */
export async function loadProgress(kv: KeyValueStore): Promise<LearnProgress> {
  const stored = await kv.get(PROGRESS_KEY);
  return isProgress(stored) ? stored : EMPTY_PROGRESS;
}

export async function saveProgress(kv: KeyValueStore, progress: LearnProgress): Promise<void> {
  await kv.set(PROGRESS_KEY, progress);
}

/** Forgets every score and mark. */
export async function resetProgress(kv: KeyValueStore): Promise<LearnProgress> {
  await kv.del(PROGRESS_KEY);
  return EMPTY_PROGRESS;
}
