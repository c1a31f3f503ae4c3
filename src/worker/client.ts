import * as Comlink from 'comlink';
import type {
  Estimate,
  EstimateRequest,
  PlanningBeamRequest,
  PlanningBeamTrace,
  PlanOutcome,
  PlanRequest,
  SpotGridRequest,
} from './plan-protocol.ts';
import type { CaseSummary, SimWorkerApi, SonicateRequest, SonicationOutcome } from './protocol.ts';

export class SimulationCancelled extends Error {
  override name = 'SimulationCancelled';
  constructor() {
    super('The sonication was cancelled.');
  }
}

export class WorkerCrashed extends Error {
  override name = 'WorkerCrashed';
}

/**
 * The app's promise API to the simulation worker. The numeric core runs synchronous loops, so the worker
 * cannot read a cancel message mid-run; cancelling therefore terminates the worker at once and starts a fresh
 * one with the same case re-sent. The same restart recovers from a worker that crashed.
 */
export class SimClient {
  private worker!: Worker;
  private api!: Comlink.Remote<SimWorkerApi>;
  private caseBytes: { bytes: ArrayBuffer; title: string } | undefined;
  private ready: Promise<unknown> = Promise.resolve();
  private abortRunning: ((error: Error) => void) | undefined;

  constructor(private readonly createWorker: () => Worker) {
    this.start();
  }

  private start(): void {
    this.worker = this.createWorker();
    this.worker.addEventListener('error', (event) => {
      event.preventDefault();
      this.abortRunning?.(new WorkerCrashed(`The simulation worker crashed: ${event.message || 'unknown error'}`));
      this.restart();
    });
    this.api = Comlink.wrap<SimWorkerApi>(this.worker);
    const c = this.caseBytes;
    // The worker keeps its own copy: send a copy so ours survives the transfer.
    this.ready = c ? this.api.loadCase(c.bytes.slice(0), c.title) : Promise.resolve();
  }

  private restart(): void {
    this.api[Comlink.releaseProxy]();
    this.worker.terminate();
    this.start();
  }

  /** Sends a case (GLB bytes) to the worker; resolves with what it found in it. */
  async loadCase(bytes: ArrayBuffer, title: string): Promise<CaseSummary> {
    this.caseBytes = { bytes: bytes.slice(0), title };
    const summary = this.api.loadCase(bytes.slice(0), title);
    this.ready = summary;
    return summary;
  }

  /** Runs one sonication off the main thread. Rejects with SimulationCancelled when `signal` aborts. */
  async sonicate(
    request: SonicateRequest,
    onProgress: (fraction: number) => void,
    signal?: AbortSignal,
  ): Promise<SonicationOutcome> {
    return this.cancellable(() => this.api.sonicate(request, Comlink.proxy(onProgress)), signal);
  }

  async traceBeamsForPlanning(request: PlanningBeamRequest): Promise<PlanningBeamTrace> {
    await this.ready;
    return this.api.traceBeamsForPlanning(request);
  }

  /** The live estimate while dragging (tens of ms in the worker). */
  async estimate(request: EstimateRequest): Promise<Estimate> {
    await this.ready;
    return this.api.estimate(request);
  }

  /** Spot centres covering the lesion, in delivery order [m]. */
  async spotGrid(request: SpotGridRequest): Promise<[number, number, number][]> {
    await this.ready;
    return this.api.spotGrid(request);
  }

  /** Runs a plan off the main thread. Rejects with SimulationCancelled when `signal` aborts (worker respawned). */
  async runPlan(
    request: PlanRequest,
    onProgress: (fraction: number) => void,
    signal?: AbortSignal,
  ): Promise<PlanOutcome> {
    return this.cancellable(() => this.api.runPlan(request, Comlink.proxy(onProgress)), signal);
  }

  /**
   * Runs a long worker call that `signal` can cancel: aborting terminates the worker at once and starts a fresh one
   * with the case re-sent (the core's loops are synchronous); a crash rejects with WorkerCrashed.
   */
  private async cancellable<T>(call: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    await this.ready;
    if (signal?.aborted) throw new SimulationCancelled();
    return new Promise<T>((resolve, reject) => {
      const onAbort = () => {
        finish();
        reject(new SimulationCancelled());
        this.restart();
      };
      const finish = () => {
        signal?.removeEventListener('abort', onAbort);
        this.abortRunning = undefined;
      };
      this.abortRunning = (error) => {
        finish();
        reject(error);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      call().then(
        (outcome) => {
          finish();
          resolve(outcome);
        },
        (error: unknown) => {
          finish();
          reject(error instanceof Error ? error : new Error(String(error)));
        },
      );
    });
  }

  dispose(): void {
    this.api[Comlink.releaseProxy]();
    this.worker.terminate();
  }
}
