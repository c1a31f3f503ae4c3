import type { LectureStage } from '../content.ts';
import type { LectureHeat } from '../heat-format.ts';

/** What the lecture's 3D view shows at a stage (0 hidden … 1 full). */
export interface LectureLook {
  transducer: number;
  beams: number;
  /** pulses travelling along the beams (never with reduced motion) */
  pulses: boolean;
  /** the bright point where the beams meet */
  focus: number;
  /** framed close to the focus (else the whole thigh and the transducer) */
  close: boolean;
  /** the width [m] the close framing fits round the focus */
  closeSpan: number;
  /**
   * framed on the thigh alone (no transducer yet), turned round it toward the lesion, on the transducer's side of the
   * bone: from the side view the bone hides most of it
   */
  faceLesion: boolean;
  /** opacity of the lesion (faint where the heat inside it must show) */
  lesion: number;
  /** skin, fat and muscle (drawn faint at most) */
  softTissue: number;
  /** opacity of the bone (lowered so the heat inside shows) */
  bone: number;
  lesionLight: number;
  /** which of the engine's stored results the step plays: temperature surfaces, the ablation zone, or none */
  result: 'none' | 'heat' | 'dose';
  /**
   * the plan's spots: 'play' steps the focus over them, one ablation zone added at each; 'all' shows the session
   * over, every spot marked and the whole plan's ablation zone, at once
   */
  spots: 'none' | 'play' | 'all';
}

const BASE: LectureLook = {
  transducer: 1,
  beams: 0,
  pulses: false,
  focus: 0,
  close: false,
  closeSpan: 0.022,
  faceLesion: false,
  lesion: 1,
  softTissue: 1,
  bone: 1,
  lesionLight: 0,
  result: 'none',
  spots: 'none',
};

/**
 * The close framing of the heat, the dose and the spots [m]: the whole region the stored run warmed
 * (public/lecture/femur-heat.json, cropped to it: 38 × 37 × 21 mm round the target), so the heat that passes the
 * lesion and gathers at the far wall of the bone is in the picture, not cut by its top edge (a walk's finding).
 */
const HEAT_SPAN = 0.046;

export const LECTURE_LOOK: Readonly<Record<LectureStage, LectureLook>> = {
  lesion: { ...BASE, transducer: 0, faceLesion: true, lesionLight: 1 },
  transducer: { ...BASE, beams: 0.35, lesionLight: 0.3 },
  skin: { ...BASE, beams: 0.3, pulses: true, softTissue: 2.5 },
  converge: { ...BASE, beams: 0.55, pulses: true, focus: 1 },
  // The lesion faint: its magenta behind the surfaces read as a fourth temperature.
  heat: {
    ...BASE,
    beams: 0.12,
    focus: 0.5,
    close: true,
    closeSpan: HEAT_SPAN,
    softTissue: 0,
    bone: 0.35,
    lesion: 0.1,
    result: 'heat',
  },
  dose: {
    ...BASE,
    beams: 0.08,
    close: true,
    closeSpan: HEAT_SPAN,
    softTissue: 0,
    bone: 0.45,
    lesion: 0.25,
    result: 'dose',
  },
  spots: {
    ...BASE,
    beams: 0.12,
    focus: 0.8,
    close: true,
    closeSpan: HEAT_SPAN,
    softTissue: 0,
    bone: 0.45,
    lesion: 0.3,
    result: 'dose',
    spots: 'play',
  },
  // The session over: the transducer gone, the view turned toward the lesion and wide enough for all its spots, every
  // spot marked and the plan's final ablation zone drawn. (Drawn from the side with the bone opaque, as it was, the
  // bone hid the lesion's side and the caption's spots and zone were nowhere to be seen.)
  relief: {
    ...BASE,
    transducer: 0,
    close: true,
    closeSpan: 0.06,
    faceLesion: true,
    softTissue: 0.5,
    bone: 1,
    lesion: 0.45,
    result: 'dose',
    spots: 'all',
  },
};

/** Simulated seconds played per second of the lecture: the 50 s run in 20 s. */
export const PLAYBACK_SPEED = 2.5;
/** Seconds the heat step holds its last frame before playing again. */
export const HOLD_SECONDS = 3;

/**
 * The simulated time [s] a step shows `elapsed` seconds after it opened (Infinity: reduced motion, a still frame).
 * The heat step plays the whole run (heating, then cooling) and starts again; its still frame is the end of the
 * heating, when the tissue is hottest. The dose step plays once and holds the end (the dose only grows).
 */
export function playbackTime(result: LectureLook['result'], elapsed: number, heat: LectureHeat): number {
  const end = heat.frames.time[heat.frames.time.length - 1] ?? 0;
  if (result === 'heat') {
    if (!Number.isFinite(elapsed)) return heat.duration;
    const cycle = end / PLAYBACK_SPEED + HOLD_SECONDS;
    return Math.min(end, (elapsed % cycle) * PLAYBACK_SPEED);
  }
  if (!Number.isFinite(elapsed)) return end;
  return Math.min(end, elapsed * PLAYBACK_SPEED);
}

/** The stored frame shown at simulated time `time`: the last at or before it. */
export function frameAt(times: readonly number[], time: number): number {
  let found = 0;
  for (let i = 0; i < times.length; i++) if ((times[i] as number) <= time + 1e-6) found = i;
  return found;
}
