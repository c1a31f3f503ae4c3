import { jsRayleigh, type RayleighKernel, type RayleighMedium, type RayleighSources } from '../rayleigh.ts';
import { type BeamLattice, columnX } from './lattice.ts';

/** Radial samples per lateral spacing of the axisymmetric input plane (linear interpolation between them). */
const RADIAL_OVERSAMPLING = 16;

/**
 * Where inputPlane evaluates the Rayleigh sum: every column of face 0, i fastest.
 * @param lattice - lattice (n, dx, z0)
 * @returns points [m], packed xyz (3n²)
 */
export function inputPlanePoints(lattice: BeamLattice): Float64Array {
  const { n, z0 } = lattice;
  const points = new Float64Array(3 * n * n);
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) {
      const p = 3 * (i + n * j);
      points[p] = columnX(lattice, i);
      points[p + 1] = columnX(lattice, j);
      points[p + 2] = z0;
    }
  }
  return points;
}

/**
 * Where axisymmetricInputPlane evaluates the Rayleigh sum: one radial line of face 0 at dx/16, out to the corner.
 * @param lattice - lattice (n, dx, z0)
 * @returns points [m], packed xyz
 */
export function radialLinePoints(lattice: BeamLattice): Float64Array {
  const dr = lattice.dx / RADIAL_OVERSAMPLING;
  const rMax = Math.hypot(columnX(lattice, 0), columnX(lattice, 0));
  const samples = Math.ceil(rMax / dr) + 2;
  const points = new Float64Array(3 * samples);
  for (let s = 0; s < samples; s++) {
    points[3 * s] = s * dr;
    points[3 * s + 2] = lattice.z0;
  }
  return points;
}

/**
 * The source's field on the lattice's input plane (face 0, z = z0), by the Rayleigh–Sommerfeld sum in the coupling
 * medium: the array-to-plane step of the hybrid angular spectrum method (PHYSICS.md §5; Zeng & McGough 2009 put the
 * plane in front of the source). The sources must be given in the beam frame and lie behind the plane.
 * @param sources - elements or bowl patches (beam frame), velocities and optional gains
 * @param medium - the coupling medium between the source and the plane
 * @param frequency - f [Hz]
 * @param lattice - lattice (n, dx, z0)
 * @param kernel - where the sum runs (default the JavaScript reference)
 * @returns interleaved complex pressure, 2n² [Pa]
 * @see PHYSICS.md §1.1
 */
export function inputPlane(
  sources: RayleighSources,
  medium: RayleighMedium,
  frequency: number,
  lattice: BeamLattice,
  kernel: RayleighKernel = jsRayleigh,
): Float64Array {
  const { n } = lattice;
  const points = inputPlanePoints(lattice);
  const re = new Float64Array(n * n);
  const im = new Float64Array(n * n);
  kernel.pressure(sources, medium, frequency, points, re, im);
  const out = new Float64Array(2 * n * n);
  for (let c = 0; c < n * n; c++) {
    out[2 * c] = re[c] as number;
    out[2 * c + 1] = im[c] as number;
  }
  return out;
}

/**
 * The input plane of a source that is symmetric about the beam axis (a single-element bowl, with or without a
 * central hole, driven uniformly, its axis on the lattice's axis): the Rayleigh sum on one radial line, sampled at
 * dx/16 and linearly interpolated in radius. Thousands of bowl patches × a whole plane would cost ~10⁸–10⁹ terms;
 * this costs ~n·11 points. The interpolation error is below 0.1 % of the local amplitude while the radial phase
 * step k·sinθ·dx/16 stays small (sinθ ≤ 1 at dx = λ/2 gives ≤ π/16).
 * @param sources - the bowl's patches (beam frame), uniform velocity, axis = the z axis
 * @param medium - coupling medium
 * @param frequency - f [Hz]
 * @param lattice - lattice
 * @param kernel - where the sum runs (default the JavaScript reference)
 * @returns interleaved complex pressure, 2n² [Pa]
 */
export function axisymmetricInputPlane(
  sources: RayleighSources,
  medium: RayleighMedium,
  frequency: number,
  lattice: BeamLattice,
  kernel: RayleighKernel = jsRayleigh,
): Float64Array {
  const { n, dx } = lattice;
  const dr = dx / RADIAL_OVERSAMPLING;
  const points = radialLinePoints(lattice);
  const samples = points.length / 3;
  const re = new Float64Array(samples);
  const im = new Float64Array(samples);
  kernel.pressure(sources, medium, frequency, points, re, im);
  const out = new Float64Array(2 * n * n);
  for (let j = 0; j < n; j++) {
    const y = columnX(lattice, j);
    for (let i = 0; i < n; i++) {
      const r = Math.hypot(columnX(lattice, i), y) / dr;
      const s = Math.min(samples - 2, Math.floor(r));
      const t = r - s;
      const c = i + n * j;
      out[2 * c] = (1 - t) * (re[s] as number) + t * (re[s + 1] as number);
      out[2 * c + 1] = (1 - t) * (im[s] as number) + t * (im[s + 1] as number);
    }
  }
  return out;
}
