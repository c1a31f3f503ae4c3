import { Vector3 } from 'three';
import type { Stage } from '../content.ts';

type Vec3 = readonly [number, number, number];

/** How much of each layer the picture shows at a stage (0 hidden … 1 full). Illustration, not simulation. */
export interface StageLook {
  /** the device under the leg and its cushion of water */
  transducer: number;
  /** the beams' cones */
  beams: number;
  /** pulses travelling along the beams (never with reduced motion) */
  pulses: boolean;
  /** a bright point where the beams meet */
  focus: number;
  /** the warm glow at the meeting point */
  glow: number;
  /** the treated spots: 'cycle' lights them one after another (all at once with reduced motion) */
  spots: 'none' | 'cycle' | 'faint';
  /** the painful spot itself, lit a little brighter */
  lesionLight: number;
  /**
   * where the camera looks from: the side of the thigh (the default), or turned toward the device's side of the bone,
   * where the painful spot is, so it faces the reader (viewDirection)
   */
  view?: 'side' | 'lesion';
}

export const STAGE_LOOK: Readonly<Record<Stage, StageLook>> = {
  lesion: { transducer: 0, beams: 0, pulses: false, focus: 0, glow: 0, spots: 'none', lesionLight: 1, view: 'lesion' },
  table: { transducer: 1, beams: 0, pulses: false, focus: 0, glow: 0, spots: 'none', lesionLight: 0.3 },
  beams: { transducer: 1, beams: 0.22, pulses: true, focus: 0, glow: 0, spots: 'none', lesionLight: 0.2 },
  meet: { transducer: 1, beams: 0.38, pulses: true, focus: 1, glow: 0.2, spots: 'none', lesionLight: 0.2 },
  heat: { transducer: 1, beams: 0.25, pulses: true, focus: 0.6, glow: 1, spots: 'none', lesionLight: 0 },
  spots: { transducer: 1, beams: 0.25, pulses: true, focus: 0.6, glow: 0, spots: 'cycle', lesionLight: 0 },
  relief: { transducer: 0.35, beams: 0, pulses: false, focus: 0, glow: 0, spots: 'faint', lesionLight: 0 },
  overview: { transducer: 1, beams: 0, pulses: false, focus: 0, glow: 0, spots: 'faint', lesionLight: 0.2 },
};

/** The clinical body array's shape (physics/transducer.ts PRESETS.clinicalBodyArray): a bowl of this radius [m]. */
export const BOWL_RADIUS = 0.16;
/** Its aperture [m] (the rim's diameter). */
export const BOWL_APERTURE = 0.12;

/**
 * Points on the bowl the beams start from (a handful of the real array's 208 elements, enough to read as "many"),
 * in rings round the bowl's axis, as unit vectors from the focus toward each element, given the axis `d`.
 */
export function beamDirections(axis: Vec3, rings: readonly number[] = [8, 12, 16]): Vector3[] {
  const d = new Vector3(...axis).normalize();
  const helper = Math.abs(d.z) < 0.9 ? new Vector3(0, 0, 1) : new Vector3(1, 0, 0);
  const u = new Vector3().crossVectors(d, helper).normalize();
  const v = new Vector3().crossVectors(d, u).normalize();
  const maxAngle = Math.asin(BOWL_APERTURE / 2 / BOWL_RADIUS);
  const out: Vector3[] = [];
  rings.forEach((count, ring) => {
    const polar = (maxAngle * (ring + 1)) / rings.length;
    for (let k = 0; k < count; k++) {
      const azimuth = (2 * Math.PI * (k + 0.5 * ring)) / count;
      out.push(
        d
          .clone()
          .multiplyScalar(Math.cos(polar))
          .addScaledVector(u, Math.sin(polar) * Math.cos(azimuth))
          .addScaledVector(v, Math.sin(polar) * Math.sin(azimuth)),
      );
    }
  });
  return out;
}

