import { Vector3 } from 'three';
import { MeshBVH } from 'three-mesh-bvh';
import { lesionEllipsoid } from '../geometry/import/lesion.ts';
import type { CaseMeta, CasePart } from '../geometry/phantom.ts';
import { TissueModel } from '../geometry/tissue-model.ts';
import { BONE_TISSUES } from '../physics/dose-report.ts';
import { writeCaseGlb } from './case-glb.ts';
import { defaultAim } from './imported-case.ts';

type Vec3 = [number, number, number];

/** An imported case as a file the app opens like a bundled one, with the meta written into it. */
export interface ImportedCaseFile {
  glb: ArrayBuffer;
  meta: CaseMeta;
}

/** The name of the lesion the user places (importedParts names it so too). */
export const PLACED_LESION = 'lesion-placed';

/**
 * Writes imported parts as a case file: aimed as a planner would (defaultAim: the lesion, else the largest bone,
 * through the window with the least bone), in the bundled cases' naming convention.
 * @param head - the case's id, title and description
 * @param parts - placed parts [m, app frame]
 * @returns the GLB and its meta
 */
export function importedCaseFile(
  head: Pick<CaseMeta, 'id' | 'title' | 'description'>,
  parts: readonly CasePart[],
): ImportedCaseFile {
  const meta: CaseMeta = { ...head, ...defaultAim(new TissueModel(parts), parts) };
  return { glb: writeCaseGlb(meta, parts), meta };
}

/** Farthest a placed lesion's surface may sit from the nearest bone [m]: it must be on or in the bone. */
const LESION_REACH = 0.001;

/**
 * Why a lesion cannot go there, or undefined when it touches a bone: a lesion here is a bone metastasis, so the
 * ellipsoid must reach the bone surface (the nearest point of a bone's surface within its largest semi-axis, plus
 * 1 mm). The surface, not its vertices: a converted mesh has shaft triangles centimetres long, and a point clicked on
 * one was refused as "15 mm from the nearest bone".
 * @param parts - the case's parts
 * @param centre - [m]
 * @param radii - semi-axes [m]
 * @returns the reason, in words
 */
export function lesionPlacementProblem(parts: readonly CasePart[], centre: Vec3, radii: Vec3): string | undefined {
  const bones = parts.filter((p) => BONE_TISSUES.includes(p.tissue) || p.tissue === 'marrow');
  if (bones.length === 0) return 'the case has no bone to put a lesion on';
  let nearest = Number.POSITIVE_INFINITY;
  const at = new Vector3(...centre);
  for (const bone of bones) {
    // On a copy: the tree indexes a geometry that has no index, and the case's own stays as the file gave it.
    const closest = new MeshBVH(bone.geometry.clone()).closestPointToPoint(at);
    if (closest && closest.distance < nearest) nearest = closest.distance;
  }
  const reach = Math.max(...radii) + LESION_REACH;
  if (nearest <= reach) return undefined;
  return `its centre is ${(nearest * 1000).toFixed(0)} mm from the nearest bone, farther than its ${(Math.max(...radii) * 1000).toFixed(0)} mm reach: click on the bone to put it there`;
}

/**
 * The parts with the user's lesion in place of any placed before (a lesion of the files stays).
 * @param parts - the case's parts
 * @param lesion - centre and semi-axes [m]
 * @returns the new list
 */
export function withPlacedLesion(parts: readonly CasePart[], lesion: { centre: Vec3; radii: Vec3 }): CasePart[] {
  return [
    ...parts.filter((p) => p.name !== PLACED_LESION),
    {
      name: PLACED_LESION,
      tissue: 'lesion',
      label: 'placed',
      geometry: lesionEllipsoid(lesion.centre, lesion.radii),
    },
  ];
}
