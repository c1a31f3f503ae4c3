/// <reference lib="webworker" />
import * as Comlink from 'comlink';
import type { CaseState } from '../engine/case.ts';
import { sharedGpuRayleigh } from '../gpu/shared-gpu.ts';
import { keepScratch, makeOutputsAhead } from '../physics/scratch.ts';
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
import { throttleProgress } from './progress-throttle.ts';
import type { SimWorkerApi } from './protocol.ts';

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

const api: SimWorkerApi = {
  async loadCase(bytes, fallbackTitle) {
    await kernelsReady;
    const { state, summary } = await loadCase(bytes, fallbackTitle);
    dropAhead();
    current = state;
    return summary;
  },
  async sonicate(request, onProgress) {
    const state = requireCase();
    const ready = takeAhead(request);
    if (ready) return Comlink.transfer(ready, sonicateTransfer(ready));
    // With a (hardware) WebGPU adapter the input plane's Rayleigh sum runs there first; without one, nothing changes.
    const served = await gpuRayleighFor(state, request, await sharedGpuRayleigh((line) => console.info(line)));
    const progress = throttleProgress(onProgress);
    const outcome = sonicate(state, request, progress.report, served?.kernel);
    progress.flush();
    if (served) console.info(served.summary());
    makeOutputsWhenIdle();
    return Comlink.transfer(outcome, sonicateTransfer(outcome));
  },
  async prepareSonication(request, onProgress) {
    const state = requireCase();
    const served = await gpuRayleighFor(state, request, await sharedGpuRayleigh((line) => console.info(line)));
    const progress = throttleProgress(onProgress);
    const computed = sonicateAhead(state, request, progress.report, served?.kernel);
    progress.flush();
    if (served) console.info(served.summary());
    makeOutputsWhenIdle();
    return computed;
  },
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
  async runPlan(request, onProgress, fieldOf) {
    dropAhead();
    const progress = throttleProgress(onProgress);
    // What is held goes out before the plan waits for a field from another worker.
    const pooled =
      fieldOf &&
      ((id: string) => {
        progress.flush();
        return fieldOf(id);
      });
    const outcome = await runPlan(requireCase(), request, progress.report, pooled);
    progress.flush();
    makeOutputsWhenIdle();
    return Comlink.transfer(outcome, runPlanTransfer(outcome));
  },
  keptPlanSpots(request) {
    return keptPlanSpots(requireCase(), request);
  },
  releasePlan,
  planAcoustics(request, ids, keep, onProgress) {
    dropAhead();
    const progress = throttleProgress(onProgress);
    const acoustics = spotAcousticsOp(requireCase(), request, ids, keep, progress.report);
    progress.flush();
    return Comlink.transfer(acoustics, spotAcousticsTransfer(acoustics));
  },
};

Comlink.expose(api);
