/**
 * What the whole-path acoustic model needs of a tissue at the working frequency, all SI. One entry per label of
 * the lattice; built by the caller from its tissue table (so a scenario may override any value).
 */
export interface AcousticMaterial {
  /** ρ [kg/m³] */
  readonly density: number;
  /** longitudinal speed c [m/s] */
  readonly speedOfSound: number;
  /** amplitude attenuation α at the working frequency [Np/m] */
  readonly attenuation: number;
  /** the part of α that heats the tissue, α_abs [Np/m] */
  readonly absorption: number;
  /** an air-filled class: the wave does not enter it (pressure-release surface) */
  readonly isGas: boolean;
  /** shear speed c_t [m/s] of an elastic solid (cortical bone); 0 = a fluid */
  readonly shearSpeed: number;
  /** amplitude attenuation of the shear wave at the working frequency [Np/m]; all of it heats (see shear.ts) */
  readonly shearAttenuation: number;
}

/** Characteristic impedance ρc [Rayl]. */
export function impedanceOf(m: AcousticMaterial): number {
  return m.density * m.speedOfSound;
}
