/**
 * The words of the patient explainer (issue 13): the clinical story of PRODUCT.md in plain language, what happens
 * on the day, what it feels like, what to expect afterwards, how it compares, a glossary and the sources. Pure data,
 * checked in tests/modes/patient-content.test.ts: every step has a title and plain text, the planner's jargon stays
 * in the glossary, every glossary term has a definition, and every fact names a source from SOURCES.
 */

export type SourceId = 'sperling' | 'hurwitz2014' | 'baal2021' | 'body2017' | 'lutz2017';

export interface Source {
  id: SourceId;
  /** Who, where and when, as a reader would look it up. */
  citation: string;
  /** What this explainer takes from it. */
  usedFor: string;
}

/** One paragraph. A paragraph that states a fact (a number, a result, a comparison) names its sources. */
export interface Paragraph {
  text: string;
  sources?: readonly SourceId[];
}

/** What the 3D picture shows for a step: an illustration, not a simulation. */
export type Stage = 'lesion' | 'table' | 'beams' | 'meet' | 'heat' | 'spots' | 'relief' | 'overview';

export interface Step {
  id: string;
  title: string;
  body: readonly Paragraph[];
  stage: Stage;
  /**
   * The numbers behind the words, for a reader who asks (shown folded: "no units unless asked"). The only place
   * outside the glossary where units appear.
   */
  numbers?: { label: string; body: readonly Paragraph[] };
  /** Short items under the text (the comparison's points), each a paragraph. */
  list?: readonly { heading: string; points: readonly Paragraph[] }[];
  /** The glossary and sources steps show those lists instead of (or after) their body. */
  extra?: 'glossary' | 'sources';
}

export const SOURCES: readonly Source[] = [
  {
    id: 'sperling',
    citation:
      'Sperling Medical Group. Patient article on MR-guided focused ultrasound for bone metastases from breast cancer.',
    usedFor: 'who can be treated, the comparison with surgery and radiation, and relief within 3 to 7 days',
  },
  {
    id: 'hurwitz2014',
    citation:
      'Hurwitz MD and colleagues. Phase III trial of MR-guided focused ultrasound for painful bone metastases. ' +
      'Journal of the National Cancer Institute, 2014.',
    usedFor:
      'who it was tested in (radiation had not helped or did not suit), results at 3 months against a sham ' +
      'treatment, pain during treatment, and the temperatures reached',
  },
  {
    id: 'baal2021',
    citation:
      'Baal JD and colleagues. Review and meta-analysis of 33 studies (1082 patients) of MR-guided focused ultrasound ' +
      'for painful bone metastases. Skeletal Radiology, 2021.',
    usedFor: 'how often pain improved across studies, and how often side effects happened',
  },
  {
    id: 'lutz2017',
    citation:
      'Lutz S and colleagues. Palliative radiation therapy for bone metastases: update of an ASTRO evidence-based ' +
      'guideline. Practical Radiation Oncology, 2017.',
    usedFor: 'that one radiation visit eases bone pain as well as several (1 to 10 visits are used)',
  },
  {
    id: 'body2017',
    citation:
      'Body JJ and colleagues. Meta-analysis of how many people with breast cancer develop bone metastases. ' +
      'Critical Reviews in Oncology/Hematology, 2017.',
    usedFor: 'how common bone metastases are after early breast cancer',
  },
];

/** The one note every step carries in short and the last step in full. */
export const NOTE_SHORT = 'For learning only — not medical advice. Talk to your care team.';
export const NOTE_FULL: readonly Paragraph[] = [
  {
    text:
      'This explainer is for education. It is not medical advice, and it cannot tell whether this treatment is right ' +
      'for you. Your care team knows your situation: please bring your questions to them.',
  },
  {
    text:
      'The pictures are illustrations, not a simulation of anyone’s treatment. FUS Planner is a teaching and research ' +
      'tool and must never be used to plan or give a treatment.',
  },
];

