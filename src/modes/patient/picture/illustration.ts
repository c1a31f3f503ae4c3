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
}

export const STAGE_LOOK: Readonly<Record<Stage, StageLook>> = {
  lesion: { transducer: 0, beams: 0, pulses: false, focus: 0, glow: 0, spots: 'none', lesionLight: 1 },
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

/** Distance that fits a sphere of `radius` in a view of vertical field of view `fovDeg` and the given aspect. */
export function fitDistance(radius: number, fovDeg: number, aspect: number): number {
  const vertical = (fovDeg * Math.PI) / 180;
  const horizontal = 2 * Math.atan(Math.tan(vertical / 2) * aspect);
  return radius / Math.sin(Math.min(vertical, horizontal) / 2);
}
