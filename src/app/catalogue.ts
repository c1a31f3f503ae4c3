import catalogue from '../../models/catalogue.json';
import type { CaseInfo } from '../state/store.ts';
import { DEFAULT_SONICATION, DEFAULT_TRANSDUCER } from './defaults.ts';

export interface CaseEntry {
  id: string;
  title: string;
  description: string;
  url: string;
  isDefault: boolean;
  /** the case's own default sonication and the words for its axes */
  info: CaseInfo;
}

// The bundled phantoms are files in models/; Vite fingerprints them and gives their served URLs.
const urls = import.meta.glob<string>('../../models/*.glb', { query: '?url', import: 'default', eager: true });

interface CatalogueRow {
  id: string;
  title: string;
  description: string;
  file: string;
  default?: boolean;
}

/**
 * Per case, what it brings beside its geometry. The sonications and transducers are those of the case's example
 * scenario in public/scenarios/ (`npm run simulate` on it gives the numbers the app shows on the case's defaults; each
 * uses the clinical body array); the axis words follow the axes of models/README.md.
 */
export const CASE_INFO: Readonly<Record<string, CaseInfo>> = {
  'femur-shaft': {
    // public/scenarios/femur-shaft.json, the app's default (defaults.ts).
    sonication: { ...DEFAULT_SONICATION },
    transducer: DEFAULT_TRANSDUCER,
    // +X lateral, +Y anterior (up, patient supine), +Z proximal.
    axisWords: {
      x: ['the inner side (medial)', 'the outer side (lateral)'],
      y: ['the back (posterior)', 'the front (anterior)'],
      z: ['the knee end (distal)', 'the hip end (proximal)'],
    },
  },
  'iliac-wing': {
    // public/scenarios/iliac-wing.json
    sonication: { acousticPower: 50, duration: 20, cooling: 20 },
    transducer: DEFAULT_TRANSDUCER,
    // +X left-lateral, +Y anterior (up, patient supine), +Z superior.
    axisWords: {
      x: ["the patient's right", "the patient's left"],
      y: ['the back (posterior)', 'the front (anterior)'],
      z: ['the feet (inferior)', 'the head (superior)'],
    },
  },
  rib: {
    // public/scenarios/rib.json: 45 W, since 50 W takes the lesion just past 100 °C, the model's validity limit.
    sonication: { acousticPower: 45, duration: 20, cooling: 20 },
    transducer: DEFAULT_TRANSDUCER,
    // +Y outward from the chest wall (up), +Z cranial, +X along the ribs.
    axisWords: {
      x: ['one end of the rib (−x)', 'the other end of the rib (+x)'],
      y: ['inside the chest (the lung side)', 'outside the chest wall'],
      z: ['the feet (caudal)', 'the head (cranial)'],
    },
  },
  'bone-plate-validation': {
    // public/scenarios/bone-plate-validation.json: 4 W keeps the plate's surface below 100 °C (50 W gives ~680 °C).
    sonication: { acousticPower: 4, duration: 20, cooling: 20 },
    transducer: DEFAULT_TRANSDUCER,
    // +Y up; the beam runs along X.
    axisWords: {
      x: ['−x', '+x'],
      y: ['below', 'above'],
      z: ['−z', '+z'],
    },
  },
};

export const CASES: readonly CaseEntry[] = (catalogue as CatalogueRow[]).flatMap((row) => {
  const url = urls[`../../models/${row.file}`];
  return url
    ? [
        {
          id: row.id,
          title: row.title,
          description: row.description,
          url,
          isDefault: row.default === true,
          info: CASE_INFO[row.id] ?? {},
        },
      ]
    : [];
});

export const DEFAULT_CASE_ID = (CASES.find((c) => c.isDefault) ?? CASES[0])?.id ?? '';
