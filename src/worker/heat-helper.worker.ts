/// <reference lib="webworker" />
import { serveHeatHalves } from '../engine/kernels/heat-helper.ts';

// The sim worker's Pennes helper (worker/kernels.ts starts it where the page is cross-origin isolated): it is
// given the heat module and its shared memory once, then does the back half of each large step until the sim worker
// ends (engine/kernels/heat-helper.ts). It answers no messages after the first: it waits on shared memory.
self.addEventListener(
  'message',
  (event: MessageEvent<{ bytes: ArrayBuffer; memory: WebAssembly.Memory }>) => {
    serveHeatHalves(event.data.bytes, event.data.memory);
  },
  { once: true },
);
