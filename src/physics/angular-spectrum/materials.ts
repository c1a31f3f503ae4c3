import type { TissueId } from '../tissue-ids.ts';
import { absorptionAt, attenuationAt, type Medium, shearAttenuationAt } from '../tissues.ts';

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

/**
 * The march's materials of a label table at one frequency.
 * @param tissueTable - tissue of each label
 * @param medium - tissue properties
 * @param frequency - f [Hz]
 * @returns one AcousticMaterial per label
 */
export function materialsAt(tissueTable: readonly TissueId[], medium: Medium, frequency: number): AcousticMaterial[] {
  return tissueTable.map((id) => {
    const t = medium[id];
    return {
      density: t.density,
      speedOfSound: t.speedOfSound,
      attenuation: attenuationAt(t, frequency),
      absorption: absorptionAt(t, frequency),
      isGas: t.isGas,
      shearSpeed: t.shearSpeed,
      shearAttenuation: shearAttenuationAt(t, frequency),
    };
  });
}
