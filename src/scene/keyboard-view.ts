import type { Pose } from './framing.ts';

type Vec3 = [number, number, number];

/**
 * The 3D view by keyboard (issue 13, accessibility): what each key does to the camera or the target, as pure
 * functions of the pose, so the rules are tested without a canvas. World up is +y (the app's frame).
 */

/** One key press turns the view by this much [rad]. */
export const TURN_STEP = (10 * Math.PI) / 180;
/** One key press zooms by this factor (in: the distance times it; out: divided by it). */
export const ZOOM_STEP = 0.8;
/** One key press moves the target this far [m]; with Alt, a tenth of it. */
export const TARGET_STEP = 0.001;
/** The camera keeps this far from the straight-up and straight-down views [rad], where "turn up" has no meaning. */
const POLE_MARGIN = (5 * Math.PI) / 180;
/** Nearest and farthest camera distance from what it looks at [m]. */
const DISTANCE = { min: 0.01, max: 3 };

export type ViewKeyAction =
  | { kind: 'pose'; pose: Pose }
  | { kind: 'target'; delta: Vec3 }
  | { kind: 'reset' }
  | { kind: 'none' };

const sub = (a: Vec3, b: Vec3): Vec3 => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
const add = (a: Vec3, b: Vec3): Vec3 => [a[0] + b[0], a[1] + b[1], a[2] + b[2]];
const scale = (a: Vec3, s: number): Vec3 => [a[0] * s, a[1] * s, a[2] * s];
const length = (a: Vec3): number => Math.hypot(a[0], a[1], a[2]);
const unit = (a: Vec3): Vec3 => scale(a, 1 / (length(a) || 1));
const cross = (a: Vec3, b: Vec3): Vec3 => [
  a[1] * b[2] - a[2] * b[1],
  a[2] * b[0] - a[0] * b[2],
  a[0] * b[1] - a[1] * b[0],
];

/** The camera's offset from its target in spherical form: distance, azimuth about +y, polar angle from +y. */
function spherical(offset: Vec3): { r: number; azimuth: number; polar: number } {
  const r = length(offset);
  return { r, azimuth: Math.atan2(offset[0], offset[2]), polar: Math.acos(Math.min(1, Math.max(-1, offset[1] / r))) };
}

function fromSpherical(r: number, azimuth: number, polar: number): Vec3 {
  return [r * Math.sin(polar) * Math.sin(azimuth), r * Math.cos(polar), r * Math.sin(polar) * Math.cos(azimuth)];
}

/**
 * The camera turned about what it looks at: `azimuth` about the vertical, `polar` towards (−) or away from (+) the
 * view from straight above, kept off the poles; the distance is kept.
 */
export function turned(pose: Pose, azimuth: number, polar: number): Pose {
  const s = spherical(sub(pose.position, pose.target));
  const p = Math.min(Math.PI - POLE_MARGIN, Math.max(POLE_MARGIN, s.polar + polar));
  return { target: [...pose.target], position: add(pose.target, fromSpherical(s.r, s.azimuth + azimuth, p)) };
}

/** The camera moved along its line of sight: distance times `factor`, within DISTANCE. */
export function zoomed(pose: Pose, factor: number): Pose {
  const offset = sub(pose.position, pose.target);
  const r = Math.min(DISTANCE.max, Math.max(DISTANCE.min, length(offset) * factor));
  return { target: [...pose.target], position: add(pose.target, scale(unit(offset), r)) };
}

/** The screen's right, up and towards-the-viewer directions in the world, for a camera at `pose`. */
export function screenAxes(pose: Pose): { right: Vec3; up: Vec3; toward: Vec3 } {
  const toward = unit(sub(pose.position, pose.target));
  const right = unit(cross([0, 1, 0], toward));
  return { right, up: cross(toward, right), toward };
}

/**
 * What a key press on the focused 3D view does. Arrows turn the view; + and − zoom; Shift + arrows move the target
 * across the screen, Page Up / Page Down away from and towards the viewer, one millimetre a press (Alt: 0.1 mm);
 * R or Home resets the view. Keys with Ctrl or Meta are left to the browser and the app (Undo).
 * @param key - KeyboardEvent.key
 * @param mods - the modifier keys held
 * @param pose - the camera now
 * @returns the action, or 'none' for keys the view does not use
 */
export function viewKeyAction(
  key: string,
  mods: { shift: boolean; alt: boolean; ctrl: boolean },
  pose: Pose,
): ViewKeyAction {
  if (mods.ctrl) return { kind: 'none' };
  const step = mods.alt ? TARGET_STEP / 10 : TARGET_STEP;
  const axes = screenAxes(pose);
  const arrows: Record<string, [number, number]> = {
    ArrowLeft: [-1, 0],
    ArrowRight: [1, 0],
    ArrowUp: [0, 1],
    ArrowDown: [0, -1],
  };
  const arrow = arrows[key];
  if (arrow && mods.shift) {
    return { kind: 'target', delta: add(scale(axes.right, arrow[0] * step), scale(axes.up, arrow[1] * step)) };
  }
  // ↑ raises the camera to look down on the scene; ← and → go round it.
  if (arrow) return { kind: 'pose', pose: turned(pose, -arrow[0] * TURN_STEP, -arrow[1] * TURN_STEP) };
  if (key === 'PageUp') return { kind: 'target', delta: scale(axes.toward, -step) };
  if (key === 'PageDown') return { kind: 'target', delta: scale(axes.toward, step) };
  if (key === '+' || key === '=') return { kind: 'pose', pose: zoomed(pose, ZOOM_STEP) };
  if (key === '-' || key === '_') return { kind: 'pose', pose: zoomed(pose, 1 / ZOOM_STEP) };
  if (key === 'r' || key === 'R' || key === 'Home') return { kind: 'reset' };
  return { kind: 'none' };
}
