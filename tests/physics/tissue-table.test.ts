import { describe, expect, it } from 'vitest';
import { TISSUE_IDS } from '../../src/physics/tissue-ids.ts';
import { attenuationAt, perfusionFromHtr, shearAttenuationAt, TISSUES } from '../../src/physics/tissues.ts';

/*
 * The tissue table pinned against its sources, value by value (PHYSICS.md §2: IT'IS Tissue Properties Database
 * V4.1 as tabulated there; thermal values from the same table; cortical shear from White et al. 2006). A changed
 * number fails here naming the tissue and the property — a 1.5× change of cortical attenuation used to pass every
 * test. Values marked [R] in the sources are assumptions, pinned all the same so they change only on purpose.
 */
const SOURCES = {
  //            ρ      c       α0 [Np/m @1 MHz]  y      c_p    k      HTR [mL/min/kg]  absorbed fraction
  water: [994, 1482.3, 0.025, 2, 4178, 0.6, 0, 1],
  skin: [1109, 1624, 21.16, 1, 3391, 0.37, 106, 0.85],
  fat: [911, 1440.2, 4.358, 1.086, 2348, 0.21, 32.7, 0.9],
  muscle: [1090, 1588.4, 7.109, 1.083, 3421, 0.495, 36.7, 0.9],
  cortical_bone: [1908, 3514.9, 54.55, 1, 1313, 0.32, 10, 1],
  trabecular_bone: [1178, 2117.5, 47.0, 1.2, 2274, 0.31, 30, 1],
  marrow: [1029, 1450, 12.5, 1, 2666, 0.28, 135, 0.9],
  // liver surrogate for ρ, c, α, c_p, k; perfusion 200 mL/min/kg in the tumour range [R]
  lesion: [1079, 1585.7, 6.915, 1, 3540, 0.52, 200, 0.9],
  blood: [1050, 1578.2, 2.368, 1.05, 3617, 0.52, 0, 0.9],
  // [R] assumptions of the table (nerve, bowel: IT'IS-like values from memory, attenuation as muscle)
  nerve: [1075, 1630, 7.109, 1.083, 3613, 0.49, 160, 0.9],
  bowel: [1030, 1588, 7.109, 1.083, 3595, 0.49, 1000, 0.9],
} as const;

describe("the tissue table against PHYSICS.md §2 (IT'IS V4.1)", () => {
  for (const [id, [rho, c, alpha0, y, cp, k, htr, fraction]] of Object.entries(SOURCES)) {
    it(`${id}: ρ ${rho}, c ${c}, α0 ${alpha0} Np/m·MHz^-${y}, c_p ${cp}, k ${k}, HTR ${htr}, absorbed ${fraction}`, () => {
      const t = TISSUES[id as keyof typeof SOURCES];
      expect(t.density).toBe(rho);
      expect(t.speedOfSound).toBe(c);
      expect(t.attenuation0).toBe(alpha0);
      expect(t.attenuationExponent).toBe(y);
      expect(t.specificHeat).toBe(cp);
      expect(t.thermalConductivity).toBe(k);
      expect(t.perfusion).toBeCloseTo(perfusionFromHtr(htr, rho), 12);
      expect(t.absorptionFraction).toBe(fraction);
    });
  }

  it("the 0.5 MHz attenuations of the IT'IS pages follow from α0 and y within 1 % (skin 10.58, fat 2.05, muscle 3.36, cortical 27.28, cancellous 20.46, red marrow 6.25 Np/m)", () => {
    const at500: [keyof typeof SOURCES, number][] = [
      ['skin', 10.58],
      ['fat', 2.05],
      ['muscle', 3.36],
      ['cortical_bone', 27.28],
      ['trabecular_bone', 20.46],
      ['marrow', 6.25],
    ];
    for (const [id, value] of at500)
      expect(Math.abs(attenuationAt(TISSUES[id], 5e5) / value - 1), id).toBeLessThan(0.01);
  });

  it('cortical bone is an elastic solid: shear 1500 m/s and 213 Np/m at 0.9 MHz (White et al. 2006); no other tissue is', () => {
    expect(TISSUES.cortical_bone.shearSpeed).toBe(1500);
    expect(shearAttenuationAt(TISSUES.cortical_bone, 0.9e6)).toBeCloseTo(213, 9);
    for (const id of TISSUE_IDS) if (id !== 'cortical_bone') expect(TISSUES[id].shearSpeed, id).toBe(0);
  });

  it('gas classes block sound: air ρ 1.2, c 343 with the effective 1000 Np/m, and no heat from absorption', () => {
    for (const id of ['bowel_gas', 'lung'] as const) {
      expect(TISSUES[id].isGas).toBe(true);
      expect(TISSUES[id].density).toBe(1.2);
      expect(TISSUES[id].speedOfSound).toBe(343);
      expect(TISSUES[id].attenuation0).toBe(1000);
      expect(TISSUES[id].absorptionFraction).toBe(0);
    }
  });
});
