import type { BeamLattice } from '../angular-spectrum/lattice.ts';
import type { Planes } from '../angular-spectrum/slice-kernels.ts';

/** |p| along a line through the peak, sampled where the field is computed (lattice faces or columns). */
export interface Profile {
  /** position along the line, beam frame [m] (z for the axial profile, x or y for the lateral ones) */
  position: number[];
  /** |p| [Pa] */
  pressure: number[];
}

/** Profiles through the peak and the −6 dB (half-pressure) sizes of the focal spot. */
export interface FocalProfiles {
  /** along the beam, through the peak's column */
  axial: Profile;
  /** across the beam along x and y, through the peak, on the peak's face */
  lateralX: Profile;
  lateralY: Profile;
  /**
   * full widths at half the peak pressure [m] (NaN when the profile does not fall to half within the lattice); the
   * axial one on the profile's envelope (|p|² averaged over half a wavelength), so the fringes of a standing wave in
   * front of a reflector do not pass for the focal spot
   */
  axialWidth6dB: number;
  lateralWidth6dBX: number;
  lateralWidth6dBY: number;
}

/**
 * Full width where |p| ≥ max/2 around the profile's maximum, with linear interpolation at both crossings.
 * @param profile - samples
 * @returns width [m], NaN if either side stays above half
 */
export function halfMaximumWidth(profile: Profile): number {
  const p = profile.pressure;
  const x = profile.position;
  let top = 0;
  for (let i = 1; i < p.length; i++) if ((p[i] as number) > (p[top] as number)) top = i;
  const half = (p[top] as number) / 2;
  const crossing = (from: number, step: number): number => {
    for (let i = from; i + step >= 0 && i + step < p.length; i += step) {
      const a = p[i] as number;
      const b = p[i + step] as number;
      if (b < half) {
        const t = (a - half) / (a - b);
        return (x[i] as number) + t * ((x[i + step] as number) - (x[i] as number));
      }
    }
    return Number.NaN;
  };
  return Math.abs(crossing(top, 1) - crossing(top, -1));
}

/**
 * Axial and lateral |p| profiles through the lattice's peak face sample and the −6 dB sizes (issue: results with
 * axial and lateral profiles through the peak). Exact lattice samples, no interpolation: on the beam axis of an
 * unsteered array the axial profile is the field on the axis itself.
 * @param field - total complex field per face (marchField)
 * @param lattice - lattice
 * @param peakVoxel - voxel whose face holds the peak (latticeHeat)
 * @param wavelength - the coupling medium's wavelength [m], for the axial envelope
 * @returns profiles and widths
 */
export function focalProfiles(
  field: Planes,
  lattice: BeamLattice,
  peakVoxel: number,
  wavelength: number,
): FocalProfiles {
  const { n, nz, dx, dz, z0 } = lattice;
  const n2 = n * n;
  const magnitude = (face: number, column: number): number => {
    const a = face * n2 + column;
    return Math.hypot(field.re[a] as number, field.im[a] as number);
  };
  const i0 = peakVoxel % n;
  const j0 = Math.floor(peakVoxel / n) % n;
  const k0 = Math.floor(peakVoxel / n2);
  const column = i0 + n * j0;
  // The peak sits on one of the voxel's two faces.
  const face = magnitude(k0, column) >= magnitude(k0 + 1, column) ? k0 : k0 + 1;
  const axial: Profile = { position: [], pressure: [] };
  for (let f = 0; f <= nz; f++) {
    axial.position.push(z0 + f * dz);
    axial.pressure.push(magnitude(f, column));
  }
  const lateralX: Profile = { position: [], pressure: [] };
  const lateralY: Profile = { position: [], pressure: [] };
  for (let i = 0; i < n; i++) {
    lateralX.position.push((i - n / 2) * dx);
    lateralX.pressure.push(magnitude(face, i + n * j0));
    lateralY.position.push((i - n / 2) * dx);
    lateralY.pressure.push(magnitude(face, i0 + n * i));
  }
  return {
    axial,
    lateralX,
    lateralY,
    axialWidth6dB: halfMaximumWidth(envelope(axial, wavelength / 2)),
    lateralWidth6dBX: halfMaximumWidth(lateralX),
    lateralWidth6dBY: halfMaximumWidth(lateralY),
  };
}

/** √ of the running mean of |p|² over a window (centred, truncated at the ends). */
function envelope(profile: Profile, window: number): Profile {
  const step = Math.abs((profile.position[1] ?? 1) - (profile.position[0] ?? 0));
  const half = Math.max(0, Math.round(window / step / 2));
  const p = profile.pressure;
  const pressure = p.map((_, i) => {
    let sum = 0;
    let count = 0;
    for (let j = Math.max(0, i - half); j <= Math.min(p.length - 1, i + half); j++) {
      sum += (p[j] as number) ** 2;
      count++;
    }
    return Math.sqrt(sum / count);
  });
  return { position: profile.position, pressure };
}
