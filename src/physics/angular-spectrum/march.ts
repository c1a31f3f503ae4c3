import { SonicationCancelled } from '../acoustic-field.ts';
import { binWavenumber } from '../fft2.ts';
import { FaceSources } from './face-sources.ts';
import { labelNormal, localDirection } from './incidence.ts';
import { InterfaceTables, type LazyInterfaceTable, tableIndex } from './interface-table.ts';
import { type LabelChanges, scanLabels } from './label-changes.ts';
import type { BeamLattice } from './lattice.ts';
import { type AcousticMaterial, impedanceOf } from './materials.ts';
import { absorbingTaper, propagator } from './propagator.ts';
import { depositShear } from './shear.ts';
import { align, jsSliceKernels, type Planes, planeBytes, type SliceKernels } from './slice-kernels.ts';

type Vec3 = [number, number, number];

/** What the geometry knows of the surface behind a label change at a face of a column. */
export interface FaceInterface {
  /** unit normal, beam frame, either orientation */
  readonly normal: readonly [number, number, number];
  /** where the surface really is, from the face along +z [m] (within ±dz/2: labels put it on the face) */
  readonly offset: number;
}

/** The surface at a face of a column (between voxels face − 1 and face), where the geometry knows it. */
export type FaceInterfaceLookup = (column: number, face: number) => FaceInterface | undefined;

/** Input of marchField. SI units; the lattice and its labels in the beam frame (lattice.ts). */
export interface MarchInput {
  readonly lattice: BeamLattice;
  /** per voxel (n²·nz), an index into `materials` */
  readonly labels: Uint8Array;
  /** the acoustic properties of each label at `frequency` */
  readonly materials: readonly AcousticMaterial[];
  /** f [Hz] */
  readonly frequency: number;
  /** complex pressure on face 0, interleaved (2n²) [Pa]: the wave the source sends toward +z */
  readonly inputPlane: Float64Array;
  /**
   * One-way marches: 1 = forward only; 2 adds the reflected field marched back toward the source; 3 re-reflects it
   * forward, and so on (Almquist et al. 2016). Default 3: a fourth pass changes the femur and rib cases by < 0.2 % in
   * pressure and < 0.1 K (measured), and costs a third more.
   */
  readonly passes?: number;
  /**
   * the exact surface at each label change, from the geometry: its normal (else estimated from the labels) and its
   * sub-voxel position, so a surface between two faces transmits and reflects with the phase of where it is
   */
  readonly faceInterface?: FaceInterfaceLookup;
  /** absorbing layer per side as a fraction of n (default 0.1) */
  readonly absorbingMargin?: number;
  /** per-step weight at the lattice edge (default 0.85) */
  readonly absorbingEdge?: number;
  readonly onProgress?: (fraction: number) => void;
  readonly isCancelled?: () => boolean;
  /**
   * Receives the shear heat per voxel [W/m³], added in place (n²·nz); pass the array the heat source will be
   * built in, to save a lattice-sized allocation. Absent: one is allocated.
   */
  readonly heat?: Float32Array;
  /**
   * The focal spot's zone (beam frame) and the half-angle of the cone the rays converge in. Inside it a column's
   * single local angle (the mean of the converging rays) stands for the whole cone; where that cone reaches past
   * the critical angle of a fluid–solid surface, the split into reflected, longitudinal and shear waves turns on a
   * few degrees within it, so the solid's heating there is approximate (measured on a tilted bone plate against
   * plane-wave estimates over the aperture: a factor of up to about 3 either way, 15–40°). The march reports how
   * much power crosses so (MarchResult.solidAtFocus); absent, nothing is reported.
   */
  readonly focalZone?: FocalZone;
  /** where the bulk arithmetic runs (default: plain JavaScript; the engine passes WebAssembly SIMD kernels) */
  readonly kernels?: SliceKernels;
}

/** The focal spot's zone in the beam frame [m] and the converging cone's half-angle [rad]. */
export interface FocalZone {
  readonly target: readonly [number, number, number];
  /** unit vector of the spot's axis */
  readonly axis: readonly [number, number, number];
  readonly halfLength: number;
  readonly halfWidth: number;
  readonly halfAngle: number;
}

