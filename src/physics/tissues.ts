import type { TissueId } from './tissue-ids.ts';

/**
 * Acoustic and thermal properties of one tissue class, all SI.
 *
 * `density` is used both for the acoustic impedance Z = ρc and, unless `thermalDensity` differs, for the heat
 * capacity ρ·c_p of the bioheat equation. The two only differ for the gas-filled classes (see `bowel_gas`, `lung`).
 */
export interface TissueProperties {
  /** Human-readable name. */
  readonly name: string;
  /** Mass density ρ [kg/m³] (acoustic). */
  readonly density: number;
  /** Longitudinal speed of sound c [m/s]. */
  readonly speedOfSound: number;
  /** Amplitude attenuation α0 at 1 MHz [Np/m]; α(f) = α0 · (f / 1 MHz)^b. */
  readonly attenuation0: number;
  /** Power-law exponent b [-]. */
  readonly attenuationExponent: number;
  /** Fraction of the attenuation that is deposited locally as heat, α_abs/α_att [-] (see TSDoc of TISSUES). */
  readonly absorptionFraction: number;
  /** Density used for the heat capacity ρ·c_p in the bioheat equation [kg/m³]. */
  readonly thermalDensity: number;
  /** Specific heat capacity c_p [J/kg/K]. */
  readonly specificHeat: number;
  /** Thermal conductivity k [W/m/K]. */
  readonly thermalConductivity: number;
  /** Blood mass perfusion w_b [kg/m³/s]. */
  readonly perfusion: number;
  /** True for air-filled classes: the acoustic wave does not enter them (see sonication.ts). */
  readonly isGas: boolean;
  /**
   * Shear-wave speed c_t [m/s] of a tissue modelled as an elastic solid (cortical bone), 0 for a fluid. Where a
   * beam enters it, part of the energy becomes a shear wave (physics/elastic-interface.ts).
   */
  readonly shearSpeed: number;
  /** Shear amplitude attenuation at 1 MHz [Np/m]; α_t(f) = α_t0·(f / 1 MHz)^shearAttenuationExponent. */
  readonly shearAttenuation0: number;
  /** Power-law exponent of the shear attenuation [-]. */
  readonly shearAttenuationExponent: number;
  /** Where every number comes from; [V] checked, [R] from memory / assumption (PHYSICS.md legend). */
  readonly sources: string;
}

/** Specific heat of blood c_b [J/kg/K] (IT'IS V4.1) — PHYSICS.md §1.5. */
export const BLOOD_SPECIFIC_HEAT = 3617;
/** Blood density used in the HTR → w_b conversion [kg/m³] — PHYSICS.md §2. */
export const BLOOD_DENSITY = 1050;
/** Arterial / baseline body temperature T_a [°C]. */
export const BODY_TEMPERATURE = 37;

/**
 * BabelBrain absorption fractions α_abs/α_att for bone, kept as the documented alternative to the planning-grade
 * choice (1.0) used in TISSUES. Use them to bracket the bone-heating uncertainty.
 * @see PHYSICS.md §1.4 [V: ProteusMRIgHIFU/BabelBrain BHTE code]
 */
export const BABELBRAIN_BONE_ABSORPTION_FRACTION = { cortical_bone: 0.16, trabecular_bone: 0.15 } as const;

/**
 * Convert an IT'IS heat-transfer rate into a Pennes mass perfusion.
 * @param htr - IT'IS heat transfer rate [mL/min/kg]
 * @param tissueDensity - tissue density ρ [kg/m³]
 * @returns blood mass perfusion w_b [kg/m³/s]
 * @see PHYSICS.md §1.5: w_b = HTR·1e-6/60 · ρ_tissue · ρ_blood
 */
export function perfusionFromHtr(htr: number, tissueDensity: number): number {
  return ((htr * 1e-6) / 60) * tissueDensity * BLOOD_DENSITY;
}

interface TissueInput {
  name: string;
  density: number;
  speedOfSound: number;
  attenuation0: number;
  attenuationExponent: number;
  absorptionFraction: number;
  specificHeat: number;
  thermalConductivity: number;
  htr: number;
  isGas?: boolean;
  thermalDensity?: number;
  shear?: { speed: number; attenuation0: number; exponent: number };
  sources: string;
}

