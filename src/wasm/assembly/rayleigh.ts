// The Rayleigh–Sommerfeld sum of point sources (array elements or bowl patches) at many points, f32 with SIMD over
// four sources at a time: p(r) = Σ_n c_n D_n(θ) e^{−i k R_n − α R_n}/R_n (time e^{+iωt}), c_n already holding
// i k ρc/2π · u_n ΔS_n · g_n (folded by the caller). Sine and cosine are polynomials after a three-part Cody–Waite
// reduction (error ≈ 1e-7 for k R up to ≈ 10⁴ rad); the piston directivity 2J1(x)/x comes from a table the caller
// fills, linearly interpolated; e^{−αR} is a polynomial in 2^x.
//
// Every term is computed with the same f32 operations in the same order as the kernel this one replaced, so the sums
// are the same to the bit (the golden numbers pin them); the speed comes from the loops' shape only:
// - one loop per case (loss or not, directivity or not), so no test of α or kb runs per term;
// - four points per pass, so each group of sources is loaded once for sixteen terms and V8 has four independent
//   chains to interleave (measured: two points 1.12× one, four 1.1× two, six or eight no better than four);
// - the sources in groups of four with their eight quantities side by side (one pointer, fixed offsets);
// - round-to-integer by adding 1.5·2²³ (the integer lands in the mantissa's low bits, so quadrant and exponent need
//   no float-to-int conversion, which V8 expands into several instructions), signs flipped by xor;
// - the directivity table as (value, difference to the next) pairs: one 8-byte load per lane instead of two loads;
// - constants written inline, in one function for the four cases (see `sum`).

const TWO_OVER_PI: f32 = 0.6366197723675814;
const PIO2_1: f32 = 1.5703125;
const PIO2_2: f32 = 4.837512969970703125e-4;
const PIO2_3: f32 = 7.54978995489188216e-8;
const LOG2E: f32 = 1.4426950408889634;
/** x + MAGIC rounds x (0 ≤ x < 2²²) to the nearest integer (ties to even), held in the low bits of the mantissa. */
const MAGIC: f32 = 12582912;
const MAGIC_BITS: i32 = 0x4b400000;

/** Bytes of one group of four sources: x, y, z, nx, ny, nz, Re c, Im c, one v128 each (the caller's layout). */
const GROUP: usize = 128;

// Compile-time switches for the specialised loops: a type argument On (an integer type) or Off; isInteger<T>() is
// a constant to asc, so each instance holds only its own code.
type On = i32;
type Off = f32;

@inline
function splat(x: f32): v128 {
  return f32x4.splat(x);
}

/**
 * e^x for x ≤ 0, four lanes: 2^(x log2 e) split into the nearest integer n and a fraction |f| ≤ ½, so the Taylor
 * series of 2^f in f·ln 2 (|y| ≤ 0.35) truncated after degree 7 is good to < 1e-8 relative.
 */
@inline
function exp4(x: v128): v128 {
  const t = f32x4.mul(f32x4.pmax(x, splat(-80)), splat(LOG2E));
  const nf = f32x4.add(t, splat(MAGIC));
  const y = f32x4.mul(f32x4.sub(t, f32x4.sub(nf, splat(MAGIC))), splat(0.6931471805599453));
  let p = splat(1.0 / 5040.0);
  p = f32x4.add(f32x4.mul(p, y), splat(1.0 / 720.0));
  p = f32x4.add(f32x4.mul(p, y), splat(1.0 / 120.0));
  p = f32x4.add(f32x4.mul(p, y), splat(1.0 / 24.0));
  p = f32x4.add(f32x4.mul(p, y), splat(1.0 / 6.0));
  p = f32x4.add(f32x4.mul(p, y), splat(0.5));
  p = f32x4.add(f32x4.mul(p, y), splat(1.0));
  p = f32x4.add(f32x4.mul(p, y), splat(1.0));
  // 2^n: n + 127 into the exponent field (n sits in the low mantissa bits; the shift drops the rest)
  return f32x4.mul(p, i32x4.shl(i32x4.add(nf, i32x4.splat(127)), 23));
}

