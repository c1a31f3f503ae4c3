import { Worker } from 'node:worker_threads';

// A worker thread starts as plain JavaScript; the engine is TypeScript run through tsx, so the thread first
// registers tsx and then imports its body. The entry is evaluated CommonJS, hence require and a dynamic import.
const BOOT = `
const { workerData } = require('node:worker_threads');
import(workerData.tsx).then(({ tsImport }) => tsImport(workerData.entry, workerData.entry));
`;

/**
 * Starts a Node worker thread on a TypeScript module.
 * @param entry - the module (its top level is the thread's body)
 * @param data - the thread's `workerData`, beside the boot's own fields
 */
export function startTsThread(entry: URL, data: Record<string, unknown>): Worker {
  return new Worker(BOOT, {
    eval: true,
    workerData: { ...data, tsx: import.meta.resolve('tsx/esm/api'), entry: entry.href },
  });
}
