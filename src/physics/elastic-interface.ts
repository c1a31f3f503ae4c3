/**
 * Plane-wave reflection and transmission at a flat interface from a fluid (soft tissue) into an elastic solid
 * (cortical bone), with mode conversion into a shear wave.
 *
 * A fluid model of bone (interfaces.ts) transmits nothing beyond the longitudinal critical angle (≈ 27° soft tissue
 * → cortical bone). A real bone is a solid: part of the incident energy enters as a shear wave, whose speed
 * (≈ 1500 m/s) is below soft tissue's, so it propagates at every angle and is absorbed within millimetres of the
 * surface — the periosteal heating that bone-metastasis MRgFUS relies on (PHYSICS.md §1.7, §5).
 *
 * Liquid–solid half-spaces (Brekhovskikh & Godin, Acoustics of Layered Media I, §4.2), incidence θ from the normal,
 * Snell sinθ/c = sinθ_l/c_l = sinγ/c_t, impedances Z = ρc/cosθ, Z_l = ρ₁c_l/cosθ_l, Z_t = ρ₁c_t/cosγ and
 * Z_s = Z_l cos²2γ + Z_t sin²2γ:
 *
 *     V   = (Z_s − Z)/(Z_s + Z)                               reflected / incident (pressure)
 *     W_l = (ρ/ρ₁) · 2 Z_l cos2γ/(Z_s + Z)                    longitudinal / incident (potential)
 *     W_t = −(ρ/ρ₁) · 2 Z_t sin2γ/(Z_s + Z)                   shear / incident (potential)
 *
 * Energy flux normal to the interface of a wave with potential amplitude A is ∝ ρ|A|²cosθ/c, so the fractions of
 * the incident flux are |V|², (ρ₁ c cosθ_l)/(ρ c_l cosθ)·|W_l|² and (ρ₁ c cosγ)/(ρ c_t cosθ)·|W_t|², and they add
 * up to 1 (checked in tests/physics/elastic-interface.test.ts). Beyond the longitudinal critical angle cosθ_l is
 * imaginary (evanescent wave, no energy) and the incident energy splits between the reflection and the shear wave.
 * With c_t → 0 the formulas reduce to the fluid–fluid ones (interfaces.ts).
 *
 * The "pressure" of the longitudinal wave in the solid, as a fluid model of bone carries it (ρ₁, c_l), is
 * p_l = (ρ₁/ρ)·W_l·p_i, so T_p = 2 Z_l cos2γ/(Z_s + Z).
 *
 * @see PHYSICS.md §1.7, §5 (White, Clement & Hynynen 2006 for bone shear speed and attenuation)
 */

/** A complex number as [re, im]. */
type Complex = readonly [number, number];

function add(a: Complex, b: Complex): Complex {
  return [a[0] + b[0], a[1] + b[1]];
}
function sub(a: Complex, b: Complex): Complex {
  return [a[0] - b[0], a[1] - b[1]];
}
function mul(a: Complex, b: Complex): Complex {
  return [a[0] * b[0] - a[1] * b[1], a[0] * b[1] + a[1] * b[0]];
}
function div(a: Complex, b: Complex): Complex {
  const d = b[0] * b[0] + b[1] * b[1];
  return [(a[0] * b[0] + a[1] * b[1]) / d, (a[1] * b[0] - a[0] * b[1]) / d];
}
function scale(a: Complex, s: number): Complex {
  return [a[0] * s, a[1] * s];
}
function abs2(a: Complex): number {
  return a[0] * a[0] + a[1] * a[1];
}

/**
 * Normal wavenumber k_z = √(k̃² − k_⊥²) of a wave with complex wavenumber k̃ = ω/c − iα, on the branch of an outgoing
 * wave with e^{+iωt}: Re k_z ≥ 0 and Im k_z ≤ 0 (it decays away from the interface, and beyond a critical angle it
 * is evanescent).
 */
function normalWavenumber(k: Complex, lateral: number): Complex {
  const aRe = k[0] * k[0] - k[1] * k[1] - lateral * lateral;
  const aIm = 2 * k[0] * k[1];
  const modulus = Math.hypot(aRe, aIm);
  const re = Math.sqrt(Math.max(0, (modulus + aRe) / 2));
  const im = Math.sqrt(Math.max(0, (modulus - aRe) / 2));
  // The principal root has Im ≥ 0 when aIm ≥ 0; a lossy or evanescent wave needs Im ≤ 0 with Re ≥ 0.
  return aIm > 0 ? [-re, -im] : [re, -im];
}

/** One side of an interface. */
export interface FluidSide {
  /** ρ [kg/m³] */
  readonly density: number;
  /** c [m/s] */
  readonly speedOfSound: number;
  /** amplitude attenuation α [Np/m] (default 0): makes the impedance ρω/k̃ complex, as in a lossy medium */
  readonly attenuation?: number;
}

/** An isotropic elastic solid (bone). */
export interface SolidSide {
  /** ρ₁ [kg/m³] */
  readonly density: number;
  /** longitudinal speed c_l [m/s] */
  readonly speedOfSound: number;
  /** shear speed c_t [m/s] (0 = a fluid) */
  readonly shearSpeed: number;
  /** longitudinal amplitude attenuation [Np/m] (default 0) */
  readonly attenuation?: number;
  /** shear amplitude attenuation [Np/m] (default 0) */
  readonly shearAttenuation?: number;
}

