import { BufferAttribute, BufferGeometry, Group, Mesh, Vector3 } from 'three';
import { bodyEnvelope, type EnvelopeThickness } from '../geometry/import/envelope.ts';
import { lesionEllipsoid } from '../geometry/import/lesion.ts';
import type { ImportedMesh } from '../geometry/import/mesh-file.ts';
import { placementMatrices, type UpAxis } from '../geometry/import/placement.ts';
import type { LengthUnit } from '../geometry/import/units.ts';
import type { CaseMeta, CasePart } from '../geometry/phantom.ts';
import { TissueModel } from '../geometry/tissue-model.ts';
import { BONE_TISSUES } from '../physics/dose-report.ts';
import type { TissueId } from '../physics/tissue-ids.ts';
import { PRESETS } from '../physics/transducer.ts';
import type { CaseState } from './case.ts';

type Vec3 = [number, number, number];

/** How the user placed and named one imported part. */
export interface ImportedPartChoice {
  mesh: ImportedMesh;
  unit: LengthUnit;
  tissue: TissueId;
  /** distinguishes parts of one tissue ('' = numbered) */
  label?: string;
}

/** Everything that turns imported files into a case the engine runs on. */
export interface ImportedCaseSpec {
  title: string;
  parts: ImportedPartChoice[];
  up: UpAxis;
  recentre: boolean;
  /** soft tissue generated around the bones (absent: none) */
  envelope?: EnvelopeThickness;
  /** a lesion placed by the user [m, app frame] */
  lesion?: { centre: Vec3; radii: Vec3 };
}

const SOFT: readonly TissueId[] = ['skin', 'fat', 'muscle'];

/**
 * Imported parts placed in the app's frame (metres, up = +y, recentred), with the generated envelope and lesion,
 * named by the case convention `<tissue>-<label>`.
 * @param spec - the user's choices
 * @returns the parts
 */
export function importedParts(spec: ImportedCaseSpec): CasePart[] {
  const matrices = placementMatrices(
    spec.parts.map((p) => ({ positions: p.mesh.positions, unit: p.unit })),
    spec.up,
    spec.recentre,
  );
  const used = new Set<string>();
  const parts: CasePart[] = spec.parts.map((choice, i) => {
    const positions = Float32Array.from(choice.mesh.positions);
    const geometry = new BufferGeometry();
    geometry.setAttribute('position', new BufferAttribute(positions, 3));
    geometry.applyMatrix4(matrices[i] as never);
    geometry.computeVertexNormals();
    // The label as models/README.md has it: lower-case words joined by single hyphens (the app shows them as spaces).
    let label =
      (choice.label ?? '')
        .trim()
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '') || `${i + 1}`;
    while (used.has(`${choice.tissue}-${label}`)) label = `${label}-${i + 1}`;
    used.add(`${choice.tissue}-${label}`);
    return { name: `${choice.tissue}-${label}`, tissue: choice.tissue, label, geometry };
  });
  if (spec.envelope) {
    const bones = parts.filter((p) => !SOFT.includes(p.tissue));
    parts.push(...bodyEnvelope(bones.length > 0 ? bones : parts, spec.envelope));
  }
  if (spec.lesion) {
    parts.push({
      name: 'lesion-placed',
      tissue: 'lesion',
      label: 'placed',
      geometry: lesionEllipsoid(spec.lesion.centre, spec.lesion.radii),
    });
  }
  return parts;
}

/** The vertex of `part` nearest `point` [m]: on its surface (a bone of a few thousand vertices: a direct search). */
function nearestVertex(part: CasePart, point: Vec3): Vec3 {
  const position = part.geometry.getAttribute('position');
  let best: Vec3 = point;
  let bestD2 = Number.POSITIVE_INFINITY;
  for (let i = 0; i < (position?.count ?? 0); i++) {
    const x = position.getX(i);
    const y = position.getY(i);
    const z = position.getZ(i);
    const d2 = (x - point[0]) ** 2 + (y - point[1]) ** 2 + (z - point[2]) ** 2;
    if (d2 < bestD2) {
      bestD2 = d2;
      best = [x, y, z];
    }
  }
  return best;
}

