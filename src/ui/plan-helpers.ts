import type { SphericalArraySpec } from '../physics/transducer.ts';
import { PRESETS } from '../physics/transducer.ts';
import { PLANNER_RANGES } from '../plan-file/fields.ts';
import type { PlanSpot } from '../state/planning.ts';
import type { AxisWords } from '../state/store.ts';
import type { QuantityRule } from './quantity.ts';

/** Pure helpers of the plan panels: no React, so they are unit-tested in Node (tests/ui). */

type Vec3 = [number, number, number];

const DEG = Math.PI / 180;

/** Rules of typed lengths and parameters, SI with their display units. */
export const RULES = {
  /** a coordinate in the case [m] */
  coordinate: { si: 'm', min: -1, max: 1, display: 'mm', scale: 1e3, decimals: 1 },
  /** the size of a no-pass region [m] */
  noPassSize: { si: 'm', min: 0.5e-3, max: 0.1, display: 'mm', scale: 1e3, decimals: 1 },
  radiusOfCurvature: { si: 'm', min: 0.02, max: 0.3, display: 'mm', scale: 1e3, decimals: 1 },
  aperture: { si: 'm', min: 0.01, max: 0.4, display: 'mm', scale: 1e3, decimals: 1 },
  elementDiameter: { si: 'm', min: 0.5e-3, max: 0.4, display: 'mm', scale: 1e3, decimals: 2 },
  centralHoleDiameter: { si: 'm', min: 0, max: 0.2, display: 'mm', scale: 1e3, decimals: 1 },
  frequency: { si: 'Hz', min: 0.2e6, max: 3e6, display: 'MHz', scale: 1e-6, decimals: 3 },
  // One range for each field and a plan file's message (plan-file/fields.ts): they must not disagree.
  power: { si: 'W', ...PLANNER_RANGES.acousticPower, display: 'W', scale: 1, decimals: 1 },
  duration: { si: 's', ...PLANNER_RANGES.duration, display: 's', scale: 1, decimals: 1 },
  cooling: { si: 's', ...PLANNER_RANGES.cooling, display: 's', scale: 1, decimals: 1 },
  /** tilt angles [rad], typed in degrees */
  azimuth: { si: 'rad', min: -360 * DEG, max: 360 * DEG, display: 'deg', scale: 1 / DEG, decimals: 1 },
  tilt: { si: 'rad', min: 0, max: 180 * DEG, display: 'deg', scale: 1 / DEG, decimals: 1 },
} as const satisfies Record<string, QuantityRule>;

/** The element count: a whole number in range, or why not. */
export function parseCount(
  text: string,
  min = 1,
  max = 1024,
): { ok: true; value: number } | { ok: false; error: string } {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, error: 'Enter a number of elements.' };
  if (!/^\+?\d+$/.test(trimmed)) return { ok: false, error: `"${trimmed}" is not a whole number.` };
  const value = Number(trimmed);
  if (value < min || value > max) return { ok: false, error: `Must be between ${min} and ${max} elements.` };
  return { ok: true, value };
}

/**
 * The transducer's tilt, seen from the target: `tilt` is the angle between the transducer's side (the store's
 * beamDirection, a unit vector from the target toward the apex) and straight below (−y); `azimuth` is the
 * direction of that tilt around the vertical, 0 toward +x and 90° toward +z. Both in radians.
 */
export function anglesFromDirection(direction: readonly [number, number, number]): { azimuth: number; tilt: number } {
  const n = Math.hypot(direction[0], direction[1], direction[2]);
  if (!(n > 0)) return { azimuth: 0, tilt: 0 };
  const [x, y, z] = [direction[0] / n, direction[1] / n, direction[2] / n];
  const tilt = Math.acos(Math.min(1, Math.max(-1, -y)));
  const horizontal = Math.hypot(x, z);
  const azimuth = horizontal < 1e-9 ? 0 : Math.atan2(z, x);
  return { azimuth, tilt };
}

/** The unit vector from the target toward the transducer for a tilt and azimuth [rad] (see anglesFromDirection). */
export function directionFromAngles(azimuth: number, tilt: number): Vec3 {
  const s = Math.sin(tilt);
  const clean = (v: number) => (Math.abs(v) < 1e-12 ? 0 : v);
  return [clean(s * Math.cos(azimuth)), clean(-Math.cos(tilt)), clean(s * Math.sin(azimuth))];
}

