// One explicit (FTCS) step of the Pennes equation for the temperature rise, f32 with SIMD over four voxels, and the
// per-voxel bookkeeping after it (maximum rise, CEM43 dose). The caller pads every per-voxel array with `pad`
// zero voxels before and after the grid (pad ≥ nx·ny + 4), so the ±1, ±nx and ±nx·ny neighbours of every voxel
// are readable without branches: the face conductances of faces on the grid's boundary are 0, which removes those
// neighbours exactly as the JavaScript reference (src/physics/bioheat.ts) does with its bounds checks.

/**
 * One step and its bookkeeping, in one pass over memory. For each voxel:
 * next = rise + dt/(ρc)·[(Σ_faces G(ΔT_n − ΔT) − G_b ΔT + S_b)/dx² − w_b c_b ΔT + q];
 * then the maximum rise so far (f32) and the CEM43 dose so far (f64, exact for the linear ramp from rise to next),
 * skipping voxels that stay below `skipRise` over the baseline — four voxels at a time, and the dose only in the
 * groups where one of the four is warm (the few near the focus). Every voxel gets the same operations, in the same
 * order, as a step followed by a separate max-and-dose pass, so the results are the same to the last bit.
 * @param rise - ΔT now (padded, pointer to voxel 0)
 * @param next - receives ΔT after the step (padded the same way)
 * @param source - q [W/m³] or 0 for none
 * @param faceX - conductance of the +x face of each voxel [W/m/K] (0 on the last face of a row)
 * @param boundary - Σ Dirichlet-face conductance of each voxel
 * @param boundarySource - Σ over Dirichlet faces of k·ΔT_ghost, or 0 for none
 * @param perfusion - w_b c_b [W/m³/K]
 * @param dtOverC - dt/(ρc) per voxel [K·m³/J]
 * @param maximum - max ΔT so far (padded), updated
 * @param dose - CEM43 so far [min], f64, not padded, updated
 * @param dt - [s]
 * @param baseline - body temperature [°C]
 * @param skipRise - [K]
 * @returns the largest ΔT after the step [K] (−∞ for no voxels)
 */
