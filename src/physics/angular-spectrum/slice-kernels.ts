import FFT from 'fft.js';

/** One complex array as two f32 planes; views into the kernels' memory. */
export interface Planes {
  readonly re: Float32Array;
  readonly im: Float32Array;
}

/**
 * The bulk arithmetic of the angular-spectrum march, done in place on planes the kernels hand out: WebAssembly SIMD
 * in the app and the command line (src/engine/kernels), plain JavaScript here as the reference they are checked
 * and benchmarked against. The march reserves all it needs first (`begin`), so memory never moves under a view.
 */
export interface SliceKernels {
  /** for the benchmark's report */
  readonly name: string;
  /**
   * Starts a computation: everything handed out before is released, and `bytes` are reserved for slices of side n
   * (the kernels add their own scratch for the transforms).
   */
  begin(bytes: number, n: number): void;
  planes(count: number): Planes;
  bytes(count: number): Uint8Array;
  floats(count: number): Float32Array;
  /** In-place 2D FFT of an n × n slice (inverse scaled by 1/n²). */
  fft(p: Planes, n: number, inverse: boolean): void;
  /** p ← p·h, element-wise complex, over p's length. */
  multiply(p: Planes, h: Planes): void;
  /** p ← p·factor[label]·taper, per column (a screen per tissue and the absorbing layer). */
  screen(p: Planes, labels: Uint8Array, factors: Planes, taper: Float32Array): void;
  /** dst ← dst + src. */
  accumulate(dst: Planes, src: Planes): void;
  /** p ← p·w, element-wise real. */
  scale(p: Planes, w: Float32Array): void;
}

/** Bytes the kernels need for `count` complex values (two f32 planes, 16-byte aligned). */
export function planeBytes(count: number): number {
  return 2 * align(4 * count);
}

/** A byte count rounded up to 16 (SIMD alignment). */
export function align(bytes: number): number {
  return Math.ceil(bytes / 16) * 16;
}

/**
 * Plain-JavaScript kernels (fft.js for the transforms). Correct and portable; several times slower than the
 * WebAssembly ones (`npm run bench` reports the ratio).
 * @returns the kernels
 */
export function jsSliceKernels(): SliceKernels {
  const ffts = new Map<number, { fft: FFT; a: Float64Array; b: Float64Array }>();
  const transform = (n: number) => {
    let t = ffts.get(n);
    if (!t) {
      t = { fft: new FFT(n), a: new Float64Array(2 * n), b: new Float64Array(2 * n) };
      ffts.set(n, t);
    }
    return t;
  };
  const lines = (p: Planes, n: number, inverse: boolean, stride: number, step: number) => {
    const { fft, a, b } = transform(n);
    for (let line = 0; line < n; line++) {
      const start = line * stride;
      for (let i = 0; i < n; i++) {
        a[2 * i] = p.re[start + i * step] as number;
        a[2 * i + 1] = p.im[start + i * step] as number;
      }
      if (inverse) fft.inverseTransform(b, a);
      else fft.transform(b, a);
      for (let i = 0; i < n; i++) {
        p.re[start + i * step] = b[2 * i] as number;
        p.im[start + i * step] = b[2 * i + 1] as number;
      }
    }
  };
  return {
    name: 'JavaScript (fft.js)',
    begin: () => {},
    planes: (count) => ({ re: new Float32Array(count), im: new Float32Array(count) }),
    bytes: (count) => new Uint8Array(count),
    floats: (count) => new Float32Array(count),
    fft(p, n, inverse) {
      lines(p, n, inverse, n, 1);
      lines(p, n, inverse, 1, n);
    },
    multiply(p, h) {
      for (let i = 0; i < p.re.length; i++) {
        const a = p.re[i] as number;
        const b = p.im[i] as number;
        const c = h.re[i] as number;
        const d = h.im[i] as number;
        p.re[i] = a * c - b * d;
        p.im[i] = a * d + b * c;
      }
    },
    screen(p, labels, factors, taper) {
      for (let i = 0; i < p.re.length; i++) {
        const label = labels[i] as number;
        const w = taper[i] as number;
        const c = (factors.re[label] as number) * w;
        const d = (factors.im[label] as number) * w;
        const a = p.re[i] as number;
        const b = p.im[i] as number;
        p.re[i] = a * c - b * d;
        p.im[i] = a * d + b * c;
      }
    },
    accumulate(dst, src) {
      for (let i = 0; i < src.re.length; i++) {
        dst.re[i] = (dst.re[i] as number) + (src.re[i] as number);
        dst.im[i] = (dst.im[i] as number) + (src.im[i] as number);
      }
    },
    scale(p, w) {
      for (let i = 0; i < p.re.length; i++) {
        p.re[i] = (p.re[i] as number) * (w[i] as number);
        p.im[i] = (p.im[i] as number) * (w[i] as number);
      }
    },
  };
}
