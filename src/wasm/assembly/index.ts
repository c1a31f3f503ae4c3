// The WebAssembly kernels of the numeric core, built from source by `npm run kernels` (AssemblyScript, SIMD).
// Memory is laid out by the caller (src/engine/kernels): every function takes byte offsets into linear memory.
export { pennesStep } from './bioheat';
export { fft2 } from './fft';
export { rayleigh } from './rayleigh';
export { accumulate, multiply, scale, screen } from './slice';
