import { useEffect, useRef } from 'react';
import type { TissueId } from '../physics/tissue-ids.ts';
import { ImportPartsTable } from './ImportPartsTable.tsx';
import { ENVELOPE_RULES, type EnvelopeLayers } from './import-rules.ts';
import { MeshFilePicker } from './MeshFilePicker.tsx';
import { QuantityField } from './QuantityField.tsx';

export type Unit = 'mm' | 'cm' | 'm';
type Up = '+x' | '-x' | '+y' | '-y' | '+z' | '-z';

/** One part as the dialog shows it (src/app/import-view.ts makes these from what the importer read). */
export interface ImportPartView {
  id: string;
  name: string;
  format: string;
  triangles: number;
  /** size in the chosen unit, in words ("7.2 × 45.3 × 10.0 cm") */
  size: string;
  /** why that size is no bone's (a wrong unit, or not a bone), '' when it is one */
  sizeWarning: string;
  closed: boolean;
  /** closed, or what is open and what the voxeliser then does */
  closedText: string;
  unit: Unit;
  /** why the importer guessed the unit it did, and which that was */
  unitGuess: Unit;
  unitReason: string;
  tissue: TissueId;
  roleReason: string;
}

export interface ImportDialogView {
  /** the file extensions the importer opens, for the dialog's own picker */
  accept: readonly string[];
  reading: readonly string[];
  errors: readonly string[];
  notes: readonly string[];
  parts: readonly ImportPartView[];
  roles: readonly { id: TissueId; name: string }[];
  up: Up;
  upReason: string;
  recentre: boolean;
  envelopeOn: boolean;
  /** no part is soft tissue */
  noSoftTissue: boolean;
  envelope: EnvelopeLayers;
  envelopeError: string;
  hasLesion: boolean;
  building: boolean;
  buildError: string;
  /** why "Open as a case" is disabled, '' when it is not */
  blocker: string;
}

export interface ImportDialogActions {
  onUnit(id: string, unit: Unit): void;
  onTissue(id: string, tissue: TissueId): void;
  onRemove(id: string): void;
  onUp(up: Up): void;
  onRecentre(on: boolean): void;
  onEnvelopeOn(on: boolean): void;
  onEnvelope(patch: Partial<EnvelopeLayers>): void;
  onBuild(): void;
  onCancel(): void;
  /** other files picked from the dialog ("Choose other files…"): they go the way of Import bone…'s */
  onChooseFiles(files: File[]): void;
}

const UPS: readonly Up[] = ['+y', '+z', '+x', '-y', '-z', '-x'];

/**
 * The import dialog: each part read with its triangle count, size, whether it is closed (and what the voxeliser
 * does when not), its unit (the guess preselected, one click to change) and tissue role; the up axis, recentring,
 * the body envelope when no soft tissue came with the bone, and whether a lesion is to be placed after opening.
 * Files that could not be read are listed with the reason; nothing of the open case changes until "Open as a case".
 * With no part read (only broken files, or every part removed) there is nothing to choose: the dialog then shows the
 * errors and offers other files or Close, not a form for nothing.
 */