/** What the march produced. */
export interface MarchResult {
  /**
   * Total complex pressure (all passes, coherently) on every face, face-major, as two planes of n²·(nz + 1) values
   * [Pa] (views into the kernels' memory: valid until the kernels begin another computation). Face f holds the
   * field on the side of voxel f (the last face: of voxel nz − 1).
   */
  readonly field: Planes;
  /** heat deposited by mode-converted shear waves, per voxel [W/m³] (the `heat` array of the input, if given) */
  readonly shearHeat: Float32Array;
  /** total shear power deposited [W] */
  readonly shearPower: number;
  /**
   * Where the beam converges on an elastic solid (cortical bone): of the power entering it column by column inside
   * the focal zone, the share whose cone of converging rays reaches past the interface's critical angle, and that
   * power's share of the input [0–1] (both 0 without a focal zone). See MarchInput.focalZone.
   */
  readonly solidAtFocus: { readonly straddling: number; readonly ofInput: number };
  /** passes actually run (the march stops early once the reflected field carries < 1e-6 of the input's power) */
  readonly passesRun: number;
  /** the columns whose label changes at each face, with the geometry's surface there (latticeHeat splits them) */
  readonly changes: LabelChanges;
}

interface SpectralCrossing {
  /** per bin, complex T and R (0 for evanescent incident components) */
  t: Planes;
  r: Planes;
  /** per bin, √(shear energy fraction · cosθ): the amplitude weight whose |·|² is the shear flux */
  shear: Float32Array;
  hasShear: boolean;
  /** energy-weighted mean |cos| of the shear direction to the axis */
  shearCos: number;
}

const DEFAULT_PASSES = 3;
/** A reflected field below this fraction of the input power is not marched. */
const NEGLIGIBLE_POWER = 1e-6;

/**
 * Whole-path acoustic field by the hybrid angular spectrum method (Vyas & Christensen 2012), with reflections
 * (Almquist, Parker & Christensen 2016) and mode conversion into bone: the source's field on face 0 is marched
 * voxel slice by voxel slice through the labelled tissue.
 *
 * Per voxel slice: FFT → the exact propagator of a reference medium over dz (the slice's uniform medium, or where it
 * is mixed, the medium carrying the most energy) → inverse FFT → a phase and attenuation screen for the columns of
 * another medium, e^{−i(k_m − k_ref)dz − (α_m − α_ref)dz} (the wavelength changes inside bone) → gas columns zeroed
 * → a lateral absorbing layer. At each face where the tissue changes the wave is split by plane-wave coefficients:
 * - between two laterally uniform slices (planar layers), in the spectral domain, each plane-wave component with
 *   its own angle: exact oblique transmission, reflection and critical angle for layered media;
 * - elsewhere per column, at the local incidence angle between the wave's direction (phase gradient) and the
 *   surface normal (the geometry's, or estimated from the labels).
 * Entering cortical bone, part of the energy becomes a shear wave (elastic-interface.ts), deposited as heat within
 * millimetres (shear.ts). The reflected parts are collected and marched in the opposite direction in the next
 * pass; all passes add coherently, so standing waves form in front of bone and gas.
 *
 * Limits (src/physics/CONTEXT.md): the screen is a paraxial correction (errors grow with the angle between the
 * beam and steep, strongly contrasting surfaces); reflections from surfaces tilted far from the beam axis are sent
 * back along the mirror of the axis; a longitudinal wave leaving bone is not mode-converted.
 *
 * @param input - lattice, labels, materials, frequency and the input plane
 * @returns the total complex field on every face and the shear heat
 * @throws SonicationCancelled when input.isCancelled() becomes true
 * @see PHYSICS.md §5; Vyas U, Christensen DA, IEEE TUFFC 59(6):1093, 2012; Almquist S et al., J Ther Ultrasound 4:30, 2016
 * @example
 * const { field, shearHeat } = marchField({ lattice, labels, materials, frequency: 1e6, inputPlane });
 */
export function marchField(input: MarchInput): MarchResult {
  return new Marcher(input).run();
}

