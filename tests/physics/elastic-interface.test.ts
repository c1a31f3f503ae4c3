import { describe, expect, it } from 'vitest';
import { fluidSolidInterface } from '../../src/physics/elastic-interface.ts';
import { obliqueTransmission } from '../../src/physics/interfaces.ts';

const muscle = { density: 1090, speedOfSound: 1588.4 };
const cortical = { density: 1908, speedOfSound: 3514.9, shearSpeed: 1500 };
const degrees = (d: number) => (d * Math.PI) / 180;

describe('fluid → elastic solid interface (Brekhovskikh & Godin §4.2)', () => {
  it('conserves energy: reflected + longitudinal + shear = 1 within 1e-12 at every angle 0–89°', () => {
    for (const shearSpeed of [900, 1500, 1800, 2200]) {
      for (let angle = 0; angle < 90; angle += 0.5) {
        const c = fluidSolidInterface(muscle, { ...cortical, shearSpeed }, Math.cos(degrees(angle)));
        const total = c.reflectedEnergy + c.longitudinalEnergy + c.shearEnergy;
        expect(Math.abs(total - 1), `c_t ${shearSpeed}, ${angle}°`).toBeLessThan(1e-12);
      }
    }
  });

  it('at normal incidence has no shear and the fluid coefficients (muscle → cortical T_p 1.59, R_p +0.59)', () => {
    const c = fluidSolidInterface(muscle, cortical, 1);
    const z1 = muscle.density * muscle.speedOfSound;
    const z2 = cortical.density * cortical.speedOfSound;
    expect(c.shearEnergy).toBe(0);
    expect(c.longitudinalTransmission[0]).toBeCloseTo((2 * z2) / (z1 + z2), 12);
    expect(c.reflection[0]).toBeCloseTo((z2 - z1) / (z1 + z2), 12);
    expect(c.longitudinalTransmission[0]).toBeCloseTo(1.59, 2);
    expect(c.reflection[0]).toBeCloseTo(0.59, 2);
  });

  it('reduces to the oblique fluid–fluid coefficients when the shear speed is 0 (to 1e-12, 0–26°)', () => {
    for (let angle = 0; angle <= 26; angle += 1) {
      const solid = fluidSolidInterface(muscle, { ...cortical, shearSpeed: 0 }, Math.cos(degrees(angle)));
      const fluid = obliqueTransmission(
        muscle.density * muscle.speedOfSound,
        muscle.speedOfSound,
        cortical.density * cortical.speedOfSound,
        cortical.speedOfSound,
        degrees(angle),
      );
      expect(solid.longitudinalTransmission[0]).toBeCloseTo(fluid.pressureTransmission, 12);
      expect(solid.reflection[0]).toBeCloseTo(fluid.pressureReflection, 12);
      expect(solid.shearEnergy).toBe(0);
    }
  });

  it('beyond the longitudinal critical angle (26.9°) sends energy into shear instead of reflecting it all', () => {
    const before = fluidSolidInterface(muscle, cortical, Math.cos(degrees(25)));
    const after = fluidSolidInterface(muscle, cortical, Math.cos(degrees(35)));
    expect(before.beyondLongitudinalCriticalAngle).toBe(false);
    expect(after.beyondLongitudinalCriticalAngle).toBe(true);
    expect(after.longitudinalEnergy).toBe(0);
    // A fluid model reflects everything there; the solid takes a sizeable share as shear.
    expect(after.shearEnergy).toBeGreaterThan(0.1);
    expect(after.reflectedEnergy).toBeLessThan(0.9);
    // The shear wave is refracted toward the normal (c_t < c): γ < θ.
    expect(after.shearAngle).toBeLessThan(degrees(35));
  });
});
