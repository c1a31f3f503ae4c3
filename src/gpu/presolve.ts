import type { ServedEvent, SolvedRayleighSum } from '../engine/kernels/served-rayleigh.ts';
import type { RayleighSum } from '../physics/rayleigh.ts';

/** Anything that evaluates Rayleigh sums asynchronously: the WebGPU kernel (GpuRayleigh), or a test's stand-in. */
export interface AsyncRayleigh {
  readonly name: string;
  solve(sum: RayleighSum): Promise<{ re: ArrayLike<number>; im: ArrayLike<number> }>;
}

/** The sums evaluated ahead of a run, or why none were (the run then computes them on the CPU). */
export interface Presolved {
  readonly solved: SolvedRayleighSum[];
  /** why the GPU gave nothing, when it did not */
  readonly failure?: string;
  /** wall time of the evaluation [ms] */
  readonly ms: number;
}

/**
 * Evaluates the sums an engine call will ask for (e.g. sonicationRayleighSums) before the call. All or nothing: if
 * any sum fails, none is kept and the reason comes back, so a run never mixes a failed GPU's output into its field.
 * @param sums - the sums the call will ask for
 * @param solver - where to evaluate them
 * @returns the solved sums, or the failure
 */
export async function presolve(sums: readonly RayleighSum[], solver: AsyncRayleigh): Promise<Presolved> {
  const started = performance.now();
  try {
    const solved: SolvedRayleighSum[] = [];
    for (const sum of sums) solved.push({ sum, ...(await solver.solve(sum)) });
    return { solved, ms: performance.now() - started };
  } catch (error) {
    return { solved: [], failure: `${solver.name}: ${String(error)}`, ms: performance.now() - started };
  }
}

/**
 * A one-line account of where a run's Rayleigh sums ran, for the worker's log.
 * @param presolved - what was evaluated ahead
 * @param events - what the run asked for, in order
 * @param solverName - where the ahead-of-time sums ran
 * @returns e.g. "Rayleigh sums: 1 of 1 on WebGPU (…) in 12 ms"
 */
export function servedSummary(presolved: Presolved, events: readonly ServedEvent[], solverName: string): string {
  const served = events.filter((e) => e.served).length;
  const failure = presolved.failure ? `; GPU failed, CPU used: ${presolved.failure}` : '';
  return `Rayleigh sums: ${served} of ${events.length} on ${solverName} (${presolved.ms.toFixed(0)} ms ahead of the run)${failure}`;
}
