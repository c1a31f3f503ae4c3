/**
 * Closed form for a plane wave through planar fluid layers (transfer matrix, PHYSICS.md §5): in layer j,
 * p = A_j e^{−i k_z,j (z − z_j)} + B_j e^{+i k_z,j (z − z_j)} (time e^{+iωt}), with k_z,j = √(k̃_j² − k_⊥²),
 * k̃ = ω/c − iα; pressure and normal velocity v_z = (k_z/(ωρ))(A e^{…} − B e^{…}) are continuous at each interface,
 * and nothing comes back from the last half-space (B_N = 0). The incident amplitude in layer 0 is 1 at z_0.
 */

interface Complex {
  re: number;
  im: number;
}
const c = (re: number, im = 0): Complex => ({ re, im });
const add = (a: Complex, b: Complex): Complex => c(a.re + b.re, a.im + b.im);
const sub = (a: Complex, b: Complex): Complex => c(a.re - b.re, a.im - b.im);
const mul = (a: Complex, b: Complex): Complex => c(a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re);
const div = (a: Complex, b: Complex): Complex => {
  const d = b.re * b.re + b.im * b.im;
  return c((a.re * b.re + a.im * b.im) / d, (a.im * b.re - a.re * b.im) / d);
};
const exp = (a: Complex): Complex => {
  const m = Math.exp(a.re);
  return c(m * Math.cos(a.im), m * Math.sin(a.im));
};
const sqrt = (a: Complex): Complex => {
  const m = Math.hypot(a.re, a.im);
  let re = Math.sqrt(Math.max(0, (m + a.re) / 2));
  let im = Math.sign(a.im) * Math.sqrt(Math.max(0, (m - a.re) / 2));
  if (a.im === 0 && a.re < 0) {
    re = 0;
    im = -Math.sqrt(-a.re);
  }
  if (im > 0) {
    re = -re;
    im = -im;
  }
  return c(re, im);
};

/** One fluid layer. */
export interface FluidLayer {
  density: number;
  speedOfSound: number;
  /** amplitude attenuation [Np/m] */
  attenuation: number;
  /** thickness [m] (ignored for the first and last, which are half-spaces) */
  thickness: number;
}

/** The exact field of a unit plane wave incident from layer 0 at lateral wavenumber k⊥. */
export interface LayeredSolution {
  /** |p| and complex p at z (z = 0 at the first interface; layer 0 is z < 0) */
  pressure(z: number): Complex;
  /** reflected amplitude at z = 0 (B_0 with A_0 = 1 at z = 0) */
  reflection: Complex;
  /** transmitted amplitude at the start of the last layer */
  transmission: Complex;
}

export function layeredPlaneWave(layers: readonly FluidLayer[], frequency: number, kLateral: number): LayeredSolution {
  const omega = 2 * Math.PI * frequency;
  const kz = layers.map((l) => {
    const k = c(omega / l.speedOfSound, -l.attenuation);
    return sqrt(sub(mul(k, k), c(kLateral * kLateral)));
  });
  const y = layers.map((l, j) => div(kz[j] as Complex, c(omega * l.density)));
  // Interface positions: layer j (j ≥ 1) starts at z_j.
  const starts = [0];
  for (let j = 1; j < layers.length - 1; j++)
    starts.push((starts[j - 1] as number) + (layers[j] as FluidLayer).thickness);
  const N = layers.length - 1;
  const A: Complex[] = new Array(layers.length);
  const B: Complex[] = new Array(layers.length);
  A[N] = c(1);
  B[N] = c(0);
  for (let j = N - 1; j >= 0; j--) {
    // Layer j's amplitudes at its own start z_j (layer 0: at z = 0, so its "thickness" to the interface is 0).
    const d = j === 0 ? 0 : (layers[j] as FluidLayer).thickness;
    const p = add(A[j + 1] as Complex, B[j + 1] as Complex);
    const v = mul(y[j + 1] as Complex, sub(A[j + 1] as Complex, B[j + 1] as Complex));
    const vOverY = div(v, y[j] as Complex);
    // A e^{−ikd} = (p + v/Y)/2, B e^{ikd} = (p − v/Y)/2
    const e = exp(mul(c(0, 1), mul(kz[j] as Complex, c(d))));
    A[j] = mul(c(0.5), mul(add(p, vOverY), e));
    B[j] = div(mul(c(0.5), sub(p, vOverY)), e);
  }
  const a0 = A[0] as Complex;
  const scale = div(c(1), a0);
  for (let j = 0; j <= N; j++) {
    A[j] = mul(A[j] as Complex, scale);
    B[j] = mul(B[j] as Complex, scale);
  }
  return {
    pressure(z: number): Complex {
      let j = 0;
      while (j < N && z >= (starts[j] as number)) j++;
      const z0 = j === 0 ? 0 : (starts[j - 1] as number);
      const dz = z - z0;
      const f = exp(mul(c(0, -1), mul(kz[j] as Complex, c(dz))));
      const b = exp(mul(c(0, 1), mul(kz[j] as Complex, c(dz))));
      return add(mul(A[j] as Complex, f), mul(B[j] as Complex, b));
    },
    reflection: B[0] as Complex,
    transmission: A[N] as Complex,
  };
}
