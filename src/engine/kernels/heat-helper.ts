import { heatControl, instantiateHeat, stepChunk, takeChunk, WORD } from './heat-control.ts';

/**
 * The helper thread's whole life: instantiates the heat module over the shared memory, says it is ready, then takes
 * chunks from the back of every step it wakes for until asked to quit (heat-control.ts). Blocks its thread: a Web
 * Worker's or a Node worker thread's, never a page's main thread (which may not wait on shared memory).
 * @param bytes - src/wasm/build/heat.wasm
 * @param memory - the shared memory of the stepping thread's heat module
 */
export function serveHeatChunks(bytes: BufferSource, memory: WebAssembly.Memory): void {
  const pennesStep = instantiateHeat(bytes, memory);
  const control = heatControl(memory);
  const { words, peak } = control;
  let seen = Atomics.load(words, WORD.wake);
  Atomics.store(words, WORD.ready, 1);
  for (;;) {
    // Asleep between steps, not polling: on two cores a polling helper takes the time of the page's main thread and
    // the GPU process (measured in Chromium: sonications and plans slower with 0.2 ms of polling). Waking costs it a
    // few tens of microseconds of a step's chunks, which the stepping thread takes meanwhile.
    Atomics.wait(words, WORD.wake, seen);
    if (Atomics.load(words, WORD.quit) === 1) return;
    seen = Atomics.load(words, WORD.wake);
    // A chunk taken belongs to the step open now (its parameters were written before its chunks were offered), even
    // if this thread woke for an earlier one; the stepping thread waits for every chunk it offered.
    let took = false;
    for (let index = takeChunk(words, true); index >= 0; index = takeChunk(words, true)) {
      const chunkPeak = stepChunk(pennesStep, control, index);
      if (chunkPeak > (peak[0] as number)) peak[0] = chunkPeak;
      Atomics.add(words, WORD.helped, 1);
      Atomics.add(words, WORD.completed, 1);
      took = true;
    }
    // The stepping thread may be asleep waiting for this thread's last chunk.
    if (took) Atomics.notify(words, WORD.completed);
  }
}
