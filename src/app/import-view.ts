import { MESH_EXTENSIONS } from '../geometry/import/mesh-file.ts';
import { boneSizeProblem } from '../geometry/import/units.ts';
import type { ImportDialogView } from '../ui/ImportDialog.tsx';
import { envelopeProblem } from '../ui/import-rules.ts';
import { closedText, hasLesion, needsEnvelope, ROLE_CHOICES, roleName, sizeOf, sizeText } from './import-choices.ts';
import { envelopeAsked, type ImportState, importBlocker } from './import-flow.ts';

const ROLES = ROLE_CHOICES.map((id) => ({ id, name: roleName(id) }));

/**
 * What the import dialog shows for the flow's state: the parts in words (size in the chosen unit, closed or what
 * the voxeliser does), the envelope asked for and its problem, and why "Open as a case" waits.
 * @param s - the import flow's state
 * @returns the dialog's view
 */
export function importDialogView(s: ImportState): ImportDialogView {
  const envelope = envelopeAsked(s);
  return {
    accept: MESH_EXTENSIONS,
    reading: s.reading,
    errors: s.errors,
    notes: s.notes,
    parts: s.rows.map((row) => {
      const closed = closedText(row.info);
      return {
        id: row.info.id,
        name: row.info.name,
        format: row.info.format,
        triangles: row.info.triangles,
        size: sizeText(sizeOf(row)),
        sizeWarning: boneSizeProblem(Math.max(...sizeOf(row))) ?? '',
        closed: closed.closed,
        closedText: closed.text,
        unit: row.unit,
        unitGuess: row.info.unit.unit,
        unitReason: row.info.unit.reason,
        tissue: row.tissue,
        roleReason: row.info.role.reason,
      };
    }),
    roles: ROLES,
    up: s.up,
    upReason: s.upReason,
    recentre: s.recentre,
    envelopeOn: envelope !== undefined,
    noSoftTissue: needsEnvelope(s.rows),
    envelope: s.envelope,
    envelopeError: envelope ? (envelopeProblem(envelope) ?? '') : '',
    hasLesion: hasLesion(s.rows),
    building: s.building,
    buildError: s.buildError,
    blocker: importBlocker(s) ?? '',
  };
}
