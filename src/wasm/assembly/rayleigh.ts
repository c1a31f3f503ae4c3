// The Rayleigh–Sommerfeld sum of point sources (array elements or bowl patches) at many points, f32 with SIMD over
// four sources at a time: p(r) = Σ_n c_n D_n(θ) e^{−i k R_n − α R_n}/R_n (time e^{+iωt}), c_n already holding
// i k ρc/2π · u_n ΔS_n · g_n (folded by the caller). Sine and cosine are polynomials after a three-part Cody–Waite
// reduction (error ≈ 1e-7 for k R up to ≈ 10⁴ rad); the piston directivity 2J1(x)/x comes from a table the caller
// fills, linearly interpolated; e^{−αR} is a polynomial in 2^x.

const TWO_OVER_PI: f32 = 0.6366197723675814;
const PIO2_1: f32 = 1.5703125;
const PIO2_2: f32 = 4.837512969970703125e-4;
const PIO2_3: f32 = 7.54978995489188216e-8;
const LOG2E: f32 = 1.4426950408889634;

/**
 * e^x for x ≤ 0, four lanes: 2^(x log2 e) split into the nearest integer n and a fraction |f| ≤ ½, so the Taylor
 * series of 2^f in f·ln 2 (|y| ≤ 0.35) truncated after degree 7 is good to < 1e-8 relative.
 */
function exp4(x: v128): v128 {
  const t = f32x4.mul(f32x4.max(x, f32x4.splat(-80)), f32x4.splat(LOG2E));
  const n = f32x4.nearest(t);
  const y = f32x4.mul(f32x4.sub(t, n), f32x4.splat(0.6931471805599453));
  let p = f32x4.splat(1.0 / 5040.0);
  p = f32x4.add(f32x4.mul(p, y), f32x4.splat(1.0 / 720.0));
  p = f32x4.add(f32x4.mul(p, y), f32x4.splat(1.0 / 120.0));
  p = f32x4.add(f32x4.mul(p, y), f32x4.splat(1.0 / 24.0));
  p = f32x4.add(f32x4.mul(p, y), f32x4.splat(1.0 / 6.0));
  p = f32x4.add(f32x4.mul(p, y), f32x4.splat(0.5));
  p = f32x4.add(f32x4.mul(p, y), f32x4.splat(1.0));
  p = f32x4.add(f32x4.mul(p, y), f32x4.splat(1.0));
  const bits = i32x4.shl(i32x4.add(i32x4.trunc_sat_f32x4_s(n), i32x4.splat(127)), 23);
  return f32x4.mul(p, bits);
}

/**
 * @param px - point x coordinates (count), f32
 * @param count - points
 * @param sx - source x (m, padded to a multiple of 4 with zero coefficients); sy, sz, snx, sny, snz likewise
 * @param cRe - folded coefficient, real part
 * @param m - sources (a multiple of 4)
 * @param k - wavenumber [rad/m]
 * @param alpha - attenuation [Np/m]
 * @param kb - k × piston radius (0: no directivity)
 * @param table - 2J1(x)/x at x = i·step, i = 0…size (size + 1 entries)
 * @param outRe - Re p per point
 */
