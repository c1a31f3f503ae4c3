/** Whether src/wasm/build/kernels.wasm or heat.wasm is missing or older than its sources, its asc config or the compiler. */
export function kernelsStale(): boolean;
/** Builds src/wasm/build/kernels.wasm and heat.wasm with asc; throws when asc fails. */
export function buildKernels(): void;
