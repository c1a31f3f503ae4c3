/** The words the app puts before an imported case's title (import-choices.ts titleOf): not the user's name for it. */
const IMPORTED_PREFIX = /^Imported:\s*/;

/** Longest name kept before "-plan.json": a title of many files stays a name a file system takes. */
const MAX_STEM = 80;

/**
 * A case's display name made safe as a file name: letters (any script), digits, `.`, `_` and `-` kept, every run
 * of anything else (spaces, slashes, colons, quotes) one `_`, and no `.`, `_` or `-` at either end (no hidden or
 * odd-looking file). Empty when nothing of the name is left.
 */
export function fileSafeName(name: string): string {
  return name
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}._-]+/gu, '_')
    .slice(0, MAX_STEM)
    .replace(/^[._-]+|[._-]+$/g, '');
}

/**
 * The name Save plan gives its file. A bundled case's id is the name the user knows (`femur-shaft-plan.json`); an
 * imported case's id is the app's own (`imported-mx4lmya1-2`), so its plan is named after what the user imported,
 * the case's title less the app's "Imported: " (`bone-femur_r-opensim-converted-plan.json`), the id only when
 * nothing of the title is left.
 * @param caseId - the open case's id
 * @param imported - the open case when it is an imported one
 */
export function planFileName(caseId: string, imported?: { title: string }): string {
  const stem = imported ? fileSafeName(imported.title.replace(IMPORTED_PREFIX, '')) : '';
  return `${stem || caseId}-plan.json`;
}
