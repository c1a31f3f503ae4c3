/// <reference lib="webworker" />
import * as Comlink from 'comlink';
import type { CaseState } from '../engine/case.ts';
import { heatAlone } from '../engine/kernels/current.ts';
import { sharedGpuRayleigh } from '../gpu/shared-gpu.ts';
import { SonicationCancelled } from '../physics/acoustic-field.ts';
import { keepScratch, makeOutputsAhead } from '../physics/scratch.ts';
import { oneAtATime } from './in-turn.ts';
import { installWorkerKernels } from './kernels.ts';
import { estimate, estimateTransfer } from './ops/estimate.ts';
import { loadCase } from './ops/load-case.ts';
import {
  keptPlanSpots,
  releasePlan,
  runPlan,
  runPlanTransfer,
  spotAcousticsOp,
  spotAcousticsTransfer,
} from './ops/run-plan.ts';
import { gpuRayleighFor, sonicate, sonicateTransfer } from './ops/sonicate.ts';
import { dropAhead, sonicateAhead, takeAhead } from './ops/sonicate-ahead.ts';
import { spotLayout } from './ops/spot-grid.ts';
import { traceBeamsForPlanning, traceBeamsTransfer } from './ops/trace-beams.ts';
import { PLAN_PROGRESS_GAP_MS, PROGRESS_GAP_MS, throttleProgress } from './progress-throttle.ts';
import type { SimWorkerApi } from './protocol.ts';
import { isStopped, stoppable } from './stop-word.ts';

class NoCaseLoadedError extends Error {
  override name = 'NoCaseLoadedError';
  constructor() {
    super('No case is loaded in the simulation worker.');
  }
}

// The dispatcher: each call goes to its op (decode → engine → encode) and its typed arrays are transferred.
// The worker's mutable state: the case it has loaded, and the sonication computed ahead (ops/sonicate-ahead.ts).
let current: CaseState | undefined;

function requireCase(): CaseState {
  if (!current) throw new NoCaseLoadedError();
  return current;
}

// The kernels load while the app fetches its case; every computation comes after a case is loaded.
const kernelsReady = installWorkerKernels();
// The engine's big temporaries are reused from one computation to the next: a fresh large buffer here faults every
// page anew (physics/scratch.ts).
keepScratch();

/**
 * After a computation's reply has gone out (Comlink posts it a microtask after the op returns), the worker makes the
 * outputs the next one will ask for while it is idle (physics/scratch.ts: their pages are touched here, not in the
 * click that needs them).
 */
function makeOutputsWhenIdle(): void {
  setTimeout(makeOutputsAhead, 0);
}

/** The computations (sonicate, prepareSonication, runPlan, planAcoustics) run in turn, awaits included. */
const inTurn = oneAtATime();

/** The page's stop word for this worker (stop-word.ts), where memory is shared. */
let stopWord: Int32Array | undefined;

/**
 * A stoppable call's progress: throttled for the page, and read against the stop word at every report. A call the
 * page stopped while it waited in the queue ends before it starts.
 */
function callProgress<P extends Parameters<typeof throttleProgress>[0]>(
  onProgress: P,
  ticket: number | undefined,
  gap = PROGRESS_GAP_MS,
) {
  if (stopWord && ticket !== undefined && isStopped(stopWord, ticket)) throw new SonicationCancelled();
  const progress = throttleProgress(onProgress, gap);
  return { report: stoppable(progress.report, stopWord, ticket), flush: progress.flush };
}