class Marcher {
  private readonly lattice: BeamLattice;
  private readonly n: number;
  private readonly n2: number;
  private readonly omega: number;
  private readonly k: SliceKernels;
  private readonly labels: Uint8Array;
  private readonly materials: readonly AcousticMaterial[];
  private readonly tables: InterfaceTables;
  /** per voxel slice: its label if every column has it, else −1 */
  private readonly uniform: Int16Array;
  private readonly propagators = new Map<number, Planes>();
  private readonly crossings = new Map<number, SpectralCrossing>();
  /** the labels and the taper, in the kernels' memory */
  private readonly kernelLabels: Uint8Array;
  private readonly taper: Float32Array;
  /** the total field on every face */
  private readonly total: Planes;
  /** the slice being marched, and scratch slices */
  private readonly work: Planes;
  private readonly incident: Planes;
  private readonly spare: Planes;
  private readonly shearSlice: Planes;
  /** screen factors per label for the current reference */
  private readonly factors: Planes;
  private readonly shearHeat: Float32Array;
  private shearPower = 0;
  /** normal flux crossing into a solid column by column in the focal zone, and of it past the critical angle [W/m²] */
  private focalSolidFlux = 0;
  private straddlingFlux = 0;
  private readonly direction: Vec3 = [0, 0, 1];
  private readonly normal: Vec3 = [0, 0, 1];
  private readonly energyByLabel: Float64Array;
  /** the columns whose label changes at each face and the surfaces there, found once: every pass crosses them */
  private readonly labelChanges: LabelChanges;
  private progressDone = 0;
  private progressTotal = 1;

  constructor(private readonly input: MarchInput) {
    const { lattice, labels, materials } = input;
    this.lattice = lattice;
    this.n = lattice.n;
    this.n2 = lattice.n * lattice.n;
    this.omega = 2 * Math.PI * input.frequency;
    this.labels = labels;
    this.materials = materials;
    if (labels.length !== this.n2 * lattice.nz) throw new RangeError('marchField: labels must have n²·nz entries');
    if (input.inputPlane.length !== 2 * this.n2)
      throw new RangeError('marchField: the input plane must have 2n² values');
    const scan = scanLabels(labels, this.n2, lattice.nz, input.faceInterface);
    for (let label = 0; label < scan.present.length; label++) {
      if (scan.present[label] === 1 && materials[label] === undefined)
        throw new RangeError(`marchField: label ${label} has no material`);
    }
    this.tables = new InterfaceTables(materials, input.frequency);
    this.uniform = scan.uniform;
    this.k = input.kernels ?? jsSliceKernels();
    this.k.begin(this.bytesNeeded(), this.n);
    this.total = this.k.planes(this.n2 * (lattice.nz + 1));
    this.work = this.k.planes(this.n2);
    this.incident = this.k.planes(this.n2);
    this.spare = this.k.planes(this.n2);
    this.shearSlice = this.k.planes(this.n2);
    this.factors = this.k.planes(Math.max(4, materials.length));
    this.kernelLabels = this.k.bytes(labels.length);
    this.kernelLabels.set(labels);
    const margin = Math.round((input.absorbingMargin ?? 0.1) * this.n);
    this.taper = this.k.floats(this.n2);
    this.taper.set(absorbingTaper(this.n, margin, input.absorbingEdge ?? 0.85));
    this.shearHeat = input.heat ?? new Float32Array(this.n2 * lattice.nz);
    if (this.shearHeat.length !== this.n2 * lattice.nz)
      throw new RangeError('marchField: heat must have n²·nz entries');
    this.energyByLabel = new Float64Array(materials.length);
    this.labelChanges = scan.changes;
  }

  /** Everything the march takes from the kernels, reserved before any view is made. */
  private bytesNeeded(): number {
    const { n2 } = this;
    const slices = 4 * planeBytes(n2) + planeBytes(Math.max(4, this.materials.length));
    const store = planeBytes(n2 * (this.lattice.nz + 1));
    const labels = align(this.labels.length);
    const taper = align(4 * n2);
    // A propagator per reference tissue, and the filters of every planar interface met (both directions).
    const references = this.materials.length;
    const pairs = new Set<number>();
    for (let k = 1; k < this.lattice.nz; k++) {
      const a = this.uniform[k - 1] as number;
      const b = this.uniform[k] as number;
      if (a >= 0 && b >= 0 && a !== b) pairs.add(a * 256 + b).add(b * 256 + a);
    }
    const crossings = pairs.size * (2 * planeBytes(n2) + align(4 * n2));
    return slices + store + labels + taper + references * planeBytes(n2) + crossings;
  }

