import type { LabelChanges } from '../angular-spectrum/label-changes.ts';
import type { BeamLattice } from '../angular-spectrum/lattice.ts';
import type { AcousticMaterial } from '../angular-spectrum/materials.ts';
import type { Planes } from '../angular-spectrum/slice-kernels.ts';

/** The acoustic results of the whole path, per lattice voxel. */
export interface LatticeHeat {
  /** heat source: absorption q = α_abs⟨|p|²⟩/(ρc) plus the mode-converted shear heat [W/m³] */
  heatSource: Float32Array;
  /** ⟨|p|²⟩ of each voxel [Pa²]: the mean over its two faces, read from the field (not stored) */
  pressureSquared: FacePressureSquared;
  /** largest |p| on any face [Pa], and the voxel it belongs to */
  peakPressure: number;
  peakVoxel: number;
  /** ∫ q dV [W]: the acoustic power turned into heat inside the lattice */
  absorbedPower: number;
}

/** ⟨|p|²⟩ of each lattice voxel [Pa²], the mean of |p|² on its two faces, read from the total field when asked. */
export class FacePressureSquared {
  /**
   * @param re - total field per face, real part [Pa]
   * @param im - imaginary part [Pa]
   * @param labels - lattice labels
   * @param gas - per label, 1 for gas (no pressure: pressure-release)
   * @param n2 - voxels per slice
   */
  constructor(
    private readonly re: Float32Array,
    private readonly im: Float32Array,
    private readonly labels: Uint8Array,
    private readonly gas: Uint8Array,
    private readonly n2: number,
  ) {}

