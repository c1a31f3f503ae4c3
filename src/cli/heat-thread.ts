// The Pennes helper thread of the command line and the tests (src/cli/kernels.ts starts it): it does the back half
// of each large thermal step until the process ends (engine/kernels/heat-helper.ts).
import { workerData } from 'node:worker_threads';
import { serveHeatHalves } from '../engine/kernels/heat-helper.ts';

const { bytes, memory } = workerData as { bytes: Uint8Array<ArrayBuffer>; memory: WebAssembly.Memory };
serveHeatHalves(bytes, memory);
