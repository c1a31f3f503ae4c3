import type { PlanningBeamTrace, TimeResolved } from '../engine/outcomes.ts';
import type { SpotAcoustics } from '../physics/whole-path/spot-acoustics.ts';

/**
 * Buffers an outcome hands over to the app rather than copies (postMessage transfer lists): every typed array
 * the ops return owns its whole buffer, so moving it detaches nothing else.
 */

/** The typed arrays of a beam trace. */
export function traceTransfer(trace: PlanningBeamTrace): ArrayBuffer[] {
  const buffers = [trace.elementPositions.buffer, trace.statuses.buffer, trace.firing.buffer] as ArrayBuffer[];
  if (trace.beyond) buffers.push(trace.beyond.ends.buffer as ArrayBuffer);
  return buffers;
}

/** The typed arrays of the time-resolved results, when present. */
export function timeResolvedArrays(outcome: Partial<TimeResolved>): (Float32Array | Float64Array)[] {
  const { series, frames } = outcome;
  return [
    ...(series ? [series.time, series.temperature, series.dose] : []),
    ...(frames ? [frames.time, frames.temperature, frames.dose] : []),
  ];
}

/** The buffers of some typed arrays, in order. */
export function buffersOf(arrays: readonly (Float32Array | Float64Array)[]): ArrayBuffer[] {
  return arrays.map((a) => a.buffer as ArrayBuffer);
}

/** The buffers of spot acoustics passed between the workers of a pool (each array owns its buffer; listed once). */
export function spotAcousticsTransfer(acoustics: Readonly<Record<string, SpotAcoustics>>): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const a of Object.values(acoustics)) {
    for (const array of [a.fine.pressure, a.fine.heatSource, a.coarseHeat]) buffers.add(array.buffer as ArrayBuffer);
  }
  return [...buffers];
}
