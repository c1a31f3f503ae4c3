/** A file that cannot be imported: the message names the file and the reason (and the limit, where one applies). */
export class ImportError extends Error {
  override name = 'ImportError';
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
  }
}

/** Largest file the importer reads [bytes]: 256 MiB, a few million triangles of binary STL. */
export const MAX_FILE_BYTES = 256 * 1024 * 1024;
/** Most triangles of one part: beyond this the voxeliser and the view would stall the app. */
export const MAX_TRIANGLES = 3_000_000;
