// One explicit (FTCS) step of the Pennes equation for the temperature rise, f32 with SIMD over four voxels, and the
// per-voxel bookkeeping after it (maximum rise, CEM43 dose). The caller pads every per-voxel array with `pad`
// zero voxels before and after the grid (pad ≥ nx·ny + 4), so the ±1, ±nx and ±nx·ny neighbours of every voxel
// are readable without branches: the face conductances of faces on the grid's boundary are 0, which removes those
// neighbours exactly as the JavaScript reference (src/physics/bioheat.ts) does with its bounds checks.

/**
 * next = rise + dt/(ρc)·[(Σ_faces G(ΔT_n − ΔT) − G_b ΔT + S_b)/dx² − w_b c_b ΔT + q], over `count` voxels.
 * @param rise - ΔT now (padded, pointer to voxel 0)
 * @param next - receives ΔT after the step (padded the same way)
 * @param source - q [W/m³] or 0 for none
 * @param faceX - conductance of the +x face of each voxel [W/m/K] (0 on the last face of a row)
 * @param boundary - Σ Dirichlet-face conductance of each voxel
 * @param boundarySource - Σ over Dirichlet faces of k·ΔT_ghost, or 0 for none
 * @param perfusion - w_b c_b [W/m³/K]
 * @param dtOverC - dt/(ρc) per voxel [K·m³/J]
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
  count: i32,
  nx: i32,
  nxy: i32,
  invDx2: f32,
): void {
  const sy = <usize>nx << 2;
  const sz = <usize>nxy << 2;
  const g = f32x4.splat(invDx2);
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
    v128.store(next + p, f32x4.add(t, f32x4.mul(rhs, v128.load(dtOverC + p))));
  }
}

const LN_HALF: f64 = -0.6931471805599453;
const LN_QUARTER: f64 = -1.3862943611198906;

/** sinh(y)/y without cancellation near 0. */
function sinhc(y: f64): f64 {
  const a = Math.abs(y);
  if (a < 1e-4) return 1 + (y * y) / 6;
  return Math.sinh(y) / y;
}

/** ∫ R^(43 − T(t)) dt over a linear segment that does not cross 43 °C [s]. */
function segment(t0: f64, t1: f64, dt: f64): f64 {
  const lnR = min(t0, t1) >= 43 ? LN_HALF : LN_QUARTER;
  return dt * Math.exp((43 - 0.5 * (t0 + t1)) * lnR) * sinhc(((t1 - t0) * lnR) / 2);
}

/** CEM43 of a step with T linear from t0 to t1 [min] (split at 43 °C; as src/physics/thermal-dose.ts). */
function cem43Step(t0: f64, t1: f64, dt: f64): f64 {
  if ((t0 < 43 && t1 > 43) || (t0 > 43 && t1 < 43)) {
    const s = (43 - t0) / (t1 - t0);
    return (segment(t0, 43, s * dt) + segment(43, t1, (1 - s) * dt)) / 60;
  }
  return segment(t0, t1, dt) / 60;
}

/**
 * After a step: maximum rise so far (f32) and CEM43 so far (f64), skipping voxels that stay below `skipRise`.
 * @param before - ΔT at the start of the step
 * @param after - ΔT at its end
 * @param maximum - max ΔT so far, updated
 * @param dose - CEM43 so far [min], f64, updated
 */
export function maxAndDose(
  before: usize,
  after: usize,
  maximum: usize,
  dose: usize,
  count: i32,
  dt: f64,
  baseline: f64,
  skipRise: f32,
): void {
  for (let v = 0; v < count; v++) {
    const p = <usize>v << 2;
    const b = load<f32>(after + p);
    if (b > load<f32>(maximum + p)) store<f32>(maximum + p, b);
    const a = load<f32>(before + p);
    if (a < skipRise && b < skipRise) continue;
    const d = dose + (<usize>v << 3);
    store<f64>(d, load<f64>(d) + cem43Step(baseline + <f64>a, baseline + <f64>b, dt));
  }
}
