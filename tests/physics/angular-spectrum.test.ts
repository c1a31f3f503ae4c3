import { describe, expect, it } from 'vitest';
import { axisymmetricInputPlane } from '../../src/physics/angular-spectrum/input-plane.ts';
import type { BeamLattice } from '../../src/physics/angular-spectrum/lattice.ts';
import { marchField } from '../../src/physics/angular-spectrum/march.ts';
import type { AcousticMaterial } from '../../src/physics/angular-spectrum/materials.ts';
import type { Planes } from '../../src/physics/angular-spectrum/slice-kernels.ts';
import { fluidSolidInterface } from '../../src/physics/elastic-interface.ts';
import { oneilAxialMagnitude } from '../../src/physics/oneil.ts';
import { PRESETS, subdivideBowl } from '../../src/physics/transducer.ts';
import { type FluidLayer, layeredPlaneWave } from './support/layered-plane-wave.ts';

const F = 1e6;
const OMEGA = 2 * Math.PI * F;

function material(density: number, speedOfSound: number, attenuation: number, shearSpeed = 0): AcousticMaterial {
  return {
    density,
    speedOfSound,
    attenuation,
    absorption: attenuation,
    isGas: false,
    shearSpeed,
    shearAttenuation: 200,
  };
}
const REFERENCE_WATER = material(1000, 1500, 0);
// IT'IS values at 1 MHz (PHYSICS.md §2); bone as a fluid unless a shear speed is given.
const WATER = material(994, 1482.3, 0.025);
const MUSCLE = material(1090, 1588.4, 7.109);
const CORTICAL = material(1908, 3514.9, 54.55);
const MARROW = material(1029, 1450, 12.5);

/** Field magnitude on the axis column of every face. */
function axis(field: Planes, lattice: BeamLattice): Float64Array {
  const { n } = lattice;
  const c = n / 2 + n * (n / 2);
  return Float64Array.from({ length: lattice.nz + 1 }, (_, f) =>
    Math.hypot(field.re[f * n * n + c] as number, field.im[f * n * n + c] as number),
  );
}

/** A lattice of planar layers across the whole domain: `bounds` are the z of the interfaces, labels 0, 1, 2… */
function layeredLabels(lattice: BeamLattice, bounds: readonly number[]): Uint8Array {
  const { n, nz, dz, z0 } = lattice;
  const labels = new Uint8Array(n * n * nz);
  for (let k = 0; k < nz; k++) {
    const z = z0 + (k + 0.5) * dz;
    labels.fill(bounds.filter((b) => z > b).length, k * n * n, (k + 1) * n * n);
  }
  return labels;
}

/** A unit plane wave exp(−i(k_x x + k_z z0)) on face 0, k_x = 2πm/(n dx) (periodic in the domain). */
function planeWave(lattice: BeamLattice, m: number, medium: AcousticMaterial): { plane: Float64Array; kx: number } {
  const { n, dx, z0 } = lattice;
  const kx = (2 * Math.PI * m) / (n * dx);
  const kz = Math.sqrt((OMEGA / medium.speedOfSound) ** 2 - kx * kx);
  const plane = new Float64Array(2 * n * n);
  for (let j = 0; j < n; j++)
    for (let i = 0; i < n; i++) {
      const phase = -(kx * (i - n / 2) * dx) - kz * z0;
      plane[2 * (i + n * j)] = Math.cos(phase);
      plane[2 * (i + n * j) + 1] = Math.sin(phase);
    }
  return { plane, kx };
}