function tissue(t: TissueInput): TissueProperties {
  const thermalDensity = t.thermalDensity ?? t.density;
  return {
    name: t.name,
    density: t.density,
    speedOfSound: t.speedOfSound,
    attenuation0: t.attenuation0,
    attenuationExponent: t.attenuationExponent,
    absorptionFraction: t.absorptionFraction,
    thermalDensity,
    specificHeat: t.specificHeat,
    thermalConductivity: t.thermalConductivity,
    perfusion: perfusionFromHtr(t.htr, thermalDensity),
    isGas: t.isGas ?? false,
    shearSpeed: t.shear?.speed ?? 0,
    shearAttenuation0: t.shear?.attenuation0 ?? 0,
    shearAttenuationExponent: t.shear?.exponent ?? 1,
    sources: t.sources,
  };
}

/**
 * Cortical bone as an elastic solid: shear speed 1500 m/s measured at 1.0 MHz in human skull, and shear attenuation
 * 94–213 Np/m over 0.2–0.9 MHz (White, Clement & Hynynen, Ultrasound Med Biol 32:1085, 2006 [V: abstract]). The
 * attenuation is taken linear in frequency through the top of that range, 213 Np/m at 0.9 MHz ⇒ 237 Np/m at 1 MHz
 * [R: the frequency law is an assumption]; the wave is then absorbed within ≈ 1/(2α_t) ≈ 2 mm of the surface.
 */
export const CORTICAL_SHEAR = { speed: 1500, attenuation0: 213 / 0.9, exponent: 1 } as const;

/**
 * Effective attenuation given to air-filled classes [Np/m at 1 MHz] (≈ 87 dB/cm). Real air absorbs only
 * ≈ 1–2 dB/cm at 1 MHz, but gas in tissue (bowel content, alveoli) is a foam of tissue–gas interfaces that
 * reflects and scatters essentially everything; this value, together with the ≈ 5e-4 pressure transmission of a
 * tissue→air interface, makes any path through gas carry no energy, which is the planning-relevant behaviour.
 */
export const GAS_EFFECTIVE_ATTENUATION = 1000;

const ITIS = "IT'IS Tissue Properties Database V4.1";

/**
 * Tissue property table of the numeric core.
 *
 * Bone heating (design choice): the BabelBrain absorption fractions (0.16 cortical, 0.15 trabecular) describe a
 * full-wave elastic model in which scattered and mode-converted energy is transported away and absorbed elsewhere.
 * In this fluid, straight-ray planning model that energy is not transported anywhere: in real bone the scattered
 * and mode-converted (shear, c_s ≈ 1400–1800 m/s, strongly absorbed) energy is deposited within millimetres of the
 * surface — the periosteal heating that bone-metastasis MRgFUS relies on (PHYSICS.md §1.7, §3). We therefore set
 * α_abs/α_att = 1 for cortical and trabecular bone (all attenuated energy heats the bone locally). This is an upper
 * bound on local bone heating; `BABELBRAIN_BONE_ABSORPTION_FRACTION` is the documented lower-bound alternative.
 *
 * Soft tissue absorption fraction 0.9 is an assumption [R] (BabelBrain's 0.85 for skin/brain is the nearest
 * verified figure).
 *
 * @see PHYSICS.md §1.4, §1.7, §2
 */
