import { type AcousticDrive, computeAcousticField } from './acoustic-field.ts';
import type { TissueId } from './tissue-ids.ts';
import { BLOOD_SPECIFIC_HEAT, BODY_TEMPERATURE, type Medium, TISSUES } from './tissues.ts';

/**
 * Fast estimates for live planning feedback (PHYSICS.md §1.1, §1.2, §1.5): the focal pressure from a single-point
 * Rayleigh sum, the focal spot size of a spherical cap, and the centre temperature rise of a Gaussian heat source.
 * Estimates, not simulations: see the validity notes of each function.
 */

/**
 * Paraxial focal-spot constants of a uniformly driven spherical cap (PHYSICS.md §1.2, §3). Lateral pressure
 * 2J1(x)/x with x = k (D/2) r/R; axial pressure ∝ sinc(y) with y = k (D/2)² z/(4R²) near the focus.
 * − pressure −6 dB (|p| = ½): x = 2.2151 → full width 1.410 λR/D (the usual "1.41 λF#");
 * − intensity (q ∝ |p|²) half maximum, |p| = 1/√2: x = 1.6163 → 1.029 λR/D laterally; y = 1.3916 → 7.09 λ(R/D)²
 *   axially (the usual "7 λF#²").
 */
export const LATERAL_WIDTH_6DB_PER_LAMBDA_FNUMBER = 1.41;
export const LATERAL_INTENSITY_FWHM_PER_LAMBDA_FNUMBER = (2 * 1.6163) / Math.PI;
export const AXIAL_INTENSITY_FWHM_PER_LAMBDA_FNUMBER2 = (2 * 1.3916 * 8) / Math.PI;
/** FWHM of a Gaussian over its σ: 2√(2 ln 2). */
export const FWHM_PER_SIGMA = 2 * Math.sqrt(2 * Math.LN2);

/** Sizes of the focal spot [m]. */
export interface FocalSpot {
  /** λ in the medium [m] */
  wavelength: number;
  /** lateral width at |p| = ½ peak (−6 dB pressure): 1.41 λR/D [m]; the default spot-grid spacing */
  lateralWidth6dB: number;
  /** lateral full width at half maximum of the intensity (heat source) [m] */
  lateralFwhm: number;
  /** axial full width at half maximum of the intensity [m] */
  axialFwhm: number;
  /** σ of the Gaussian with the heat source's lateral FWHM: lateralFwhm / 2.355 [m] */
  sigmaLateral: number;
  /** σ of the Gaussian with the heat source's axial FWHM [m] */
  sigmaAxial: number;
}

/**
 * Focal spot of a spherical cap in a homogeneous medium, paraxial formulas (see the constants above). The heat
 * source q ∝ |p|², so its Gaussian σ comes from the intensity FWHM (the pressure −3 dB width), not from the
 * −6 dB pressure width: σ_lat = 1.029 λR/D / 2.355 = 0.437 λR/D, σ_ax = 7.09 λ(R/D)² / 2.355. Validity: paraxial
 * (F# ≳ 1; at F# 1.33 the −6 dB lateral width is within 5 % of the Rayleigh sum, src/physics/CONTEXT.md).
 * @param frequency - f [Hz]
 * @param radiusOfCurvature - R [m]
 * @param aperture - D [m]
 * @param speedOfSound - c of the medium (water for the array's own spot) [m/s]
 * @returns widths and Gaussian σ [m]
 * @see PHYSICS.md §1.2, §3 (−6 dB ≈ 2.8 mm lateral for the body array)
 */
export function focalSpot(
  frequency: number,
  radiusOfCurvature: number,
  aperture: number,
  speedOfSound: number,
): FocalSpot {
  if (!(frequency > 0 && radiusOfCurvature > 0 && aperture > 0 && speedOfSound > 0)) {
    throw new RangeError('focalSpot: frequency, radius of curvature, aperture and speed must be positive');
  }
  const wavelength = speedOfSound / frequency;
  const fNumber = radiusOfCurvature / aperture;
  const lateralFwhm = LATERAL_INTENSITY_FWHM_PER_LAMBDA_FNUMBER * wavelength * fNumber;
  const axialFwhm = AXIAL_INTENSITY_FWHM_PER_LAMBDA_FNUMBER2 * wavelength * fNumber * fNumber;
  return {
    wavelength,
    lateralWidth6dB: LATERAL_WIDTH_6DB_PER_LAMBDA_FNUMBER * wavelength * fNumber,
    lateralFwhm,
    axialFwhm,
    sigmaLateral: lateralFwhm / FWHM_PER_SIGMA,
    sigmaAxial: axialFwhm / FWHM_PER_SIGMA,
  };
}

