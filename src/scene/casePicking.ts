import type { Intersection, Object3D, Ray } from 'three';
import type { PartView } from '../state/store.ts';

type Vec3 = [number, number, number];

/** Tissues a click can put the target on. */
export const PICKABLE_TISSUES: ReadonlySet<string> = new Set(['lesion', 'cortical_bone', 'trabecular_bone', 'marrow']);
const BONE: ReadonlySet<string> = new Set(['cortical_bone', 'trabecular_bone', 'marrow']);

/**
 * With targetSnap 'inside', a click on a lesion puts the target this far into it along the view ray [m], or
 * half-way to where the ray leaves the lesion when that is nearer, so the focus lands in tumour tissue rather
 * than on its skin.
 */
export const LESION_INSET = 0.003;

/** A part counts as in the way when it is drawn at (almost) full opacity. */
const OPAQUE = 0.99;
/** Parts drawn fainter than this are ignored by clicks, like hidden ones. */
const INVISIBLE = 0.02;

function shown(object: Object3D): boolean {
  for (let o: Object3D | null = object; o; o = o.parent) if (!o.visible) return false;
  return true;
}

export interface CaseHit {
  intersection: Intersection;
  view: PartView;
}

/**
 * The case-part hits of a view ray the user can see, nearest first: parts that are shown and not faded out,
 * no water (the bath surrounds everything and is not a click target).
 */
export function visibleCaseHits(intersections: readonly Intersection[], parts: readonly PartView[]): CaseHit[] {
  const out: CaseHit[] = [];
  for (const intersection of intersections) {
    const view = parts.find((p) => p.name === intersection.object.name);
    if (!view?.visible || view.opacity < INVISIBLE || view.tissue === 'water') continue;
    if (!shown(intersection.object)) continue;
    out.push({ intersection, view });
  }
  return out.sort((a, b) => a.intersection.distance - b.intersection.distance);
}

/**
 * Where a click puts the target, or undefined when it meets nothing pickable before an opaque part hides it.
 * - The clicked part is the first lesion or bone part along the ray (see-through soft tissue is clicked through).
 * - 'surface': the first bone surface along the ray (the periosteum, where the heat gathers), even behind a
 *   lesion that breaks through the cortex; the lesion hit when no bone lies behind it.
 * - 'inside': the hit point, moved LESION_INSET into a lesion along the ray (not past half its thickness there).
 */
export function pickTarget(hits: readonly CaseHit[], ray: Ray, snap: 'surface' | 'inside'): Vec3 | undefined {
  const index = hits.findIndex((h) => PICKABLE_TISSUES.has(h.view.tissue) || h.view.opacity >= OPAQUE);
  const chosen = hits[index];
  if (!chosen || !PICKABLE_TISSUES.has(chosen.view.tissue)) return undefined;
  const { point, distance, object } = chosen.intersection;
  if (snap === 'surface') {
    const bone = hits.slice(index).find((h) => BONE.has(h.view.tissue));
    const p = (bone ?? chosen).intersection.point;
    return [p.x, p.y, p.z];
  }
  if (chosen.view.tissue !== 'lesion') return [point.x, point.y, point.z];
  const exit = hits.slice(index + 1).find((h) => h.intersection.object === object);
  const depth = exit ? Math.min(LESION_INSET, (exit.intersection.distance - distance) / 2) : LESION_INSET;
  return [point.x + ray.direction.x * depth, point.y + ray.direction.y * depth, point.z + ray.direction.z * depth];
}

/** A part at least this opaque is what the eye sees at a pixel; fainter ones are looked through. */
export const SEEN_OPACITY = 0.5;

/**
 * The hit a probe drop lands on: the first part along the ray the user actually sees (drawn at least SEEN_OPACITY
 * opaque: bone, lesion, nerve, bowel…), looking through the faint skin, fat and muscle that cover it by default; the
 * nearest faint part when nothing solid lies behind (a click at the edge of the limb). Raise a tissue's opacity in
 * the parts list to probe it where something solid lies behind.
 */
export function pickProbe(hits: readonly CaseHit[]): CaseHit | undefined {
  return hits.find((h) => h.view.opacity >= SEEN_OPACITY) ?? hits[0];
}
