import * as Comlink from 'comlink';
import type {
  ImportCaseOutcome,
  ImportCaseRequest,
  ImportWorkerApi,
  PlaceLesionRequest,
  ReadFileOutcome,
} from './import-protocol.ts';

/** What the app asks of the import worker, faked in tests. */
export type ImportPort = Pick<ImportClient, 'readFile' | 'forget' | 'buildCase' | 'placeLesion'>;

/**
 * The app's promise API to the import worker, started on the first file. A crashed worker (out of memory on a
 * huge file) rejects the call in flight with a message and is replaced on the next call; the calls themselves
 * never reject for a bad file: the outcome says why.
 */
export class ImportClient {
  private current: { worker: Worker; api: Comlink.Remote<ImportWorkerApi> } | undefined;
  private crashed: ((message: string) => void) | undefined;

  constructor(private readonly createWorker: () => Worker) {}

  private get api(): Comlink.Remote<ImportWorkerApi> {
    if (!this.current) {
      const worker = this.createWorker();
      worker.addEventListener('error', (event) => {
        event.preventDefault();
        this.crashed?.(event.message || 'the import worker stopped');
        this.drop();
      });
      this.current = { worker, api: Comlink.wrap<ImportWorkerApi>(worker) };
    }
    return this.current.api;
  }

  private drop(): void {
    this.current?.api[Comlink.releaseProxy]();
    this.current?.worker.terminate();
    this.current = undefined;
  }

  /** Runs a call; a crash of the worker meanwhile settles it with `onCrash`'s outcome. */
  private guarded<T>(call: () => Promise<T>, onCrash: (message: string) => T): Promise<T> {
    return new Promise<T>((resolve) => {
      this.crashed = (message) => resolve(onCrash(message));
      call().then(resolve, (error: unknown) =>
        resolve(onCrash(error instanceof Error ? error.message : String(error))),
      );
    });
  }

  /** Reads one file (its bytes move to the worker). */
  readFile(name: string, bytes: ArrayBuffer): Promise<ReadFileOutcome> {
    return this.guarded<ReadFileOutcome>(
      () => this.api.readFile(name, Comlink.transfer(bytes, [bytes])),
      (why) => ({ ok: false, file: name, message: `${name}: the importer stopped while reading it (${why})` }),
    );
  }

  forget(ids: string[]): void {
    if (this.current && ids.length > 0) void this.current.api.forget(ids).catch(() => undefined);
  }

  buildCase(request: ImportCaseRequest): Promise<ImportCaseOutcome> {
    return this.guarded<ImportCaseOutcome>(
      () => this.api.buildCase(request),
      (why) => ({ ok: false, message: `The case could not be made: the importer stopped (${why}).` }),
    );
  }

  placeLesion(request: PlaceLesionRequest): Promise<ImportCaseOutcome> {
    return this.guarded<ImportCaseOutcome>(
      () => this.api.placeLesion(request.caseGlb ? Comlink.transfer(request, [request.caseGlb]) : request),
      (why) => ({ ok: false, message: `The lesion could not be placed: the importer stopped (${why}).` }),
    );
  }

  dispose(): void {
    this.drop();
  }
}
