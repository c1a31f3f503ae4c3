import { useRef } from 'react';
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
}: {
  accept: readonly string[];
  onFiles: (files: File[]) => void;
  /** the open case's title when it is an imported one (kept in this browser) */
  imported?: string | undefined;
  onForget?: () => void;
}) {
  const picker = useRef<HTMLInputElement>(null);
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
      {imported !== undefined && onForget && (
        <button
          type="button"
          className="small"
          data-testid="import-forget"
          onClick={onForget}
          title={`Remove ${imported} and its autosaved plan from this browser (plans saved as files still open with its mesh files)`}
        >
          Forget this imported case
        </button>
      )}
      <MeshFilePicker ref={picker} accept={accept} onFiles={onFiles} testId="import-input" />
    </section>
  );
}
