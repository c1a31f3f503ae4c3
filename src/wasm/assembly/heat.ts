// The Pennes step alone, built into its own module over an imported shared memory (src/wasm/build/heat.wasm), so
// that two threads can each step half of one grid: src/engine/kernels/shared-heat.ts. The step is bioheat.ts's,
// the same function the main module exports, so a run gives the same bits on one thread or two.
export { pennesStep } from './bioheat';
