import type { UpAxis } from '../geometry/import/placement.ts';
import { LENGTH_UNITS, type LengthUnit } from '../geometry/import/units.ts';
import { TISSUE_IDS, type TissueId } from '../physics/tissue-ids.ts';
import { TISSUE_NAMES } from '../style/palette.ts';
import type { ImportCaseRequest, ImportedPartInfo } from '../worker/import-protocol.ts';

type Vec3 = [number, number, number];

/** One part in the import dialog: what was read, and the user's unit and role for it. */
export interface PartRow {
  info: ImportedPartInfo;
  unit: LengthUnit;
  tissue: TissueId;
}

/** Roles a part may take: every tissue of the core but the water bath, which surrounds everything by itself. */
export const ROLE_CHOICES: readonly TissueId[] = TISSUE_IDS.filter((t) => t !== 'water');

/** The words for a role in the dialog (the palette's names; blood is what a vessel holds). */
export function roleName(tissue: TissueId): string {
  return tissue === 'blood' ? 'Blood vessel' : TISSUE_NAMES[tissue];
}

const SOFT: readonly TissueId[] = ['skin', 'fat', 'muscle'];

/** A row as read: the importer's guesses preselected. */
export function rowOf(info: ImportedPartInfo): PartRow {
  return { info, unit: info.unit.unit, tissue: info.role.tissue };
}

/** The part's size in metres in the unit chosen for it, x × y × z of the file. */
export function sizeOf(row: PartRow): Vec3 {
  const s = LENGTH_UNITS[row.unit];
  const { min, max } = row.info;
  return [(max[0] - min[0]) * s, (max[1] - min[1]) * s, (max[2] - min[2]) * s];
}

/** A size as a person reads it: in cm from 10 cm up, else mm ("7.2 × 45.3 × 10.0 cm"). */
export function sizeText(size: readonly number[]): string {
  const largest = Math.max(...size);
  const [unit, scale] = largest >= 0.1 ? ['cm', 100] : largest >= 0.001 ? ['mm', 1000] : ['µm', 1e6];
  return `${size.map((v) => (v * scale).toFixed(1)).join(' × ')} ${unit}`;
}

/**
 * Whether the part is a closed surface, and what the voxeliser does with it when not: it decides inside from
 * outside by counting surface crossings along grid lines (geometry/voxel-raster.ts), so a hole lets the part's
 * tissue run on past it along those lines.
 */
export function closedText(info: ImportedPartInfo): { closed: boolean; text: string } {
  const { check } = info;
  if (check.closed) return { closed: true, text: 'closed surface' };
  const faults = [
    check.boundaryEdges > 0 ? `${check.boundaryEdges} edges at holes` : '',
    check.nonManifoldEdges > 0 ? `${check.nonManifoldEdges} edges shared by more than two faces` : '',
  ].filter(Boolean);
  return {
    closed: false,
    text: `not closed (${faults.join(', ')}): it is drawn as it is, but the voxeliser tells inside from outside by counting surface crossings, so on grid lines through a hole its tissue runs on past the hole; close the mesh (e.g. MeshLab, Blender 3D-Print) for trustworthy numbers`,
  };
}

/**
 * The up axis to preselect: glTF says +y by its specification, a NIfTI label map is in scanner axes (+z toward the
 * head), and a bone file says nothing, so the largest part's longest side is taken as up (a long bone held
 * upright).
 * @param rows - the parts
 * @returns the axis and why
 */
export function guessUp(rows: readonly PartRow[]): { up: UpAxis; reason: string } {
  if (rows.length === 0) return { up: '+y', reason: '' };
  if (rows.every((r) => r.info.format === 'gltf')) return { up: '+y', reason: 'glTF files are +y up' };
  if (rows.every((r) => r.info.format === 'nifti')) return { up: '+z', reason: 'NIfTI scanner axes: +z is the head' };
  // The largest part decides: files dropped together need not share a frame (two donors, two scans).
  let best: Vec3 = [0, 0, 0];
  for (const row of rows) {
    const size = sizeOf(row);
    if (Math.max(...size) > Math.max(...best)) best = size;
  }
  const longest = best.indexOf(Math.max(...best));
  const axis = (['x', 'y', 'z'] as const)[longest] ?? 'y';
  return {
    up: `+${axis}`,
    reason: `the longest side of ${rows.length > 1 ? 'the largest part' : 'the part'} is along ${axis}`,
  };
}

/** No part is skin, fat or muscle: the beams would have no path, so an envelope is proposed. */
export function needsEnvelope(rows: readonly PartRow[]): boolean {
  return !rows.some((r) => SOFT.includes(r.tissue));
}

/** Some part is a lesion; otherwise the user places one after opening. */
export function hasLesion(rows: readonly PartRow[]): boolean {
  return rows.some((r) => r.tissue === 'lesion');
}

/** A part's label in the case: its file name, without extension, in lower-case words. */
export function labelOf(row: PartRow): string {
  return row.info.name
    .replace(/\.(nii\.gz|[a-z0-9]+)(\s|\)|$)/gi, '$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
}

/** A case's title: its first file's name, and how many more. */
export function titleOf(rows: readonly PartRow[]): string {
  const files = [...new Set(rows.map((r) => r.info.file))];
  const first = (files[0] ?? 'mesh').replace(/\.(nii\.gz|[a-z0-9]+)$/i, '');
  return `Imported: ${first}${files.length > 1 ? ` + ${files.length - 1} more` : ''}`;
}

/**
 * Why the dialog cannot make a case yet, or undefined when it can.
 * @param rows - the parts
 * @param envelope - the envelope's problem, when one is asked for
 * @returns the reason, in words
 */
export function buildProblem(rows: readonly PartRow[], envelope: string | undefined): string | undefined {
  if (rows.length === 0) return 'no part to import: open or drop a mesh file';
  if (!rows.some((r) => r.tissue !== 'lesion')) return 'a lesion alone is no case: add the bone it sits in';
  if (envelope) return `the envelope: ${envelope}`;
  return undefined;
}

/**
 * The worker's request for the user's choices.
 * @returns the request
 */
export function caseRequest(
  id: string,
  rows: readonly PartRow[],
  choices: { up: UpAxis; recentre: boolean; envelope?: { muscle: number; fat: number; skin: number } },
): ImportCaseRequest {
  return {
    id,
    title: titleOf(rows),
    parts: rows.map((r) => ({ id: r.info.id, unit: r.unit, tissue: r.tissue, label: labelOf(r) })),
    up: choices.up,
    recentre: choices.recentre,
    ...(choices.envelope ? { envelope: choices.envelope } : {}),
  };
}
