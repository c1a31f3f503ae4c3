import { align } from '../../physics/angular-spectrum/slice-kernels.ts';

const PAGE = 65536;

/** A kernel module's memory as one arena: reset per computation, handing out zeroed views from the bottom up. */
export interface MemoryArena {
  /** Makes room for `bytes` of arrays, growing the memory once (the views handed out before become invalid). */
  reset(bytes: number): void;
  /** `bytes` zeroed, 16-byte aligned (SIMD) [byte address] */
  take(bytes: number): number;
  f32(count: number): Float32Array;
  f64(count: number): Float64Array;
}

/**
 * The arena over `memory` from `base` up (below it: the module's own stack and static data). Each computation starts
 * with a reset and then takes its arrays; what it is given is zeroed, as a fresh array would be.
 * @param label - names the kernels in the overflow error
 */
export function memoryArena(memory: WebAssembly.Memory, base: number, label: string): MemoryArena {
  let top = base;
  let end = base;
  const take = (bytes: number): number => {
    const at = top;
    top += align(bytes);
    if (top > end) throw new RangeError(`${label}: ${top - end} bytes more than reserved`);
    // Zeroed eight bytes at a time: V8 writes shared memory element by element, and bytes took 8× as long there.
    new Float64Array(memory.buffer, at, (top - at) / 8).fill(0);
    return at;
  };
  return {
    reset(bytes) {
      top = base;
      end = base + bytes + 1024;
      const pages = Math.ceil(end / PAGE) - memory.buffer.byteLength / PAGE;
      if (pages > 0) memory.grow(pages);
    },
    take,
    f32: (count) => new Float32Array(memory.buffer, take(4 * count), count),
    f64: (count) => new Float64Array(memory.buffer, take(8 * count), count),
  };
}