/** 2J1(x)/x at arg = x/step ≥ 0 from the caller's table of (value, difference to the next) pairs, interpolated. */
@inline
function jincTable(arg: v128, table: usize): v128 {
  const whole = f32x4.floor(arg);
  const frac = f32x4.sub(arg, whole);
  // byte offsets of the pairs: (whole + MAGIC)'s low mantissa bits hold the index
  const at = i32x4.shl(i32x4.sub(f32x4.add(whole, splat(MAGIC)), i32x4.splat(MAGIC_BITS)), 3);
  let a = v128.load64_zero(table + <usize>i32x4.extract_lane(at, 0));
  a = v128.load64_lane(table + <usize>i32x4.extract_lane(at, 1), a, 1);
  let b = v128.load64_zero(table + <usize>i32x4.extract_lane(at, 2));
  b = v128.load64_lane(table + <usize>i32x4.extract_lane(at, 3), b, 1);
  const value = v128.shuffle<f32>(a, b, 0, 2, 4, 6);
  const step = v128.shuffle<f32>(a, b, 1, 3, 5, 7);
  return f32x4.add(value, f32x4.mul(frac, step));
}

/**
 * e^{−αR} D(θ)/R of four sources seen from one point, D = 0 behind a piston.
 * @param dx - point − source, x (four sources); dy, dz likewise
 * @param group - the sources' group (their normals are read only for the directivity)
 */
@inline
function amplitude<LOSS, DIR>(
  dx: v128,
  dy: v128,
  dz: v128,
  r: v128,
  group: usize,
  valpha: v128,
  vkb: v128,
  invStep: v128,
  table: usize,
): v128 {
  let amp = f32x4.div(splat(1), r);
  if (isInteger<LOSS>()) amp = f32x4.mul(amp, exp4(f32x4.mul(valpha, r)));
  if (isInteger<DIR>()) {
    const dot = f32x4.add(
      f32x4.add(f32x4.mul(dx, v128.load(group, 48)), f32x4.mul(dy, v128.load(group, 64))),
      f32x4.mul(dz, v128.load(group, 80)),
    );
    const cos = f32x4.div(dot, r);
    const sin = f32x4.sqrt(f32x4.pmax(splat(0), f32x4.sub(splat(1), f32x4.mul(cos, cos))));
    const jinc = jincTable(f32x4.mul(f32x4.mul(vkb, sin), invStep), table);
    // A baffled piston radiates into its front half-space only.
    amp = v128.and(f32x4.mul(amp, jinc), f32x4.gt(cos, splat(0)));
  }
  return amp;
}

/** q + MAGIC, q the nearest multiple of π/2 to the phase, in quarter turns (its low bits: the quadrant). */
@inline
function quadrant(phase: v128): v128 {
  return f32x4.add(f32x4.mul(phase, splat(TWO_OVER_PI)), splat(MAGIC));
}

/** phase − q π/2 (|y| ≤ π/4), π/2 in three parts so nothing is lost for q up to ≈ 2¹⁶. */
@inline
function reduce(phase: v128, qm: v128): v128 {
  const q = f32x4.sub(qm, splat(MAGIC));
  let y = f32x4.sub(phase, f32x4.mul(q, splat(PIO2_1)));
  y = f32x4.sub(y, f32x4.mul(q, splat(PIO2_2)));
  return f32x4.sub(y, f32x4.mul(q, splat(PIO2_3)));
}

/** sin y, |y| ≤ π/4, from y and y² (Taylor to degree 7). */
@inline
function sinPoly(y: v128, y2: v128): v128 {
  const p = f32x4.add(splat(1.0 / 120.0), f32x4.mul(y2, splat(-1.0 / 5040.0)));
  return f32x4.add(y, f32x4.mul(f32x4.mul(y, y2), f32x4.add(splat(-1.0 / 6.0), f32x4.mul(y2, p))));
}

