/// <reference lib="webworker" />
import * as Comlink from 'comlink';
import { type CaseState, NoCaseLoadedError } from './case-state.ts';
import { estimate } from './ops/estimate.ts';
import { loadCase } from './ops/load-case.ts';
import { runPlan } from './ops/run-plan.ts';
import { sonicate } from './ops/sonicate.ts';
import { spotGrid } from './ops/spot-grid.ts';
import { traceBeamsForPlanning } from './ops/trace-beams.ts';
import type { PlanningBeamTrace } from './plan-protocol.ts';
import type { SimWorkerApi } from './protocol.ts';
import type { TimeResolved } from './results-protocol.ts';

// The worker only decodes, calls the ops (geometry + physics) and encodes; it holds the loaded case.
let current: CaseState | undefined;

function requireCase(): CaseState {
  if (!current) throw new NoCaseLoadedError();
  return current;
}

function traceBuffers(trace: PlanningBeamTrace): ArrayBuffer[] {
  return [trace.elementPositions.buffer, trace.statuses.buffer, trace.firing.buffer] as ArrayBuffer[];
}

/** The typed arrays of the time-resolved results, when present (each owns its buffer: transferred, not copied). */
function timeResolvedArrays(outcome: Partial<TimeResolved>): (Float32Array | Float64Array)[] {
  const { series, frames } = outcome;
  return [
    ...(series ? [series.time, series.temperature, series.dose] : []),
    ...(frames ? [frames.time, frames.temperature, frames.dose] : []),
  ];
}

const api: SimWorkerApi = {
  async loadCase(bytes, fallbackTitle) {
    const { state, summary } = await loadCase(bytes, fallbackTitle);
    current = state;
    return summary;
  },
  sonicate(request, onProgress) {
    const outcome = sonicate(requireCase(), request, onProgress, self.constructor.name);
    const buffers = [
      outcome.maxTemperature,
      outcome.dose,
      outcome.pressure,
      outcome.heatSource,
      outcome.time,
      outcome.hottestTemperature,
      ...timeResolvedArrays(outcome),
    ];
    return Comlink.transfer(
      outcome,
      buffers.map((b) => b.buffer as ArrayBuffer),
    );
  },
  traceBeamsForPlanning(request) {
    const trace = traceBeamsForPlanning(requireCase(), request);
    return Comlink.transfer(trace, traceBuffers(trace));
  },
  estimate(request) {
    const result = estimate(requireCase(), request);
    return Comlink.transfer(result, traceBuffers(result.beams));
  },
  spotGrid(request) {
    return spotGrid(requireCase(), request);
  },
  runPlan(request, onProgress) {
    const outcome = runPlan(requireCase(), request, onProgress);
    const buffers = [
      outcome.maxTemperature,
      outcome.dose,
      outcome.time,
      outcome.peakTemperature,
      ...timeResolvedArrays(outcome),
    ];
    return Comlink.transfer(
      outcome,
      buffers.map((b) => b.buffer as ArrayBuffer),
    );
  },
};

Comlink.expose(api);