/**
 * PHYSICS.md §1.5 analytic test 3: centre rise of a spherical Gaussian source q0 exp(−r²/(2σ²)) switched on at
 * t = 0 in an infinite homogeneous medium without perfusion: ΔT(0,t) = (q0 σ²/k)[1 − σ/√(σ² + 2Dt)].
 * @param q0 - peak heat source [W/m³]
 * @param sigma - σ [m]
 * @param conductivity - k [W/m/K]
 * @param diffusivity - D = k/(ρc) [m²/s]
 * @param time - t [s]
 * @returns ΔT at the centre [K]
 * @see PHYSICS.md §1.5 (test 3)
 */
export function gaussianSourceCentreRise(
  q0: number,
  sigma: number,
  conductivity: number,
  diffusivity: number,
  time: number,
): number {
  return ((q0 * sigma * sigma) / conductivity) * (1 - sigma / Math.sqrt(sigma * sigma + 2 * diffusivity * time));
}

/** A Gaussian heat source in a homogeneous medium. */
export interface GaussianHeating {
  /** peak heat source [W/m³] */
  q0: number;
  /** σ along three orthogonal axes [m] (the focal spot: lateral, lateral, axial) */
  sigmas: readonly [number, number, number];
  /** ρ c_p [J/m³/K] */
  heatCapacity: number;
  /** k [W/m/K] */
  conductivity: number;
  /** w_b c_b [W/m³/K] (0 = no perfusion) */
  perfusionHeat: number;
  /** heating time [s] */
  time: number;
}

/**
 * Centre rise of an anisotropic Gaussian source q0 exp(−Σ x_i²/(2σ_i²)) switched on at t = 0, infinite homogeneous
 * Pennes medium. Superposing PHYSICS.md §1.5 test 4 (a Gaussian spreads as σ_i² → σ_i² + 2Ds and decays as
 * e^{−s/τ}, τ = ρc/(w_b c_b)) over the source history:
 *   ΔT(0,t) = (q0/ρc) ∫0^t e^{−s/τ} Π_i σ_i/√(σ_i² + 2Ds) ds,
 * evaluated by Simpson's rule in x = √(s/t) (smooth at s = 0), 512 intervals (≤ 1e-9 relative to the closed form
 * of test 3 for σ_i equal and no perfusion). Reduces to test 3 for equal σ and τ → ∞.
 * @param h - source, medium and time
 * @returns ΔT at the centre [K]
 * @see PHYSICS.md §1.5 (tests 3 and 4)
 */
export function gaussianHeatingRise(h: GaussianHeating): number {
  const { q0, sigmas, heatCapacity, conductivity, perfusionHeat, time } = h;
  if (!(time > 0) || q0 === 0) return 0;
  const diffusivity = conductivity / heatCapacity;
  const rate = perfusionHeat / heatCapacity;
  const f = (x: number): number => {
    const s = time * x * x;
    let product = Math.exp(-s * rate);
    for (const sigma of sigmas) product *= sigma / Math.sqrt(sigma * sigma + 2 * diffusivity * s);
    return product * 2 * time * x; // ds = 2 t x dx
  };
  const n = 512;
  const step = 1 / n;
  let sum = f(0) + f(1);
  for (let i = 1; i < n; i++) sum += (i % 2 === 1 ? 4 : 2) * f(i * step);
  return ((q0 / heatCapacity) * sum * step) / 3;
}

/** |p| and q at one point, from the firing elements through their tissue paths. */
export interface FocalField {
  /** [Pa] */
  pressure: number;
  /** α_abs |p|²/(ρc) with the point's tissue [W/m³] */
  heatSource: number;
  activeElements: number;
  /** active elements beyond the critical angle (they add nothing there) */
  elementsBeyondCriticalAngle: number;
  /** surface velocity amplitude of an element of weight 1: u0 = √(2W/(ρ_w c_w Σ w² ΔS)) [m/s] */
  surfaceVelocity: number;
}

/**
 * The field at the focus only: computeAcousticField on a one-voxel grid centred on `drive.focus` labelled with the
 * focus's tissue — the same Rayleigh sum, path gains, drive and q as the full sonication (the in-region attenuation
 * correction is 1 at the focus), at the cost of one point (N complex terms). Gas at the focus gives 0.
 * @param drive - elements (with `active`), power, focus, paths
 * @param focusTissue - tissue at the focus
 * @returns |p|, q, counts and u0; zeros when no element is active
 * @see PHYSICS.md §1.1, §1.4
 */
