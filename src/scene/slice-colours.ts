import type { SliceQuantity } from '../state/planning.ts';
import { cividis, inferno, viridis } from '../style/palette.ts';
import { maxOf } from './frames.ts';

/**
 * Colour rules of the results maps (slices, legend), pure and shared: the 3D view colours slices with
 * `colouriseSlice` and the UI draws its legend from `sliceLegend` on the same outcome, so both always agree.
 *
 * These are the rules of src/ui/colour-scales.ts `sliceColourScale` (the DOM legend), restated here because the
 * scene may not import the UI:
 * - temperature [°C]: inferno, linear from BODY_TEMPERATURE (37 °C) to the shown run's peak temperature (the
 *   maximum of its max-temperature field over the whole run — fixed during playback) when that exceeds 38 °C,
 *   else to 43 °C.
 *   Transparent at ≤ 37 °C, fading in linearly over the first FADE_FRACTION (10 %) of the range, then SLICE_OPACITY.
 * - dose [CEM43 min]: viridis on log10(CEM43), fixed range DOSE_MIN (1 min) to DOSE_MAX (10⁴ min), clamped above;
 *   transparent below 1 min, else SLICE_OPACITY. 240 min sits at log10(240)/4 ≈ 0.595 of the bar.
 * - pressure [MPa]: viridis, linear from 0 to the shown run's peak pressure amplitude (max of its pressure field;
 *   1 MPa when that is not positive); fading in over the first 10 % like temperature. Plans carry no pressure field: the slices
 *   then show temperature and the legend says so (legend.quantity is what is drawn, `requested` what was asked).
 * - the ablation contour (ABLATION_DOSE = 240 CEM43 min) is drawn as a solid cyan line (ABLATION_CONTOUR_COLOUR,
 *   the 2D views' ABLATION_CONTOUR_STYLE) on every slice whatever the quantity; the 3D ablation surface is the same
 *   level of the same dose field (both interpolate log10 CEM43).
 */

export type ColourMapName = 'inferno' | 'viridis' | 'cividis';

/** Body (baseline) temperature: the bottom of the temperature map [°C]. */
export const BODY_TEMPERATURE = 37;
/** Thermal dose of the ablation zone [CEM43 min] (PHYSICS.md §1.6). */
export const ABLATION_DOSE = 240;
/** Lower, safety contour of thermal dose [CEM43 min] (the 3D translucent surface). */
export const SAFETY_DOSE = 30;
/** Dose map range [CEM43 min], log10 scale. */
export const DOSE_MIN = 1;
export const DOSE_MAX = 1e4;
/** Opacity of a coloured slice texel: the anatomy shows through. */
export const SLICE_OPACITY = 0.85;
/** Linear maps fade in from transparent over this fraction of their range. */
export const FADE_FRACTION = 0.1;
/** Colour of the 240 CEM43 contour in every view. */
export const ABLATION_CONTOUR_COLOUR = '#22d3ee';

export interface SliceLegend {
  /** the quantity drawn */
  quantity: SliceQuantity;
  /** the quantity asked for (differs when a plan has no pressure field) */
  requested: SliceQuantity;
  label: string;
  unit: '°C' | 'min' | 'MPa';
  /** range in display units (°C, CEM43 min, MPa) */
  min: number;
  max: number;
  scale: 'linear' | 'log10';
  colourMap: ColourMapName;
  /** suggested tick values in display units, within [min, max] */
  ticks: number[];
  /** the ablation contour drawn on every slice */
  contour: { value: number; unit: 'CEM43 min'; colour: string };
}

/** The outcome fields the ranges depend on (SonicationOutcome and PlanOutcome both fit). */
export interface LegendSource {
  maxTemperature: Float32Array;
  pressure?: Float32Array;
}

const peakCache = new WeakMap<Float32Array, number>();
function peak(field: Float32Array, fallback: number): number {
  let v = peakCache.get(field);
  if (v === undefined) {
    v = maxOf(field, fallback);
    peakCache.set(field, v);
  }
  return v;
}

function linearTicks(min: number, max: number): number[] {
  const span = max - min;
  if (!(span > 0)) return [min];
  const raw = span / 4;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? raw;
  const ticks: number[] = [];
  for (let v = Math.ceil(min / step) * step; v <= max + step * 1e-9; v += step) ticks.push(Number(v.toPrecision(6)));
  return ticks;
}

