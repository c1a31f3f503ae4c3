import type { Ref } from 'react';

/**
 * The hidden file input behind "Import bone…" and the import dialog's "Choose other files…" (their buttons click
 * it): several files at once; `accept` lists the importer's extensions, anything else picked is still handed over
 * and refused with the reason.
 */
export function MeshFilePicker({
  ref,
  accept,
  onFiles,
  testId,
}: {
  ref: Ref<HTMLInputElement>;
  accept: readonly string[];
  onFiles: (files: File[]) => void;
  testId?: string;
}) {
  return (
    <input
      ref={ref}
      type="file"
      multiple
      // .gz for .nii.gz: a browser matches the last extension only.
      accept={[...accept, '.gz'].join(',')}
      className="visually-hidden"
      tabIndex={-1}
      aria-hidden="true"
      data-testid={testId}
      onChange={(e) => {
        const files = Array.from(e.target.files ?? []);
        // Cleared, so picking the same file again (after fixing it) is a change.
        e.target.value = '';
        if (files.length > 0) onFiles(files);
      }}
    />
  );
}