export function focalField(drive: AcousticDrive, focusTissue: TissueId): FocalField {
  const e = drive.elements;
  const n = e.areas.length;
  let weightedArea = 0;
  let active = 0;
  for (let i = 0; i < n; i++) {
    if (e.active && e.active[i] !== 1) continue;
    const w = e.amplitudes ? (e.amplitudes[i] as number) : 1;
    if (w > 0) {
      weightedArea += w * w * (e.areas[i] as number);
      active++;
    }
  }
  if (active === 0) {
    return { pressure: 0, heatSource: 0, activeElements: 0, elementsBeyondCriticalAngle: 0, surfaceVelocity: 0 };
  }
  const water = (drive.medium ?? TISSUES).water;
  const surfaceVelocity = Math.sqrt((2 * drive.acousticPower) / (water.density * water.speedOfSound * weightedArea));
  const [x, y, z] = drive.focus;
  const grid = { nx: 1, ny: 1, nz: 1, spacing: 1e-3, origin: [x, y, z] as const };
  const field = computeAcousticField(drive, grid, new Uint8Array(1), [focusTissue]);
  return {
    pressure: field.pressure[0] as number,
    heatSource: field.heatSource[0] as number,
    activeElements: field.activeElements,
    elementsBeyondCriticalAngle: field.elementsBeyondCriticalAngle,
    surfaceVelocity,
  };
}

/**
 * Focal gain |p_focus| / (ρ_w c_w u0): the focal pressure over the plane-wave surface pressure of the elements.
 * @param field - focal field
 * @param medium - tissue properties (default TISSUES): the coupling water's ρc
 * @returns gain [-] (0 with no active element)
 */
export function focalGainOf(field: FocalField, medium: Medium = TISSUES): number {
  const water = medium.water;
  return field.surfaceVelocity > 0 ? field.pressure / (water.density * water.speedOfSound * field.surfaceVelocity) : 0;
}

/**
 * Predicted focal temperature after `duration` [°C]: gaussianHeatingRise with q0 = the focal q, σ = the heat
 * source's lateral σ twice and its axial σ once (focalSpot), and the focus tissue's ρc_p, k and w_b c_b.
 * Validity (an ESTIMATE): homogeneous infinite medium of the focus tissue (no Dirichlet region edge, no
 * neighbouring marrow or bone with other absorption), Gaussian instead of the jinc²/sinc² focal profile, the
 * paraxial water spot size (tissue attenuation skews it), q at the focus only. Its use is live feedback while
 * dragging: it tracks the full run's focal rise to tens of % (tests/physics/estimate.test.ts reports the ratio on
 * the femur default), well inside the model's own planning-grade uncertainty (PHYSICS.md §3).
 * @param q0 - focal heat source [W/m³]
 * @param spot - focal spot (σ)
 * @param tissue - focus tissue
 * @param duration - heating time [s]
 * @param medium - tissue properties (default TISSUES)
 * @returns temperature [°C]
 * @see PHYSICS.md §1.5
 */
export function predictedFocalTemperature(
  q0: number,
  spot: FocalSpot,
  tissue: TissueId,
  duration: number,
  medium: Medium = TISSUES,
): number {
  const t = medium[tissue];
  const rise = gaussianHeatingRise({
    q0,
    sigmas: [spot.sigmaLateral, spot.sigmaLateral, spot.sigmaAxial],
    heatCapacity: t.thermalDensity * t.specificHeat,
    conductivity: t.thermalConductivity,
    perfusionHeat: t.perfusion * BLOOD_SPECIFIC_HEAT,
    time: duration,
  });
  return BODY_TEMPERATURE + rise;
}

/**
 * Steering range, as a loss: the electronic focus is beyond the array's steering range when the steering loss
 * |p(steered)|/|p(geometric)| in water falls below one half (−6 dB in pressure, a quarter of the focal intensity,
 * so ≈ 4× the power for the same heating). A planning assumption [R]: PHYSICS.md §3 has no device steering range
 * ("treat … steering range as parameters").
 */
export const STEERING_LOSS_LIMIT = 0.5;

/**
 * @param steeringLoss - |p(steered)|/|p(geometric)| [-]
 * @returns true when the loss is below STEERING_LOSS_LIMIT
 */
export function isBeyondSteeringRange(steeringLoss: number): boolean {
  return steeringLoss < STEERING_LOSS_LIMIT;
}