/** 26 directions: the faces, edges and corners of a cube. */
const DIRECTIONS: Vec3[] = [];
for (const x of [-1, 0, 1]) {
  for (const y of [-1, 0, 1]) {
    for (const z of [-1, 0, 1]) {
      if (x || y || z) {
        const n = Math.hypot(x, y, z);
        DIRECTIONS.push([x / n, y / n, z / n]);
      }
    }
  }
}

/** Bone or the marrow inside it: what a beam should not cross, and what the probes of a bone's normal stay out of. */
const inBone = (t: TissueId) => BONE_TISSUES.includes(t) || t === 'marrow';

/** Probe directions for a surface's normal: a Fibonacci sphere, near-uniform. */
const PROBES: Vec3[] = Array.from({ length: 200 }, (_, i) => {
  const y = 1 - (2 * (i + 0.5)) / 200;
  const r = Math.sqrt(1 - y * y);
  const phi = i * Math.PI * (3 - Math.sqrt(5));
  return [r * Math.cos(phi), y, r * Math.sin(phi)];
});

/** How far from the target the probes look [m]: a few voxels, well inside a bone's curvature. */
const PROBE_RADIUS = 0.002;

/**
 * Weight of the angle between a way in and the bone surface's outward normal [m of soft tissue per radian]: a way in
 * 45° off the normal counts as 0.24 m more tissue. An imported femur and humerus had opened with 28 and 85 of 208
 * beams beyond the critical angle (a walk's finding), aimed along the 26 directions' shortest way in, at a slant.
 */
const SLANT_WEIGHT = 0.3;

/** The default transducer (the app's clinical array): its radius of curvature [m] and aperture half-angle [rad]. */
const ARRAY_R = PRESETS.clinicalBodyArray.radiusOfCurvature;
const ARRAY_HALF_ANGLE = Math.asin(PRESETS.clinicalBodyArray.aperture / 2 / ARRAY_R);

/**
 * The share of the default array's apex and of 8 points of its rim that lie in tissue rather than the water bath,
 * for the array aimed at `target` from direction `d`.
 */
function arrayInTissue(model: TissueModel, target: Vec3, d: Vec3): number {
  // Two unit vectors across d, for the rim.
  const a: Vec3 = Math.abs(d[0]) < 0.9 ? [1, 0, 0] : [0, 1, 0];
  const u = new Vector3(...a).cross(new Vector3(...d)).normalize();
  const v = new Vector3(...d).cross(u).normalize();
  const along = ARRAY_R * Math.cos(ARRAY_HALF_ANGLE);
  const across = ARRAY_R * Math.sin(ARRAY_HALF_ANGLE);
  const points: Vec3[] = [[target[0] + ARRAY_R * d[0], target[1] + ARRAY_R * d[1], target[2] + ARRAY_R * d[2]]];
  for (let k = 0; k < 8; k++) {
    const c = Math.cos((k * Math.PI) / 4) * across;
    const s = Math.sin((k * Math.PI) / 4) * across;
    points.push([
      target[0] + along * d[0] + c * u.x + s * v.x,
      target[1] + along * d[1] + c * u.y + s * v.y,
      target[2] + along * d[2] + c * u.z + s * v.z,
    ]);
  }
  return points.filter((p) => model.tissueAt(p) !== 'water').length / points.length;
}

/**
 * The outward normal of the bone surface at `point`: the mean of the probe directions that land outside the bone
 * (a half-space's directions average to its normal), so a mesh's triangle winding plays no part.
 * @returns the unit normal, or undefined where the probes cannot tell (no bone there, or all around)
 */
function boneNormal(model: TissueModel, point: Vec3): Vec3 | undefined {
  let x = 0;
  let y = 0;
  let z = 0;
  let outside = 0;
  for (const d of PROBES) {
    const probe: Vec3 = [
      point[0] + PROBE_RADIUS * d[0],
      point[1] + PROBE_RADIUS * d[1],
      point[2] + PROBE_RADIUS * d[2],
    ];
    if (inBone(model.tissueAt(probe))) continue;
    outside++;
    x += d[0];
    y += d[1];
    z += d[2];
  }
  const n = Math.hypot(x, y, z);
  if (outside === 0 || outside === PROBES.length || n < 1e-6) return undefined;
  return [x / n, y / n, z / n];
}

