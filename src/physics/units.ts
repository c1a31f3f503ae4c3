/**
 * Unit conversions used only at the UI edge. Everything inside src/physics is SI: [m], [s], [Hz], [Pa], [W],
 * [kg/m³], [Np/m], [°C] for temperatures (differences are in [K]).
 *
 * @see PHYSICS.md §1.4 (1 Np = 8.686 dB; α[Np/m] = 11.513 × α[dB/cm]).
 */

/** Decibels per neper, 20·log10(e) [dB/Np]. */
export const DB_PER_NEPER = 20 * Math.LOG10E;

/**
 * Convert an amplitude attenuation coefficient from [dB/cm] to [Np/m].
 * @param dbPerCm - attenuation [dB/cm]
 * @returns attenuation [Np/m]
 */
export function dbPerCmToNpPerM(dbPerCm: number): number {
  return (dbPerCm * 100) / DB_PER_NEPER;
}

/**
 * Convert an amplitude attenuation coefficient from [Np/m] to [dB/cm].
 * @param npPerM - attenuation [Np/m]
 * @returns attenuation [dB/cm]
 */
export function npPerMToDbPerCm(npPerM: number): number {
  return (npPerM * DB_PER_NEPER) / 100;
}

/** @param mhz - frequency [MHz] @returns frequency [Hz] */
export function mhzToHz(mhz: number): number {
  return mhz * 1e6;
}

/** @param hz - frequency [Hz] @returns frequency [MHz] */
export function hzToMhz(hz: number): number {
  return hz / 1e6;
}

/** @param wPerCm2 - intensity [W/cm²] @returns intensity [W/m²] */
export function wPerCm2ToWPerM2(wPerCm2: number): number {
  return wPerCm2 * 1e4;
}

/** @param wPerM2 - intensity [W/m²] @returns intensity [W/cm²] */
export function wPerM2ToWPerCm2(wPerM2: number): number {
  return wPerM2 / 1e4;
}

/** @param mpa - pressure [MPa] @returns pressure [Pa] */
export function mpaToPa(mpa: number): number {
  return mpa * 1e6;
}

/** @param pa - pressure [Pa] @returns pressure [MPa] */
export function paToMpa(pa: number): number {
  return pa / 1e6;
}

/** @param ml - volume [mL] @returns volume [m³] */
export function mlToM3(ml: number): number {
  return ml * 1e-6;
}

/** @param m3 - volume [m³] @returns volume [mL] */
export function m3ToMl(m3: number): number {
  return m3 * 1e6;
}

/** @param mm - length [mm] @returns length [m] */
export function mmToM(mm: number): number {
  return mm * 1e-3;
}

/** @param m - length [m] @returns length [mm] */
export function mToMm(m: number): number {
  return m * 1e3;
}

/** @param degrees - angle [°] @returns angle [rad] */
export function degToRad(degrees: number): number {
  return (degrees * Math.PI) / 180;
}

/** @param radians - angle [rad] @returns angle [°] */
export function radToDeg(radians: number): number {
  return (radians * 180) / Math.PI;
}
