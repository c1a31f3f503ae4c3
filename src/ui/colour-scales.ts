import type { SliceQuantity } from '../state/planning.ts';
import { inferno, viridis } from '../style/palette.ts';

export { inferno, viridis };

type Rgb = [number, number, number];

export type ColourMapName = 'inferno' | 'viridis';

export function colourMap(name: ColourMapName): (t: number) => Rgb {
  return name === 'inferno' ? inferno : viridis;
}

/** A CSS linear gradient (left = 0, right = 1) of a colour map, for DOM legends. */
export function cssGradient(name: ColourMapName, stops = 11): string {
  const map = colourMap(name);
  const parts: string[] = [];
  for (let n = 0; n < stops; n++) {
    const t = n / (stops - 1);
    const [r, g, b] = map(t);
    parts.push(`rgb(${Math.round(r * 255)} ${Math.round(g * 255)} ${Math.round(b * 255)}) ${(t * 100).toFixed(0)}%`);
  }
  return `linear-gradient(to right, ${parts.join(', ')})`;
}

/** Body temperature: the bottom of every temperature map [°C]. */
export const BASELINE_TEMPERATURE = 37;
/** The ablation dose [CEM43 min]: its contour is drawn the same way in every view. */
export const ABLATION_DOSE = 240;
/** How the 240 CEM43 contour is drawn in every 2D view (and should be in 3D): solid cyan, 2 px. */
export const ABLATION_CONTOUR_STYLE = { colour: '#22d3ee', width: 2 } as const;

/** How a quantity maps to colour: SI range, display unit, linear or log10. */
export interface ColourScale {
  quantity: SliceQuantity;
  map: ColourMapName;
  /** [SI] value at t = 0 and t = 1 */
  min: number;
  max: number;
  /** map log10(value) rather than value */
  log: boolean;
  label: string;
  unit: string;
  /** SI → display unit */
  scale: number;
}

/** Peaks of the shown run the scales stretch to (SI): peak temperature [°C] and peak pressure [Pa]. */
export interface ScalePeaks {
  peakTemperature: number | undefined;
  peakPressure: number | undefined;
}

/**
 * The colour rule of the slices (shared with the 3D view; swap it here to change every legend):
 * temperature: inferno from 37 °C to the run's peak; dose: viridis on log10 CEM43 from 1 to 10⁴ min (clamped);
 * pressure: viridis from 0 to the run's peak [MPa shown].
 */
export function sliceColourScale(quantity: SliceQuantity, peaks: ScalePeaks): ColourScale {
  switch (quantity) {
    case 'temperature': {
      const peak = peaks.peakTemperature;
      const max = peak !== undefined && Number.isFinite(peak) && peak > BASELINE_TEMPERATURE + 1 ? peak : 43;
      return {
        quantity,
        map: 'inferno',
        min: BASELINE_TEMPERATURE,
        max,
        log: false,
        label: 'Temperature',
        unit: '°C',
        scale: 1,
      };
    }
    case 'dose':
      return {
        quantity,
        map: 'viridis',
        min: 1,
        max: 1e4,
        log: true,
        label: 'Thermal dose',
        unit: 'CEM43 min',
        scale: 1,
      };
    case 'pressure': {
      const peak = peaks.peakPressure;
      const max = peak !== undefined && Number.isFinite(peak) && peak > 0 ? peak : 1e6;
      return {
        quantity,
        map: 'viridis',
        min: 0,
        max,
        log: false,
        label: 'Pressure amplitude',
        unit: 'MPa',
        scale: 1e-6,
      };
    }
  }
}

/** Where a value falls on a scale, clamped to [0, 1] (non-finite → 0). */
export function scalePosition(scale: ColourScale, valueSi: number): number {
  if (!Number.isFinite(valueSi)) return 0;
  let t: number;
  if (scale.log) {
    const lo = Math.log10(scale.min);
    const hi = Math.log10(scale.max);
    t = valueSi > 0 ? (Math.log10(valueSi) - lo) / (hi - lo) : 0;
  } else {
    t = (valueSi - scale.min) / (scale.max - scale.min);
  }
  return Math.min(1, Math.max(0, t));
}

/** Values to label under a legend (SI): ends, plus the decades of a log scale. */
export function scaleTicks(scale: ColourScale): number[] {
  if (!scale.log) return [scale.min, (scale.min + scale.max) / 2, scale.max];
  const ticks: number[] = [];
  for (let e = Math.ceil(Math.log10(scale.min)); e <= Math.floor(Math.log10(scale.max)); e++) ticks.push(10 ** e);
  return ticks;
}
