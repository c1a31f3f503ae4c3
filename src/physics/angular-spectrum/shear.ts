import type { BeamLattice } from './lattice.ts';

/** Deposition stops once this fraction of the shear power is left (it is then dropped). */
const REMAINDER = 1e-4;

/**
 * Deposits the power of a mode-converted shear wave in the solid it entered, along the lattice column, as heat:
 * the shear intensity falls as exp(−2 α_t s) along its path s = depth / |cos|, and what each voxel takes is the
 * difference of that exponential across it. All of the shear attenuation heats the bone: at ≈ 100–200 Np/m the
 * wave is gone within millimetres of the surface (White, Clement & Hynynen 2006; PHYSICS.md §5), which is why
 * steep beams heat the periosteum. The shear wave is kept in the entry column (its lateral walk over those
 * millimetres, a fraction of a column, is neglected); what is left where the solid ends leaves as a longitudinal
 * wave in reality and is dropped here (documented in src/physics/CONTEXT.md).
 *
 * @param heat - per voxel heat source [W/m³], accumulated in place
 * @param labels - lattice labels
 * @param lattice - lattice
 * @param column - column index i + n·j
 * @param firstVoxel - the first voxel of the solid along the wave's direction
 * @param direction - +1 (toward +z) or −1
 * @param power - shear power entering through this column [W]
 * @param attenuation - shear amplitude attenuation α_t [Np/m]
 * @param cosToAxis - |cos| of the shear direction to the z axis (≥ 0.1 is used)
 * @returns the power deposited [W] (≤ power)
 */
export function depositShear(
  heat: Float32Array | Float64Array,
  labels: Uint8Array,
  lattice: BeamLattice,
  column: number,
  firstVoxel: number,
  direction: number,
  power: number,
  attenuation: number,
  cosToAxis: number,
): number {
  if (!(power > 0) || !(attenuation > 0)) return 0;
  const slice = lattice.n * lattice.n;
  const solid = labels[column + slice * firstVoxel];
  const decay = Math.exp((-2 * attenuation * lattice.dz) / Math.max(0.1, cosToAxis));
  const volume = lattice.dx * lattice.dx * lattice.dz;
  let remaining = power;
  let deposited = 0;
  for (let k = firstVoxel; k >= 0 && k < lattice.nz; k += direction) {
    const v = column + slice * k;
    if (labels[v] !== solid) break;
    const absorbed = remaining * (1 - decay);
    heat[v] = (heat[v] as number) + absorbed / volume;
    deposited += absorbed;
    remaining -= absorbed;
    if (remaining < REMAINDER * power) break;
  }
  return deposited;
}
