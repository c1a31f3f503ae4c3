import type { TissueId } from '../physics/tissue-ids.ts';
import type { ImportDialogActions, ImportPartView, Unit } from './ImportDialog.tsx';

const UNITS: readonly Unit[] = ['mm', 'cm', 'm'];

/**
 * The import dialog's parts, a row each: name and whether it is closed, triangles, size, unit (the guess starred),
 * tissue, remove. On a phone the rows are stacked as cards (src/style/import.css), each value then led by its
 * column's name (`data-label`), as the header row is not shown there.
 */
export function ImportPartsTable({
  parts,
  roles,
  busy,
  actions,
}: {
  parts: readonly ImportPartView[];
  roles: readonly { id: TissueId; name: string }[];
  busy: boolean;
  actions: Pick<ImportDialogActions, 'onUnit' | 'onTissue' | 'onRemove'>;
}) {
  return (
    <table className="import-parts" data-testid="import-parts">
      <thead>
        <tr>
          <th scope="col">Part</th>
          <th scope="col">Triangles</th>
          <th scope="col">Size</th>
          <th scope="col">Unit</th>
          <th scope="col">Tissue</th>
          <th scope="col">
            <span className="visually-hidden">Remove</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {parts.map((p) => (
          <tr key={p.id} data-testid="import-part" data-part={p.name}>
            <td>
              <span className="import-part-name" title={p.name}>
                {p.name}
              </span>
              <small
                className={p.closed ? 'import-closed' : 'import-open-mesh'}
                data-testid="import-closed"
                data-closed={String(p.closed)}
              >
                {p.closed ? '✓ ' : '⚠ '}
                {p.closedText}
              </small>
            </td>
            {/* data-label: the column's name, shown beside the value where the rows are stacked (narrow). */}
            <td data-testid="import-triangles" data-label="Triangles">
              {p.triangles.toLocaleString('en')}
            </td>
            <td data-label="Size">
              <span data-testid="import-size">{p.size}</span>
              {p.sizeWarning && (
                <small className="import-size-warning" data-testid="import-size-warning">
                  ⚠ {p.sizeWarning}
                </small>
              )}
            </td>
            <td className="import-unit-cell">
              <fieldset className="import-units" aria-label={`Unit of ${p.name}`}>
                {UNITS.map((u) => (
                  <button
                    key={u}
                    type="button"
                    className="small"
                    aria-pressed={p.unit === u}
                    data-testid={`import-unit-${u}`}
                    title={u === p.unitGuess ? `Guessed: ${p.unitReason}` : `The file is in ${u}`}
                    onClick={() => actions.onUnit(p.id, u)}
                    disabled={busy}
                  >
                    {u}
                    {u === p.unitGuess ? '*' : ''}
                  </button>
                ))}
              </fieldset>
            </td>
            <td className="import-role-cell">
              <select
                aria-label={`Tissue of ${p.name}`}
                data-testid="import-role"
                value={p.tissue}
                title={`Guessed: ${p.roleReason}`}
                onChange={(e) => actions.onTissue(p.id, e.target.value as TissueId)}
                disabled={busy}
              >
                {roles.map((r) => (
                  <option key={r.id} value={r.id}>
                    {r.name}
                  </option>
                ))}
              </select>
            </td>
            <td className="import-remove-cell">
              <button
                type="button"
                className="small"
                aria-label={`Remove ${p.name}`}
                onClick={() => actions.onRemove(p.id)}
                disabled={busy}
              >
                ✕
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
