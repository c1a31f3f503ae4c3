import { SonicationCancelled } from '../physics/acoustic-field.ts';
import type { SonicationProgress } from '../physics/snapshot.ts';

/**
 * Stopping a computation without ending its worker. The engine's loops run synchronously, so a worker cannot read a
 * cancel message until its run ends; but it can read memory it shares with the page. Each worker gets one 32-bit
 * word of a SharedArrayBuffer (which a browser offers only to a cross-origin isolated page: the COOP/COEP headers in
 * vite.config.ts and public/_headers). The page numbers the calls it may want to stop ("tickets", in the order it
 * posts them) and, to stop every call posted so far, writes the last ticket into the word; the worker reads the
 * word at each progress report of the engine (between slices of the march and steps of the heat) and ends the call
 * with SonicationCancelled. The worker keeps its case, its compiled code and its kept fields, so the next sonication
 * starts warm. Where memory cannot be shared, the page terminates the workers instead (worker/client.ts).
 */

/**
 * A fresh stop word for one worker, or undefined where this page cannot share memory with its workers.
 * @returns the word (an Int32Array of one element over a SharedArrayBuffer)
 */
export function sharedStopWord(): Int32Array | undefined {
  const isolated = (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated === true;
  return isolated && typeof SharedArrayBuffer === 'function' ? new Int32Array(new SharedArrayBuffer(4)) : undefined;
}

/**
 * Stops, in the worker that reads `word`, every call numbered `ticket` or less.
 * @param word - the worker's stop word
 * @param ticket - the last ticket posted to it
 */
export function raiseStop(word: Int32Array, ticket: number): void {
  Atomics.store(word, 0, ticket);
}

/**
 * @param word - the worker's stop word
 * @param ticket - a call's ticket
 * @returns whether the page has stopped that call
 */
export function isStopped(word: Int32Array, ticket: number): boolean {
  return Atomics.load(word, 0) >= ticket;
}

/**
 * The engine's progress callback for a call the page may stop: each report first reads the stop word and throws
 * SonicationCancelled once the call is stopped (the engine's loops report between slices and steps, where they would
 * check a cancel flag). Without a word or a ticket the reports pass as they are.
 * @param report - the call's progress callback
 * @param word - the worker's stop word (undefined: memory is not shared)
 * @param ticket - the call's ticket (undefined: the page cannot stop it)
 * @returns the callback to give the engine
 */
export function stoppable<P extends SonicationProgress | ((fraction: number) => void)>(
  report: P,
  word: Int32Array | undefined,
  ticket: number | undefined,
): P {
  if (!word || ticket === undefined) return report;
  return ((fraction: number, snapshot?: Parameters<SonicationProgress>[1]) => {
    if (isStopped(word, ticket)) throw new SonicationCancelled();
    (report as SonicationProgress)(fraction, snapshot);
  }) as P;
}