  run(): MarchResult {
    const passes = Math.max(1, Math.floor(this.input.passes ?? DEFAULT_PASSES));
    this.progressTotal = passes * this.lattice.nz;
    const plane = this.input.inputPlane;
    for (let c = 0; c < this.n2; c++) {
      this.incident.re[c] = plane[2 * c] as number;
      this.incident.im[c] = plane[2 * c + 1] as number;
    }
    const inputPower = this.power(this.incident, 0);
    let sources = new FaceSources();
    let passesRun = 0;
    const area = this.lattice.dx * this.lattice.dx;
    for (let pass = 0; pass < passes; pass++) {
      const direction = pass % 2 === 0 ? 1 : -1;
      if (pass > 0) {
        // A reflection at face f travels in voxel f − 1 (backward) or f (forward): weigh it by that tissue.
        const power = sources.weightedEnergy((face, column) => {
          const k = Math.min(this.lattice.nz - 1, Math.max(0, direction < 0 ? face - 1 : face));
          const m = this.materials[this.labels[column + this.n2 * k] as number] as AcousticMaterial;
          return m.isGas ? 0 : area / (2 * impedanceOf(m));
        });
        if (!(power > NEGLIGIBLE_POWER * inputPower)) break;
      }
      sources = this.sweep(direction, sources, pass === 0);
      passesRun++;
    }
    this.input.onProgress?.(1);
    const { total: field, shearHeat, shearPower, labelChanges: changes } = this;
    const solidAtFocus = {
      straddling: this.focalSolidFlux > 0 ? this.straddlingFlux / this.focalSolidFlux : 0,
      ofInput: inputPower > 0 ? Math.min(1, (this.focalSolidFlux * area) / inputPower) : 0,
    };
    return { field, shearHeat, shearPower, solidAtFocus, passesRun, changes };
  }

  /** Power of a slice field through a z plane, normal-incidence estimate Σ|p|²/(2Z)·dx² [W]. */
  private power(field: Planes, slice: number): number {
    let sum = 0;
    for (let c = 0; c < this.n2; c++) {
      const m = this.materials[this.labels[c + this.n2 * slice] as number] as AcousticMaterial;
      if (m.isGas) continue;
      sum += ((field.re[c] as number) ** 2 + (field.im[c] as number) ** 2) / (2 * impedanceOf(m));
    }
    return sum * this.lattice.dx * this.lattice.dx;
  }

  /** One one-way march; returns the reflections it produced, per face, for the next pass. */
  private sweep(direction: number, sources: FaceSources, first: boolean): FaceSources {
    const { nz } = this.lattice;
    const work = this.work;
    if (first) {
      work.re.set(this.incident.re);
      work.im.set(this.incident.im);
    } else {
      work.re.fill(0);
      work.im.fill(0);
    }
    const next = new FaceSources();
    let crossed = false;
    for (let s = 0; s < nz; s++) {
      const k = direction > 0 ? s : nz - 1 - s;
      const entry = direction > 0 ? k : k + 1;
      const previous = k - direction;
      // Face f keeps the field on the side of voxel f: a backward wave is recorded before it crosses into voxel k
      // (propagate already did, for a face it crossed in the spectral domain).
      if (direction < 0 && !crossed) this.record(entry, work);
      if (previous >= 0 && previous < nz && !crossed) this.crossColumns(previous, k, direction, entry, next);
      sources.addTo(entry, work);
      if (direction > 0) this.record(entry, work);
      crossed = this.propagate(k, direction, next);
      this.progressDone++;
      if ((this.progressDone & 15) === 0) {
        if (this.input.isCancelled?.()) throw new SonicationCancelled();
        this.input.onProgress?.(this.progressDone / this.progressTotal);
      }
    }
    this.record(direction > 0 ? nz : 0, work);
    return next;
  }

  private faceOf(face: number): Planes {
    const start = this.n2 * face;
    return { re: this.total.re.subarray(start, start + this.n2), im: this.total.im.subarray(start, start + this.n2) };
  }

