// 2D complex FFT of an n × n slice stored as two planes (real, imaginary), f32, with SIMD over four columns.
//
// A column transform (length n down the rows) reads four adjacent columns with one v128 load, so every radix-2
// butterfly of the iterative decimation-in-time transform does four columns at once with a broadcast twiddle. The
// rows are transformed the same way after a transpose, and a second transpose restores the order: the 2D transform
// is column FFT → transpose → column FFT → transpose, in place (scratch holds one plane for the transposes).
// Inverse: conjugate twiddles and a 1/n² scale at the end.

/** Bit-reversal permutation of the rows (swaps whole rows: contiguous, vectorised). */
function permuteRows(plane: usize, n: i32, bits: i32): void {
  const rowBytes = (<usize>n) << 2;
  for (let i = 0; i < n; i++) {
    let j = 0;
    let x = i;
    for (let b = 0; b < bits; b++) {
      j = (j << 1) | (x & 1);
      x >>= 1;
    }
    if (j <= i) continue;
    const a = plane + <usize>i * rowBytes;
    const c = plane + <usize>j * rowBytes;
    for (let k: usize = 0; k < rowBytes; k += 16) {
      const va = v128.load(a + k);
      v128.store(a + k, v128.load(c + k));
      v128.store(c + k, va);
    }
  }
}

/**
 * Radix-2 DIT FFT down every column of the (re, im) planes, four columns per v128. Twiddles: cos and sin of
 * −2πk/n for k < n/2 (sign flipped for the inverse).
 */
function columnFft(re: usize, im: usize, n: i32, twRe: usize, twIm: usize, inverse: bool): void {
  let bits = 0;
  while (1 << bits < n) bits++;
  permuteRows(re, n, bits);
  permuteRows(im, n, bits);
  const rowBytes = (<usize>n) << 2;
  const sign: f32 = inverse ? -1 : 1;
  for (let size = 2; size <= n; size <<= 1) {
    const half = size >> 1;
    const step = n / size;
    for (let start = 0; start < n; start += size) {
      for (let k = 0; k < half; k++) {
        const wr = f32x4.splat(load<f32>(twRe + ((<usize>(k * step)) << 2)));
        const wi = f32x4.splat(sign * load<f32>(twIm + ((<usize>(k * step)) << 2)));
        const top = <usize>(start + k) * rowBytes;
        const bottom = <usize>(start + k + half) * rowBytes;
        for (let c: usize = 0; c < rowBytes; c += 16) {
          const ar = v128.load(re + top + c);
          const ai = v128.load(im + top + c);
          const br = v128.load(re + bottom + c);
          const bi = v128.load(im + bottom + c);
          // t = w·b
          const tr = f32x4.sub(f32x4.mul(wr, br), f32x4.mul(wi, bi));
          const ti = f32x4.add(f32x4.mul(wr, bi), f32x4.mul(wi, br));
          v128.store(re + top + c, f32x4.add(ar, tr));
          v128.store(im + top + c, f32x4.add(ai, ti));
          v128.store(re + bottom + c, f32x4.sub(ar, tr));
          v128.store(im + bottom + c, f32x4.sub(ai, ti));
        }
      }
    }
  }
}

/** Transposes an n × n f32 plane through scratch (blocked for the cache). */
function transpose(plane: usize, scratch: usize, n: i32): void {
  const B = 16;
  for (let ib = 0; ib < n; ib += B) {
    for (let jb = 0; jb < n; jb += B) {
      const iEnd = min(ib + B, n);
      const jEnd = min(jb + B, n);
      for (let i = ib; i < iEnd; i++) {
        for (let j = jb; j < jEnd; j++) {
          store<f32>(scratch + ((<usize>(j * n + i)) << 2), load<f32>(plane + ((<usize>(i * n + j)) << 2)));
        }
      }
    }
  }
  memory.copy(plane, scratch, (<usize>(n * n)) << 2);
}

/**
 * In-place 2D FFT of the n × n slice (re, im planes, row-major). n a power of two ≥ 4.
 * @param re - real plane
 * @param im - imaginary plane
 * @param n - side
 * @param twRe - n/2 twiddle cosines
 * @param twIm - n/2 twiddle sines (of −2πk/n)
 * @param scratch - one plane of scratch
 * @param inverse - inverse transform (scaled by 1/n²)
 */
export function fft2(re: usize, im: usize, n: i32, twRe: usize, twIm: usize, scratch: usize, inverse: bool): void {
  columnFft(re, im, n, twRe, twIm, inverse);
  transpose(re, scratch, n);
  transpose(im, scratch, n);
  columnFft(re, im, n, twRe, twIm, inverse);
  transpose(re, scratch, n);
  transpose(im, scratch, n);
  if (inverse) {
    const s = f32x4.splat(<f32>1 / <f32>(n * n));
    const bytes = (<usize>(n * n)) << 2;
    for (let p: usize = 0; p < bytes; p += 16) {
      v128.store(re + p, f32x4.mul(v128.load(re + p), s));
      v128.store(im + p, f32x4.mul(v128.load(im + p), s));
    }
  }
}