export const TISSUES: Readonly<Record<TissueId, TissueProperties>> = {
  water: tissue({
    name: 'Water (coupling)',
    density: 994,
    speedOfSound: 1482.3,
    attenuation0: 0.025,
    attenuationExponent: 2,
    absorptionFraction: 1,
    specificHeat: 4178,
    thermalConductivity: 0.6,
    htr: 0,
    sources: `${ITIS} [V]; b = 2 from the V4.1 table (classical water absorption ∝ f²).`,
  }),
  skin: tissue({
    name: 'Skin',
    density: 1109,
    speedOfSound: 1624,
    attenuation0: 21.16,
    attenuationExponent: 1,
    absorptionFraction: 0.85,
    specificHeat: 3391,
    thermalConductivity: 0.37,
    htr: 106,
    sources: `${ITIS} [V]; absorption fraction 0.85 BabelBrain [V].`,
  }),
  fat: tissue({
    name: 'Fat',
    density: 911,
    speedOfSound: 1440.2,
    attenuation0: 4.358,
    attenuationExponent: 1.086,
    absorptionFraction: 0.9,
    specificHeat: 2348,
    thermalConductivity: 0.21,
    htr: 32.7,
    sources: `${ITIS} [V]; absorption fraction 0.9 assumption [R].`,
  }),
  muscle: tissue({
    name: 'Muscle',
    density: 1090,
    speedOfSound: 1588.4,
    attenuation0: 7.109,
    attenuationExponent: 1.083,
    absorptionFraction: 0.9,
    specificHeat: 3421,
    thermalConductivity: 0.495,
    htr: 36.7,
    sources: `${ITIS} [V]; absorption fraction 0.9 assumption [R]. Duck 1990: 0.6–1.3 dB/cm at 1 MHz [R].`,
  }),
  cortical_bone: tissue({
    name: 'Cortical bone',
    density: 1908,
    speedOfSound: 3514.9,
    attenuation0: 54.55,
    attenuationExponent: 1,
    absorptionFraction: 1,
    specificHeat: 1313,
    thermalConductivity: 0.32,
    htr: 10,
    shear: CORTICAL_SHEAR,
    sources:
      `${ITIS} [V]. Shear speed 1500 m/s, attenuation 237 Np/m at 1 MHz: White et al. 2006 (CORTICAL_SHEAR). ` +
      'Absorption fraction 1 is a planning-model choice (see TISSUES TSDoc); BabelBrain 0.16 [V] ' +
      'kept as BABELBRAIN_BONE_ABSORPTION_FRACTION. Attenuation is the largest uncertainty: skull 13–20 dB/cm ' +
      '(Pinton 2012) [R] vs 4.7 dB/cm here.',
  }),
  trabecular_bone: tissue({
    name: 'Trabecular (cancellous) bone',
    density: 1178,
    speedOfSound: 2117.5,
    attenuation0: 47.0,
    attenuationExponent: 1.2,
    absorptionFraction: 1,
    specificHeat: 2274,
    thermalConductivity: 0.31,
    htr: 30,
    sources: `${ITIS} [V]. Absorption fraction 1 planning choice as cortical; BabelBrain 0.15 [V] alternative.`,
  }),
  marrow: tissue({
    name: 'Bone marrow (red)',
    density: 1029,
    speedOfSound: 1450,
    attenuation0: 12.5,
    attenuationExponent: 1,
    absorptionFraction: 0.9,
    specificHeat: 2666,
    thermalConductivity: 0.28,
    htr: 135,
    sources: `${ITIS} red marrow [V]; absorption fraction 0.9 assumption [R].`,
  }),
  lesion: tissue({
    name: 'Lytic metastasis (liver surrogate)',
    density: 1079,
    speedOfSound: 1585.7,
    attenuation0: 6.915,
    attenuationExponent: 1,
    absorptionFraction: 0.9,
    specificHeat: 3540,
    thermalConductivity: 0.52,
    // Liver's own HTR (860 mL/min/kg) includes portal flow, which a bone metastasis does not have: it would
    // make the lesion the best-cooled tissue in the limb. 200 mL/min/kg sits inside the tumour range.
    htr: 200,
    sources:
      `No tumour entry exists; ${ITIS} liver used as surrogate for ρ, c, α, c_p, k [V]. ` +
      'Perfusion HTR 200 mL/min/kg is an assumption inside the tumour range 0–500 [R] (liver: 860, with portal ' +
      'flow). Absorption fraction 0.9 [R].',
  }),
  nerve: tissue({
    name: 'Nerve',
    density: 1075,
    speedOfSound: 1630,
    attenuation0: 7.109,
    attenuationExponent: 1.083,
    absorptionFraction: 0.9,
    specificHeat: 3613,
    thermalConductivity: 0.49,
    htr: 160,
    sources:
      "Assumption [R]: IT'IS nerve-like ρ, c, c_p, k, HTR from memory (not re-checked); attenuation taken as " +
      "muscle (IT'IS V4.1) for lack of a verified nerve value.",
  }),
  blood: tissue({
    name: 'Blood',
    density: 1050,
    speedOfSound: 1578.2,
    attenuation0: 2.368,
    attenuationExponent: 1.05,
    absorptionFraction: 0.9,
    specificHeat: 3617,
    thermalConductivity: 0.52,
    htr: 0,
    sources:
      `${ITIS} [V]; absorption fraction 0.9 [R]. Perfusion 0: Pennes cannot represent convective cooling by ` +
      'large vessels (heat-sink effect) — heating next to vessels is over-estimated.',
  }),
  bowel: tissue({
    name: 'Bowel wall',
    density: 1030,
    speedOfSound: 1588,
    attenuation0: 7.109,
    attenuationExponent: 1.083,
    absorptionFraction: 0.9,
    specificHeat: 3595,
    thermalConductivity: 0.49,
    htr: 1000,
    sources:
      "Assumption [R]: IT'IS small-intestine-like ρ, c, c_p, k, HTR from memory (not re-checked); attenuation " +
      'taken as muscle.',
  }),
  bowel_gas: tissue({
    name: 'Bowel gas',
    density: 1.2,
    speedOfSound: 343,
    attenuation0: GAS_EFFECTIVE_ATTENUATION,
    attenuationExponent: 1,
    absorptionFraction: 0,
    thermalDensity: 1030,
    specificHeat: 3595,
    thermalConductivity: 0.49,
    htr: 0,
    isGas: true,
    sources:
      'Acoustically air (ρ 1.2, c 343, standard air) with an effective blocking attenuation (model device). ' +
      'Thermally the bowel wall around the gas (assumption): air thermal properties would force a ~100× smaller ' +
      'explicit time step for no planning benefit, since no heat is deposited in gas.',
  }),
  lung: tissue({
    name: 'Lung (inflated)',
    density: 1.2,
    speedOfSound: 343,
    attenuation0: GAS_EFFECTIVE_ATTENUATION,
    attenuationExponent: 1,
    absorptionFraction: 0,
    thermalDensity: 394,
    specificHeat: 3886,
    thermalConductivity: 0.39,
    htr: 401,
    isGas: true,
    sources:
      "Acoustically treated as gas (inflated lung reflects ~all energy at the pleura). Thermal: IT'IS inflated " +
      'lung-like ρ 394, c_p 3886, k 0.39, HTR 401 from memory [R].',
  }),
};