/**
 * Where a new case aims first: the lesion's centre (or the largest bone's), and the window to it with the least
 * bone and no gas in the way among 26 directions and the bone surface's own normal there (then the shortest way in,
 * and the squarest to the bone: a slant sends the beams past the critical angle), as a planner would look for one.
 * @param model - the case's tissue model
 * @param parts - its parts
 * @returns the default target [m] and the unit vector from it toward the transducer
 */
export function defaultAim(
  model: TissueModel,
  parts: readonly CasePart[],
): Pick<CaseMeta, 'defaultTarget' | 'defaultBeamDirection'> {
  const centreOf = (part: CasePart): Vec3 => {
    part.geometry.computeBoundingBox();
    const c = part.geometry.boundingBox?.getCenter(new Vector3()) ?? new Vector3();
    return [c.x, c.y, c.z];
  };
  const sizeOf = (part: CasePart) => {
    part.geometry.computeBoundingBox();
    return part.geometry.boundingBox?.getSize(new Vector3()).length() ?? 0;
  };
  const lesion = parts.find((p) => p.tissue === 'lesion');
  const bones = parts.filter((p) => BONE_TISSUES.includes(p.tissue)).sort((a, b) => sizeOf(b) - sizeOf(a));
  const anchor = lesion ?? bones[0] ?? parts[0];
  const centre: Vec3 = anchor ? centreOf(anchor) : [0, 0, 0];
  // Without a lesion, the bone's surface nearest its box's centre: the centre of a curved femur's box lay 14 mm off
  // the bone and of a rib cage's in the chest (a walk's finding), where the first estimate heated soft tissue.
  const target: Vec3 = !lesion && anchor && anchor === bones[0] ? nearestVertex(anchor, centre) : centre;
  let best: { direction: Vec3; score: number } = { direction: [0, 1, 0], score: Number.POSITIVE_INFINITY };
  // The bone's normal nearest the target: at the target on a bare bone, at the surface nearest a lesion's centre.
  const surface = bones[0] ? (lesion ? nearestVertex(bones[0], centre) : target) : undefined;
  const normal = surface ? boneNormal(model, surface) : undefined;
  for (const d of normal ? [normal, ...DIRECTIONS] : DIRECTIONS) {
    const far: Vec3 = [target[0] + 0.3 * d[0], target[1] + 0.3 * d[1], target[2] + 0.3 * d[2]];
    // From outside in: the segments before the target's own tissue are what the beam crosses.
    const path = model.pathSegments(far, target).slice(0, -1);
    let bone = 0;
    let gas = 0;
    let soft = 0;
    for (const s of path) {
      if (inBone(s.tissue)) bone += s.length;
      else if (s.tissue === 'bowel_gas' || s.tissue === 'lung') gas += s.length;
      else if (s.tissue !== 'water') soft += s.length;
    }
    const slant = normal
      ? Math.acos(Math.max(-1, Math.min(1, d[0] * normal[0] + d[1] * normal[1] + d[2] * normal[2])))
      : 0;
    // The default array must sit in the water bath, not inside the body (a rib cage's inner rib: 195 of 208 sources
    // in tissue, which the planner refuses to fire): its apex and rim, the share of them in tissue.
    const inside = arrayInTissue(model, target, d);
    const score = 1000 * gas + 100 * inside + 10 * bone + soft + SLANT_WEIGHT * slant;
    if (score < best.score) best = { direction: d, score };
  }
  return { defaultTarget: target, defaultBeamDirection: best.direction };
}

/**
 * A case from imported files: the parts placed and named, the engine's tissue model, and where to aim first.
 * @param spec - the user's choices
 * @returns the case state the engine takes (the same shape a bundled phantom loads into)
 */
export function importedCase(spec: ImportedCaseSpec): CaseState {
  const parts = importedParts(spec);
  const model = new TissueModel(parts);
  const scene = new Group();
  for (const part of parts) {
    const mesh = new Mesh(part.geometry);
    mesh.name = part.name;
    scene.add(mesh);
  }
  const meta: CaseMeta = {
    id: 'imported',
    title: spec.title,
    description: `Imported: ${spec.parts.map((p) => p.mesh.file).join(', ')}`,
    ...defaultAim(model, parts),
  };
  return { loaded: { meta, parts, scene }, model };
}