/** Where the spots of a plan sit round the target: across the lesion, perpendicular to the beam axis [m]. */
export function spotPositions(target: Vec3, axis: Vec3): Vector3[] {
  const t = new Vector3(...target);
  const d = new Vector3(...axis).normalize();
  const along = new Vector3(0, 0, 1);
  const across = new Vector3().crossVectors(d, along).normalize();
  const offsets: [number, number][] = [
    [0, 0],
    [0.008, 0],
    [-0.008, 0],
    [0, 0.005],
    [0, -0.005],
  ];
  return offsets.map(([a, b]) => t.clone().addScaledVector(along, a).addScaledVector(across, b));
}

/**
 * Distance from the target along the axis to the skin, for a body that is roughly a cylinder along z of the given
 * radius round the origin (the bundled thigh): where the cushion of water meets the skin.
 */
export function skinDistance(target: Vec3, axis: Vec3, radius: number): number {
  const t = new Vector3(target[0], target[1], 0);
  const d = new Vector3(axis[0], axis[1], 0);
  const dd = d.lengthSq();
  if (dd === 0) return radius;
  const b = t.dot(d) / dd;
  const c = (t.lengthSq() - radius * radius) / dd;
  const disc = b * b - c;
  return disc > 0 ? (-b + Math.sqrt(disc)) * Math.sqrt(dd) : radius;
}

/** A direction from the picture toward the camera, and the picture's up. */
export interface ViewDirection {
  view: Vector3;
  up: Vector3;
}

/**
 * Where the camera looks from, given the beam axis `d` (from the target toward the device): from the side of the
 * thigh, a little from above and along it, the device below the thigh as the patient lies on it. With
 * `faceLesion`, turned round the thigh toward the device's side, where the painful spot sits on the bone: from the
 * side view the bone hides most of it.
 */
export function viewDirection(axis: Vec3, faceLesion: boolean): ViewDirection {
  const d = new Vector3(...axis).normalize();
  const along = new Vector3(0, 0, 1);
  const side = new Vector3().crossVectors(d, along).normalize();
  const view = faceLesion
    ? side.clone().multiplyScalar(0.55).addScaledVector(d, 0.8).addScaledVector(along, 0.3).normalize()
    : side.clone().addScaledVector(d, -0.45).addScaledVector(along, 0.3).normalize();
  // Up across the thigh, so its length lies level in the picture whichever way the camera turns round it.
  return { view, up: new Vector3().crossVectors(view, along).normalize() };
}

/**
 * Points on the hull of the device and its cushion of water (the bowl's rim and pole, the cushion's ring at the
 * skin), for framing the picture: the beams, pulses and glow all lie inside it and the thigh [m].
 */
export function transducerOutline(target: Vec3, axis: Vec3, padFrom: number, count = 32): Vector3[] {
  const t = new Vector3(...target);
  const d = new Vector3(...axis).normalize();
  const helper = Math.abs(d.z) < 0.9 ? new Vector3(0, 0, 1) : new Vector3(1, 0, 0);
  const u = new Vector3().crossVectors(d, helper).normalize();
  const v = new Vector3().crossVectors(d, u).normalize();
  const rim = BOWL_APERTURE / 2;
  const rimDepth = Math.sqrt(BOWL_RADIUS ** 2 - rim ** 2);
  const out = [t.clone().addScaledVector(d, BOWL_RADIUS)];
  for (let k = 0; k < count; k++) {
    const angle = (2 * Math.PI * k) / count;
    for (const depth of [rimDepth, padFrom]) {
      out.push(
        t
          .clone()
          .addScaledVector(d, depth)
          .addScaledVector(u, rim * Math.cos(angle))
          .addScaledVector(v, rim * Math.sin(angle)),
      );
    }
  }
  return out;
}

/** Distance that fits a sphere of `radius` in a view of vertical field of view `fovDeg` and the given aspect. */
export function fitDistance(radius: number, fovDeg: number, aspect: number): number {
  const vertical = (fovDeg * Math.PI) / 180;
  const horizontal = 2 * Math.atan(Math.tan(vertical / 2) * aspect);
  return radius / Math.sin(Math.min(vertical, horizontal) / 2);
}
