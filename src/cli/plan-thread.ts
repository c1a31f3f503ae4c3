import { parentPort, workerData } from 'node:worker_threads';
import { planAcoustics } from '../engine/run-plan.ts';
import { installNodeKernels } from './kernels.ts';
import { buildCase } from './medium.ts';
import type { ThreadJob } from './plan-threads.ts';

/** The body of one worker thread of a command-line plan run (plan-threads.ts): build the case, compute a share. */
async function run(job: ThreadJob): Promise<void> {
  try {
    installNodeKernels();
    const built = await buildCase(job.plan);
    parentPort?.postMessage({ acoustics: planAcoustics(built.state, job.request, job.ids, () => {}) });
  } catch (error) {
    parentPort?.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
}

void run((workerData as { job: ThreadJob }).job);
