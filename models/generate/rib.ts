/**
 * Rib phantom: a block of lateral chest wall (skin, fat, chest-wall and intercostal muscle) with three ribs, an
 * osteolytic lesion on the middle rib, the intercostal nerve under that rib and aerated lung right behind the ribs.
 *
 * Axes: +Y outward from the chest wall (up), +Z cranial, +X along the ribs; the chest wall is curved about an axis
 * parallel to Z through (0, −0.11, 0), so the middle rib's lesion sits near the origin.
 */
import { type Phantom, unit } from './phantom';
import { curvedSlab, ellipseSection, ellipsoid, pathFrame, sweep } from './primitives';
import { add, roundVec, type Vec3 } from './vec';

const deg = Math.PI / 180;

export const RIB = {
  /** Centre of curvature of the chest wall. */
  centre: [0, -0.11, 0] as Vec3,
  halfAngle: 35 * deg,
  length: 0.12,
  /** Radii from the centre of curvature [m]: outer skin, skin/fat, fat/muscle, lung surface, deep cut. */
  skinOuter: 0.14,
  fatOuter: 0.138,
  muscleOuter: 0.126,
  lungOuter: 0.102,
  inner: 0.05,
  /** Ribs: centre-line radius, spacing along Z, half-height (Z), half-thickness (radial), cortex. */
  rib: { radius: 0.109, pitch: 0.032, halfAngle: 33 * deg, halfHeight: 0.0075, halfThickness: 0.005, cortex: 0.002 },
  lesion: { outward: 0.002, alongRib: 0.014, axial: 0.009, radial: 0.008 },
  nerve: { radius: 0.1055, z: -0.0095, r: 0.0015 },
} as const;

export function rib(): Phantom {
  const R = RIB;
  const z0 = -R.length / 2;
  const z1 = R.length / 2;
  const slab = (outer: number) => curvedSlab(R.centre, [0, 0, 1], [0, 1, 0], R.inner, outer, R.halfAngle, z0, z1, 64);
  const arc =
    (radius: number, z: number, halfAngle: number) =>
    (t: number): Vec3 => {
      const a = -halfAngle + 2 * halfAngle * t;
      return add(R.centre, [radius * Math.sin(a), radius * Math.cos(a), z]);
    };
  const K = R.rib;
  const ribMesh = (z: number, inset: number) =>
    sweep({
      rings: 28,
      frame: pathFrame(arc(K.radius, z, K.halfAngle), [0, 0, 1]),
      section: () => ellipseSection(K.halfHeight - inset, K.halfThickness - inset, 32),
    });
  const lesionCentre = add(R.centre, [0, K.radius + R.lesion.outward, 0]);
  const L = R.lesion;
  const N = R.nerve;
  const labels = ['upper', 'middle', 'lower'] as const;
  const ribZ = [K.pitch, 0, -K.pitch] as const;

  return {
    info: {
      id: 'rib',
      title: 'Rib metastasis',
      // A walk took the first run's failed safety limits for its own mistake: the case is a lesson, and says so.
      description:
        'A piece of chest wall with a metastasis on a rib and the air-filled lung directly behind the ribs. A lesson by design: at the starting power the sound that passes the rib reaches the lung; find a power and a position that spare it.',
      defaultTarget: roundVec(lesionCentre),
      defaultBeamDirection: unit([0, 1, 0]),
      transducerDistance: 0.16,
    },
    parts: [
      { tissue: 'skin', label: 'chest-wall', mesh: slab(R.skinOuter) },
      { tissue: 'fat', label: 'subcutaneous', mesh: slab(R.fatOuter) },
      { tissue: 'muscle', label: 'chest-wall-intercostal', mesh: slab(R.muscleOuter) },
      ...ribZ.flatMap((z, i) => [
        { tissue: 'cortical_bone' as const, label: `rib-${labels[i]}`, mesh: ribMesh(z, 0) },
        { tissue: 'marrow' as const, label: `rib-${labels[i]}`, mesh: ribMesh(z, K.cortex) },
      ]),
      {
        tissue: 'lesion',
        label: 'osteolytic',
        mesh: ellipsoid(
          lesionCentre,
          [
            [1, 0, 0],
            [0, 0, 1],
            [0, 1, 0],
          ],
          [L.alongRib, L.axial, L.radial],
          48,
          32,
        ),
      },
      {
        tissue: 'nerve',
        label: 'intercostal',
        mesh: sweep({
          rings: 28,
          frame: pathFrame(arc(N.radius, N.z, K.halfAngle), [0, 0, 1]),
          section: () => ellipseSection(N.r, N.r, 16),
        }),
      },
      { tissue: 'lung', label: 'lower-lobe', mesh: slab(R.lungOuter) },
    ],
  };
}