/** Coefficients of one incidence angle. */
export interface ElasticInterface {
  /** reflected / incident pressure [-], complex [re, im] */
  readonly reflection: Complex;
  /** longitudinal pressure in the solid (fluid-model pressure ρ₁ω²φ_l) / incident pressure [-], complex */
  readonly longitudinalTransmission: Complex;
  /** fraction of the incident energy flux (normal to the interface) reflected [-] */
  readonly reflectedEnergy: number;
  /** … carried into the solid by the longitudinal wave (0 beyond its critical angle) [-] */
  readonly longitudinalEnergy: number;
  /** … carried into the solid by the mode-converted shear wave [-] */
  readonly shearEnergy: number;
  /** refraction angle of the shear wave γ from the normal [rad] (NaN if the shear wave is evanescent) */
  readonly shearAngle: number;
  /** true when the longitudinal wave in the solid is evanescent (θ beyond arcsin(c/c_l)) */
  readonly beyondLongitudinalCriticalAngle: boolean;
}

/**
 * Reflection, longitudinal transmission and shear conversion of a plane wave going from a fluid into a solid.
 * @param fluid - incident side (ρ, c)
 * @param solid - solid side (ρ₁, c_l, c_t)
 * @param cosIncidence - cos θ of the incidence angle from the normal, in (0, 1]
 * @param frequency - f [Hz]; when given, attenuations make the wavenumbers k̃ = ω/c − iα and the impedances
 *   ρω/k_z complex (a lossy medium's exact impedance); absent, the media are lossless
 * @returns complex pressure coefficients and the energy split (reflected + longitudinal + shear = 1 when lossless)
 * @see Brekhovskikh & Godin, Acoustics of Layered Media I (1990), §4.2; PHYSICS.md §1.7
 * @example
 * const muscleToBone = fluidSolidInterface({ density: 1090, speedOfSound: 1588.4 },
 *   { density: 1908, speedOfSound: 3514.9, shearSpeed: 1500 }, Math.cos(0.6));
 */
export function fluidSolidInterface(
  fluid: FluidSide,
  solid: SolidSide,
  cosIncidence: number,
  frequency?: number,
): ElasticInterface {
  const cosI = Math.min(1, Math.max(1e-9, cosIncidence));
  const sinI = Math.sqrt(Math.max(0, 1 - cosI * cosI));
  // Without a frequency the media are taken lossless (every coefficient then depends only on ratios of speeds).
  const lossy = frequency !== undefined && frequency > 0;
  const omega = lossy ? 2 * Math.PI * frequency : 1;
  const wave = (c: number, alpha: number | undefined): Complex => [omega / c, lossy ? -(alpha ?? 0) : 0];
  const rho = fluid.density;
  const rho1 = solid.density;
  const hasShear = solid.shearSpeed > 0;
  const k1 = wave(fluid.speedOfSound, fluid.attenuation);
  const lateral = (omega / fluid.speedOfSound) * sinI;
  const kz = normalWavenumber(k1, lateral);
  const kl = wave(solid.speedOfSound, solid.attenuation);
  const kzl = normalWavenumber(kl, lateral);
  // Impedances of the normal motion, Z = ρω/k_z (= ρc/cosθ when lossless).
  const z = div([rho * omega, 0], kz);
  const zl = div([rho1 * omega, 0], kzl);
  let zs = zl;
  let cos2g: Complex = [1, 0];
  let sin2g: Complex = [0, 0];
  let zt: Complex = [0, 0];
  let kzt: Complex = [0, 0];
  if (hasShear) {
    const kt = wave(solid.shearSpeed, solid.shearAttenuation);
    kzt = normalWavenumber(kt, lateral);
    zt = div([rho1 * omega, 0], kzt);
    const sinG = div([lateral, 0], kt);
    const cosG = div(kzt, kt);
    cos2g = sub([1, 0], scale(mul(sinG, sinG), 2));
    sin2g = scale(mul(sinG, cosG), 2);
    zs = add(mul(zl, mul(cos2g, cos2g)), mul(zt, mul(sin2g, sin2g)));
  }
  const denominator = add(zs, z);
  const reflection = div(sub(zs, z), denominator);
  const wl = scale(div(mul(zl, cos2g), denominator), (2 * rho) / rho1);
  const wt = hasShear ? scale(div(mul(zt, sin2g), denominator), (-2 * rho) / rho1) : ([0, 0] as Complex);
  const longitudinalPropagates = lateral < omega / solid.speedOfSound;
  const shearPropagates = hasShear && lateral < omega / solid.shearSpeed;
  // Normal energy flux ∝ ρ|A|² Re k_z (k_z the normal wavenumber of each wave).
  const longitudinalEnergy = longitudinalPropagates ? ((rho1 * kzl[0]) / (rho * kz[0])) * abs2(wl) : 0;
  const shearEnergy = shearPropagates ? ((rho1 * kzt[0]) / (rho * kz[0])) * abs2(wt) : 0;
  return {
    reflection,
    longitudinalTransmission: scale(wl, rho1 / rho),
    reflectedEnergy: abs2(reflection),
    longitudinalEnergy,
    shearEnergy,
    shearAngle: shearPropagates ? Math.asin((sinI * solid.shearSpeed) / fluid.speedOfSound) : Number.NaN,
    beyondLongitudinalCriticalAngle: !longitudinalPropagates,
  };
}
