import { claimBackHalf, heatControl, instantiateHeat, stepBackHalf, WORD } from './heat-control.ts';

/** How long the helper keeps polling for the next step before it sleeps [ms]: steps come a fraction of a ms apart. */
const POLL_MS = 0.2;

/**
 * The helper thread's whole life: instantiates the heat module over the shared memory, says it is ready, then does
 * the back half of every step it claims until asked to quit (heat-control.ts). Blocks its thread: a Web Worker's or
 * a Node worker thread's, never a page's main thread (which may not wait on shared memory).
 * @param bytes - src/wasm/build/heat.wasm
 * @param memory - the shared memory of the stepping thread's heat module
 */
export function serveHeatHalves(bytes: BufferSource, memory: WebAssembly.Memory): void {
  const pennesStep = instantiateHeat(bytes, memory);
  const control = heatControl(memory);
  const { words } = control;
  let seen = Atomics.load(words, WORD.wake);
  Atomics.store(words, WORD.ready, 1);
  for (;;) {
    if (Atomics.load(words, WORD.wake) === seen) {
      const until = performance.now() + POLL_MS;
      while (Atomics.load(words, WORD.wake) === seen && performance.now() < until) {
        // Polling: the next step is usually a few tens of microseconds away, less than a sleep's wake-up.
      }
      if (Atomics.load(words, WORD.wake) === seen) Atomics.wait(words, WORD.wake, seen);
    }
    if (Atomics.load(words, WORD.quit) === 1) return;
    seen = Atomics.load(words, WORD.wake);
    if (claimBackHalf(words, seen)) {
      Atomics.add(words, WORD.helped, 1);
      stepBackHalf(pennesStep, control, seen);
    }
  }
}
