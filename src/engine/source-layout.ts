import { TISSUES } from '../physics/tissues.ts';
import {
  layoutSphericalArray,
  type SourceLayout,
  type SphericalArraySpec,
  subdivideBowl,
} from '../physics/transducer.ts';

/**
 * Side of a bowl patch as a fraction of the wavelength in water. At λ/2 the Rayleigh sum of the k-Wave O'Neil bowl
 * (≈ 21 600 patches) is within 0.06 % of O'Neil within ±15 mm of the focus and ≈ 1 % over the whole axis where
 * |p| > 10 % of the peak (src/physics/CONTEXT.md: 15k → 1.3 %, 30k → 0.64 %); at the focus every patch is
 * equidistant, so p(R) is exact for any count.
 */
export const BOWL_PATCH_SIDE_PER_WAVELENGTH = 0.5;
/** Bounds on the patch count, so a tiny bowl is still tiled and a huge one cannot stall the Rayleigh sum. */
export const BOWL_PATCHES_MIN = 2000;
export const BOWL_PATCHES_MAX = 40000;

/**
 * How many patches tile a single-element bowl: cap area 2πRh over (λ/2)², λ in water, clamped to
 * [BOWL_PATCHES_MIN, BOWL_PATCHES_MAX].
 * @param spec - a spherical cap with elementCount 1
 * @returns wanted patch count (subdivideBowl lands within a few % of it)
 */
export function bowlPatchCount(spec: SphericalArraySpec): number {
  const r = spec.radiusOfCurvature;
  const a = spec.aperture / 2;
  const hole = spec.centralHoleDiameter / 2;
  const capArea = 2 * Math.PI * r * (Math.sqrt(r * r - hole * hole) - Math.sqrt(r * r - a * a));
  const side = (BOWL_PATCH_SIDE_PER_WAVELENGTH * TISSUES.water.speedOfSound) / spec.frequency;
  return Math.min(BOWL_PATCHES_MAX, Math.max(BOWL_PATCHES_MIN, Math.round(capArea / (side * side))));
}

/**
 * The discrete sources of a transducer in its local frame (apex at the origin, axis +z): the pistons of a phased
 * array, or, for a single-element bowl (elementCount 1), the bowl tiled into near-equal patches with no piston
 * directivity, so the Rayleigh sum integrates the curved surface rather than one flat piston. The one place that
 * choice is made, for the worker's ops and the headless CLI alike.
 * @param spec - transducer geometry [m], [Hz]
 * @returns source layout (positions, inward normals, areas, piston radius or 0 for bowl patches); a bowl with a
 *   central hole is tiled as an annulus
 */
export function sourceLayout(spec: SphericalArraySpec): SourceLayout {
  if (spec.elementCount !== 1) return layoutSphericalArray(spec);
  return subdivideBowl(spec.radiusOfCurvature, spec.aperture, bowlPatchCount(spec), spec.centralHoleDiameter);
}

/** A request's source layout, built on the first call and the same object after (see lazySourceLayout). */
export type LazySourceLayout = () => SourceLayout;

/**
 * The source layout of one request, shared by every step that needs it (placing the array, steering loss, the
 * CLI's report), so a request tiles a 20 000-patch bowl once. Built on first use rather than up front: a free-beam
 * request may never need the array, and then must not pay for it or fail on its spec.
 * @param spec - transducer geometry [m], [Hz]
 * @returns a function giving sourceLayout(spec), computed once
 */
export function lazySourceLayout(spec: SphericalArraySpec): LazySourceLayout {
  let layout: SourceLayout | undefined;
  return () => {
    layout ??= sourceLayout(spec);
    return layout;
  };
}

/**
 * Total radiating area of a layout [m²]: what the core spreads the acoustic power over (W = Σ ½ρc u² ΔS).
 * @param layout - sources
 * @returns Σ ΔS [m²]
 */
export function radiatingArea(layout: SourceLayout): number {
  let sum = 0;
  for (const a of layout.areas) sum += a;
  return sum;
}