  private record(face: number, field: Planes): void {
    this.k.accumulate(this.faceOf(face), field);
  }

  /** The reference medium of a slice: its uniform label, else the non-gas label carrying the most energy. */
  private referenceLabel(k: number): number {
    const uniform = this.uniform[k] as number;
    if (uniform >= 0) return uniform;
    const energy = this.energyByLabel.fill(0);
    const offset = this.n2 * k;
    const { re, im } = this.work;
    const labels = this.labels;
    // A run of one label's columns is summed in a local and stored when the label changes: the same additions in
    // the same order as into energy[label] column by column, without a store and reload per column. The 1e-300 per
    // column (so a label in the slice outweighs one absent from it even where the field is zero) is below half an
    // ulp of any sum over 1e-280, which adding it leaves as it is: it is added only below that, off the chain of
    // dependent additions.
    let label = labels[offset] as number;
    let sum = 0;
    for (let c = 0; c < this.n2; c++) {
      const next = labels[offset + c] as number;
      if (next !== label) {
        energy[label] = sum;
        label = next;
        sum = energy[label] as number;
      }
      sum = sum + (re[c] as number) ** 2 + (im[c] as number) ** 2;
      if (!(sum > 1e-280)) sum += 1e-300;
    }
    energy[label] = sum;
    let best = -1;
    for (let m = 0; m < energy.length; m++) {
      if ((this.materials[m] as AcousticMaterial).isGas) continue;
      if (best < 0 || (energy[m] as number) > (energy[best] as number)) best = m;
    }
    return best < 0 ? (this.labels[offset] as number) : best;
  }

  private propagatorOf(label: number): Planes {
    let h = this.propagators.get(label);
    if (!h) {
      const { n, dx, dz } = this.lattice;
      const interleaved = propagator(this.materials[label] as AcousticMaterial, this.omega, n, dx, dz);
      h = this.k.planes(this.n2);
      for (let b = 0; b < this.n2; b++) {
        h.re[b] = interleaved[2 * b] as number;
        h.im[b] = interleaved[2 * b + 1] as number;
      }
      this.propagators.set(label, h);
    }
    return h;
  }

  /**
   * Propagates the work slice through voxel slice k toward `direction`; crosses the next face in the spectral
   * domain when both slices are uniform. Returns whether it did.
   */
  private propagate(k: number, direction: number, next: FaceSources): boolean {
    const { n, n2 } = this;
    const work = this.work;
    const ref = this.referenceLabel(k);
    const refMaterial = this.materials[ref] as AcousticMaterial;
    this.k.fft(work, n, false);
    this.k.multiply(work, this.propagatorOf(ref));
    const after = k + direction;
    const a = this.uniform[k] as number;
    const b = after >= 0 && after < this.lattice.nz ? (this.uniform[after] as number) : -1;
    const spectral = a >= 0 && b >= 0 && a !== b;
    if (spectral) {
      if (direction < 0) {
        // The backward wave is recorded on voxel k's side of the face, before it crosses.
        this.spare.re.set(work.re);
        this.spare.im.set(work.im);
        this.k.fft(this.spare, n, true);
        this.k.scale(this.spare, this.taper);
        this.record(k, this.spare);
      }
      this.crossSpectrally(a, b, direction, direction > 0 ? k + 1 : k, after, next);
    }
    this.k.fft(work, n, true);
    // Screen: each column's own medium against the reference (1 for the reference, 0 for gas), with the taper.
    const dz = this.lattice.dz;
    const omega = this.omega;
    const f = this.factors;
    for (let m = 0; m < this.materials.length; m++) {
      const material = this.materials[m] as AcousticMaterial;
      if (m === ref) {
        f.re[m] = 1;
        f.im[m] = 0;
      } else if (material.isGas) {
        f.re[m] = 0;
        f.im[m] = 0;
      } else {
        const phase = -(omega / material.speedOfSound - omega / refMaterial.speedOfSound) * dz;
        const gain = Math.exp(-(material.attenuation - refMaterial.attenuation) * dz);
        f.re[m] = gain * Math.cos(phase);
        f.im[m] = gain * Math.sin(phase);
      }
    }
    this.k.screen(work, this.kernelLabels.subarray(n2 * k, n2 * (k + 1)), f, this.taper);
    return spectral;
  }