/** The legend (range, unit, map) of a slice quantity for an outcome — see the rules at the top of this file. */
export function sliceLegend(requested: SliceQuantity, outcome: LegendSource): SliceLegend {
  const contour = { value: ABLATION_DOSE, unit: 'CEM43 min' as const, colour: ABLATION_CONTOUR_COLOUR };
  const hasPressure = !!outcome.pressure && outcome.pressure.length === outcome.maxTemperature.length;
  const quantity: SliceQuantity = requested === 'pressure' && !hasPressure ? 'temperature' : requested;
  if (quantity === 'dose') {
    return {
      quantity,
      requested,
      label: 'Thermal dose (CEM43)',
      unit: 'min',
      min: DOSE_MIN,
      max: DOSE_MAX,
      scale: 'log10',
      colourMap: 'viridis',
      ticks: [1, 10, 100, ABLATION_DOSE, 1000, 10000],
      contour,
    };
  }
  if (quantity === 'pressure' && outcome.pressure) {
    const top = peak(outcome.pressure, 0);
    const max = top > 0 ? top / 1e6 : 1;
    return {
      quantity,
      requested,
      label: 'Pressure amplitude',
      unit: 'MPa',
      min: 0,
      max,
      scale: 'linear',
      colourMap: 'viridis',
      ticks: linearTicks(0, max),
      contour,
    };
  }
  const top = peak(outcome.maxTemperature, BODY_TEMPERATURE);
  const max = top > BODY_TEMPERATURE + 1 ? top : 43;
  return {
    quantity,
    requested,
    label: 'Temperature',
    unit: '°C',
    min: BODY_TEMPERATURE,
    max,
    scale: 'linear',
    colourMap: 'inferno',
    ticks: linearTicks(BODY_TEMPERATURE, max),
    contour,
  };
}

/** Where a value in display units sits on the legend's bar, 0 (min) to 1 (max), clamped; NaN → 0. */
export function legendPosition(legend: Pick<SliceLegend, 'min' | 'max' | 'scale'>, value: number): number {
  let t: number;
  if (legend.scale === 'log10') {
    const lo = Math.log10(legend.min);
    t = (Math.log10(Math.max(value, 1e-30)) - lo) / (Math.log10(legend.max) - lo);
  } else {
    t = (value - legend.min) / (legend.max - legend.min);
  }
  return Number.isFinite(t) ? Math.min(1, Math.max(0, t)) : 0;
}

/** The colour map by name: t in [0, 1] → r, g, b in [0, 1]. */
export function colourMap(name: ColourMapName): (t: number) => [number, number, number] {
  return name === 'viridis' ? viridis : name === 'cividis' ? cividis : inferno;
}

/** A CSS linear-gradient (left = min, right = max) of the legend's map, for the DOM legend bar. */
export function legendGradient(legend: Pick<SliceLegend, 'colourMap'>, stops = 9, direction = 'to right'): string {
  const map = colourMap(legend.colourMap);
  const parts: string[] = [];
  for (let i = 0; i < stops; i++) {
    const t = i / (stops - 1);
    const [r, g, b] = map(t);
    parts.push(`rgb(${Math.round(r * 255)}, ${Math.round(g * 255)}, ${Math.round(b * 255)}) ${(t * 100).toFixed(1)}%`);
  }
  return `linear-gradient(${direction}, ${parts.join(', ')})`;
}

/** Display value (°C, CEM43 min, MPa) of an SI field value of the legend's quantity. */
export function displayValue(quantity: SliceQuantity, si: number): number {
  return quantity === 'pressure' ? si / 1e6 : si;
}

/** Opacity of a slice texel with legend position t of a display value v (see the rules at the top). */
export function sliceAlpha(legend: Pick<SliceLegend, 'quantity' | 'min'>, value: number, t: number): number {
  if (!Number.isFinite(value)) return 0;
  if (legend.quantity === 'dose') return value >= DOSE_MIN ? SLICE_OPACITY : 0;
  if (value <= legend.min) return 0;
  return SLICE_OPACITY * Math.min(1, t / FADE_FRACTION);
}

/** 256-entry RGB lookup of a colour map (8-bit), so colouring a slice costs no function calls per texel. */
const lutCache = new Map<ColourMapName, Uint8Array>();
function lut(name: ColourMapName): Uint8Array {
  let table = lutCache.get(name);
  if (!table) {
    const map = colourMap(name);
    table = new Uint8Array(256 * 3);
    for (let i = 0; i < 256; i++) {
      const [r, g, b] = map(i / 255);
      table[3 * i] = Math.round(r * 255);
      table[3 * i + 1] = Math.round(g * 255);
      table[3 * i + 2] = Math.round(b * 255);
    }
    lutCache.set(name, table);
  }
  return table;
}

/**
 * Colours SI values (°C, CEM43 min or Pa, per the legend's quantity) into RGBA8 texels (sRGB), `out` having
 * 4 × values.length bytes.
 */
export function colouriseSlice(values: ArrayLike<number>, legend: SliceLegend, out: Uint8Array): Uint8Array {
  const table = lut(legend.colourMap);
  for (let i = 0; i < values.length; i++) {
    const v = displayValue(legend.quantity, values[i] as number);
    const t = legendPosition(legend, v);
    const a = sliceAlpha(legend, v, t);
    const c = 3 * Math.round(t * 255);
    out[4 * i] = table[c] as number;
    out[4 * i + 1] = table[c + 1] as number;
    out[4 * i + 2] = table[c + 2] as number;
    out[4 * i + 3] = Math.round(a * 255);
  }
  return out;
}
