import { useRef, useState } from 'react';
import { MeshFilePicker } from './MeshFilePicker.tsx';

/**
 * "Import bone…": a file picker for mesh files and label maps, several at once (one part each). `accept` lists the
 * extensions the importer opens; anything else picked is still handed over and refused with the reason.
 */
export function ImportButton({
  accept,
  onFiles,
  imported,
  onForget,
  onPlaceLesion,
}: {
  accept: readonly string[];
  onFiles: (files: File[]) => void;
  /** the open case's title when it is an imported one (kept in this browser) */
  imported?: string | undefined;
  onForget?: () => void;
  /** opens the place-the-lesion panel on the open imported case, which has no lesion yet */
  onPlaceLesion?: (() => void) | undefined;
}) {
  const picker = useRef<HTMLInputElement>(null);
  // Forgetting cannot be undone: it asks once (a walk lost an imported case and its plan to one click beside Import).
  const [asking, setAsking] = useState(false);
  return (
    <section className="import-open" aria-label="Import a bone">
      <button
        type="button"
        data-testid="import-open"
        onClick={() => picker.current?.click()}
        title={`Open your own bone: ${accept.join(', ')}; several files at once, one part each. Or drop them on the 3D view.`}
      >
        Import bone…
      </button>
      {onPlaceLesion && (
        <button
          type="button"
          className="small"
          data-testid="import-place-lesion"
          onClick={onPlaceLesion}
          title="This bone has no lesion: click the bone where it is, then set its size"
        >
          Place a lesion…
        </button>
      )}
      {imported !== undefined && onForget && !asking && (
        <button
          type="button"
          className="small"
          data-testid="import-forget"
          onClick={() => setAsking(true)}
          title={`Remove ${imported} and its autosaved plan from this browser (plans saved as files still open with its mesh files)`}
        >
          Forget this imported case
        </button>
      )}
      {imported !== undefined && onForget && asking && (
        <div className="import-forget-ask" role="alert">
          <p className="hint">
            Forget {imported} and its autosaved plan? This cannot be undone; a plan saved as a file opens it again with
            its mesh files.
          </p>
          <button
            type="button"
            className="small"
            data-testid="import-forget-confirm"
            onClick={() => {
              setAsking(false);
              onForget();
            }}
          >
            Yes, forget it
          </button>{' '}
          <button type="button" className="small" data-testid="import-forget-keep" onClick={() => setAsking(false)}>
            Keep it
          </button>
        </div>
      )}
      <MeshFilePicker ref={picker} accept={accept} onFiles={onFiles} testId="import-input" />
    </section>
  );
}
