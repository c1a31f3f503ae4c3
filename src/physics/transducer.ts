/**
 * Spherical-cap transducers in the TRANSDUCER-LOCAL frame: apex (pole) at the origin, axis +z, geometric focus at
 * (0, 0, R). Normals are unit vectors pointing from the element to the geometric focus.
 */

/** Geometry of a spherical-cap phased array. */
export interface SphericalArraySpec {
  /** Radius of curvature R [m] (= geometric focal length). */
  readonly radiusOfCurvature: number;
  /** Aperture (outer diameter of the cap, projected) [m]. */
  readonly aperture: number;
  /** Diameter of the central opening without elements (projected) [m]; 0 = none. */
  readonly centralHoleDiameter: number;
  /** Number of elements N. */
  readonly elementCount: number;
  /** Diameter of each circular piston element [m]. */
  readonly elementDiameter: number;
  /** Working frequency [Hz]. */
  readonly frequency: number;
}

/** Discrete sources on a cap (array elements or bowl patches). */
export interface SourceLayout {
  /** Element centroids [m], packed xyz, 3N. */
  readonly positions: Float64Array;
  /** Inward unit normals (toward the geometric focus), 3N. */
  readonly normals: Float64Array;
  /** Radiating area of each element [m²], N. */
  readonly areas: Float64Array;
  /** Piston radius [m] for the directivity model; 0 for patches of a continuous bowl. */
  readonly elementRadius: number;
  /** N */
  readonly count: number;
}

/** Golden angle π(3 − √5) [rad]: successive sunflower points never line up into spokes. */
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/**
 * Presets. Values marked [R] are not confirmed against device documentation (PHYSICS.md §3).
 */
export const PRESETS = {
  /**
   * Body MRgFUS phased array of the ExAblate 2000/2100 class: ≈208 elements, 1 MHz, R ≈ 16 cm, aperture ≈ 12 cm
   * (F# ≈ 1.33) [R: PHYSICS.md §3, device geometry not confirmed against FDA SSEDs; frequency 1 MHz V: Chen 2017].
   * Element diameter (6 mm) and the 3-cm central opening (room for an imaging probe) are assumptions [R] chosen so
   * the sunflower layout does not overlap elements.
   */
  clinicalBodyArray: {
    radiusOfCurvature: 0.16,
    aperture: 0.12,
    centralHoleDiameter: 0.03,
    elementCount: 208,
    elementDiameter: 0.006,
    frequency: 1e6,
  },
  /**
   * Single-element research bowl, the k-Wave `focusedBowlONeil` documentation case: R 140 mm, D 120 mm, 1 MHz
   * (with u 0.1 m/s in water c 1500, ρ 1000 ⇒ p(R) ≈ 8.488 MPa) [V: PHYSICS.md §4.2]. elementCount 1: tile it with
   * `subdivideBowl` for the Rayleigh sum.
   */
  singleElementBowl: {
    radiusOfCurvature: 0.14,
    aperture: 0.12,
    centralHoleDiameter: 0,
    elementCount: 1,
    elementDiameter: 0.12,
    frequency: 1e6,
  },
} as const satisfies Record<string, SphericalArraySpec>;

/**
 * Depth of a spherical cap, h = R − √(R² − a²).
 * @param radiusOfCurvature - R [m]
 * @param apertureRadius - a [m]
 * @returns h [m]
 */
export function capDepth(radiusOfCurvature: number, apertureRadius: number): number {
  const r = radiusOfCurvature;
  // a²/(R + √(R² − a²)) avoids cancellation for shallow caps.
  return (apertureRadius * apertureRadius) / (r + Math.sqrt(r * r - apertureRadius * apertureRadius));
}

/**
 * The area that radiates [m²]: N pistons of π(d/2)² for an array, the annular cap 2πR·(h_aperture − h_hole) for a
 * single-element bowl (Archimedes). It is Σ ΔS of the source layout the Rayleigh sum uses, and what the drive
 * convention W = ½·ρc·u²·A takes.
 * @param spec - the transducer
 * @returns A [m²]
 */
export function radiatingAreaOf(spec: SphericalArraySpec): number {
  if (spec.elementCount === 1) {
    const r = spec.radiusOfCurvature;
    return 2 * Math.PI * r * (capDepth(r, spec.aperture / 2) - capDepth(r, spec.centralHoleDiameter / 2));
  }
  return spec.elementCount * Math.PI * (spec.elementDiameter / 2) ** 2;
}

function writePointOnCap(
  radius: number,
  cosTheta: number,
  phi: number,
  index: number,
  positions: Float64Array,
  normals: Float64Array,
): void {
  const sinTheta = Math.sqrt(Math.max(0, 1 - cosTheta * cosTheta));
  const cx = Math.cos(phi);
  const sy = Math.sin(phi);
  positions[3 * index] = radius * sinTheta * cx;
  positions[3 * index + 1] = radius * sinTheta * sy;
  positions[3 * index + 2] = radius * (1 - cosTheta);
  normals[3 * index] = -sinTheta * cx;
  normals[3 * index + 1] = -sinTheta * sy;
  normals[3 * index + 2] = cosTheta;
}