export function pennesStep(
  rise: usize,
  next: usize,
  source: usize,
  faceX: usize,
  faceY: usize,
  faceZ: usize,
  boundary: usize,
  boundarySource: usize,
  perfusion: usize,
  dtOverC: usize,
  maximum: usize,
  dose: usize,
  count: i32,
  nx: i32,
  nxy: i32,
  invDx2: f32,
  dt: f64,
  baseline: f64,
  skipRise: f32,
): f32 {
  const sy = <usize>nx << 2;
  const sz = <usize>nxy << 2;
  const g = f32x4.splat(invDx2);
  const skip = f32x4.splat(skipRise);
  let peak = f32x4.splat(-Infinity);
  let tailPeak: f32 = -Infinity;
  const bytes = <usize>count << 2;
  for (let p: usize = 0; p < bytes; p += 16) {
    const t = v128.load(rise + p);
    const fx = v128.load(faceX + p);
    const fxm = v128.load(faceX + p - 4);
    const fy = v128.load(faceY + p);
    const fym = v128.load(faceY + p - sy);
    const fz = v128.load(faceZ + p);
    const fzm = v128.load(faceZ + p - sz);
    let flux = f32x4.mul(fx, f32x4.sub(v128.load(rise + p + 4), t));
    flux = f32x4.add(flux, f32x4.mul(fxm, f32x4.sub(v128.load(rise + p - 4), t)));
    flux = f32x4.add(flux, f32x4.mul(fy, f32x4.sub(v128.load(rise + p + sy), t)));
    flux = f32x4.add(flux, f32x4.mul(fym, f32x4.sub(v128.load(rise + p - sy), t)));
    flux = f32x4.add(flux, f32x4.mul(fz, f32x4.sub(v128.load(rise + p + sz), t)));
    flux = f32x4.add(flux, f32x4.mul(fzm, f32x4.sub(v128.load(rise + p - sz), t)));
    flux = f32x4.sub(flux, f32x4.mul(v128.load(boundary + p), t));
    if (boundarySource) flux = f32x4.add(flux, v128.load(boundarySource + p));
    let rhs = f32x4.sub(f32x4.mul(flux, g), f32x4.mul(v128.load(perfusion + p), t));
    if (source) rhs = f32x4.add(rhs, v128.load(source + p));
    const after = f32x4.add(t, f32x4.mul(rhs, v128.load(dtOverC + p)));
    v128.store(next + p, after);
    // pmax(m, x) = m < x ? x : m: the scalar "if (x > m) m = x", NaN and all.
    v128.store(maximum + p, f32x4.pmax(v128.load(maximum + p), after));
    const first = <i32>(p >> 2);
    const lanes = min<i32>(4, count - first);
    if (lanes === 4) peak = f32x4.pmax(peak, after);
    else {
      // The last, partial group: its lanes beyond the grid are padding (no peak, no dose there).
      for (let l = 0; l < lanes; l++) {
        const x = load<f32>(next + p + (<usize>l << 2));
        if (x > tailPeak) tailPeak = x;
      }
    }
    if (i32x4.all_true(v128.and(f32x4.lt(t, skip), f32x4.lt(after, skip)))) continue;
    if (lanes === 4) {
      // Two voxels at a time in f64 (a warm region, late in a plan, has every group warm).
      const d = dose + (<usize>first << 3);
      const high = i32x4.shuffle(t, t, 2, 3, 2, 3);
      const highAfter = i32x4.shuffle(after, after, 2, 3, 2, 3);
      dosePair(d, f64x2.promote_low_f32x4(t), f64x2.promote_low_f32x4(after), baseline, dt, skipRise);
      dosePair(d + 16, f64x2.promote_low_f32x4(high), f64x2.promote_low_f32x4(highAfter), baseline, dt, skipRise);
      continue;
    }
    for (let l = 0; l < lanes; l++) {
      const a = load<f32>(rise + p + (<usize>l << 2));
      const b = load<f32>(next + p + (<usize>l << 2));
      doseOne(dose + (<usize>(first + l) << 3), a, b, baseline, dt, skipRise);
    }
  }
  let best = tailPeak;
  const l0 = f32x4.extract_lane(peak, 0);
  const l1 = f32x4.extract_lane(peak, 1);
  const l2 = f32x4.extract_lane(peak, 2);
  const l3 = f32x4.extract_lane(peak, 3);
  if (l0 > best) best = l0;
  if (l1 > best) best = l1;
  if (l2 > best) best = l2;
  if (l3 > best) best = l3;
  return best;
}

const LN_HALF: f64 = -0.6931471805599453;
const LN_QUARTER: f64 = -1.3862943611198906;

// Reciprocals of the series' divisors: a division costs several multiplications' time in the dose's inner loop.
const INV_6: f64 = 1.0 / 6;
const INV_20: f64 = 1.0 / 20;
const INV_42: f64 = 1.0 / 42;
const INV_72: f64 = 1.0 / 72;
const INV_110: f64 = 1.0 / 110;
const INV_156: f64 = 1.0 / 156;
const INV_60: f64 = 1.0 / 60;

/**
 * sinh(y)/y without cancellation near 0. A step changes T by a fraction of a kelvin, so |y| < 1/2 almost always:
 * there the Taylor series to y¹², whose remainder (< y¹⁴/15! ≈ 5e-17) is below f64 round-off, costs a few
 * multiplications where Math.sinh costs an expm1 and a division (the dose was half of a Pennes step's time).
 */
function sinhc(y: f64): f64 {
  const y2 = y * y;
  if (y2 < 0.25) {
    return (
      1 +
      y2 *
        INV_6 *
        (1 + y2 * INV_20 * (1 + y2 * INV_42 * (1 + y2 * INV_72 * (1 + y2 * INV_110 * (1 + y2 * INV_156)))))
    );
  }
  return Math.sinh(y) / y;
}

/** ∫ R^(43 − T(t)) dt over a linear segment that does not cross 43 °C [s]. */
function segment(t0: f64, t1: f64, dt: f64): f64 {
  const lnR = min(t0, t1) >= 43 ? LN_HALF : LN_QUARTER;
  return dt * Math.exp((43 - 0.5 * (t0 + t1)) * lnR) * sinhc(((t1 - t0) * lnR) / 2);
}