/** cos y, |y| ≤ π/4, from y² (Taylor to degree 8). */
@inline
function cosPoly(y2: v128): v128 {
  const p = f32x4.add(splat(-1.0 / 720.0), f32x4.mul(y2, splat(1.0 / 40320.0)));
  return f32x4.add(
    f32x4.sub(splat(1), f32x4.mul(y2, splat(0.5))),
    f32x4.mul(f32x4.mul(y2, y2), f32x4.add(splat(1.0 / 24.0), f32x4.mul(y2, p))),
  );
}

/** All ones in the lanes of an odd quadrant (sine and cosine trade places there). */
@inline
function oddQuadrant(qm: v128): v128 {
  return i32x4.shr_s(i32x4.shl(qm, 31), 31);
}

/** The sign bit in the lanes whose quadrant (0–3) is 2 or 3: sin < 0 there. */
@inline
function sinSign(qm: v128): v128 {
  return i32x4.shl(v128.and(qm, i32x4.splat(2)), 30);
}

/** The sign bit in the lanes whose quadrant is 1 or 2: cos < 0 there. */
@inline
function cosSign(qm: v128): v128 {
  return i32x4.shl(v128.and(i32x4.add(qm, i32x4.splat(1)), i32x4.splat(2)), 30);
}

@inline
function sum4(v: v128): f32 {
  return f32x4.extract_lane(v, 0) + f32x4.extract_lane(v, 1) + f32x4.extract_lane(v, 2) + f32x4.extract_lane(v, 3);
}

/**
 * The sum, compiled once for each of LOSS and DIR being On or Off (so the loops hold no test of α or kb), all four
 * inlined into one function: V8 then makes each constant once for the four loops and reloads it where it is used,
 * where in a function of its own it rebuilds the constant inside the loop (three instructions a use; measured 5–8 %
 * slower).
 */