export const STEPS: readonly Step[] = [
  {
    id: 'painful-spot',
    title: 'A painful spot in the bone',
    stage: 'lesion',
    body: [
      {
        text:
          'Sometimes a cancer that started elsewhere in the body spreads to a bone. The spot where it grows can make ' +
          'the bone ache, even with pain medicine. In the picture, the bright pink patch on the thigh bone is such a spot.',
      },
      {
        // An example, not the reader's odds: a walk read "12 in 100 women" as an alarming opener for everyone.
        text:
          'Bone is one of the places cancer most often spreads to: for example, about 12 in 100 women treated for ' +
          'early breast cancer develop such a spot within five years.',
        sources: ['body2017'],
      },
      {
        text:
          // The trial that proved it treated people for whom radiation had not worked or did not suit; saying only
          // "who could have surgery or radiation" overstated who is offered it (a walk's finding).
          'Focused ultrasound is one way to calm that pain. It is most often offered when radiation has not eased ' +
          'the pain or is not a good choice, and some centres offer it to people who could have surgery or radiation ' +
          'too. Your care team can say whether it suits you.',
        sources: ['hurwitz2014', 'sperling'],
      },
    ],
  },
  {
    id: 'table-and-scanner',
    title: 'On the treatment table, in the scanner',
    stage: 'table',
    body: [
      {
        text:
          'You lie on a padded table that slides into an MRI scanner. The part of your body that hurts rests on a soft ' +
          'cushion of water or gel. Under the cushion sits the device that makes the ultrasound.',
      },
      {
        text:
          'The scanner takes detailed pictures, without X-rays, so the team can see exactly where the painful spot is ' +
          'and plan where to aim. They also mark anything nearby to keep safe, such as a nerve.',
      },
    ],
  },
  {
    id: 'gentle-beams',
    title: 'Many gentle beams',
    stage: 'beams',
    body: [
      {
        text:
          'The device sends out many beams of ultrasound at once, each from a slightly different direction. Ultrasound ' +
          'is sound too high for the ear to hear.',
      },
      {
        text:
          'Each beam on its own is gentle. It passes through the skin, fat and muscle, usually without harming them, ' +
          'much as sunlight passes through a window.',
      },
    ],
  },
  {
    id: 'beams-meet',
    title: 'The beams meet at the bone',
    stage: 'meet',
    body: [
      {
        text:
          'All the beams are aimed at one small point on the painful spot. Where they meet, their energy adds up, ' +
          'like sunlight gathered by a magnifying glass.',
      },
      {
        text: 'Bone soaks up ultrasound far more than the softer tissue around it, so the warmth gathers right at the bone.',
      },
    ],
  },
  {
    id: 'heat-calms',
    title: 'The warmth calms the pain',
    stage: 'heat',
    body: [
      {
        text:
          'For a short moment the meeting point becomes hot. The heat treats the tumour there and quiets the tiny nerves ' +
          'on the surface of the bone that carry the pain signal.',
      },
      {
        text:
          'The scanner measures the temperature inside your body while this happens, so the team sees the heat as it ' +
          'builds and where it goes.',
      },
    ],
    numbers: {
      label: 'The numbers, if you would like them',
      body: [
        {
          text:
            'In the main trial, the treated tumour tissue reached about 65 to 85 °C (degrees Celsius) during each ' +
            'heating.',
          sources: ['hurwitz2014'],
        },
      ],
    },
  },
  {
    id: 'spot-by-spot',
    title: 'Spot by spot',
    stage: 'spots',
    body: [
      {
        text:
          'One heating covers only a small area, so the team repeats it, spot by spot, until the whole painful area is ' +
          'covered. Between spots there is a pause to let the area cool.',
      },
      {
        text: 'You hold a button in your hand the whole time. Pressing it stops the treatment at once.',
      },
    ],
  },
  {
    id: 'relief',
    title: 'Relief, often within days',
    stage: 'relief',
    body: [
      {
        text: 'It is all done in one visit, and most people go home the same day. Nothing is cut or stitched.',
        sources: ['sperling'],
      },
      {
        text: 'Many people notice much less pain within 3 to 7 days.',
        sources: ['sperling'],
      },
    ],
  },
  {
    id: 'on-the-day',
    title: 'What happens on the day',
    stage: 'table',
    body: [
      {
        text:
          'First come the scans: the team finds the painful spot on the MRI pictures and plans where the beams will ' +
          'meet.',
      },
      {
        text:
          'You lie on the table with the painful area on the water or gel cushion. You may be given medicine to help ' +
          'you relax or to ease pain, as you and the team decide.',
      },
      {
        text:
          'Then come the heatings, one after another, each lasting well under a minute, with a pause to cool between ' +
          'them. The team talks with you throughout, and you keep the stop button in your hand.',
      },
      { text: 'It is one session, and you usually go home the same day.', sources: ['sperling'] },
    ],
  },
  {
    id: 'how-it-feels',
    title: 'What it feels like',
    stage: 'heat',
    body: [
      {
        text:
          'During a heating you may feel warmth or an ache deep where the beams meet. In the main trial, about 1 in 3 ' +
          'people had some pain during the treatment. It fades when the heating stops. Tell the team: they can pause, ' +
          'change the plan or give you more pain relief.',
        sources: ['hurwitz2014'],
      },
      {
        text:
          'Lying still in one position for a while can be uncomfortable too. Cushions and breaks help; say if you ' +
          'need one.',
      },
    ],
  },
  {
    id: 'afterwards',
    title: 'What to expect afterwards',
    stage: 'relief',
    body: [
      {
        text:
          'In the main trial, 64 in 100 people treated had less pain three months later, against 20 in 100 who had ' +
          'a pretend treatment.',
        sources: ['hurwitz2014'],
      },
      {
        text: 'Across 33 studies with more than 1000 people, the pain improved for about 79 in 100.',
        sources: ['baal2021'],
      },
      {
        text:
          'Side effects can happen: a skin burn, soreness from lying still, numbness for a while, and rarely a broken ' +
          'bone or a hurt nerve near the treated spot. Across those studies, serious side effects affected about ' +
          '1 in 100 people and minor ones about 6 in 100.',
        sources: ['baal2021'],
      },
    ],
  },
  {
    id: 'compared',
    title: 'How it compares with surgery and radiation',
    stage: 'overview',
    body: [
      {
        text: 'Each treatment has its place, and your care team will talk through which suits you. In short:',
      },
    ],
    list: [
      {
        heading: 'Focused ultrasound',
        points: [
          { text: 'No cut: the beams work through the skin, and you go home the same day.', sources: ['sperling'] },
          {
            text: 'Usually one session, with a quick recovery and pain relief often within days.',
            sources: ['sperling'],
          },
          {
            // Balance: a walk read this list as all upsides for one treatment and all downsides for the others.
            text:
              'It does not suit every spot: the beams must reach the bone. You lie still for the session, and about 1 ' +
              'in 3 people feel some pain during the heatings.',
            sources: ['hurwitz2014'],
          },
        ],
      },
      {
        heading: 'Surgery',
        points: [{ text: 'An operation, with a stay and time to recover afterwards.', sources: ['sperling'] }],
      },
      {
        heading: 'Radiation',
        // One visit is standard for painful bone spots; "5 to 10 visits" alone tilted the comparison (a walk's finding).
        points: [
          {
            text: 'Often a single visit, sometimes up to 10, and the relief can take a few weeks to come.',
            sources: ['lutz2017', 'sperling'],
          },
        ],
      },
    ],
  },
  {
    id: 'glossary',
    title: 'Words you may hear',
    stage: 'overview',
    body: [{ text: 'The words the team, and the rest of this app, use — in plain language.' }],
    extra: 'glossary',
  },
  {
    id: 'sources',
    title: 'Where these facts come from',
    stage: 'overview',
    body: NOTE_FULL,
    extra: 'sources',
  },
];