/** One voxel's dose step, as the two-voxel path falls back to it: nothing while it stays below skipRise. */
// @ts-ignore: decorator
@inline
function doseOne(d: usize, a: f32, b: f32, baseline: f64, dt: f64, skipRise: f32): void {
  if (a < skipRise && b < skipRise) return;
  store<f64>(d, load<f64>(d) + cem43Step(baseline + <f64>a, baseline + <f64>b, dt));
}

// e^r on |r| ≤ ln2/2 by its Taylor series to r¹³ (remainder < 0.35¹⁴/14! ≈ 4e-18, below f64 round-off),
// evaluated by Estrin's scheme: a shallow tree of products instead of Horner's chain of thirteen.
const C2: f64 = 1.0 / 2;
const C3: f64 = 1.0 / 6;
const C4: f64 = 1.0 / 24;
const C5: f64 = 1.0 / 120;
const C6: f64 = 1.0 / 720;
const C7: f64 = 1.0 / 5040;
const C8: f64 = 1.0 / 40320;
const C9: f64 = 1.0 / 362880;
const C10: f64 = 1.0 / 3628800;
const C11: f64 = 1.0 / 39916800;
const C12: f64 = 1.0 / 479001600;
const C13: f64 = 1.0 / 6227020800;
const LOG2E: f64 = 1.4426950408889634;
// ln 2 split so that n·LN2_HI is exact for |n| < 2^11 (Cody and Waite).
const LN2_HI: f64 = 6.93147180369123816490e-1;
const LN2_LO: f64 = 1.90821492927058770002e-10;
// 1.5·2^52: adding it leaves an integral f64's value, as an integer, in the low bits of its representation.
const ROUND_MAGIC: f64 = 6755399441055744.0;
// Beyond ±700 the dose would be e^±700: ±700 keeps 2^n representable (a dose exponent of 700 is 1050 °C).
const EXP_LIMIT: f64 = 700;

/**
 * e^x for two lanes: x = n·ln2 + r, |r| ≤ ln2/2, e^x = 2^n·e^r with 2^n set in the exponent bits. Within a couple
 * of ulp of Math.exp (the scalar path) for |x| ≤ 700; x is clamped there.
 */
// @ts-ignore: decorator
@inline
function expPair(x: v128): v128 {
  const limit = f64x2.splat(EXP_LIMIT);
  const clamped = f64x2.pmax(f64x2.neg(limit), f64x2.pmin(limit, x));
  const n = f64x2.nearest(f64x2.mul(clamped, f64x2.splat(LOG2E)));
  const r = f64x2.sub(
    f64x2.sub(clamped, f64x2.mul(n, f64x2.splat(LN2_HI))),
    f64x2.mul(n, f64x2.splat(LN2_LO)),
  );
  const r2 = f64x2.mul(r, r);
  const r4 = f64x2.mul(r2, r2);
  const r8 = f64x2.mul(r4, r4);
  const p01 = f64x2.add(f64x2.splat(1), r);
  const p23 = f64x2.add(f64x2.splat(C2), f64x2.mul(f64x2.splat(C3), r));
  const p45 = f64x2.add(f64x2.splat(C4), f64x2.mul(f64x2.splat(C5), r));
  const p67 = f64x2.add(f64x2.splat(C6), f64x2.mul(f64x2.splat(C7), r));
  const p89 = f64x2.add(f64x2.splat(C8), f64x2.mul(f64x2.splat(C9), r));
  const p1011 = f64x2.add(f64x2.splat(C10), f64x2.mul(f64x2.splat(C11), r));
  const p1213 = f64x2.add(f64x2.splat(C12), f64x2.mul(f64x2.splat(C13), r));
  const q0 = f64x2.add(p01, f64x2.mul(p23, r2));
  const q1 = f64x2.add(p45, f64x2.mul(p67, r2));
  const q2 = f64x2.add(p89, f64x2.mul(p1011, r2));
  const s0 = f64x2.add(q0, f64x2.mul(q1, r4));
  const s1 = f64x2.add(q2, f64x2.mul(p1213, r4));
  const poly = f64x2.add(s0, f64x2.mul(s1, r8));
  const magic = f64x2.splat(ROUND_MAGIC);
  const integer = i64x2.sub(f64x2.add(n, magic), magic);
  const scale = i64x2.shl(i64x2.add(integer, i64x2.splat(1023)), 52);
  return f64x2.mul(poly, scale);
}