@inline
function sum<LOSS, DIR>(
  px: usize,
  py: usize,
  pz: usize,
  count: i32,
  src: usize,
  groups: i32,
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
  const end = src + <usize>groups * GROUP;
  // Four points per pass (past the last point the first is repeated, and not stored).
  for (let p = 0; p < count; p += 4) {
    const o1 = (<usize>p) << 2;
    const o2 = p + 1 < count ? o1 + 4 : o1;
    const o3 = p + 2 < count ? o1 + 8 : o1;
    const o4 = p + 3 < count ? o1 + 12 : o1;
    const x1 = f32x4.splat(load<f32>(px + o1));
    const y1 = f32x4.splat(load<f32>(py + o1));
    const z1 = f32x4.splat(load<f32>(pz + o1));
    const x2 = f32x4.splat(load<f32>(px + o2));
    const y2 = f32x4.splat(load<f32>(py + o2));
    const z2 = f32x4.splat(load<f32>(pz + o2));
    const x3 = f32x4.splat(load<f32>(px + o3));
    const y3 = f32x4.splat(load<f32>(py + o3));
    const z3 = f32x4.splat(load<f32>(pz + o3));
    const x4 = f32x4.splat(load<f32>(px + o4));
    const y4 = f32x4.splat(load<f32>(py + o4));
    const z4 = f32x4.splat(load<f32>(pz + o4));
    let accRe1 = f32x4.splat(0);
    let accIm1 = f32x4.splat(0);
    let accRe2 = f32x4.splat(0);
    let accIm2 = f32x4.splat(0);
    let accRe3 = f32x4.splat(0);
    let accIm3 = f32x4.splat(0);
    let accRe4 = f32x4.splat(0);
    let accIm4 = f32x4.splat(0);
    for (let s = src; s < end; s += GROUP) {
      const sx = v128.load(s, 0);
      const sy = v128.load(s, 16);
      const sz = v128.load(s, 32);
      const cRe = v128.load(s, 96);
      const cIm = v128.load(s, 112);
      // the same block for each of the four points
      const dx1 = f32x4.sub(x1, sx);
      const dy1 = f32x4.sub(y1, sy);
      const dz1 = f32x4.sub(z1, sz);
      const r1 = f32x4.sqrt(f32x4.add(f32x4.add(f32x4.mul(dx1, dx1), f32x4.mul(dy1, dy1)), f32x4.mul(dz1, dz1)));
      const amp1 = amplitude<LOSS, DIR>(dx1, dy1, dz1, r1, s, valpha, vkb, invStep, table);
      const phase1 = f32x4.mul(vk, r1);
      const q1 = quadrant(phase1);
      const yr1 = reduce(phase1, q1);
      const yy1 = f32x4.mul(yr1, yr1);
      const sn1 = sinPoly(yr1, yy1);
      const cn1 = cosPoly(yy1);
      const odd1 = oddQuadrant(q1);
      const sin1 = v128.xor(v128.bitselect(cn1, sn1, odd1), sinSign(q1));
      const cos1 = v128.xor(v128.bitselect(sn1, cn1, odd1), cosSign(q1));
      // c·e^(−ikR)·amplitude
      accRe1 = f32x4.add(accRe1, f32x4.mul(amp1, f32x4.add(f32x4.mul(cRe, cos1), f32x4.mul(cIm, sin1))));
      accIm1 = f32x4.add(accIm1, f32x4.mul(amp1, f32x4.sub(f32x4.mul(cIm, cos1), f32x4.mul(cRe, sin1))));
      const dx2 = f32x4.sub(x2, sx);
      const dy2 = f32x4.sub(y2, sy);
      const dz2 = f32x4.sub(z2, sz);
      const r2 = f32x4.sqrt(f32x4.add(f32x4.add(f32x4.mul(dx2, dx2), f32x4.mul(dy2, dy2)), f32x4.mul(dz2, dz2)));
      const amp2 = amplitude<LOSS, DIR>(dx2, dy2, dz2, r2, s, valpha, vkb, invStep, table);
      const phase2 = f32x4.mul(vk, r2);
      const q2 = quadrant(phase2);
      const yr2 = reduce(phase2, q2);
      const yy2 = f32x4.mul(yr2, yr2);
      const sn2 = sinPoly(yr2, yy2);
      const cn2 = cosPoly(yy2);
      const odd2 = oddQuadrant(q2);
      const sin2 = v128.xor(v128.bitselect(cn2, sn2, odd2), sinSign(q2));
      const cos2 = v128.xor(v128.bitselect(sn2, cn2, odd2), cosSign(q2));
      // c·e^(−ikR)·amplitude
      accRe2 = f32x4.add(accRe2, f32x4.mul(amp2, f32x4.add(f32x4.mul(cRe, cos2), f32x4.mul(cIm, sin2))));
      accIm2 = f32x4.add(accIm2, f32x4.mul(amp2, f32x4.sub(f32x4.mul(cIm, cos2), f32x4.mul(cRe, sin2))));
      const dx3 = f32x4.sub(x3, sx);
      const dy3 = f32x4.sub(y3, sy);
      const dz3 = f32x4.sub(z3, sz);
      const r3 = f32x4.sqrt(f32x4.add(f32x4.add(f32x4.mul(dx3, dx3), f32x4.mul(dy3, dy3)), f32x4.mul(dz3, dz3)));
      const amp3 = amplitude<LOSS, DIR>(dx3, dy3, dz3, r3, s, valpha, vkb, invStep, table);
      const phase3 = f32x4.mul(vk, r3);
      const q3 = quadrant(phase3);
      const yr3 = reduce(phase3, q3);
      const yy3 = f32x4.mul(yr3, yr3);
      const sn3 = sinPoly(yr3, yy3);
      const cn3 = cosPoly(yy3);
      const odd3 = oddQuadrant(q3);
      const sin3 = v128.xor(v128.bitselect(cn3, sn3, odd3), sinSign(q3));
      const cos3 = v128.xor(v128.bitselect(sn3, cn3, odd3), cosSign(q3));
      // c·e^(−ikR)·amplitude
      accRe3 = f32x4.add(accRe3, f32x4.mul(amp3, f32x4.add(f32x4.mul(cRe, cos3), f32x4.mul(cIm, sin3))));
      accIm3 = f32x4.add(accIm3, f32x4.mul(amp3, f32x4.sub(f32x4.mul(cIm, cos3), f32x4.mul(cRe, sin3))));
      const dx4 = f32x4.sub(x4, sx);
      const dy4 = f32x4.sub(y4, sy);
      const dz4 = f32x4.sub(z4, sz);
      const r4 = f32x4.sqrt(f32x4.add(f32x4.add(f32x4.mul(dx4, dx4), f32x4.mul(dy4, dy4)), f32x4.mul(dz4, dz4)));
      const amp4 = amplitude<LOSS, DIR>(dx4, dy4, dz4, r4, s, valpha, vkb, invStep, table);
      const phase4 = f32x4.mul(vk, r4);
      const q4 = quadrant(phase4);
      const yr4 = reduce(phase4, q4);
      const yy4 = f32x4.mul(yr4, yr4);
      const sn4 = sinPoly(yr4, yy4);
      const cn4 = cosPoly(yy4);
      const odd4 = oddQuadrant(q4);
      const sin4 = v128.xor(v128.bitselect(cn4, sn4, odd4), sinSign(q4));
      const cos4 = v128.xor(v128.bitselect(sn4, cn4, odd4), cosSign(q4));
      // c·e^(−ikR)·amplitude
      accRe4 = f32x4.add(accRe4, f32x4.mul(amp4, f32x4.add(f32x4.mul(cRe, cos4), f32x4.mul(cIm, sin4))));
      accIm4 = f32x4.add(accIm4, f32x4.mul(amp4, f32x4.sub(f32x4.mul(cIm, cos4), f32x4.mul(cRe, sin4))));
    }
    store<f32>(outRe + o1, sum4(accRe1));
    store<f32>(outIm + o1, sum4(accIm1));
    if (p + 1 < count) {
      store<f32>(outRe + o2, sum4(accRe2));
      store<f32>(outIm + o2, sum4(accIm2));
    }
    if (p + 2 < count) {
      store<f32>(outRe + o3, sum4(accRe3));
      store<f32>(outIm + o3, sum4(accIm3));
    }
    if (p + 3 < count) {
      store<f32>(outRe + o4, sum4(accRe4));
      store<f32>(outIm + o4, sum4(accIm4));
    }
  }
}

