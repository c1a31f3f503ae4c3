/// <reference lib="webworker" />
import { serveHeatChunks } from '../engine/kernels/heat-helper.ts';

// The sim worker's Pennes helper (worker/kernels.ts starts it where the page is cross-origin isolated): it is
// given the heat module and its shared memory once, then takes chunks from the back of each large step until the
// sim worker ends (engine/kernels/heat-helper.ts). It answers no messages after the first: it waits on shared memory.
self.addEventListener(
  'message',
  (event: MessageEvent<{ bytes: ArrayBuffer; memory: WebAssembly.Memory }>) => {
    serveHeatChunks(event.data.bytes, event.data.memory);
  },
  { once: true },
);
