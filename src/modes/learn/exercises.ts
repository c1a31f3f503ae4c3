import type { SafetyRow } from '../../ui/safety.ts';

/**
 * The learn mode's guided exercises (issue 13, deliverable 2): each a goal on a bundled case, the setup it starts
 * from, objectives judged on the real results of the trainee's runs (src/modes/learn/objectives.ts), and hints
 * given one at a time. The thresholds were measured by running the engine headless (tests/modes/learn-engine.test.ts
 * runs the femur and rib ones again): each exercise's `measured` says what the app's physics gives.
 */

/** What an exercise sets after its case has loaded (one store update, src/modes/learn/start.ts). */
export interface ExerciseStart {
  caseId: string;
  /** sonication values (W, s, s); absent = the case's own defaults */
  sonication?: { acousticPower?: number; duration?: number; cooling?: number };
  /** the case's default beam direction turned by this many degrees about a world axis (a steep beam) */
  tilt?: { axis: 'x' | 'y' | 'z'; degrees: number };
  /** the automatic switch-off of beams through gas, critical structures and no-pass regions */
  autoSwitchOff?: boolean;
}

/** What an objective measures; every one reads the results the app shows (the dashboard's own functions). */
export type ObjectiveCheck =
  /** share of the lesion at or above the ablation dose (240 CEM43) */
  | { kind: 'coverage'; atLeast: number }
  /** the lesion's hottest dose reaches the ablation dose somewhere (240 CEM43) */
  | { kind: 'lesion-ablated' }
  /** a safety dashboard row (src/ui/safety.ts safetyRows) has a value at or below its limit */
  | { kind: 'safety'; row: SafetyRow['id'] }
  /** total energy of the run (a sonication, or every spot of a plan) [J] */
  | { kind: 'energy'; atMost: number }
  /** no firing beam has this status (gas, critical, angle) in the beam tally */
  | { kind: 'no-beams'; status: 'gas' | 'critical' | 'angle' }
  /** the shown run is a plan of at least this many spots */
  | { kind: 'plan-spots'; atLeast: number }
  /** no tissue boils: the run's peak temperature stays below 100 °C (the model's validity limit) */
  | { kind: 'no-boiling' };

export interface Objective {
  id: string;
  /** what to achieve, in the trainee's words */
  text: string;
  check: ObjectiveCheck;
  /** share of the score (the score is the weighted share of objectives met) */
  weight: number;
  /** what to try when it is not met, in physical terms */
  tip: string;
}

export interface Exercise {
  id: string;
  title: string;
  caseId: string;
  /** the goal in plain trainee language (two or three sentences) */
  brief: string;
  start: ExerciseStart;
  objectives: Objective[];
  /** given one at a time, on request */
  hints: string[];
  /** what the engine gave when the thresholds were chosen (headless runs, stated so the goal is known reachable) */
  measured: string;
}

export const SKIN_OBJECTIVE = (weight = 1): Objective => ({
  id: 'skin',
  text: 'Skin stays at or below its limit (45 °C)',
  check: { kind: 'safety', row: 'skin-temperature' },
  weight,
  tip: 'The skin heats where the beams enter close together: lower the power or the duration, or keep the whole aperture firing so the energy spreads over more skin.',
});

const CRITICAL = (structure: string, weight = 2): Objective => ({
  id: 'critical',
  text: `The ${structure} stays below the safety dose (30 CEM43)`,
  check: { kind: 'safety', row: 'critical-dose' },
  weight,
  tip: `The ${structure} is heated by the beams' tails or by heat conducted from the bone: lower the power, or move the target away from it.`,
});

const NO_BOILING: Objective = {
  id: 'no-boiling',
  text: 'No tissue boils (peak below 100 °C)',
  check: { kind: 'no-boiling' },
  weight: 1,
  tip: 'Above 100 °C tissue boils and the model stops holding: lower the power.',
};

