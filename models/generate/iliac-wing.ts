/**
 * Iliac-wing phantom: a simplified block of the lower trunk with the left iliac wing (a curved plate of cortical bone
 * around trabecular bone), an osteolytic lesion on its inner (iliac-fossa) table and a gas-filled bowel loop in the
 * iliac fossa beside the beam path, so that the medial beams of a 12 cm aperture cross it.
 *
 * Axes: +X left-lateral, +Y anterior (up, patient supine), +Z superior; origin on the trunk's axis.
 */
import { type Phantom, unit } from './phantom';
import { cylinder, ellipsoid, pathFrame, superellipseSection, sweep, torusSegment } from './primitives';
import { add, combine, roundVec, type Vec3 } from './vec';

const deg = Math.PI / 180;

export const ILIAC = {
  length: 0.2,
  /** Trunk skin semi-axes (lateral, anterior-posterior) [m]. */
  trunk: [0.16, 0.11] as const,
  skinThickness: 0.002,
  fatThickness: 0.02,
  /** The wing's mid-surface: an arc of radius `radius` about `centre` in the axial plane, concave anteromedially. */
  wing: {
    centre: [0.04, 0.06, 0] as Vec3,
    radius: 0.09,
    from: -100 * deg,
    to: -15 * deg,
    thickness: 0.012,
    cortex: 0.002,
    /** Half-height (cranio-caudal) at the ends and its increase at mid-arc. */
    halfHeight: 0.04,
    halfHeightBulge: 0.012,
  },
  lesion: { angle: -50 * deg, inset: 0.004, radial: 0.009, tangential: 0.014, axial: 0.012 },
  /** Beam axis: the inner-table normal turned 20° laterally. */
  beamAngle: 110 * deg,
  bowel: { along: 0.055, medial: 0.032, major: 0.022, tube: 0.013, wall: 0.003, halfArc: 130 * deg },
} as const;

export function iliacWing(): Phantom {
  const I = ILIAC;
  const W = I.wing;
  const z0 = -I.length / 2;
  const z1 = I.length / 2;
  const trunk = (inset: number) => cylinder([0, 0, z0], [0, 0, z1], I.trunk[0] - inset, I.trunk[1] - inset, 64);
  const arcPoint = (a: number, r: number): Vec3 => add(W.centre, [r * Math.cos(a), r * Math.sin(a), 0]);
  const path = (t: number): Vec3 => arcPoint(W.from + (W.to - W.from) * t, W.radius);
  // u = +Z (cranio-caudal), v = tangent × Z = outward radial (toward the gluteal side).
  const frame = pathFrame(path, [0, 0, 1]);
  const plate = (inset: number) =>
    sweep({
      rings: 30,
      frame,
      section: (t) =>
        superellipseSection(
          W.halfHeight + W.halfHeightBulge * Math.sin(Math.PI * t) - inset,
          W.thickness / 2 - inset,
          4,
          56,
        ),
    });

  const L = I.lesion;
  const radial: Vec3 = [Math.cos(L.angle), Math.sin(L.angle), 0];
  const tangential: Vec3 = [-Math.sin(L.angle), Math.cos(L.angle), 0];
  const lesionCentre = arcPoint(L.angle, W.radius - L.inset);
  const beam: Vec3 = [Math.cos(I.beamAngle), Math.sin(I.beamAngle), 0];
  const medial: Vec3 = [-beam[1], beam[0], 0];

  const B = I.bowel;
  const bowelCentre = combine(lesionCentre, beam, B.along, medial, B.medial);
  const loop = (tube: number, halfArc: number) =>
    torusSegment(bowelCentre, beam, [0, 0, 1], B.major, tube, -halfArc, halfArc, 44, 28);

  return {
    info: {
      id: 'iliac-wing',
      title: 'Iliac wing metastasis',
      description:
        // A walk took the first run's "not deliverable" for its own mistake: the case is a lesson, and says so.
        'A simplified hip region with a metastasis on the inner surface of the pelvic bone and a loop of gas-filled bowel close to the beam path. A lesson by design: from where it starts, some beams cross the gas; switch them off or move the transducer until none does.',
      defaultTarget: roundVec(lesionCentre),
      defaultBeamDirection: unit(beam),
      transducerDistance: 0.16,
    },
    parts: [
      { tissue: 'skin', label: 'trunk', mesh: trunk(0) },
      { tissue: 'fat', label: 'subcutaneous', mesh: trunk(I.skinThickness) },
      { tissue: 'muscle', label: 'gluteal-iliacus', mesh: trunk(I.skinThickness + I.fatThickness) },
      { tissue: 'cortical_bone', label: 'iliac-wing', mesh: plate(0) },
      { tissue: 'trabecular_bone', label: 'iliac-wing', mesh: plate(W.cortex) },
      {
        tissue: 'lesion',
        label: 'osteolytic',
        mesh: ellipsoid(lesionCentre, [tangential, [0, 0, 1], radial], [L.tangential, L.axial, L.radial], 48, 32),
      },
      { tissue: 'bowel', label: 'small-bowel-loop', mesh: loop(B.tube, B.halfArc) },
      { tissue: 'bowel_gas', label: 'small-bowel-loop', mesh: loop(B.tube - B.wall, B.halfArc - 4 * deg) },
    ],
  };
}
