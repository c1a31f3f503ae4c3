import FFT from 'fft.js';

/**
 * In-place 2D complex FFT of an n × n field stored row-major and interleaved (re, im), built on fft.js
 * (radix-4, a well-kept library) by rows then columns. Forward: X = Σ x e^{−2πi(k·r)/n}; inverse divides by n².
 * One instance owns its scratch buffers: reuse it for every slice of a march (no allocation per call).
 */
export class Fft2 {
  readonly n: number;
  private readonly fft: FFT;
  private readonly rowIn: Float64Array;
  private readonly rowOut: Float64Array;

  /**
   * @param n - points per side, a power of two ≥ 2 (fft.js's requirement)
   * @throws RangeError otherwise
   */
  constructor(n: number) {
    if (!Number.isInteger(n) || n < 2 || (n & (n - 1)) !== 0) {
      throw new RangeError(`Fft2: size must be a power of two ≥ 2, got ${n}`);
    }
    this.n = n;
    this.fft = new FFT(n);
    this.rowIn = new Float64Array(2 * n);
    this.rowOut = new Float64Array(2 * n);
  }

  /** Forward transform of `data` (2n² numbers) in place. */
  forward(data: Float64Array): void {
    this.pass(data, false);
  }

  /** Inverse transform (normalised by 1/n²) of `data` in place. */
  inverse(data: Float64Array): void {
    this.pass(data, true);
  }

  private pass(data: Float64Array, inverse: boolean): void {
    const n = this.n;
    if (data.length !== 2 * n * n) throw new RangeError(`Fft2: expected ${2 * n * n} numbers, got ${data.length}`);
    const { fft, rowIn, rowOut } = this;
    const transform = inverse
      ? (out: Float64Array, input: Float64Array) => fft.inverseTransform(out, input)
      : (out: Float64Array, input: Float64Array) => fft.transform(out, input);
    const stride = 2 * n;
    for (let r = 0; r < n; r++) {
      transform(rowOut, data.subarray(r * stride, (r + 1) * stride));
      data.set(rowOut, r * stride);
    }
    for (let c = 0; c < n; c++) {
      for (let r = 0; r < n; r++) {
        rowIn[2 * r] = data[r * stride + 2 * c] as number;
        rowIn[2 * r + 1] = data[r * stride + 2 * c + 1] as number;
      }
      transform(rowOut, rowIn);
      for (let r = 0; r < n; r++) {
        data[r * stride + 2 * c] = rowOut[2 * r] as number;
        data[r * stride + 2 * c + 1] = rowOut[2 * r + 1] as number;
      }
    }
  }
}

/**
 * Angular wavenumber of FFT bin `index` of an n-point transform with spacing dx: 2π·m/(n·dx), m = index for
 * index < n/2, index − n otherwise.
 * @param index - bin 0..n−1
 * @param n - transform size
 * @param dx - sample spacing [m]
 * @returns k [rad/m]
 */
export function binWavenumber(index: number, n: number, dx: number): number {
  const m = index < n / 2 ? index : index - n;
  return (2 * Math.PI * m) / (n * dx);
}
