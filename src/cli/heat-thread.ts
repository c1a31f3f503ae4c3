// The Pennes helper thread of the command line and the tests (src/cli/kernels.ts starts it): it takes chunks
// from the back of each large thermal step until the process ends (engine/kernels/heat-helper.ts).
import { workerData } from 'node:worker_threads';
import { serveHeatChunks } from '../engine/kernels/heat-helper.ts';

const { bytes, memory } = workerData as { bytes: Uint8Array<ArrayBuffer>; memory: WebAssembly.Memory };
serveHeatChunks(bytes, memory);