describe('whole-path acoustic field: hybrid angular spectrum march', () => {
  it("reproduces O'Neil's focused bowl in reference water (1000 kg/m³, 1500 m/s, lossless) within 1 % of the peak", () => {
    const bowl = PRESETS.singleElementBowl;
    const R = bowl.radiusOfCurvature;
    const layout = subdivideBowl(R, bowl.aperture, 30000);
    const positions = Float64Array.from(layout.positions);
    for (let e = 0; e < layout.count; e++) positions[3 * e + 2] = (positions[3 * e + 2] as number) - R;
    const lattice: BeamLattice = { n: 128, dx: 0.75e-3, nz: 240, dz: 0.375e-3, z0: -0.06 };
    const velocityRe = new Float64Array(layout.count).fill(0.1);
    const plane = axisymmetricInputPlane(
      { ...layout, positions, velocityRe, velocityIm: new Float64Array(layout.count) },
      { density: 1000, speedOfSound: 1500, attenuation: 0 },
      F,
      lattice,
    );
    const { field } = marchField({
      lattice,
      labels: new Uint8Array(128 * 128 * 240),
      materials: [REFERENCE_WATER],
      frequency: F,
      inputPlane: plane,
      passes: 1,
    });
    const onAxis = axis(field, lattice);
    const source = {
      radiusOfCurvature: R,
      aperture: bowl.aperture,
      frequency: F,
      velocity: 0.1,
      density: 1000,
      speedOfSound: 1500,
    };
    let peak = 0;
    for (let z = -0.05; z < 0.03; z += 1e-5) peak = Math.max(peak, oneilAxialMagnitude(source, R + z));
    let worst = 0;
    onAxis.forEach((p, f) => {
      const z = lattice.z0 + f * lattice.dz;
      const exact = oneilAxialMagnitude(source, R + z);
      if (exact > 0.1 * peak) worst = Math.max(worst, Math.abs(p - exact) / peak);
    });
    // Measured 0.06 %; p(R) = ρcu·kh = 8.488 MPa (k-Wave focusedBowlONeil documentation case).
    expect(worst).toBeLessThan(0.01);
    expect(Math.abs((onAxis[160] as number) / 8.488e6 - 1)).toBeLessThan(0.01);
  });

  const layers: FluidLayer[] = [
    { ...WATER, thickness: 0 },
    { ...MUSCLE, thickness: 0.01 },
    { ...CORTICAL, thickness: 0.005 },
    { ...MARROW, thickness: 0 },
  ];

  for (const m of [0, 2, 4]) {
    it(`matches the transfer-matrix closed form through water | 10 mm muscle | 5 mm cortical bone | marrow, k_x = 2π·${m}/L, within 0.5 % of the incident amplitude`, () => {
      const lattice: BeamLattice = { n: 32, dx: 0.5e-3, nz: 160, dz: 0.25e-3, z0: -0.01 };
      const { plane, kx } = planeWave(lattice, m, WATER);
      const { field } = marchField({
        lattice,
        labels: layeredLabels(lattice, [0, 0.01, 0.015]),
        materials: [WATER, MUSCLE, CORTICAL, MARROW],
        frequency: F,
        inputPlane: plane,
        passes: 12,
        absorbingEdge: 1,
      });
      const exact = layeredPlaneWave(layers, F, kx);
      const onAxis = axis(field, lattice);
      let worst = 0;
      onAxis.forEach((p, f) => {
        const e = exact.pressure(lattice.z0 + f * lattice.dz);
        worst = Math.max(worst, Math.abs(p - Math.hypot(e.re, e.im)));
      });
      expect(worst).toBeLessThan(0.005);
    });
  }

  it('forms the standing wave in front of a bone surface: |p| = |1 + R e^{2ik(z₀−z)}|, R = +0.59 (muscle → cortical), within 0.5 %', () => {
    const lossless = [material(1090, 1588.4, 0), material(1908, 3514.9, 0)];
    const lattice: BeamLattice = { n: 16, dx: 0.5e-3, nz: 120, dz: 0.25e-3, z0: -0.02 };
    const { plane } = planeWave(lattice, 0, lossless[0] as AcousticMaterial);
    const { field } = marchField({
      lattice,
      labels: layeredLabels(lattice, [0]),
      materials: lossless,
      frequency: F,
      inputPlane: plane,
      passes: 2,
      absorbingEdge: 1,
    });
    const z1 = 1090 * 1588.4;
    const z2 = 1908 * 3514.9;
    const r = (z2 - z1) / (z1 + z2);
    expect(r).toBeCloseTo(0.59, 2);
    const k = OMEGA / 1588.4;
    const onAxis = axis(field, lattice);
    let maximum = 0;
    let minimum = Number.POSITIVE_INFINITY;
    for (let f = 0; f <= 80; f++) {
      const z = lattice.z0 + f * lattice.dz;
      const expected = Math.hypot(1 + r * Math.cos(2 * k * -z), r * Math.sin(2 * k * -z));
      expect(Math.abs((onAxis[f] as number) - expected)).toBeLessThan(0.005);
      maximum = Math.max(maximum, onAxis[f] as number);
      minimum = Math.min(minimum, onAxis[f] as number);
    }
    // Antinodes 1 + |R| ≈ 1.59, nodes 1 − |R| ≈ 0.41: the soft tissue in front of bone sees 1.6× the incident wave.
    expect(maximum).toBeGreaterThan(1.58);
    expect(minimum).toBeLessThan(0.42);
  });

  it('attenuates a plane wave in a homogeneous lossy medium as exp(−αz) to Float32 precision over 200 steps (1e-5)', () => {
    const lossy = material(1000, 1500, 20);
    const lattice: BeamLattice = { n: 16, dx: 0.5e-3, nz: 200, dz: 0.25e-3, z0: 0 };
    const { plane } = planeWave(lattice, 0, lossy);
    const { field } = marchField({
      lattice,
      labels: new Uint8Array(16 * 16 * 200),
      materials: [lossy],
      frequency: F,
      inputPlane: plane,
      passes: 1,
      absorbingEdge: 1,
    });
    axis(field, lattice).forEach((p, f) => {
      expect(Math.abs(p - Math.exp(-20 * f * lattice.dz))).toBeLessThan(1e-5);
    });
  });

  it('beyond the critical angle conserves energy with mode conversion: incident = reflected + shear heat, within 1 %', () => {
    // A plane wave at ≈ 37° from lossless muscle onto lossless cortical bone (shear 1500 m/s, 200 Np/m): the
    // longitudinal wave is evanescent, the rest is reflected or enters as shear and is deposited as heat.
    const muscle = material(1090, 1588.4, 0);
    const bone = material(1908, 3514.9, 0, 1500);
    const lattice: BeamLattice = { n: 32, dx: 0.25e-3, nz: 160, dz: 0.125e-3, z0: -0.01 };
    const m = 3; // k_x = 2π·3/8 mm ⇒ sinθ = k_x/k = 0.596, θ = 36.6° (θc = 26.9°)
    const { plane, kx } = planeWave(lattice, m, muscle);
    const cos = Math.sqrt(1 - (kx / (OMEGA / 1588.4)) ** 2);
    const result = marchField({
      lattice,
      labels: layeredLabels(lattice, [0]),
      materials: [muscle, bone],
      frequency: F,
      inputPlane: plane,
      passes: 2,
      absorbingEdge: 1,
    });
    const area = (lattice.n * lattice.dx) ** 2;
    const incident = (cos / (2 * 1090 * 1588.4)) * area; // normal flux of a unit plane wave
    const split = fluidSolidInterface(muscle, { density: 1908, speedOfSound: 3514.9, shearSpeed: 1500 }, cos);
    expect(split.beyondLongitudinalCriticalAngle).toBe(true);
    // 10 mm of bone at 200 Np/m leaves e^{−4/cosγ} of the shear: almost all of it is deposited.
    expect(Math.abs(result.shearPower / (split.shearEnergy * incident) - 1)).toBeLessThan(0.01);
    // In front of the bone the field is the incident wave plus |R| = √(reflected energy) with 2 passes.
    expect(split.reflectedEnergy + split.shearEnergy).toBeCloseTo(1, 12);
  });
});