export const EXERCISES: readonly Exercise[] = [
  {
    id: 'femur-nerve',
    title: 'Femur: ablate beside the sciatic nerve',
    caseId: 'femur-shaft',
    brief:
      'A painful metastasis sits in the shaft of the femur, with the sciatic nerve behind the bone. Give one sonication at the target that reaches the ablation dose (240 CEM43) in the lesion, while the nerve and the skin stay safe. One sonication ablates one spot, a few per cent of this lesion: covering all of it is exercise 4.',
    start: { caseId: 'femur-shaft' },
    objectives: [
      {
        id: 'ablated',
        text: 'Part of the lesion reaches the ablation dose (240 CEM43)',
        check: { kind: 'lesion-ablated' },
        weight: 2,
        tip: 'Not enough heat at the target: raise the power a little or sonicate longer, and check that most beams are clear (cyan).',
      },
      CRITICAL('sciatic nerve'),
      SKIN_OBJECTIVE(),
      {
        id: 'energy',
        text: 'Energy at most 1.2 kJ',
        check: { kind: 'energy', atMost: 1200 },
        weight: 1,
        tip: 'Energy is power × duration: 50 W for 20 s is 1 kJ.',
      },
    ],
    hints: [
      'The default setup is a good start: press Sonicate and read the results.',
      'Watch the safety dashboard: the nerve row says how far the nerve lay from the heated path.',
      'Energy = acoustic power × duration. Keep it within 1.2 kJ: 50 W for 20 s gives 1 kJ.',
    ],
    measured:
      'Default 50 W, 20 s: lesion 1.2·10⁸ CEM43 at its hottest, nerve at most 0.0006 CEM43, skin 42.9 °C, 1 kJ — all met.',
  },
  {
    id: 'iliac-bowel',
    title: 'Iliac wing: keep the beams off the bowel',
    caseId: 'iliac-wing',
    brief:
      'A metastasis in the iliac wing of the pelvis, with bowel and its gas lying across part of the beam window. Beams through gas are reflected and burn the bowel wall. Make sure no firing beam crosses gas or bowel, and still ablate the lesion at the target.',
    start: { caseId: 'iliac-wing' },
    objectives: [
      {
        id: 'no-gas',
        text: 'No firing beam crosses gas',
        check: { kind: 'no-beams', status: 'gas' },
        weight: 2,
        tip: 'Some beams cross bowel gas (red): switch on the automatic switch-off of unsafe beams, or switch those elements off by hand.',
      },
      {
        id: 'no-bowel',
        text: 'No firing beam crosses the bowel wall',
        check: { kind: 'no-beams', status: 'critical' },
        weight: 1,
        tip: 'Beams through the bowel (red dashed) would heat it: the automatic switch-off turns them off too.',
      },
      CRITICAL('bowel', 1),
      {
        id: 'ablated',
        text: 'Part of the lesion reaches the ablation dose (240 CEM43)',
        check: { kind: 'lesion-ablated' },
        weight: 2,
        tip: 'With fewer beams and a deep target the focus is weaker, and the bone behind the lesion heats first: move the target toward the transducer, away from that bone, then raise the power a little or sonicate longer while the bone surface stays below 50 °C.',
      },
      SKIN_OBJECTIVE(),
      {
        id: 'bone-surface',
        text: 'Bone surface outside the target stays at or below its limit (50 °C)',
        check: { kind: 'safety', row: 'bone-surface-temperature' },
        weight: 1,
        tip: 'The iliac wing is thin: the bone behind the lesion soaks up the heat. Move the target toward the transducer, deeper into the lesion and away from that bone, and give less power for longer.',
      },
      {
        id: 'energy',
        text: 'Energy at most 2.5 kJ',
        check: { kind: 'energy', atMost: 2500 },
        weight: 1,
        tip: 'Energy is power × duration: 100 W for 20 s is 2 kJ.',
      },
    ],
    hints: [
      'Look at the beam counts over the 3D view: red beams cross gas, red dashed ones the bowel.',
      'Turn on "switch off unsafe beams" (the automatic switch-off): the red beams go grey.',
      'The target sits deep behind the iliac crest: 50 W leaves it at about 47 °C, and 100 W ablates it but heats the bone surface behind it to 65 °C.',
      'Move the target about 8 mm toward the transducer, away from the bone behind the lesion: type x = 92.5 mm, y = 1.6 mm, z = 0 mm, and give 45 W for 30 s. The window is narrow: the thin bone limits how much heat the lesion can take.',
    ],
    measured:
      'Default 50 W: 12 beams through gas and 11 through bowel fire. Switched off automatically, 50 W for 20 s gives the target 1.5 CEM43 (30 s: 7.6); 100 W for 20 s gives 682 CEM43 but the bone surface 65.2 °C (over). Target typed at (92.5, 1.6, 0) mm, about 8 mm toward the transducer, 45 W for 30 s: lesion up to 267 CEM43, bone surface 49.3 °C, 1.35 kJ (all met); at 50 W the bone surface reaches 50.6 °C (over).',
  },
  {
    id: 'rib-lung',
    title: 'Rib: protect the lung',
    caseId: 'rib',
    brief:
      'A metastasis in a rib, with the lung just beneath it. At 45 W the lung and the skin get too hot. Find a power that still ablates the lesion at the target but keeps the lung and the skin safe.',
    start: { caseId: 'rib', sonication: { acousticPower: 45 } },
    objectives: [
      {
        id: 'ablated',
        text: 'Part of the lesion reaches the ablation dose (240 CEM43)',
        check: { kind: 'lesion-ablated' },
        weight: 2,
        tip: 'Too little heat at the target: raise the power in small steps.',
      },
      CRITICAL('lung'),
      SKIN_OBJECTIVE(),
      NO_BOILING,
    ],
    hints: [
      'Sonicate once at 45 W and read the safety dashboard: which rows are over their limit?',
      'A rib is thin: the heat it gathers spreads straight into the lung behind it. Less power means less heat there.',
      'Try about half the power (20–25 W): the thin rib still concentrates enough heat at the target.',
    ],
    measured:
      '45 W: lung 3.1·10³ CEM43, skin 50.3 °C (both over). 25 W: lung 7.1 CEM43, skin 44.4 °C, lesion 3.6·10⁶ CEM43 (all met). 15 W: lung 0.33, skin 41.4 °C, lesion 706 CEM43 (all met).',
  },
  {
    id: 'femur-spots',
    title: 'Femur: cover the lesion spot by spot',
    caseId: 'femur-shaft',
    brief:
      'One sonication ablates a zone a few millimetres wide; the femoral lesion is larger. Build a plan of several spots across the lesion (Cover the lesion, or add spots yourself), run it, and ablate a larger share of the lesion while the nerve and the skin stay safe.',
    start: { caseId: 'femur-shaft', sonication: { acousticPower: 40, duration: 20, cooling: 20 } },
    objectives: [
      {
        id: 'spots',
        text: 'Run a plan of at least 3 spots',
        check: { kind: 'plan-spots', atLeast: 3 },
        weight: 1,
        tip: 'Add spots (Cover the lesion, or Add spot at different targets) and press Run plan.',
      },
      {
        id: 'coverage',
        text: 'At least 8 % of the lesion reaches 240 CEM43',
        check: { kind: 'coverage', atLeast: 0.08 },
        weight: 3,
        tip: 'Spread the spots about 3 mm apart along the lesion so their ablation zones touch; more spots cover more.',
      },
      CRITICAL('sciatic nerve'),
      SKIN_OBJECTIVE(),
      NO_BOILING,
    ],
    hints: [
      'A single sonication covers about 3 % of this lesion: sonicate once to see it.',
      '"Cover the lesion" fills the lesion with spots; three spots 3 mm apart along the bone at 40 W already triple the coverage.',
      '"Cover the lesion" at full power fills the lesion with about 30 spots: nearly all of it is ablated, but the spots heat each other until tissue boils and the skin overheats. Lower each spot’s power, or use a few spots placed by hand.',
      'Cooling between spots lets the skin and the bone recover: keep 20 s or more.',
    ],
    measured:
      'One 50 W sonication: 2.9 % of the lesion. Three 40 W spots 3 mm apart along the shaft (the bundled femur plan): 8.7 %, nerve 0.003 CEM43, skin 44.9 °C, peak 76 °C (all met). Cover the lesion at 50 W (29 spots, 20 s, 30 s cooling; 5.6 min to compute headless): 98 % covered, but peak 400 °C and skin 52.5 °C (boiling and skin not met: score 75).',
  },
  {
    id: 'femur-steep',
    title: 'Femur: a steep beam heats the periosteum',
    caseId: 'femur-shaft',
    brief:
      'The transducer starts turned 55° around the femur, so the beams strike the round bone obliquely. Sonicate and see where the heat goes; then aim so the bone surface outside the target stays below its limit and nothing boils, while the lesion is still ablated.',
    start: { caseId: 'femur-shaft', tilt: { axis: 'z', degrees: 55 } },
    objectives: [
      {
        id: 'bone-surface',
        text: 'Bone surface outside the target stays below 50 °C',
        check: { kind: 'safety', row: 'bone-surface-temperature' },
        weight: 2,
        tip: 'Beams that strike the bone obliquely are reflected along its surface and heat the periosteum away from the target: turn the transducer back so the beam meets the bone nearly perpendicularly: under Transducer, “Tilt around the target” back to 135° from straight below, azimuth 0° (the case’s default direction).',
      },
      NO_BOILING,
      {
        id: 'ablated',
        text: 'Part of the lesion reaches the ablation dose (240 CEM43)',
        check: { kind: 'lesion-ablated' },
        weight: 1,
        tip: 'Keep enough power for the target to reach the ablation dose.',
      },
    ],
    hints: [
      'Sonicate first as it is: look for the hottest point in the results and how far it lies from the target.',
      'The more obliquely a beam meets the bone, the more of it is reflected along the surface, where its energy heats the periosteum; past the critical angle (about 27° from perpendicular for muscle to bone) none of it enters.',
      'Bring the beam back toward the case’s default direction, which meets the bone almost head-on: tilt 135° from straight below, azimuth 0° (under Transducer, “Tilt around the target”).',
    ],
    measured:
      'Turned 55°: bone surface 75.2 °C (over), peak 133 °C (boils). 35°: bone surface 49.3 °C but peak 129 °C. Default direction: bone surface 46.5 °C, peak 74.8 °C, lesion ablated (all met).',
  },
];