/**
 * @param px - point x coordinates (count), f32; py, pz likewise
 * @param count - points
 * @param src - the sources in groups of four (GROUP bytes each: x, y, z, nx, ny, nz [m], Re c, Im c), padded with
 *   c = 0 sources away from every point
 * @param groups - groups of four sources
 * @param k - wavenumber [rad/m]
 * @param alpha - attenuation [Np/m]
 * @param kb - k × piston radius (0: no directivity)
 * @param table - (2J1(x)/x, its difference to the next entry) at x = i·step, i = 0…kb/step, pairs of f32
 * @param step - the table's spacing in x
 * @param outRe - Re p per point, f32; outIm likewise
 */
export function rayleigh(
  px: usize,
  py: usize,
  pz: usize,
  count: i32,
  src: usize,
  groups: i32,
  k: f32,
  alpha: f32,
  kb: f32,
  table: usize,
  step: f32,
  outRe: usize,
  outIm: usize,
): void {
  if (alpha > 0) {
    if (kb > 0) sum<On, On>(px, py, pz, count, src, groups, k, alpha, kb, table, step, outRe, outIm);
    else sum<On, Off>(px, py, pz, count, src, groups, k, alpha, kb, table, step, outRe, outIm);
  } else if (kb > 0) sum<Off, On>(px, py, pz, count, src, groups, k, alpha, kb, table, step, outRe, outIm);
  else sum<Off, Off>(px, py, pz, count, src, groups, k, alpha, kb, table, step, outRe, outIm);
}
