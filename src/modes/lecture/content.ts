/**
 * The lecture's storyline (issue 13, lecture mode): one idea per step, in the educator's vocabulary
 * (../shared/design/PRODUCT.md), in the clinic's order. Each step names the stage its 3D picture shows
 * (picture/lecture-look.ts). The words are checked by tests/modes/lecture-content.test.ts.
 */

/** What the 3D view shows at a step. */
export type LectureStage = 'lesion' | 'transducer' | 'skin' | 'converge' | 'heat' | 'dose' | 'spots' | 'relief';

export interface LectureStep {
  /** stable id, kept in the address's fragment */
  id: string;
  stage: LectureStage;
  /** a short title, read from the back of the room */
  title: string;
  /** one or two sentences */
  body: string;
  /** what the 3D view shows, for a screen reader (the picture's name) */
  picture: string;
  /** a figure with its source, in smaller type under the body */
  source?: string;
}

export const LECTURE_STEPS: readonly LectureStep[] = [
  {
    id: 'lesion',
    stage: 'lesion',
    title: 'A painful lesion in the bone',
    body: 'A metastasis (magenta) has eaten into the femur. The periosteal nerves on the bone’s surface carry its pain.',
    picture: 'The thigh, seen through the skin: the femur with the lesion in magenta on its surface.',
  },
  {
    id: 'transducer',
    stage: 'transducer',
    title: 'The transducer and its beams',
    body: 'Against the thigh, across a water bath, a phased-array transducer of 208 elements aims every beam at one target.',
    picture: 'A bowl-shaped transducer under the thigh, a water cushion between them, beams drawn from it.',
  },
  {
    id: 'skin',
    stage: 'skin',
    title: 'Through the skin, harmlessly',
    body: 'Each beam alone is weak: it passes through skin, fat and muscle warming them only a little.',
    picture: 'Faint beams travel from the transducer through the skin and muscle.',
  },
  {
    id: 'converge',
    stage: 'converge',
    title: 'The beams converge',
    body: 'Where the beams meet, at the focus, their energy adds up into a spot a few millimetres wide.',
    picture: 'The beams meet at one bright point on the bone, at the lesion.',
  },
  {
    id: 'heat',
    stage: 'heat',
    title: 'The heat builds at the bone',
    // The framing now shows all the stored run warmed (a walk found its top cut off): the sound that passes this lytic
    // lesion heats the far wall of the bone as well, and the words say so.
    body: 'Bone absorbs ultrasound strongly, so the heat gathers where the beams meet bone: here at the lesion, and past it at the far wall of the bone.',
    picture: 'All the region the sonication warms: the simulated temperature rises, then cools.',
  },
  {
    id: 'dose',
    stage: 'dose',
    // No nerve is drawn, and the case's one named nerve (the sciatic) is to be spared: the words name the bone's
    // surface, where the periosteal nerves run (a walk read "reaches the nerves" over a picture without them).
    title: 'The dose zone reaches the bone',
    body: 'Where the thermal dose passes 240 CEM43 minutes the tissue is ablated: at the bone, its periosteal nerves too.',
    picture: 'All the region the sonication warms: the simulated ablation zone grows from the lesion to the far wall.',
  },
  {
    id: 'spots',
    stage: 'spots',
    title: 'Spot by spot, the ablation zone grows',
    body: 'The plan moves the focus from spot to spot, cooling between sonications. Each spot’s power is set so no tissue boils; each adds to the ablation zone.',
    picture:
      'The focus moves across the lesion; the simulated ablation zone grows after each spot, no spot hot enough to boil.',
  },
  {
    id: 'relief',
    stage: 'relief',
    title: 'Relief in days',
    body: 'One outpatient session, no incision. Most patients feel significant relief within 3 to 7 days.',
    picture: 'The treated spots over the lesion, the transducer withdrawn.',
    source:
      'Pivotal trial: 64 % responded at 3 months, against 20 % with a sham treatment (Hurwitz et al., J Natl Cancer Inst 2014).',
  },
];

/** Said on every step: the app is for teaching. */
export const LECTURE_NOTE = 'Education and research only: not for planning or delivering treatment.';