  private crossingOf(a: number, b: number): SpectralCrossing {
    const key = a * 256 + b;
    const cached = this.crossings.get(key);
    if (cached) return cached;
    const { n, dx } = this.lattice;
    const from = this.materials[a] as AcousticMaterial;
    const table = this.tables.get(a, b);
    const k = this.omega / from.speedOfSound;
    const t = this.k.planes(this.n2);
    const r = this.k.planes(this.n2);
    const shear = this.k.floats(this.n2);
    t.re.fill(0);
    t.im.fill(0);
    r.re.fill(0);
    r.im.fill(0);
    shear.fill(0);
    const crossing: SpectralCrossing = { t, r, shear, hasShear: false, shearCos: 1 };
    let weight = 0;
    let weightedCos = 0;
    for (let j = 0; j < n; j++) {
      const ky = binWavenumber(j, n, dx);
      for (let i = 0; i < n; i++) {
        const kx = binWavenumber(i, n, dx);
        const sin2 = (kx * kx + ky * ky) / (k * k);
        if (sin2 >= 1) continue; // evanescent on arrival: it has decayed, let it go
        const cos = Math.sqrt(1 - sin2);
        const s = table.sample(tableIndex(cos));
        const bin = i + n * j;
        t.re[bin] = table.tRe[s] as number;
        t.im[bin] = table.tIm[s] as number;
        r.re[bin] = table.rRe[s] as number;
        r.im[bin] = table.rIm[s] as number;
        const e = table.shear[s] as number;
        if (e > 0) {
          shear[bin] = Math.sqrt(e * cos);
          crossing.hasShear = true;
          weight += e * cos;
          weightedCos += e * cos * (table.shearCos[s] as number);
        }
      }
    }
    if (weight > 0) crossing.shearCos = weightedCos / weight;
    this.crossings.set(key, crossing);
    return crossing;
  }

  /**
   * Per bin, the transmission and reflection phasors of a planar surface `delta` past its face (along the wave):
   * e^{−i(k_z,a − k_z,b)δ} and e^{−2i k_z,a δ}, with the complex normal wavenumbers of both lossy media; written into
   * `t` and `r`.
   */
  private planarShift(a: number, b: number, delta: number, t: Planes, r: Planes): void {
    const { n, dx } = this.lattice;
    const ma = this.materials[a] as AcousticMaterial;
    const mb = this.materials[b] as AcousticMaterial;
    for (let j = 0; j < n; j++) {
      const ky = binWavenumber(j, n, dx);
      for (let i = 0; i < n; i++) {
        const kx = binWavenumber(i, n, dx);
        const lateral2 = kx * kx + ky * ky;
        const za = normalWavenumber(this.omega / ma.speedOfSound, ma.attenuation, lateral2);
        const zb = normalWavenumber(this.omega / mb.speedOfSound, mb.attenuation, lateral2);
        // e^{−i k δ} with k = kr + i ki: magnitude e^{ki δ}, phase −kr δ.
        const tp = phasor(-(za[0] - zb[0]) * delta, (za[1] - zb[1]) * delta);
        const rp = phasor(-2 * za[0] * delta, 2 * za[1] * delta);
        const bin = i + n * j;
        t.re[bin] = tp[0];
        t.im[bin] = tp[1];
        r.re[bin] = rp[0];
        r.im[bin] = rp[1];
      }
    }
  }

