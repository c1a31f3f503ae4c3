import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { PlanRequest } from '../engine/requests.ts';
import type { SpotAcoustics } from '../physics/whole-path/spot-acoustics.ts';
import type { Scenario } from './scenario.ts';
import { startTsThread } from './ts-thread.ts';

/**
 * The command line's plan pipeline on Node worker threads, as the app's worker pool runs it on Web Workers
 * (src/worker/client.ts): the calling thread heats the spots in order (engine startPlan) while each thread builds the
 * case from the plan file itself and marches the spots it is sent (engine spot-claims.ts decides which), posting
 * each field back as it is done. The fields are the same numbers wherever they were computed, so the results do not
 * depend on the thread count (tests/cli/plan-threads.test.ts).
 */

/** What a thread is given: the plan (plain data, its `source` path resolves mesh files) and the request. */
export interface ThreadJob {
  plan: Scenario;
  request: PlanRequest;
}

/** To a thread: march a spot, or stop. */
export type ThreadRequest = { march: string; stop?: undefined } | { stop: true; march?: undefined };

/** From a thread: a spot's field (absent for a spot with none, such as a blocked one), or why it failed. */
export interface ThreadReply {
  id: string | undefined;
  acoustics?: SpotAcoustics | undefined;
  error?: string;
}

/** One thread per core by default (the calling thread counts as one). */
export function defaultThreads(): number {
  return availableParallelism();
}

/** A worker thread that marches a plan's spots on request, one at a time. */
export class PlanThread {
  private readonly worker: Worker;
  private readonly pending: { id: string; resolve(a: SpotAcoustics | undefined): void; reject(e: Error): void }[] = [];
  private failure: Error | undefined;

  /** @param job - the plan and the request (the thread builds the case and prepares the plan once) */
  constructor(job: ThreadJob) {
    this.worker = startTsThread(new URL('./plan-thread.ts', import.meta.url), { job });
    this.worker.on('message', (reply: ThreadReply) => {
      const at = this.pending.findIndex((p) => p.id === reply.id);
      const [waiting] = at >= 0 ? this.pending.splice(at, 1) : [];
      if (!waiting) return;
      if (reply.error !== undefined) waiting.reject(new Error(reply.error));
      else waiting.resolve(reply.acoustics);
    });
    const fail = (error: Error) => {
      this.failure = error;
      for (const p of this.pending.splice(0)) p.reject(error);
    };
    this.worker.once('error', fail);
    this.worker.once('exit', (code) => {
      if (code !== 0) fail(new Error(`the thread exited with code ${code}`));
    });
  }

  /**
   * @param id - a spot of the plan
   * @returns its field (undefined for a spot with none)
   * @throws Error with the thread's own message when it fails (it cannot build the case, say)
   */
  march(id: string): Promise<SpotAcoustics | undefined> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.pending.push({ id, resolve, reject });
      this.worker.postMessage({ march: id } satisfies ThreadRequest);
    });
  }

  /** Ends the thread (after what it was sent). */
  close(): void {
    this.worker.postMessage({ stop: true } satisfies ThreadRequest);
    this.worker.unref();
  }
}
