/// <reference lib="webworker" />
import * as Comlink from 'comlink';
import { type CaseState, NoCaseLoadedError } from './case-state.ts';
import { loadCase } from './ops/load-case.ts';
import { sonicate } from './ops/sonicate.ts';
import { traceBeams } from './ops/trace-beams.ts';
import type { SimWorkerApi } from './protocol.ts';

// The worker only decodes, calls the ops (geometry + physics) and encodes; it holds the loaded case.
let current: CaseState | undefined;

function requireCase(): CaseState {
  if (!current) throw new NoCaseLoadedError();
  return current;
}

const api: SimWorkerApi = {
  async loadCase(bytes, fallbackTitle) {
    const { state, summary } = await loadCase(bytes, fallbackTitle);
    current = state;
    return summary;
  },
  traceBeams(request) {
    const trace = traceBeams(requireCase(), request);
    return Comlink.transfer(trace, [trace.elementPositions.buffer, trace.statuses.buffer]);
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
    ];
    return Comlink.transfer(
      outcome,
      buffers.map((b) => b.buffer as ArrayBuffer),
    );
  },
};

Comlink.expose(api);