/**
 * Place the elements of a spherical-cap array on a sunflower (golden-angle) spiral that is uniform in cap area.
 *
 * The cap area between the pole and polar angle θ is 2πR²(1 − cosθ) (Archimedes), so stepping u = 1 − cosθ in
 * equal increments gives each element the same share of surface. Element centres are kept at least one element
 * radius inside the aperture rim and outside the central hole (projected radii), so pistons lie on the cap.
 * @param spec - array geometry
 * @returns positions, inward normals, element areas π(d/2)² in the transducer-local frame
 * @see Vogel H (1979) Math Biosci 44:179 (sunflower spiral).
 */
export function layoutSphericalArray(spec: SphericalArraySpec): SourceLayout {
  const r = spec.radiusOfCurvature;
  const b = spec.elementDiameter / 2;
  const outer = spec.aperture / 2 - b;
  const inner = spec.centralHoleDiameter > 0 ? spec.centralHoleDiameter / 2 + b : 0;
  if (!(outer > inner) || outer >= r) {
    throw new RangeError('layoutSphericalArray: elements do not fit between the central hole and the rim');
  }
  const uMin = capDepth(r, inner) / r;
  const uMax = capDepth(r, outer) / r;
  const n = spec.elementCount;
  const positions = new Float64Array(3 * n);
  const normals = new Float64Array(3 * n);
  const areas = new Float64Array(n).fill(Math.PI * b * b);
  for (let i = 0; i < n; i++) {
    const u = uMin + ((i + 0.5) / n) * (uMax - uMin);
    writePointOnCap(r, 1 - u, i * GOLDEN_ANGLE, i, positions, normals);
  }
  return { positions, normals, areas, elementRadius: b, count: n };
}

/**
 * Tile a single-element spherical bowl into near-equal-area patches for the Rayleigh sum (O'Neil validation).
 *
 * Rings of equal polar-angle width between the central hole's rim (if any) and the aperture's; each ring is cut into
 * round(ring area / target area) equal patches, so patches are close to square and of near-equal area. Patch centres
 * sit on the sphere at the ring's equal-area mid-angle; the patch areas sum exactly to the (annular) cap area
 * 2πR²(cosθ_hole − cosθ_max).
 * @param radiusOfCurvature - R [m]
 * @param aperture - bowl diameter D [m]
 * @param patchesApprox - wanted number of patches (the result is within a few % of it)
 * @param holeDiameter - diameter of a central opening [m] (default 0: a full cap)
 * @returns patch layout (elementRadius 0: no piston directivity)
 */
export function subdivideBowl(
  radiusOfCurvature: number,
  aperture: number,
  patchesApprox: number,
  holeDiameter = 0,
): SourceLayout {
  const r = radiusOfCurvature;
  const thetaMax = Math.asin(aperture / 2 / r);
  const thetaMin = holeDiameter > 0 ? Math.asin(holeDiameter / 2 / r) : 0;
  if (!(thetaMin < thetaMax)) throw new RangeError('subdivideBowl: the hole must be smaller than the aperture');
  const totalArea = 2 * Math.PI * r * r * (Math.cos(thetaMin) - Math.cos(thetaMax));
  const target = totalArea / patchesApprox;
  const span = thetaMax - thetaMin;
  const rings = Math.max(1, Math.round((r * span) / Math.sqrt(target)));
  const edge = (i: number) => Math.cos(thetaMin + (i * span) / rings);
  const counts: number[] = [];
  let total = 0;
  for (let i = 0; i < rings; i++) {
    const ringArea = 2 * Math.PI * r * r * (edge(i) - edge(i + 1));
    const c = Math.max(1, Math.round(ringArea / target));
    counts.push(c);
    total += c;
  }
  const positions = new Float64Array(3 * total);
  const normals = new Float64Array(3 * total);
  const areas = new Float64Array(total);
  let index = 0;
  for (let i = 0; i < rings; i++) {
    const c0 = edge(i);
    const c1 = edge(i + 1);
    const ringArea = 2 * Math.PI * r * r * (c0 - c1);
    const count = counts[i] ?? 1;
    const cosMid = 0.5 * (c0 + c1);
    // Offset alternate rings by half a patch so patch centres do not line up radially.
    const offset = (i % 2) * 0.5;
    for (let j = 0; j < count; j++) {
      writePointOnCap(r, cosMid, ((j + offset) * 2 * Math.PI) / count, index, positions, normals);
      areas[index] = ringArea / count;
      index++;
    }
  }
  return { positions, normals, areas, elementRadius: 0, count: total };
}