/** Sonicate: the outcome computed ahead for this very request, or the sonication computed now. */
async function sonicateOp(...[request, onProgress, ticket]: Parameters<SimWorkerApi['sonicate']>) {
  const state = requireCase();
  const ready = takeAhead(request);
  if (ready) return Comlink.transfer(ready, sonicateTransfer(ready));
  // With a (hardware) WebGPU adapter the input plane's Rayleigh sum runs there first; without one, nothing changes.
  const served = await gpuRayleighFor(state, request, await sharedGpuRayleigh((line) => console.info(line)));
  const progress = callProgress(onProgress, ticket);
  const outcome = sonicate(state, request, progress.report, served?.kernel);
  progress.flush();
  if (served) console.info(served.summary());
  makeOutputsWhenIdle();
  return Comlink.transfer(outcome, sonicateTransfer(outcome));
}

/** The sonication computed ahead and kept (ops/sonicate-ahead.ts). */
async function prepareOp(...[request, onProgress, ticket]: Parameters<SimWorkerApi['prepareSonication']>) {
  const state = requireCase();
  const served = await gpuRayleighFor(state, request, await sharedGpuRayleigh((line) => console.info(line)));
  let computed: boolean;
  try {
    const progress = callProgress(onProgress, ticket);
    computed = sonicateAhead(state, request, progress.report, served?.kernel);
    progress.flush();
  } catch (error) {
    // Stopped: the settings it was for are gone, which is not an error.
    if (error instanceof SonicationCancelled) return false;
    throw error;
  }
  if (served) console.info(served.summary());
  makeOutputsWhenIdle();
  return computed;
}

/** A plan run here, spot by spot, with the fields the pool's other workers march (fieldOf). */
async function runPlanOp(...[request, onProgress, fieldOf, ticket]: Parameters<SimWorkerApi['runPlan']>) {
  dropAhead();
  const progress = callProgress(onProgress, ticket, PLAN_PROGRESS_GAP_MS);
  // What is held goes out before the plan waits for a field from another worker.
  const pooled =
    fieldOf &&
    ((id: string) => {
      progress.flush();
      return fieldOf(id);
    });
  // A pooled plan keeps every other worker marching: its heat steps stay on this worker alone.
  const run = () => runPlan(requireCase(), request, progress.report, pooled);
  const outcome = await (pooled ? heatAlone(run) : run());
  progress.flush();
  makeOutputsWhenIdle();
  return Comlink.transfer(outcome, runPlanTransfer(outcome));
}

/** Some spots' acoustics of a plan: a pool's share, or the plan marched ahead. */
function planAcousticsOp(...[request, ids, keep, onProgress, ticket]: Parameters<SimWorkerApi['planAcoustics']>) {
  dropAhead();
  // Without a listener the reports still read the stop word.
  const progress = callProgress(onProgress ?? (() => {}), ticket);
  const acoustics = spotAcousticsOp(requireCase(), request, ids, keep, progress.report);
  progress.flush();
  return Comlink.transfer(acoustics, spotAcousticsTransfer(acoustics));
}

// The computations run in turn (inTurn); the quick calls (estimate, traces, layouts) answer at once.
const api: SimWorkerApi = {
  shareStopWord(word) {
    stopWord = word;
  },
  async loadCase(bytes, fallbackTitle) {
    await kernelsReady;
    const { state, summary } = await loadCase(bytes, fallbackTitle);
    dropAhead();
    current = state;
    return summary;
  },
  sonicate: (...args) => inTurn(() => sonicateOp(...args)),
  prepareSonication: (...args) => inTurn(() => prepareOp(...args)),
  traceBeamsForPlanning(request) {
    const trace = traceBeamsForPlanning(requireCase(), request);
    return Comlink.transfer(trace, traceBeamsTransfer(trace));
  },
  estimate(request) {
    const result = estimate(requireCase(), request);
    return Comlink.transfer(result, estimateTransfer(result));
  },
  spotLayout(request) {
    return spotLayout(requireCase(), request);
  },
  runPlan: (...args) => inTurn(() => runPlanOp(...args)),
  keptPlanSpots(request) {
    return keptPlanSpots(requireCase(), request);
  },
  releasePlan,
  planAcoustics: (...args) => inTurn(() => planAcousticsOp(...args)),
};

Comlink.expose(api);