/** The view's own axes, for a case that names none: +y is up. */
export const VIEW_AXIS_WORDS: AxisWords = { x: ['−x', '+x'], y: ['below', 'above'], z: ['−z', '+z'] };

/** A direction component smaller than this (sin 15°) is not worth naming. */
const NAMED_COMPONENT = Math.sin(15 * DEG);

/**
 * Where the transducer sits, in words: "from the outer side (lateral), tilted 45° toward the front (anterior)".
 * The largest component of the direction names the side; the next ones, when larger than 15°, the tilt toward them.
 * @param direction - unit vector from the target toward the transducer
 * @param words - per axis, the words for its negative and positive directions (the case's anatomy)
 * @returns a phrase starting with "from"
 */
export function describeSide(direction: readonly [number, number, number], words: AxisWords = VIEW_AXIS_WORDS): string {
  const n = Math.hypot(direction[0], direction[1], direction[2]);
  if (!(n > 0)) return 'from nowhere (no direction)';
  const axes = (['y', 'x', 'z'] as const)
    .map((axis) => {
      const v = (direction[{ x: 0, y: 1, z: 2 }[axis]] as number) / n;
      return { v: Math.abs(v), word: words[axis][v < 0 ? 0 : 1] };
    })
    // Stable: on a tie (within rounding of the stored direction), up/down comes first.
    .sort((a, b) => (Math.abs(b.v - a.v) < 1e-4 ? 0 : b.v - a.v));
  const [main, ...rest] = axes as [(typeof axes)[number], ...typeof axes];
  const toward = rest.filter((c) => c.v >= NAMED_COMPONENT);
  if (toward.length === 0) return `from ${main.word}`;
  const off = Math.round(Math.acos(Math.min(1, main.v)) / DEG);
  return `from ${main.word}, tilted ${off}° toward ${toward.map((c) => c.word).join(' and ')}`;
}

export type PresetId = keyof typeof PRESETS | 'custom';

export const PRESET_CHOICES: readonly { id: PresetId; label: string }[] = [
  { id: 'clinicalBodyArray', label: 'Clinical body array' },
  { id: 'singleElementBowl', label: 'Single-element research bowl' },
  { id: 'custom', label: 'Custom' },
];

const SPEC_KEYS = [
  'radiusOfCurvature',
  'aperture',
  'centralHoleDiameter',
  'elementCount',
  'elementDiameter',
  'frequency',
] as const satisfies readonly (keyof SphericalArraySpec)[];

/** Which preset a transducer is, or 'custom' when it matches none. */
export function presetOf(spec: SphericalArraySpec): PresetId {
  for (const id of ['clinicalBodyArray', 'singleElementBowl'] as const) {
    const preset: SphericalArraySpec = PRESETS[id];
    if (SPEC_KEYS.every((k) => Math.abs(preset[k] - spec[k]) <= 1e-9 * Math.max(1, Math.abs(preset[k])))) return id;
  }
  return 'custom';
}

/** Why a transducer geometry cannot be built, in plain words; '' when it can. */
export function transducerProblem(spec: SphericalArraySpec): string {
  if (spec.aperture >= 2 * spec.radiusOfCurvature) {
    return 'The aperture must be smaller than twice the radius of curvature (the cap must be less than a half sphere).';
  }
  if (spec.centralHoleDiameter >= spec.aperture) return 'The central hole must be smaller than the aperture.';
  if (spec.elementDiameter > spec.aperture) return 'An element cannot be wider than the aperture.';
  if (spec.elementCount > 1) {
    const b = spec.elementDiameter / 2;
    const outer = spec.aperture / 2 - b;
    const inner = spec.centralHoleDiameter > 0 ? spec.centralHoleDiameter / 2 + b : 0;
    if (!(outer > inner)) return 'The elements do not fit between the central hole and the rim.';
    // Ring area of the cap (projected) against the elements' total area: a coarse overlap check.
    const annulus = Math.PI * (outer + b) ** 2 - Math.PI * Math.max(0, inner - b) ** 2;
    if (spec.elementCount * Math.PI * b * b > annulus) {
      return `${spec.elementCount} elements of this diameter do not fit on the aperture.`;
    }
  }
  return '';
}

