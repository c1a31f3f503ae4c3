import { parentPort, workerData } from 'node:worker_threads';
import { planAcoustics, preparePlan } from '../engine/run-plan.ts';
import { installNodeKernels } from './kernels.ts';
import { buildCase } from './medium.ts';
import type { ThreadJob, ThreadReply, ThreadRequest } from './plan-threads.ts';

/**
 * The body of one worker thread of a command-line plan run (plan-threads.ts): builds the case and prepares the plan
 * once, then marches the spots it is sent, one at a time, and posts each field back as it is done.
 */
async function run(job: ThreadJob): Promise<void> {
  const port = parentPort;
  if (!port) return;
  const reply = (message: ThreadReply) => port.postMessage(message);
  let ready: Awaited<ReturnType<typeof prepareThread>> | undefined;
  let failure: string | undefined;
  // The requests that came while the case was being built wait for it.
  const waiting: ThreadRequest[] = [];
  const serve = (request: ThreadRequest): void => {
    if (request.stop) {
      port.close();
      return;
    }
    if (failure !== undefined || !ready) {
      reply({ id: request.march, error: failure ?? 'the thread has no case' });
      return;
    }
    try {
      const found = planAcoustics(ready.state, job.request, [request.march], () => {}, ready.prepared);
      reply({ id: request.march, acoustics: found[request.march] });
    } catch (error) {
      reply({ id: request.march, error: error instanceof Error ? error.message : String(error) });
    }
  };
  port.on('message', (request: ThreadRequest) => {
    if (ready || failure !== undefined) serve(request);
    else waiting.push(request);
  });
  try {
    ready = await prepareThread(job);
  } catch (error) {
    failure = error instanceof Error ? error.message : String(error);
  }
  for (const request of waiting.splice(0)) serve(request);
}

async function prepareThread(job: ThreadJob) {
  installNodeKernels();
  const built = await buildCase(job.plan);
  return { state: built.state, prepared: preparePlan(built.state, job.request) };
}

void run((workerData as { job: ThreadJob }).job);