/**
 * The dose step of two voxels (rises a and b before and after, f64 lanes), the same integral as cem43Step: the
 * common case — neither crosses 43 °C, the step changes ln R·ΔT by less than 1 — in two lanes, anything else
 * by the scalar path.
 */
// @ts-ignore: decorator
@inline
function dosePair(d: usize, a: v128, b: v128, baseline: f64, dt: f64, skipRise: f32): void {
  const skip = f64x2.splat(<f64>skipRise);
  const cold = v128.and(f64x2.lt(a, skip), f64x2.lt(b, skip));
  if (i64x2.all_true(cold)) return;
  const base = f64x2.splat(baseline);
  const t0 = f64x2.add(base, a);
  const t1 = f64x2.add(base, b);
  const lo = f64x2.pmin(t1, t0);
  const hi = f64x2.pmax(t1, t0);
  const pivot = f64x2.splat(43);
  const crosses = v128.and(f64x2.lt(lo, pivot), f64x2.gt(hi, pivot));
  const lnR = v128.bitselect(f64x2.splat(LN_HALF), f64x2.splat(LN_QUARTER), f64x2.ge(lo, pivot));
  const y = f64x2.mul(f64x2.mul(f64x2.sub(t1, t0), lnR), f64x2.splat(0.5));
  const y2 = f64x2.mul(y, y);
  const wide = f64x2.ge(y2, f64x2.splat(0.25));
  if (v128.any_true(v128.andnot(v128.or(crosses, wide), cold))) {
    doseOne(d, <f32>f64x2.extract_lane(a, 0), <f32>f64x2.extract_lane(b, 0), baseline, dt, skipRise);
    doseOne(d + 8, <f32>f64x2.extract_lane(a, 1), <f32>f64x2.extract_lane(b, 1), baseline, dt, skipRise);
    return;
  }
  const e = expPair(
    f64x2.mul(f64x2.sub(pivot, f64x2.mul(f64x2.splat(0.5), f64x2.add(t0, t1))), lnR),
  );
  // sinh(y)/y by the series of sinhc, term for term.
  const one = f64x2.splat(1);
  let series = f64x2.add(one, f64x2.mul(y2, f64x2.splat(INV_156)));
  series = f64x2.add(one, f64x2.mul(f64x2.mul(y2, f64x2.splat(INV_110)), series));
  series = f64x2.add(one, f64x2.mul(f64x2.mul(y2, f64x2.splat(INV_72)), series));
  series = f64x2.add(one, f64x2.mul(f64x2.mul(y2, f64x2.splat(INV_42)), series));
  series = f64x2.add(one, f64x2.mul(f64x2.mul(y2, f64x2.splat(INV_20)), series));
  series = f64x2.add(one, f64x2.mul(f64x2.mul(y2, f64x2.splat(INV_6)), series));
  const step = f64x2.mul(f64x2.mul(f64x2.mul(f64x2.splat(dt), e), series), f64x2.splat(INV_60));
  const added = v128.bitselect(f64x2.splat(0), step, cold);
  v128.store(d, f64x2.add(v128.load(d), added));
}

/** CEM43 of a step with T linear from t0 to t1 [min] (split at 43 °C; as src/physics/thermal-dose.ts). */
function cem43Step(t0: f64, t1: f64, dt: f64): f64 {
  if ((t0 < 43 && t1 > 43) || (t0 > 43 && t1 < 43)) {
    const s = (43 - t0) / (t1 - t0);
    return (segment(t0, 43, s * dt) + segment(43, t1, (1 - s) * dt)) * INV_60;
  }
  return segment(t0, t1, dt) * INV_60;
}
