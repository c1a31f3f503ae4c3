import type { TissueId } from '../../physics/tissue-ids.ts';
import { parsePartName } from '../part-names.ts';

/** A tissue role guessed for an imported part, with the word that decided it. */
export interface RoleGuess {
  tissue: TissueId;
  /** why: the naming convention, a keyword of the name, or the default */
  reason: string;
}

/**
 * Keywords of file and part names, each at the start of a word (so "air" is not found in "hair"), first match wins
 * (so "bone marrow" is marrow, not bone).
 */
const WORDS: readonly (readonly [string, TissueId])[] = [
  ['lesion|tumou?r|metasta|lytic', 'lesion'],
  ['marrow|medull', 'marrow'],
  ['cancell|trabec|spongi', 'trabecular_bone'],
  ['nerve|sciatic|plexus|spinal.?cord', 'nerve'],
  ['lung|pulmon', 'lung'],
  ['gas|air', 'bowel_gas'],
  ['bowel|intestin|colon|gut|rectum', 'bowel'],
  ['vessel|arter|vein|aorta|blood', 'blood'],
  ['skin|derm', 'skin'],
  ['fat|adipo|subcut', 'fat'],
  ['muscle|muscul', 'muscle'],
  [
    'bone|femur|tibia|fibula|humerus|radius|ulna|rib|pelvi|ilium|iliac|ischium|pubis|sacrum|coccyx|vertebra|lumbar|thoracic|cervical|skull|cranium|mandible|scapula|clavicle|patella|sternum|spine|hip|calcane|talus|cortic',
    'cortical_bone',
  ],
];
const KEYWORDS = WORDS.map(([words, tissue]) => [new RegExp(`(?:^|[^a-z])(?:${words})`), tissue] as const);

/**
 * Guesses a tissue role from a file or part name: the project's naming convention `<tissue>[-<label>]` first
 * (models/README.md), then anatomical keywords; a name that says nothing is taken as bone, the reason files are
 * imported. The user can change every role.
 * @param name - file or part name
 * @returns the tissue and why
 */
export function guessRole(name: string): RoleGuess {
  const convention = parsePartName(name.replace(/\.[a-z0-9]+$/i, ''));
  if (convention) return { tissue: convention.tissue, reason: `named ${convention.tissue}` };
  const lower = name.toLowerCase();
  for (const [pattern, tissue] of KEYWORDS) {
    const match = lower.match(pattern);
    if (match) return { tissue, reason: `"${match[0].replace(/^[^a-z]/, '')}" in the name` };
  }
  return { tissue: 'cortical_bone', reason: 'nothing in the name: taken as bone' };
}
