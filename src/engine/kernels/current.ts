import { jsSliceKernels, type SliceKernels } from '../../physics/angular-spectrum/slice-kernels.ts';
import type { BioheatKernels } from '../../physics/bioheat-kernels.ts';
import { jsRayleigh, type RayleighKernel } from '../../physics/rayleigh.ts';

/** The kernels of the numeric core: the march's slices, the Pennes steps and the Rayleigh sum (absent: JavaScript). */
export interface Kernels {
  slices: SliceKernels;
  bioheat?: BioheatKernels;
  rayleigh?: RayleighKernel;
  /** Runs a computation with `bioheat` on the calling thread alone, where it shares steps with a helper (shared-heat.ts). */
  heatAlone?: <T>(body: () => Promise<T>) => Promise<T>;
}

/**
 * The kernels every engine call uses: plain JavaScript until the host installs the WebAssembly ones (the worker
 * at start-up, the command line and the tests from src/wasm/build/kernels.wasm).
 */
let current: Kernels = { slices: jsSliceKernels() };

/** @returns the installed kernels */
export function kernels(): Kernels {
  return current;
}

/**
 * @param next - the kernels to use from now on
 */
export function installKernels(next: Kernels): void {
  current = next;
}

/** @returns the installed Rayleigh kernel, else the JavaScript reference (physics/rayleigh.ts) */
export function installedRayleigh(): RayleighKernel {
  return current.rayleigh ?? jsRayleigh;
}

/**
 * Runs `body` with another Rayleigh kernel installed (a host's served results for one call), then puts the previous
 * kernels back, also when `body` throws.
 * @param rayleigh - the kernel for the call
 * @param body - the engine call
 * @returns what `body` returns
 */
export function withRayleighKernel<T>(rayleigh: RayleighKernel, body: () => T): T {
  const previous = current;
  current = { ...current, rayleigh };
  try {
    return body();
  } finally {
    current = previous;
  }
}

/**
 * The installed Pennes kernels as a thermal input's field (nothing when only JavaScript is installed).
 * @returns `{ bioheatKernels }` or `{}`
 */
export function bioheatKernelsOf(): { bioheatKernels?: BioheatKernels } {
  return current.bioheat ? { bioheatKernels: current.bioheat } : {};
}

/**
 * Runs `body` with the installed heat steps on the calling thread alone: for a plan whose pipeline keeps the other
 * workers or threads marching fields, where a heat helper would only take their time (SharedHeat.alone).
 * @param body - the computation
 * @returns what `body` resolves to
 */
export function heatAlone<T>(body: () => Promise<T>): Promise<T> {
  return current.heatAlone ? current.heatAlone(body) : body();
}