/**
 * The properties of every tissue class a simulation uses: the table above, or a copy with some values replaced (a
 * scenario's media, the app's advanced settings). Physics functions take one wherever they read properties.
 */
export type Medium = Readonly<Record<TissueId, TissueProperties>>;

/** What may be replaced in a tissue class (the derived perfusion is given directly, in kg/m³/s). */
export type TissueOverride = Partial<
  Pick<
    TissueProperties,
    | 'density'
    | 'speedOfSound'
    | 'attenuation0'
    | 'attenuationExponent'
    | 'absorptionFraction'
    | 'thermalDensity'
    | 'specificHeat'
    | 'thermalConductivity'
    | 'perfusion'
    | 'shearSpeed'
    | 'shearAttenuation0'
    | 'shearAttenuationExponent'
  >
>;

/**
 * A medium with some tissue values replaced. A new density also becomes the thermal density unless that is given
 * too (the two differ only for gas classes).
 * @param base - the medium to start from (default TISSUES)
 * @param overrides - per tissue, the values to replace (SI)
 * @returns the new medium; `sources` of a changed tissue says so
 * @example
 * const referenceWater = withOverrides(TISSUES, { water: { density: 1000, speedOfSound: 1500, attenuation0: 0 } });
 */
export function withOverrides(base: Medium, overrides: Partial<Record<TissueId, TissueOverride>>): Medium {
  const out: Record<string, TissueProperties> = { ...base };
  for (const [id, change] of Object.entries(overrides) as [TissueId, TissueOverride | undefined][]) {
    if (!change || Object.keys(change).length === 0) continue;
    const t = base[id];
    const thermalDensity =
      change.thermalDensity ?? (change.density !== undefined && !t.isGas ? change.density : t.thermalDensity);
    out[id] = {
      ...t,
      ...change,
      thermalDensity,
      sources: `${t.sources} Replaced by the user: ${Object.keys(change).join(', ')}.`,
    };
  }
  return out as Medium;
}

/**
 * Shear attenuation of a solid tissue.
 * @param tissueProps - tissue properties
 * @param frequency - frequency [Hz]
 * @returns α_t [Np/m] (0 for a fluid)
 */
export function shearAttenuationAt(tissueProps: TissueProperties, frequency: number): number {
  return tissueProps.shearSpeed > 0
    ? tissueProps.shearAttenuation0 * (frequency / 1e6) ** tissueProps.shearAttenuationExponent
    : 0;
}

/**
 * Power-law attenuation of a tissue.
 * @param tissueProps - tissue properties
 * @param frequency - frequency [Hz]
 * @returns amplitude attenuation coefficient α [Np/m]
 * @see PHYSICS.md §1.4 (α(f) = α0·f[MHz]^b)
 */
export function attenuationAt(tissueProps: TissueProperties, frequency: number): number {
  return tissueProps.attenuation0 * (frequency / 1e6) ** tissueProps.attenuationExponent;
}

/**
 * Absorption coefficient that heats tissue.
 * @param tissueProps - tissue properties
 * @param frequency - frequency [Hz]
 * @returns α_abs [Np/m]
 */
export function absorptionAt(tissueProps: TissueProperties, frequency: number): number {
  return tissueProps.absorptionFraction * attenuationAt(tissueProps, frequency);
}