  /** Planar interface between two uniform slices, each plane-wave component at its own angle. */
  private crossSpectrally(
    a: number,
    b: number,
    direction: number,
    face: number,
    firstVoxel: number,
    next: FaceSources,
  ): void {
    const crossing = this.crossingOf(a, b);
    const { n, n2 } = this;
    const work = this.work;
    const reflected = this.spare;
    reflected.re.set(work.re);
    reflected.im.set(work.im);
    this.k.multiply(reflected, crossing.r);
    if (crossing.hasShear) {
      this.shearSlice.re.set(work.re);
      this.shearSlice.im.set(work.im);
      this.k.scale(this.shearSlice, crossing.shear);
    }
    this.k.multiply(work, crossing.t);
    const centre = n / 2 + n * (n / 2);
    const delta = (this.input.faceInterface?.(centre, face)?.offset ?? 0) * direction;
    if (delta !== 0) {
      // The surface lies δ past the face: shift the transmitted and reflected waves' phases by where it is.
      const t = this.incident;
      const r = { re: new Float32Array(n2), im: new Float32Array(n2) };
      this.planarShift(a, b, delta, t, r);
      this.k.multiply(work, t);
      for (let i = 0; i < n2; i++) {
        const x = reflected.re[i] as number;
        const y = reflected.im[i] as number;
        reflected.re[i] = x * (r.re[i] as number) - y * (r.im[i] as number);
        reflected.im[i] = x * (r.im[i] as number) + y * (r.re[i] as number);
      }
    }
    this.k.fft(reflected, n, true);
    next.addSlice(face, reflected);
    if (crossing.hasShear) {
      this.k.fft(this.shearSlice, n, true);
      const from = this.materials[a] as AcousticMaterial;
      const to = this.materials[b] as AcousticMaterial;
      const area = this.lattice.dx * this.lattice.dx;
      const { re, im } = this.shearSlice;
      for (let c = 0; c < n2; c++) {
        const flux = ((re[c] as number) ** 2 + (im[c] as number) ** 2) / (2 * impedanceOf(from));
        this.shearPower += depositShear(
          this.shearHeat,
          this.labels,
          this.lattice,
          c,
          firstVoxel,
          direction,
          flux * area,
          to.shearAttenuation,
          crossing.shearCos,
        );
      }
    }
  }

  /**
   * Counts a column's crossing into a solid when it lies in the focal zone (MarchInput.focalZone).
   * @param cos - |cos| of its local incidence
   * @param critical - the interface's critical angle [rad]
   * @param flux - its incident normal flux [W/m²]
   */
  private noteSolidAtFocus(i: number, j: number, face: number, cos: number, critical: number, flux: number): void {
    const zone = this.input.focalZone;
    if (!zone) return;
    const { n, dx, dz, z0 } = this.lattice;
    const x = (i - n / 2) * dx - zone.target[0];
    const y = (j - n / 2) * dx - zone.target[1];
    const z = z0 + face * dz - zone.target[2];
    const along = x * zone.axis[0] + y * zone.axis[1] + z * zone.axis[2];
    const across2 = x * x + y * y + z * z - along * along;
    if (Math.abs(along) > zone.halfLength || across2 > zone.halfWidth * zone.halfWidth) return;
    this.focalSolidFlux += flux;
    if (Math.acos(Math.min(1, cos)) + zone.halfAngle > critical) this.straddlingFlux += flux;
  }

