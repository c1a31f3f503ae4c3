import type { KeyValueStore } from './key-value.ts';
import type { PlanFile } from './plan-file.ts';
import { planKey } from './plan-storage.ts';

/** A plan file's mesh medium (src/plan-file/fields.ts): the files and the choices that make an imported case. */
export type MeshMedium = Extract<PlanFile['medium'], { type: 'mesh' }>;

/** An imported case as kept: what the picker shows, and the choices it was made with (a plan writes them). */
export interface KeptCase {
  id: string;
  title: string;
  description: string;
  medium: MeshMedium;
  /** what the mesh medium cannot say of the import (said when a plan on it is saved) */
  caveats: string[];
}

/**
 * Imported cases in the browser's storage (the same key-value store as the plans, plan-storage.ts), so that they
 * outlive a reload: `imported-cases` lists them ({@link KeptCase}[], oldest first), `case-glb:<id>` holds each one's
 * case file (GLB bytes). Forgetting a case frees both and its autosaved plan (`plan:<id>`).
 */
export const IMPORTED_CASES_KEY = 'imported-cases';
export const caseGlbKey = (id: string) => `case-glb:${id}`;

function isKept(x: unknown): x is KeptCase {
  if (typeof x !== 'object' || x === null) return false;
  const e = x as Record<string, unknown>;
  const medium = e.medium as Record<string, unknown> | undefined;
  return (
    typeof e.id === 'string' &&
    typeof e.title === 'string' &&
    typeof e.description === 'string' &&
    typeof medium === 'object' &&
    medium !== null &&
    medium.type === 'mesh' &&
    Array.isArray(medium.parts) &&
    Array.isArray(e.caveats)
  );
}

/** The kept cases as listed, anything of another shape left out. */
export async function keptCases(kv: KeyValueStore): Promise<KeptCase[]> {
  const list = await kv.get(IMPORTED_CASES_KEY);
  return Array.isArray(list) ? list.filter(isKept) : [];
}

/**
 * Keeps a case (its bytes first, then the list: a list entry never points at missing bytes), in place of `replaces`.
 * @throws what the storage throws (full, refused)
 */
export async function keepCase(kv: KeyValueStore, kept: KeptCase, glb: ArrayBuffer, replaces?: string): Promise<void> {
  await kv.set(caseGlbKey(kept.id), glb);
  const list = (await keptCases(kv)).filter((c) => c.id !== kept.id && c.id !== replaces);
  await kv.set(IMPORTED_CASES_KEY, [...list, kept]);
  if (replaces !== undefined && replaces !== kept.id) await forgetKept(kv, replaces, false);
}

/** Frees a kept case: off the list, its bytes and its autosaved plan deleted. */
export async function forgetKept(kv: KeyValueStore, id: string, fromList = true): Promise<void> {
  if (fromList) {
    const list = await keptCases(kv);
    await kv.set(
      IMPORTED_CASES_KEY,
      list.filter((c) => c.id !== id),
    );
  }
  await kv.del(caseGlbKey(id));
  await kv.del(planKey(id));
}

/** A kept case's bytes, or undefined when they are gone. */
export async function keptGlb(kv: KeyValueStore, id: string): Promise<ArrayBuffer | undefined> {
  const bytes = await kv.get(caseGlbKey(id));
  return bytes instanceof ArrayBuffer ? bytes : undefined;
}

/** The last path component of a file name as a plan writes it ('bones/femur.stl' → 'femur.stl'). */
export function baseName(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}

/** Two mesh media that make the same case (the same files, choices and lesion). */
export function sameMedium(a: MeshMedium, b: MeshMedium): boolean {
  const canonical = (m: MeshMedium) =>
    JSON.stringify({
      parts: m.parts.map((p) => [baseName(p.file), p.unit ?? null, p.tissue ?? null, p.label ?? null]),
      up: m.up ?? '+y',
      recentre: m.recentre ?? true,
      envelope: m.envelope ? [m.envelope.muscle, m.envelope.fat, m.envelope.skin] : null,
      lesion: m.lesion ? [...m.lesion.centre, ...m.lesion.radii] : null,
    });
  return canonical(a) === canonical(b);
}