  /**
   * @param v - lattice voxel
   * @returns ⟨|p|²⟩ there [Pa²] (0 in gas)
   */
  at(v: number): number {
    if (this.gas[this.labels[v] as number]) return 0;
    const { re, im } = this;
    const b = v + this.n2;
    return 0.5 * ((re[v] as number) ** 2 + (im[v] as number) ** 2 + (re[b] as number) ** 2 + (im[b] as number) ** 2);
  }
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
 * @param changes - the label changes along z and where the surfaces really are (marchField's): a voxel a surface
 *   cuts absorbs as both its tissues, by the thickness of each (so moving a bone surface by a fraction of a voxel
 *   changes the bone's heat continuously); without their offsets every voxel absorbs as its label
 * @returns q, an accessor of ⟨|p|²⟩, the peak and the absorbed power
 */
export function latticeHeat(
  field: Planes,
  shearHeat: Float32Array,
  labels: Uint8Array,
  materials: readonly AcousticMaterial[],
  lattice: BeamLattice,
  changes?: LabelChanges,
): LatticeHeat {
  const n2 = lattice.n * lattice.n;
  const heatSource = shearHeat;
  const coefficient = Float64Array.from(materials, (m) => (m.isGas ? 0 : m.absorption / (m.density * m.speedOfSound)));
  const gas = Uint8Array.from(materials, (m) => (m.isGas ? 1 : 0));
  const { re, im } = field;
  const { dz, nz } = lattice;
  // Without the surfaces' offsets no voxel is split: no changes to walk.
  const split = changes?.offsets !== undefined;
  const start = split ? changes.start : new Int32Array(nz + 2);
  const columns = split ? changes.columns : new Int32Array(0);
  const offsets = changes?.offsets ?? new Float64Array(0);
  // |p|² on the lower face of each column of the slice: the upper face's of the slice before, computed once.
  const lower = new Float64Array(n2);
  for (let c = 0; c < n2; c++) lower[c] = (re[c] as number) ** 2 + (im[c] as number) ** 2;
  // One call per slice rather than one loop over the lattice: the function is optimised after a few slices instead
  // of running its first millions of voxels unoptimised (each of whose numbers was a heap allocation), and stays so.
  const totals = new Float64Array(TOTALS);
  const slice: SliceInputs = {
    re,
    im,
    labels,
    gas,
    coefficient,
    heatSource,
    lower,
    start,
    columns,
    offsets,
    n2,
    nz,
    dz,
  };
  for (let k = 0; k < nz; k++) sliceHeat(slice, k, totals);
  return {
    heatSource,
    pressureSquared: new FacePressureSquared(re, im, labels, gas, n2),
    peakPressure: Math.sqrt(totals[PEAK2] as number),
    peakVoxel: totals[PEAK_VOXEL] as number,
    absorbedPower: (totals[ABSORBED] as number) * lattice.dx * lattice.dx * lattice.dz,
  };
}

/** What every slice of latticeHeat reads (and `heatSource`, `lower`, which it updates). */
interface SliceInputs {
  readonly re: Float32Array;
  readonly im: Float32Array;
  readonly labels: Uint8Array;
  readonly gas: Uint8Array;
  readonly coefficient: Float64Array;
  readonly heatSource: Float32Array;
  readonly lower: Float64Array;
  readonly start: Int32Array;
  readonly columns: Int32Array;
  readonly offsets: Float64Array;
  readonly n2: number;
  readonly nz: number;
  readonly dz: number;
}

/** Running totals of latticeHeat, carried from slice to slice: Σ q, the largest |p|² and its voxel. */
const ABSORBED = 0;
const PEAK2 = 1;
const PEAK_VOXEL = 2;
const TOTALS = 3;

/** The heat of slice k (see latticeHeat), its voxels in order, adding to `totals`. */
function sliceHeat(slice: SliceInputs, k: number, totals: Float64Array): void {
  const { re, im, labels, gas, coefficient, heatSource, lower, start, columns, offsets, n2, nz, dz } = slice;
  let absorbed = totals[ABSORBED] as number;
  let peak2 = totals[PEAK2] as number;
  let peakVoxel = totals[PEAK_VOXEL] as number;
  const offset = n2 * k;
  // The surfaces on this slice's lower face k and upper face k + 1, walked along with the columns (both lists
  // ascend); only a voxel whose neighbour along the beam differs can be cut (a few in a hundred).
  let lowerAt = k > 0 ? (start[k] as number) : 0;
  const lowerEnd = k > 0 ? (start[k + 1] as number) : 0;
  let upperAt = k + 1 < nz ? (start[k + 1] as number) : 0;
  const upperEnd = k + 1 < nz ? (start[k + 2] as number) : 0;
  let lowerColumn = lowerAt < lowerEnd ? (columns[lowerAt] as number) : -1;
  let upperColumn = upperAt < upperEnd ? (columns[upperAt] as number) : -1;
  for (let c = 0; c < n2; c++) {
    const v = offset + c;
    const b = v + n2;
    const p2a = lower[c] as number;
    const p2b = (re[b] as number) ** 2 + (im[b] as number) ** 2;
    lower[c] = p2b;
    // Offsets of the surfaces cutting this voxel's faces (NaN: none known there).
    let below = Number.NaN;
    let above = Number.NaN;
    if (c === lowerColumn) {
      below = offsets[lowerAt] as number;
      lowerAt++;
      lowerColumn = lowerAt < lowerEnd ? (columns[lowerAt] as number) : -1;
    }
    if (c === upperColumn) {
      above = offsets[upperAt] as number;
      upperAt++;
      upperColumn = upperAt < upperEnd ? (columns[upperAt] as number) : -1;
    }
    const label = labels[v] as number;
    if (gas[label]) {
      heatSource[v] = 0;
      continue;
    }
    const own = coefficient[label] as number;
    let absorption = own;
    // A surface δ > 0 above the lower face leaves the bottom δ of this voxel to the tissue below; one δ < 0 below
    // the upper face leaves the top |δ| to the tissue above.
    if (below > 0) absorption += ((coefficient[labels[v - n2] as number] as number) - own) * Math.min(1, below / dz);
    if (above < 0) absorption += ((coefficient[labels[b] as number] as number) - own) * Math.min(1, -above / dz);
    const q = absorption * 0.5 * (p2a + p2b) + (heatSource[v] as number);
    heatSource[v] = q;
    absorbed += q;
    if (p2a > peak2 || p2b > peak2) {
      peak2 = Math.max(p2a, p2b);
      peakVoxel = v;
    }
  }
  totals[ABSORBED] = absorbed;
  totals[PEAK2] = peak2;
  totals[PEAK_VOXEL] = peakVoxel;
}