export function rayleigh(
  px: usize,
  py: usize,
  pz: usize,
  count: i32,
  sx: usize,
  sy: usize,
  sz: usize,
  snx: usize,
  sny: usize,
  snz: usize,
  cRe: usize,
  cIm: usize,
  m: i32,
  k: f32,
  alpha: f32,
  kb: f32,
  table: usize,
  step: f32,
  outRe: usize,
  outIm: usize,
): void {
  const vk = f32x4.splat(k);
  const valpha = f32x4.splat(-alpha);
  const vkb = f32x4.splat(kb);
  const invStep = f32x4.splat(1 / step);
  const one = f32x4.splat(1);
  const zero = f32x4.splat(0);
  const s1 = f32x4.splat(-1.0 / 6.0);
  const s2 = f32x4.splat(1.0 / 120.0);
  const s3 = f32x4.splat(-1.0 / 5040.0);
  const c1 = f32x4.splat(1.0 / 24.0);
  const c2 = f32x4.splat(-1.0 / 720.0);
  const c3 = f32x4.splat(1.0 / 40320.0);
  const bytes = <usize>m << 2;
  for (let p = 0; p < count; p++) {
    const o = <usize>p << 2;
    const x = f32x4.splat(load<f32>(px + o));
    const y = f32x4.splat(load<f32>(py + o));
    const z = f32x4.splat(load<f32>(pz + o));
    let accRe = zero;
    let accIm = zero;
    for (let e: usize = 0; e < bytes; e += 16) {
      const dx = f32x4.sub(x, v128.load(sx + e));
      const dy = f32x4.sub(y, v128.load(sy + e));
      const dz = f32x4.sub(z, v128.load(sz + e));
      const r2 = f32x4.add(f32x4.add(f32x4.mul(dx, dx), f32x4.mul(dy, dy)), f32x4.mul(dz, dz));
      const r = f32x4.sqrt(r2);
      let amp = f32x4.div(one, r);
      if (alpha > 0) amp = f32x4.mul(amp, exp4(f32x4.mul(valpha, r)));
      if (kb > 0) {
        const dot = f32x4.add(
          f32x4.add(f32x4.mul(dx, v128.load(snx + e)), f32x4.mul(dy, v128.load(sny + e))),
          f32x4.mul(dz, v128.load(snz + e)),
        );
        const cos = f32x4.div(dot, r);
        const sin = f32x4.sqrt(f32x4.max(zero, f32x4.sub(one, f32x4.mul(cos, cos))));
        const arg = f32x4.mul(f32x4.mul(vkb, sin), invStep);
        const idx = i32x4.trunc_sat_f32x4_s(arg);
        const frac = f32x4.sub(arg, f32x4.convert_i32x4_s(idx));
        const i0 = <usize>i32x4.extract_lane(idx, 0) << 2;
        const i1 = <usize>i32x4.extract_lane(idx, 1) << 2;
        const i2 = <usize>i32x4.extract_lane(idx, 2) << 2;
        const i3 = <usize>i32x4.extract_lane(idx, 3) << 2;
        let lo = f32x4.splat(load<f32>(table + i0));
        lo = f32x4.replace_lane(lo, 1, load<f32>(table + i1));
        lo = f32x4.replace_lane(lo, 2, load<f32>(table + i2));
        lo = f32x4.replace_lane(lo, 3, load<f32>(table + i3));
        let hi = f32x4.splat(load<f32>(table + i0 + 4));
        hi = f32x4.replace_lane(hi, 1, load<f32>(table + i1 + 4));
        hi = f32x4.replace_lane(hi, 2, load<f32>(table + i2 + 4));
        hi = f32x4.replace_lane(hi, 3, load<f32>(table + i3 + 4));
        const jinc = f32x4.add(lo, f32x4.mul(frac, f32x4.sub(hi, lo)));
        // A baffled piston radiates into its front half-space only.
        amp = v128.and(f32x4.mul(amp, jinc), f32x4.gt(cos, zero));
      }
      // sin and cos of k r: reduce to |y| ≤ π/4 around the nearest multiple q of π/2
      const phase = f32x4.mul(vk, r);
      const q = f32x4.nearest(f32x4.mul(phase, f32x4.splat(TWO_OVER_PI)));
      let yr = f32x4.sub(phase, f32x4.mul(q, f32x4.splat(PIO2_1)));
      yr = f32x4.sub(yr, f32x4.mul(q, f32x4.splat(PIO2_2)));
      yr = f32x4.sub(yr, f32x4.mul(q, f32x4.splat(PIO2_3)));
      const y2 = f32x4.mul(yr, yr);
      const sy0 = f32x4.add(yr, f32x4.mul(f32x4.mul(yr, y2), f32x4.add(s1, f32x4.mul(y2, f32x4.add(s2, f32x4.mul(y2, s3))))));
      const cy0 = f32x4.add(
        f32x4.sub(one, f32x4.mul(y2, f32x4.splat(0.5))),
        f32x4.mul(f32x4.mul(y2, y2), f32x4.add(c1, f32x4.mul(y2, f32x4.add(c2, f32x4.mul(y2, c3))))),
      );
      const quadrant = i32x4.trunc_sat_f32x4_s(q);
      const odd = i32x4.eq(v128.and(quadrant, i32x4.splat(1)), i32x4.splat(1));
      const sinV = v128.bitselect(cy0, sy0, odd);
      const cosV = v128.bitselect(sy0, cy0, odd);
      // sin negative in quadrants 2, 3; cos negative in quadrants 1, 2
      const sinNeg = i32x4.eq(v128.and(quadrant, i32x4.splat(2)), i32x4.splat(2));
      const q1 = v128.and(i32x4.add(quadrant, i32x4.splat(1)), i32x4.splat(2));
      const cosNeg = i32x4.eq(q1, i32x4.splat(2));
      const sinS = v128.bitselect(f32x4.neg(sinV), sinV, sinNeg);
      const cosS = v128.bitselect(f32x4.neg(cosV), cosV, cosNeg);
      const ar = v128.load(cRe + e);
      const ai = v128.load(cIm + e);
      // c · e^{−i k r} · amp
      accRe = f32x4.add(accRe, f32x4.mul(amp, f32x4.add(f32x4.mul(ar, cosS), f32x4.mul(ai, sinS))));
      accIm = f32x4.add(accIm, f32x4.mul(amp, f32x4.sub(f32x4.mul(ai, cosS), f32x4.mul(ar, sinS))));
    }
    store<f32>(
      outRe + o,
      f32x4.extract_lane(accRe, 0) + f32x4.extract_lane(accRe, 1) + f32x4.extract_lane(accRe, 2) + f32x4.extract_lane(accRe, 3),
    );
    store<f32>(
      outIm + o,
      f32x4.extract_lane(accIm, 0) + f32x4.extract_lane(accIm, 1) + f32x4.extract_lane(accIm, 2) + f32x4.extract_lane(accIm, 3),
    );
  }
}
