import type { BeamLattice } from '../angular-spectrum/lattice.ts';
import type { FaceInterfaceLookup } from '../angular-spectrum/march.ts';
import type { AcousticMaterial } from '../angular-spectrum/materials.ts';
import type { Planes } from '../angular-spectrum/slice-kernels.ts';

/** The acoustic results of the whole path, per lattice voxel. */
export interface LatticeHeat {
  /** heat source: absorption q = α_abs⟨|p|²⟩/(ρc) plus the mode-converted shear heat [W/m³] */
  heatSource: Float32Array;
  /** ⟨|p|²⟩ of voxel v [Pa²]: the mean over its two faces, read from the field (not stored) */
  pressureSquaredAt: (v: number) => number;
  /** largest |p| on any face [Pa], and the voxel it belongs to */
  peakPressure: number;
  peakVoxel: number;
  /** ∫ q dV [W]: the acoustic power turned into heat inside the lattice */
  absorbedPower: number;
}

/**
 * Heat source of every lattice voxel (PHYSICS.md §1.4): q = α_abs⟨|p|²⟩/(ρc), where ⟨|p|²⟩ is the mean of the
 * total field's |p|² on the voxel's two faces (the standing wave in front of a reflector is resolved at dz), plus
 * the heat of mode-converted shear waves already in `shearHeat`, which becomes the heat source (in place, to spare
 * a lattice-sized array). Gas voxels get nothing.
 * @param field - total complex field per face (marchField), two planes
 * @param shearHeat - shear heat per voxel [W/m³]; overwritten with the total heat source
 * @param labels - lattice labels
 * @param materials - per label
 * @param lattice - lattice
 * @param faceInterface - where the surfaces really are: a voxel a surface cuts absorbs as both its tissues, by the
 *   thickness of each (so moving a bone surface by a fraction of a voxel changes the bone's heat continuously)
 * @returns q, an accessor of ⟨|p|²⟩, the peak and the absorbed power
 */
export function latticeHeat(
  field: Planes,
  shearHeat: Float32Array,
  labels: Uint8Array,
  materials: readonly AcousticMaterial[],
  lattice: BeamLattice,
  faceInterface?: FaceInterfaceLookup,
): LatticeHeat {
  const n2 = lattice.n * lattice.n;
  const heatSource = shearHeat;
  const coefficient = Float64Array.from(materials, (m) => (m.isGas ? 0 : m.absorption / (m.density * m.speedOfSound)));
  const gas = materials.map((m) => m.isGas);
  const { re, im } = field;
  const pressureSquaredAt = (v: number): number => {
    if (gas[labels[v] as number]) return 0;
    const b = v + n2;
    return 0.5 * ((re[v] as number) ** 2 + (im[v] as number) ** 2 + (re[b] as number) ** 2 + (im[b] as number) ** 2);
  };
  const { dz, nz } = lattice;
  /** The absorption of voxel v, shared with the tissue beyond a surface that cuts it (its faces' offsets). */
  const cutAbsorption = (v: number, label: number, own: number): number => {
    const k = Math.floor(v / n2);
    const column = v - k * n2;
    let mixed = own;
    // Lower face k: a surface δ > 0 above it leaves the bottom δ of this voxel to the tissue below.
    if (k > 0) {
      const below = labels[v - n2] as number;
      const cut = below !== label ? faceInterface?.(column, k) : undefined;
      if (cut && cut.offset > 0) mixed += ((coefficient[below] as number) - own) * Math.min(1, cut.offset / dz);
    }
    // Upper face k + 1: a surface δ < 0 below it leaves the top |δ| of this voxel to the tissue above.
    if (k + 1 < nz) {
      const above = labels[v + n2] as number;
      const cut = above !== label ? faceInterface?.(column, k + 1) : undefined;
      if (cut && cut.offset < 0) mixed += ((coefficient[above] as number) - own) * Math.min(1, -cut.offset / dz);
    }
    return mixed;
  };
  let peak2 = 0;
  let peakVoxel = 0;
  let absorbed = 0;
  const voxels = n2 * lattice.nz;
  const last = voxels - n2;
  for (let v = 0; v < voxels; v++) {
    const label = labels[v] as number;
    if (gas[label]) {
      heatSource[v] = 0;
      continue;
    }
    const b = v + n2;
    const p2a = (re[v] as number) ** 2 + (im[v] as number) ** 2;
    const p2b = (re[b] as number) ** 2 + (im[b] as number) ** 2;
    let absorption = coefficient[label] as number;
    // Only a voxel whose neighbour along the beam differs can be cut by a surface (a few in a hundred).
    const cut = (v >= n2 && labels[v - n2] !== label) || (v < last && labels[b] !== label);
    if (faceInterface && cut) absorption = cutAbsorption(v, label, absorption);
    const q = absorption * 0.5 * (p2a + p2b) + (heatSource[v] as number);
    heatSource[v] = q;
    absorbed += q;
    if (p2a > peak2 || p2b > peak2) {
      peak2 = Math.max(p2a, p2b);
      peakVoxel = v;
    }
  }
  return {
    heatSource,
    pressureSquaredAt,
    peakPressure: Math.sqrt(peak2),
    peakVoxel,
    absorbedPower: absorbed * lattice.dx * lattice.dx * lattice.dz,
  };
}
