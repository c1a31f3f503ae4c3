import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { PlanRequest } from '../engine/requests.ts';
import type { SpotAcoustics } from '../physics/whole-path/spot-acoustics.ts';
import type { Scenario } from './scenario.ts';

/**
 * A plan's spot acoustics shared out over Node worker threads, as the app's worker pool shares them over its Web
 * Workers (src/worker/client.ts): each thread builds the case from the plan file itself, computes its share with the
 * engine's planAcoustics and posts the fields back; the calling thread computes its own share meanwhile and then
 * runs the plan once with all of them (runPlan's `precomputed`). The fields are the same numbers wherever they were
 * computed, so the results do not depend on the thread count (tests/cli/plan-threads.test.ts).
 */

/** What a thread is given: the plan (plain data, its `source` path resolves mesh files), the request, its spots. */
export interface ThreadJob {
  plan: Scenario;
  request: PlanRequest;
  ids: string[];
}

/** One thread per core by default (the calling thread counts as one). */
export function defaultThreads(): number {
  return availableParallelism();
}

/**
 * Deals spot ids out round-robin, so every share holds early and late spots alike.
 * @param ids - the delivered spots in plan order
 * @param shares - how many shares (≥ 1)
 * @returns `shares` lists, some possibly empty
 */
export function dealSpots(ids: readonly string[], shares: number): string[][] {
  const out: string[][] = Array.from({ length: Math.max(1, shares) }, () => []);
  ids.forEach((id, i) => {
    out[i % out.length]?.push(id);
  });
  return out;
}

// A worker thread starts as plain JavaScript; the engine is TypeScript run through tsx, so the thread first
// registers tsx and then imports its body. The entry is evaluated CommonJS, hence require and a dynamic import.
const BOOT = `
const { workerData } = require('node:worker_threads');
import(workerData.tsx).then(({ tsImport }) => tsImport(workerData.entry, workerData.entry));
`;

/**
 * Runs one share on a worker thread.
 * @param job - the plan, the request and the spots of this share
 * @returns the acoustics by spot id
 * @throws Error with the thread's own message when it fails
 */
export function acousticsOnThread(job: ThreadJob): Promise<Record<string, SpotAcoustics>> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(BOOT, {
      eval: true,
      workerData: {
        job,
        tsx: import.meta.resolve('tsx/esm/api'),
        entry: new URL('./plan-thread.ts', import.meta.url).href,
      },
    });
    worker.once('message', (message: { acoustics?: Record<string, SpotAcoustics>; error?: string }) => {
      void worker.terminate();
      if (message.acoustics) resolve(message.acoustics);
      else reject(new Error(message.error ?? 'the thread sent nothing'));
    });
    worker.once('error', (error) => {
      void worker.terminate();
      reject(error);
    });
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`the thread exited with code ${code}`));
    });
  });
}