export function ImportDialog({ view, actions }: { view: ImportDialogView; actions: ImportDialogActions }) {
  const busy = view.building;
  const hasParts = view.parts.length > 0;
  const dialog = useRef<HTMLElement>(null);
  // The dialog takes the focus when it opens, so the keyboard (Tab, Escape) works in it at once.
  useEffect(() => dialog.current?.focus(), []);
  return (
    <div className="import-backdrop">
      <section
        ref={dialog}
        className="import-dialog"
        role="dialog"
        aria-modal="true"
        aria-label="Import bone"
        data-testid="import-dialog"
        tabIndex={-1}
        onKeyDown={(e) => {
          // Escape closes it as Cancel does (the case open stays as it is). In a text field or a menu, Escape is
          // the field's own (it puts back the value shown): Tab out of it first.
          if (e.key !== 'Escape' || e.defaultPrevented || busy) return;
          const from = e.target as HTMLElement;
          if (from.tagName === 'SELECT' || (from.tagName === 'INPUT' && (from as HTMLInputElement).type === 'text'))
            return;
          e.preventDefault();
          e.stopPropagation();
          actions.onCancel();
        }}
      >
        <h2>Import bone</h2>
        {view.errors.length > 0 && (
          <ul className="import-errors" role="alert" data-testid="import-errors">
            {view.errors.map((e) => (
              <li key={e}>{e}</li>
            ))}
            <li className="hint">Nothing else was changed: the case and plan open stay as they are.</li>
          </ul>
        )}
        {view.reading.length > 0 && (
          <p role="status" data-testid="import-reading">
            Reading {view.reading.join(', ')}…
          </p>
        )}
        {view.notes.length > 0 && (
          <ul className="import-notes hint" data-testid="import-notes">
            {view.notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        )}
        {hasParts && <ImportPartsTable parts={view.parts} roles={view.roles} busy={busy} actions={actions} />}
        {hasParts ? (
          <>
            <p className="hint">
              * the unit guessed from the size (an adult's bones measure from a few centimetres to about 45 cm, the
              femur's length); the view's scale bar follows the unit chosen.
            </p>
            <div className="import-placement">
              <label className="field">
                <span>Up axis of the files</span>
                <select
                  data-testid="import-up"
                  value={view.up}
                  onChange={(e) => actions.onUp(e.target.value as Up)}
                  disabled={busy}
                >
                  {UPS.map((u) => (
                    <option key={u} value={u}>
                      {u}
                    </option>
                  ))}
                </select>
              </label>
              {view.upReason && <small className="hint">Guessed: {view.upReason}</small>}
              <label className="import-check">
                <input
                  type="checkbox"
                  data-testid="import-recentre"
                  checked={view.recentre}
                  onChange={(e) => actions.onRecentre(e.target.checked)}
                  disabled={busy}
                />
                Recentre (move the parts' joint centre to the origin)
              </label>
            </div>
            <fieldset className="import-envelope" data-testid="import-envelope">
              <legend>
                <label className="import-check">
                  <input
                    type="checkbox"
                    data-testid="import-envelope-on"
                    checked={view.envelopeOn}
                    onChange={(e) => actions.onEnvelopeOn(e.target.checked)}
                    disabled={busy}
                  />
                  Wrap the bones in soft tissue (muscle, fat, skin)
                </label>
              </legend>
              <p className="hint">
                {view.noSoftTissue
                  ? 'No part is skin, fat or muscle: without an envelope the beams would reach the bone through water.'
                  : 'Soft tissue came with the files.'}
              </p>
              {view.envelopeOn && (
                <div className="import-envelope-fields">
                  {(['muscle', 'fat', 'skin'] as const).map((layer) => (
                    <QuantityField
                      blocksRuns={false}
                      key={layer}
                      label={`${layer[0]?.toUpperCase()}${layer.slice(1)}`}
                      valueSi={view.envelope[layer]}
                      rule={ENVELOPE_RULES[layer]}
                      onChange={(v) => actions.onEnvelope({ [layer]: v })}
                      testId={`import-envelope-${layer}`}
                      disabled={busy}
                    />
                  ))}
                </div>
              )}
              {view.envelopeOn && view.envelopeError && (
                <p role="alert" className="error" data-testid="import-envelope-error">
                  {view.envelopeError}
                </p>
              )}
            </fieldset>
            <p className="hint" data-testid="import-lesion-note">
              {view.hasLesion
                ? 'A part is the lesion: the case opens aimed at it.'
                : 'No part is a lesion: once the case is open, click on the bone to place one and set its size.'}
            </p>
            {view.buildError && (
              <p role="alert" className="error" data-testid="import-build-error">
                {view.buildError}
              </p>
            )}
            {busy && (
              <p role="status" data-testid="import-building">
                Making the case{view.envelopeOn ? ' and its soft-tissue envelope' : ''}…
              </p>
            )}
          </>
        ) : (
          view.reading.length === 0 && <NothingToImport errors={view.errors.length} />
        )}
        <div className="import-actions">
          {hasParts && (
            <button
              type="button"
              className="primary"
              data-testid="import-build"
              onClick={actions.onBuild}
              disabled={view.blocker !== ''}
              title={view.blocker || 'Make the case and open it; the case open now keeps its plan'}
            >
              Open as a case
            </button>
          )}
          {!hasParts && view.reading.length === 0 && (
            <ChooseOtherFiles
              accept={view.accept}
              onFiles={(files) => {
                // A fresh start: the errors of files given up on would only be in the way of the next ones.
                actions.onCancel();
                actions.onChooseFiles(files);
              }}
            />
          )}
          <button type="button" data-testid="import-cancel" onClick={actions.onCancel} disabled={busy}>
            {hasParts ? 'Cancel' : 'Close'}
          </button>
          {hasParts && view.blocker && !busy && <small className="hint">{view.blocker}</small>}
        </div>
      </section>
    </div>
  );
}

/** "Choose other files…": a picker of the dialog's own, so the dialog stays until files are chosen. */
function ChooseOtherFiles({ accept, onFiles }: { accept: readonly string[]; onFiles: (files: File[]) => void }) {
  const picker = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" className="primary" data-testid="import-choose" onClick={() => picker.current?.click()}>
        Choose other files…
      </button>
      <MeshFilePicker ref={picker} accept={accept} onFiles={onFiles} />
    </>
  );
}

/** What the dialog says when no part was read: the errors above say why, this says what can be done. */
function NothingToImport({ errors }: { errors: number }) {
  return (
    <p className="hint" data-testid="import-nothing">
      {errors === 0
        ? 'No part left to import: choose files, or close.'
        : `${errors === 1 ? 'The file could not be read' : 'None of the files could be read'}, so there is nothing to import: choose other files, or close.`}
    </p>
  );
}