export interface GlossaryEntry {
  term: string;
  /** Other spellings or forms of the term the app shows. */
  also?: readonly string[];
  definition: string;
}

/** Every term the app uses (PRODUCT.md's vocabulary, the planner's labels), each in plain words, A to Z. */
export const GLOSSARY: readonly GlossaryEntry[] = [
  {
    term: 'Aberration',
    also: ['aberration correction'],
    definition:
      'The body’s layers bend and slow the beams a little, so they can miss each other. The device corrects for ' +
      'this by timing each beam so that they still meet at one point.',
  },
  {
    term: 'Ablation',
    definition: 'Destroying a small area of unwanted tissue on purpose — here with heat, without any cut.',
  },
  {
    term: 'Ablation zone',
    definition: 'The area that got enough heat for long enough to be treated.',
  },
  { term: 'Beam', definition: 'The path the ultrasound from one small part of the device takes to the meeting point.' },
  {
    term: 'Bone metastasis',
    also: ['metastasis', 'bone metastases'],
    definition: 'A spot where a cancer that started somewhere else in the body has spread to a bone.',
  },
  { term: 'Case', definition: 'In the planner: one example body part, with its own treatment plan.' },
  {
    term: 'CEM43',
    also: ['CEM43 minutes', 'cumulative equivalent minutes at 43 °C'],
    definition:
      'A way of counting heat dose: the number of minutes at 43 °C that would do the same to tissue. About 240 of ' +
      'these minutes is enough to treat tissue.',
  },
  { term: 'Cooling', definition: 'The pause between two heatings, which lets the area cool down.' },
  {
    term: 'Critical angle',
    definition:
      'If a beam meets the bone at too slant an angle, it glances off and heats the wrong place. Past this angle the ' +
      'planner warns, and such beams can be switched off.',
  },
  {
    term: 'Critical structure',
    definition:
      'Something near the treated spot that must be kept safe, such as a nerve, the bowel, a lung or the skin.',
  },
  {
    term: 'Element',
    definition: 'One of the many small sources of ultrasound on the device. Each sends one beam.',
  },
  {
    term: 'Focus',
    also: ['target', 'focal spot'],
    definition: 'The point where all the beams meet and the heat builds.',
  },
  {
    term: 'Focused ultrasound',
    also: ['MRgFUS', 'MR-guided focused ultrasound'],
    definition:
      'Ultrasound aimed so that many beams meet at one small spot and heat it. Guided by MRI, it is called ' +
      'MR-guided focused ultrasound (MRgFUS).',
  },
  {
    term: 'Lesion',
    definition: 'The part of the bone affected by the tumour: the spot to be treated.',
  },
  {
    term: 'MR thermometry',
    definition: 'Using the MRI scanner to measure the temperature inside the body while the treatment goes on.',
  },
  {
    term: 'MRI',
    also: ['MR', 'magnetic resonance imaging'],
    definition:
      'A scanner that takes detailed pictures inside the body with a strong magnet and radio waves, not X-rays. It ' +
      'can also measure temperature inside the body.',
  },
  {
    term: 'No-pass region',
    definition: 'An area the team marks on the plan so that no beam goes through it.',
  },
  {
    term: 'Osteolytic',
    definition: 'Describes a tumour that eats away at bone, leaving a thinner, weaker patch.',
  },
  {
    term: 'Periosteum',
    also: ['periosteal nerves'],
    definition: 'The thin skin that covers a bone. Many of the nerves that carry bone pain run in it.',
  },
  {
    term: 'Phantom',
    definition: 'A computer model of a body part, used for practice and teaching. It is not a real person.',
  },
  {
    term: 'Plan',
    definition: 'The list of spots to heat, in order, with how strong and how long each heating is.',
  },
  {
    term: 'Radiation therapy',
    also: ['radiation', 'radiotherapy'],
    definition: 'Treatment with high-energy rays, usually given over several visits.',
  },
  {
    term: 'Responder',
    definition: 'In a study, a person whose pain went down by at least an agreed amount.',
  },
  {
    term: 'Sedation',
    definition: 'Medicine that helps you relax or feel sleepy during a procedure.',
  },
  {
    term: 'Sham treatment',
    also: ['pretend treatment'],
    definition:
      'In a trial, a pretend treatment that looks and feels the same but gives no heat, so the real one can be ' +
      'fairly compared.',
  },
  { term: 'Sonication', definition: 'One short burst of focused ultrasound heating.' },
  { term: 'Spot', definition: 'The place one heating is aimed at.' },
  {
    term: 'Standoff',
    also: ['water bath', 'gel pad'],
    definition: 'The cushion of water or gel between the device and the skin. It carries the ultrasound into the body.',
  },
  {
    term: 'Thermal dose',
    definition: 'How much heat the tissue has had, counting both how hot it got and for how long.',
  },
  {
    term: 'Transducer',
    definition: 'The device that makes the ultrasound. It sits in the treatment table, under the cushion.',
  },
  {
    term: 'Ultrasound',
    definition:
      'Sound too high for the ear to hear. The same kind of sound is used to look at a baby before birth; here it ' +
      'is focused to make heat.',
  },
];

/** The planner's jargon: only the glossary may use these words (issue 13). */
export const BANNED_OUTSIDE_GLOSSARY: readonly string[] = [
  'osteolytic',
  'CEM43',
  'aberration',
  'critical angle',
  'standoff',
];

/** What the 3D picture shows at each stage, for a screen reader (the picture's accessible name). */
export const STAGE_DESCRIPTIONS: Readonly<Record<Stage, string>> = {
  lesion: 'Picture: a thigh seen through the skin, with the thigh bone and a pink painful spot on it.',
  table: 'Picture: the ultrasound device rests under the thigh, on a soft blue cushion of water.',
  beams: 'Picture: many thin beams travel from the device, through the skin, toward the bone.',
  meet: 'Picture: the beams all meet at one point on the painful spot of the bone.',
  heat: 'Picture: a warm orange glow at the point where the beams meet on the bone.',
  spots: 'Picture: several warm spots, one after another, cover the painful area of the bone.',
  relief: 'Picture: the device is quiet; a soft warmth fades from the treated spot on the bone.',
  overview: 'Picture: the thigh, its bone with the treated spot, and the device beneath it.',
};
