import type { Profile } from './profiles.ts';
import type { SpotAcoustics } from './spot-acoustics.ts';

function scaledProfile(profile: Profile, factor: number): Profile {
  return { position: profile.position, pressure: profile.pressure.map((p) => p * factor) };
}

/**
 * A spot's acoustics at another acoustic power, without marching the field again. Everything in the chain is linear
 * in the element velocities, which scale as √P at a fixed drive pattern (elementDrive: the same phases and
 * apodisation, amplitudes normalised to the total power): the input plane, the march with its reflections and mode
 * conversion, so every |p| scales by √(P/P₀); the heat sources, intensities and powers (all ∝ |p|²) by P/P₀. The
 * −6 dB sizes, the peak's place and the element counts do not change. Exact up to Float32 rounding (≈ 1e-7).
 * @param acoustics - the acoustics computed at P₀
 * @param powerRatio - P/P₀ (> 0)
 * @returns new arrays; `acoustics` is left as it was
 * @see PHYSICS.md §1.1 (Rayleigh integral: p ∝ u), §1.4 (the march is a linear operator on the field)
 */
export function scaledAcoustics(acoustics: SpotAcoustics, powerRatio: number): SpotAcoustics {
  if (!(powerRatio > 0) || !Number.isFinite(powerRatio)) throw new RangeError(`power ratio ${powerRatio}: must be > 0`);
  const amplitude = Math.sqrt(powerRatio);
  const { fine, profiles } = acoustics;
  const pressure = new Float32Array(fine.pressure.length);
  for (let v = 0; v < pressure.length; v++) pressure[v] = (fine.pressure[v] as number) * amplitude;
  const heatSource = new Float64Array(fine.heatSource.length);
  for (let v = 0; v < heatSource.length; v++) heatSource[v] = (fine.heatSource[v] as number) * powerRatio;
  const coarseHeat = new Float64Array(acoustics.coarseHeat.length);
  for (let v = 0; v < coarseHeat.length; v++) coarseHeat[v] = (acoustics.coarseHeat[v] as number) * powerRatio;
  return {
    ...acoustics,
    fine: {
      ...fine,
      pressure,
      heatSource,
      peakPressure: fine.peakPressure * amplitude,
      focalIntensity: fine.focalIntensity * powerRatio,
      powerBeyondCriticalAngle: fine.powerBeyondCriticalAngle * powerRatio,
    },
    coarseHeat,
    pathPeakPressure: acoustics.pathPeakPressure * amplitude,
    pathPeakIntensity: acoustics.pathPeakIntensity * powerRatio,
    profiles: {
      ...profiles,
      axial: scaledProfile(profiles.axial, amplitude),
      lateralX: scaledProfile(profiles.lateralX, amplitude),
      lateralY: scaledProfile(profiles.lateralY, amplitude),
    },
    focusPressure: acoustics.focusPressure * amplitude,
    inputPower: acoustics.inputPower * powerRatio,
    absorbedPower: acoustics.absorbedPower * powerRatio,
    shearPower: acoustics.shearPower * powerRatio,
    focalRegionHeat: {
      lattice: acoustics.focalRegionHeat.lattice * powerRatio,
      fine: acoustics.focalRegionHeat.fine * powerRatio,
    },
  };
}
