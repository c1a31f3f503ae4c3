import { isTissueId, type TissueId } from '../physics/tissue-ids.ts';

/**
 * The naming convention that carries a part's tissue role inside a mesh file (models/README.md states it for
 * authors): a node or mesh is named `<tissue>` or `<tissue>-<label>`, where `<tissue>` is one of TISSUE_IDS and
 * `<label>` is free text (`nerve-sciatic`, `lesion-osteolytic`). Hyphens survive three's node-name sanitiser,
 * which drops `.`, `:`, `/` and brackets. A glTF `extras.tissue` on the node wins over the name.
 */
export interface PartRole {
  tissue: TissueId;
  label: string;
}

/** Parses `<tissue>[-<label>]`; undefined when the name carries no known tissue. */
export function parsePartName(name: string): PartRole | undefined {
  const trimmed = name.trim().toLowerCase();
  const dash = trimmed.indexOf('-');
  const head = dash < 0 ? trimmed : trimmed.slice(0, dash);
  if (!isTissueId(head)) return undefined;
  return { tissue: head, label: dash < 0 ? '' : trimmed.slice(dash + 1) };
}

/**
 * Parts may nest and overlap (a solid muscle cylinder holds the bone); a point belongs to the containing part
 * whose tissue comes first here. Lesion first because it replaces bone and marrow; gas and lung next because a
 * beam that meets them is lost whatever surrounds them. Anything outside every part is the water bath.
 */
export const TISSUE_PRIORITY: readonly TissueId[] = [
  'lesion',
  'bowel_gas',
  'lung',
  'nerve',
  'marrow',
  'trabecular_bone',
  'cortical_bone',
  'bowel',
  'blood',
  'muscle',
  'fat',
  'skin',
  'water',
];

/** Rank of a tissue in TISSUE_PRIORITY: lower wins. */
export function tissueRank(tissue: TissueId): number {
  return TISSUE_PRIORITY.indexOf(tissue);
}

/** The medium outside every part: the transducer couples through a water bath or gel pad. */
export const BACKGROUND_TISSUE: TissueId = 'water';