/** Totals of a plan: energy Σ P·t [J] and time Σ (heating + cooling) [s]. */
export function planTotals(spots: readonly Pick<PlanSpot, 'acousticPower' | 'duration' | 'cooling'>[]): {
  energy: number;
  heating: number;
  time: number;
} {
  let energy = 0;
  let heating = 0;
  let time = 0;
  for (const s of spots) {
    energy += s.acousticPower * s.duration;
    heating += s.duration;
    time += s.duration + s.cooling;
  }
  return { energy, heating, time };
}

export type ShortcutAction = 'undo' | 'redo' | 'sonicate' | 'remove-spot' | 'add-spot' | 'cancel';

/** The parts of a KeyboardEvent a shortcut depends on. */
export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/** The action a key press asks for, or undefined. */
export function shortcutFor(e: KeyLike): ShortcutAction | undefined {
  const key = e.key.toLowerCase();
  const mod = e.ctrlKey || e.metaKey;
  if (e.altKey) return undefined;
  if (mod) {
    if (key === 'z') return e.shiftKey ? 'redo' : 'undo';
    if (key === 'y' && e.ctrlKey && !e.shiftKey) return 'redo';
    return undefined;
  }
  if (e.shiftKey) return undefined;
  if (key === 's') return 'sonicate';
  if (key === 'a') return 'add-spot';
  if (key === 'delete') return 'remove-spot';
  if (key === 'escape') return 'cancel';
  return undefined;
}

/**
 * What Ctrl/⌘+Z (or redo) does in a typed field. With text typed but not yet committed it discards that text, like
 * Escape (the browser's own text undo would leave half-typed text that a later blur commits as a plan change). With
 * nothing typed it is the plan's Undo/Redo, exactly as outside the field: one press per change.
 * @returns 'discard' (put the shown value back), 'plan' (undo/redo the plan) or 'none' (not an undo key)
 */
export function fieldUndoKey(e: KeyLike, typedSinceShown: boolean): 'discard' | 'plan' | 'none' {
  const action = shortcutFor(e);
  if (action !== 'undo' && action !== 'redo') return 'none';
  return typedSinceShown ? 'discard' : 'plan';
}

/** Marks a field whose undo keys go to the plan when nothing is typed in it (`fieldUndoKey`). */
export const PLAN_UNDO_ATTRIBUTE = 'data-plan-undo';

/** True when a key press belongs to a text field, a select or an editable element, not to the app. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!target || typeof (target as { tagName?: unknown }).tagName !== 'string') return false;
  const el = target as HTMLElement;
  const tag = el.tagName.toLowerCase();
  if (tag === 'textarea' || tag === 'select') return true;
  if (tag === 'input') {
    const type = ((el as HTMLInputElement).type ?? 'text').toLowerCase();
    return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(type);
  }
  return el.isContentEditable === true;
}

export const SHORTCUTS: readonly { keys: string; what: string }[] = [
  { keys: 'Ctrl/⌘ + Z', what: 'undo' },
  { keys: 'Ctrl/⌘ + Shift + Z, Ctrl + Y', what: 'redo' },
  { keys: 'S', what: 'sonicate at the target' },
  { keys: 'A', what: 'add a spot at the target' },
  { keys: 'Delete', what: 'remove the selected spot' },
  { keys: 'Escape', what: 'cancel the running plan or sonication' },
];

/**
 * A position [m] in millimetres, every coordinate to 0.1 mm, e.g. "(12.0, -3.4, 0.0) mm": significant figures per
 * coordinate read as "(12.8, 14, -5.89)", three precisions in one point.
 */
export function formatPointMm(p: readonly number[]): string {
  const mm = p.map((v) => {
    if (!Number.isFinite(v)) return '—';
    const x = v * 1e3;
    // No "-0.0" for a coordinate that rounds to zero.
    return Math.abs(x) < 0.05 ? '0.0' : x.toFixed(1);
  });
  return `(${mm.join(', ')}) mm`;
}
