import type { TissueId } from '../physics/tissue-ids.ts';

/**
 * The product's visual language (shared/design/PRODUCT.md): one colour per tissue, used by the legend, the 3D
 * view and, later, the slices, so a colour means the same thing everywhere.
 */
export const TISSUE_COLOURS: Record<TissueId, string> = {
  skin: '#e8c4a0', // warm beige
  fat: '#f3e6a2', // pale yellow
  muscle: '#b5524d', // muted red
  cortical_bone: '#f4efdc', // ivory
  trabecular_bone: '#d9bf8c', // light tan
  marrow: '#d2a86e', // light tan, warmer
  lesion: '#d63ad0', // magenta
  nerve: '#ffd000', // yellow
  blood: '#8e1b2a',
  bowel: '#a9d8a0', // pale green
  bowel_gas: '#c9f2c0', // pale green, lighter
  lung: '#a8d0f0', // light blue
  water: '#6fb6e8', // translucent blue
};

/** Plain-language names for tissues, as the legend shows them. */
export const TISSUE_NAMES: Record<TissueId, string> = {
  skin: 'Skin',
  fat: 'Fat',
  muscle: 'Muscle',
  cortical_bone: 'Cortical bone',
  trabecular_bone: 'Trabecular bone',
  marrow: 'Marrow',
  lesion: 'Lesion (tumour)',
  nerve: 'Nerve',
  blood: 'Blood',
  bowel: 'Bowel',
  bowel_gas: 'Bowel gas',
  lung: 'Lung (air)',
  water: 'Water bath',
};

/** Beam status colours (PRODUCT.md). */
export const BEAM_COLOURS = {
  clear: '#22d3ee', // cyan
  bone: '#f59e0b', // orange
  gas: '#ef4444', // red
  critical: '#ef4444', // red, drawn dashed
  angle: '#a855f7', // purple: meets bone beyond the critical angle
  nopass: '#ef4444', // red, drawn dashed: crosses a no-pass region
  off: '#9ca3af', // grey
} as const;

/** Default opacity per tissue: the soft tissue that hides the target starts see-through. */
export const DEFAULT_OPACITY: Record<TissueId, number> = {
  skin: 0.18,
  fat: 0.15,
  muscle: 0.22,
  cortical_bone: 1,
  trabecular_bone: 1,
  marrow: 1,
  lesion: 1,
  nerve: 1,
  blood: 1,
  bowel: 0.6,
  bowel_gas: 0.8,
  lung: 0.45,
  water: 0.08,
};

/**
 * Inferno, sampled at 9 stops (matplotlib's perceptually uniform, colour-blind-safe map; van der Walt & Smith).
 * Linear interpolation between stops is within a few percent of the full table, enough for a display map.
 */
const INFERNO: readonly (readonly [number, number, number])[] = [
  [0, 0, 4],
  [31, 12, 72],
  [85, 15, 109],
  [136, 34, 106],
  [186, 54, 85],
  [227, 89, 51],
  [249, 140, 10],
  [249, 201, 50],
  [252, 255, 164],
];

type Rgb = readonly [number, number, number];

/** Linear interpolation in a table of evenly spaced 8-bit stops; t in [0, 1] (clamped, NaN → 0) → r, g, b in [0, 1]. */
function sampleStops(stops: readonly Rgb[], t: number): [number, number, number] {
  const x = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0)) * (stops.length - 1);
  const i = Math.min(stops.length - 2, Math.floor(x));
  const f = x - i;
  const a = stops[i] as Rgb;
  const b = stops[i + 1] as Rgb;
  return [(a[0] + (b[0] - a[0]) * f) / 255, (a[1] + (b[1] - a[1]) * f) / 255, (a[2] + (b[2] - a[2]) * f) / 255];
}

/** Inferno colour for t in [0, 1], as r, g, b in [0, 1]. */
export function inferno(t: number): [number, number, number] {
  return sampleStops(INFERNO, t);
}

/** Viridis, 9 stops (matplotlib; perceptually uniform, colour-blind-safe): the thermal-dose map. */
const VIRIDIS: readonly Rgb[] = [
  [68, 1, 84],
  [71, 44, 122],
  [59, 81, 139],
  [44, 113, 142],
  [33, 144, 141],
  [39, 173, 129],
  [92, 200, 99],
  [170, 220, 50],
  [253, 231, 37],
];

/** Viridis colour for t in [0, 1], as r, g, b in [0, 1]. */
export function viridis(t: number): [number, number, number] {
  return sampleStops(VIRIDIS, t);
}

/**
 * Cividis, 9 stops (Nuñez, Anderton & Renslow 2018; designed for colour-vision deficiency, blue to yellow): the
 * pressure map, so it never reads as temperature (inferno) or dose (viridis).
 */
const CIVIDIS: readonly Rgb[] = [
  [0, 34, 78],
  [18, 53, 112],
  [59, 73, 108],
  [87, 93, 109],
  [112, 113, 115],
  [138, 134, 120],
  [166, 157, 117],
  [196, 181, 97],
  [255, 234, 70],
];

/** Cividis colour for t in [0, 1], as r, g, b in [0, 1]. */
export function cividis(t: number): [number, number, number] {
  return sampleStops(CIVIDIS, t);
}
