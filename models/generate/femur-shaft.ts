/**
 * Femur-shaft phantom (the default case): a 22 cm mid-thigh segment with an osteolytic metastasis on the
 * anterolateral femoral shaft that has broken through the cortex, and the sciatic nerve behind the femur.
 *
 * Axes: +X lateral, +Y anterior (up, patient supine), +Z proximal; origin on the thigh's axis at mid-segment.
 */
import { type Phantom, unit } from './phantom';
import { cylinder, ellipsoid, pathFrame, polarSection, sweep } from './primitives';
import { combine, roundVec, type Vec3 } from './vec';

export const FEMUR = {
  length: 0.22,
  /** Skin outer semi-axes (lateral, anterior-posterior) [m]: mid-thigh circumference ≈ 0.49 m. */
  skin: [0.08, 0.076] as const,
  skinThickness: 0.002,
  fatThickness: 0.012,
  /** Femoral shaft: outer radius, marrow-canal radius (cortex 5.5 mm), linea aspera ridge height. */
  boneRadius: 0.0135,
  canalRadius: 0.008,
  lineaAspera: 0.0025,
  /** Shaft axis at the segment's ends (x, y); anterior bow of radius 1.2 m adds a sagitta at mid-segment. */
  boneAxis: [0.004, 0.006] as const,
  bowRadius: 1.2,
  /** Lesion: angle of its centre around the shaft (from +X toward +Y), offset from the axis, semi-axes. */
  lesionAngle: Math.PI / 4,
  lesionOffset: 0.0125,
  lesionSemi: { radial: 0.012, tangential: 0.01, axial: 0.014 },
  nerve: { x: 0, y: -0.042, radius: 0.0045 },
  artery: { x: -0.03, y: 0.016, radius: 0.0035 },
  vein: { x: -0.028, y: 0.004, radius: 0.005 },
} as const;

export function femurShaft(): Phantom {
  const F = FEMUR;
  const half = F.length / 2;
  const z0 = -half;
  const z1 = half;
  const sagitta = (F.length * F.length) / (8 * F.bowRadius);
  const axisAt = (z: number): Vec3 => [F.boneAxis[0], F.boneAxis[1] + sagitta * (1 - (z / half) ** 2), z];
  const path = (t: number): Vec3 => axisAt(z0 + (z1 - z0) * t);
  // Section frame: u = +X (lateral), v = +Z × +X = +Y (anterior); θ = 3π/2 is posterior (the linea aspera).
  const frame = pathFrame(path, [1, 0, 0]);
  const wrap = (a: number): number => Math.atan2(Math.sin(a), Math.cos(a));
  const boneR = (th: number): number =>
    F.boneRadius + F.lineaAspera * Math.exp(-((wrap(th - 1.5 * Math.PI) / 0.35) ** 2));
  const rings = 24;

  const thigh = (inset: number) =>
    cylinder([0, 0, z0], [0, 0, z1], F.skin[0] - inset, F.skin[1] - inset, 64, [1, 0, 0]);
  const vessel = (v: { x: number; y: number; radius: number }, segments: number) =>
    cylinder([v.x, v.y, z0], [v.x, v.y, z1], v.radius, v.radius, segments);

  const radial: Vec3 = [Math.cos(F.lesionAngle), Math.sin(F.lesionAngle), 0];
  const tangential: Vec3 = [-Math.sin(F.lesionAngle), Math.cos(F.lesionAngle), 0];
  const lesionCentre = combine(axisAt(0), radial, F.lesionOffset, [0, 0, 0], 0);
  const S = F.lesionSemi;

  return {
    info: {
      id: 'femur-shaft',
      title: 'Femoral shaft metastasis',
      description:
        'A mid-thigh segment with an osteolytic metastasis that has broken through the front-outer wall of the thigh bone, with the sciatic nerve running behind the bone.',
      defaultTarget: roundVec(lesionCentre),
      defaultBeamDirection: unit(radial),
      transducerDistance: 0.16,
    },
    parts: [
      { tissue: 'skin', label: 'thigh', mesh: thigh(0) },
      { tissue: 'fat', label: 'subcutaneous', mesh: thigh(F.skinThickness) },
      { tissue: 'muscle', label: 'thigh', mesh: thigh(F.skinThickness + F.fatThickness) },
      {
        tissue: 'cortical_bone',
        label: 'femur',
        mesh: sweep({ rings, frame, section: () => polarSection(boneR, 64) }),
      },
      {
        tissue: 'marrow',
        label: 'femoral-canal',
        mesh: sweep({ rings, frame, section: () => polarSection(() => F.canalRadius, 48) }),
      },
      {
        tissue: 'lesion',
        label: 'osteolytic',
        mesh: ellipsoid(lesionCentre, [radial, [0, 0, 1], tangential], [S.radial, S.axial, S.tangential], 48, 32),
      },
      { tissue: 'nerve', label: 'sciatic', mesh: vessel(F.nerve, 32) },
      { tissue: 'blood', label: 'femoral-artery', mesh: vessel(F.artery, 24) },
      { tissue: 'blood', label: 'femoral-vein', mesh: vessel(F.vein, 24) },
    ],
  };
}