  /** Face between voxel slices `from` and `to` where they are not both uniform: per column, at the local angle. */
  private crossColumns(from: number, to: number, direction: number, face: number, next: FaceSources): void {
    const { n, n2, labels, lattice } = this;
    const fromOffset = n2 * from;
    const toOffset = n2 * to;
    const changes = this.labelChanges;
    const { offsets, normals } = changes;
    const between = Math.max(from, to);
    const first = changes.start[between] as number;
    const end = changes.start[between + 1] as number;
    if (first === end) return;
    const field = this.work;
    const incident = this.incident;
    incident.re.set(field.re);
    incident.im.set(field.im);
    const area = lattice.dx * lattice.dx;
    const dir = this.direction;
    const normal = this.normal;
    for (let at = first; at < end; at++) {
      const c = changes.columns[at] as number;
      const la = labels[fromOffset + c] as number;
      const lb = labels[toOffset + c] as number;
      const re = incident.re[c] as number;
      const im = incident.im[c] as number;
      if (re === 0 && im === 0) continue;
      const ma = this.materials[la] as AcousticMaterial;
      const mb = this.materials[lb] as AcousticMaterial;
      const i = c % n;
      const j = (c - i) / n;
      localDirection(incident, lattice, i, j, this.omega / ma.speedOfSound, direction, dir);
      const offset = offsets?.[at] ?? Number.NaN;
      const exact = normals !== undefined && !Number.isNaN(offset);
      if (exact) {
        normal[0] = normals[3 * at] as number;
        normal[1] = normals[3 * at + 1] as number;
        normal[2] = normals[3 * at + 2] as number;
      } else labelNormal(labels, lattice, i, j, from, to, normal);
      const dot = dir[0] * normal[0] + dir[1] * normal[1] + dir[2] * normal[2];
      const cos = Math.abs(dot);
      const table: LazyInterfaceTable = this.tables.get(la, lb);
      const s = table.sample(tableIndex(cos));
      let tr = table.tRe[s] as number;
      let ti = table.tIm[s] as number;
      let rr = table.rRe[s] as number;
      let ri = table.rIm[s] as number;
      const delta = exact ? offset * direction : 0;
      if (delta !== 0) {
        // The surface sits `delta` past the face along the wave: the wave crosses that much more of medium a before
        // it transmits (less of b after), and its reflection travels it twice. The phasors e^{loss + i·phase} are
        // written out (as phasor() computes them): arrays made per column crossed kept the collector busy.
        const ka = this.omega / ma.speedOfSound;
        const kb = this.omega / mb.speedOfSound;
        const tPhase = -(ka - kb) * delta;
        const tGain = Math.exp(-(ma.attenuation - mb.attenuation) * delta);
        const t0 = tGain * Math.cos(tPhase);
        const t1 = tGain * Math.sin(tPhase);
        const rPhase = -2 * ka * delta;
        const rGain = Math.exp(-2 * ma.attenuation * delta);
        const r0 = rGain * Math.cos(rPhase);
        const r1 = rGain * Math.sin(rPhase);
        const trShifted = tr * t0 - ti * t1;
        ti = tr * t1 + ti * t0;
        tr = trShifted;
        const rrShifted = rr * r0 - ri * r1;
        ri = rr * r1 + ri * r0;
        rr = rrShifted;
      }
      field.re[c] = re * tr - im * ti;
      field.im[c] = re * ti + im * tr;
      next.addColumn(face, c, re * rr - im * ri, re * ri + im * rr);
      if (table.solid) {
        const flux = ((re * re + im * im) / (2 * impedanceOf(ma))) * Math.abs(dir[2]);
        this.noteSolidAtFocus(i, j, face, cos, table.criticalAngle, flux);
      }
      const shear = table.shear[s] as number;
      if (shear > 0 && !mb.isGas) {
        const flux = ((shear * (re * re + im * im)) / (2 * impedanceOf(ma))) * Math.abs(dir[2]);
        this.shearPower += depositShear(
          this.shearHeat,
          labels,
          lattice,
          c,
          to,
          direction,
          flux * area,
          table.shearAttenuation,
          shearAxisCos(dir, normal, dot, cos, table.shearCos[s] as number),
        );
      }
    }
  }
}

/**
 * |cos| between the refracted shear direction and the z axis: t̂ = (sinγ/sinθ)(k̂ − cosθ n̂) + cosγ n̂, with n̂
 * oriented along the incident wave.
 */
function shearAxisCos(dir: Vec3, normal: Vec3, dot: number, cos: number, shearCos: number): number {
  const sign = dot < 0 ? -1 : 1;
  const nz = sign * normal[2];
  const sinI = Math.sqrt(Math.max(0, 1 - cos * cos));
  if (sinI < 1e-6) return Math.abs(nz);
  const sinG = Math.sqrt(Math.max(0, 1 - shearCos * shearCos));
  return Math.abs((sinG / sinI) * (dir[2] - cos * nz) + shearCos * nz);
}

/** exp(i·phase + loss) as [re, im]. */
function phasor(phase: number, loss: number): [number, number] {
  const m = Math.exp(loss);
  return [m * Math.cos(phase), m * Math.sin(phase)];
}

/** k_z = √((k − iα)² − k_⊥²) with Re ≥ 0, Im ≤ 0 (as propagator.ts), as [re, im]. */
function normalWavenumber(k: number, alpha: number, lateral2: number): [number, number] {
  const aRe = k * k - alpha * alpha - lateral2;
  const aIm = -2 * k * alpha;
  const modulus = Math.hypot(aRe, aIm);
  const re = Math.sqrt(Math.max(0, (modulus + aRe) / 2));
  const im = Math.sqrt(Math.max(0, (modulus - aRe) / 2));
  return [re, -im];
}
