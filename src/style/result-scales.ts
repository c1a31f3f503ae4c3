import { SAFETY_THRESHOLD_CEM43 } from '../physics/dose-report.ts';
import { NECROSIS_THRESHOLD_CEM43 } from '../physics/thermal-dose.ts';
import { BODY_TEMPERATURE } from '../physics/tissues.ts';
import { cividis, inferno, viridis } from './palette.ts';

/**
 * The one colour rule of the results maps: the 3D slices (src/scene), the legend over the 3D view, the slice
 * legend in the panel and the PNG export all call `resultScale` on the same outcome fields and colour with
 * `colourise`/`colourMap`, so a colour means the same value everywhere (issue 10, item 17).
 *
 * - temperature [°C]: inferno, linear from BODY_TEMPERATURE (37 °C) to the shown run's peak temperature (the
 *   maximum of its max-temperature field over the whole run, fixed during playback) when that exceeds 38 °C, else
 *   to 43 °C. Slices are transparent at ≤ 37 °C and fade in over the first FADE_FRACTION (10 %) of the range.
 * - dose [CEM43 min]: viridis on log10(CEM43), fixed range DOSE_MIN (1 min) to DOSE_MAX (10⁴ min), clamped above;
 *   transparent below 1 min. 240 min sits at log10(240)/4 ≈ 0.595 of the bar.
 * - pressure [MPa]: cividis (never read as heat or dose), linear from 0 to the shown run's peak pressure amplitude
 *   (1 MPa when that is not positive), fading in like temperature. A plan records no pressure field: its slices then
 *   show temperature, and the scale says so (`quantity` is what is drawn, `requested` what was asked).
 * - the ablation contour (ABLATION_DOSE = 240 CEM43 min) is a solid cyan line (ABLATION_CONTOUR_STYLE) in every
 *   view, whatever the quantity; the 3D ablation surface is the same level of the same dose field.
 *
 * The thresholds are the physics core's own constants, not restated here.
 */

export type ResultQuantity = 'temperature' | 'dose' | 'pressure';
export type ColourMapName = 'inferno' | 'viridis' | 'cividis';

export { BODY_TEMPERATURE };
/** Thermal dose of the ablation zone [CEM43 min] (PHYSICS.md §1.6). */
export const ABLATION_DOSE = NECROSIS_THRESHOLD_CEM43;
/** Safety contour of thermal dose [CEM43 min]: the translucent 3D shell. */
export const SAFETY_DOSE = SAFETY_THRESHOLD_CEM43;
/** Dose map range [CEM43 min], log10 scale. */
export const DOSE_MIN = 1;
export const DOSE_MAX = 1e4;
/** Opacity of a coloured slice texel: the anatomy shows through. */
export const SLICE_OPACITY = 0.85;
/** Linear maps fade in from transparent over this fraction of their range. */
export const FADE_FRACTION = 0.1;
/** How the 240 CEM43 contour is drawn in every view: solid cyan, 2 px in the 2D views. */
export const ABLATION_CONTOUR_STYLE = { colour: '#22d3ee', width: 2 } as const;
/** Ablation surface colour: inferno 0.75, a bright orange (the e2e "hot" pixel class). */
export const ABLATION_SURFACE_RGB = inferno(0.75);
/** Safety surface colour: a pale blue shell, never read as heat. */
export const SAFETY_SURFACE_COLOUR = '#93c5fd';

/** What a colour bar maps and how: all values in display units (°C, CEM43 min, MPa). */
export interface ResultScale {
  /** the quantity drawn */
  quantity: ResultQuantity;
  /** the quantity asked for (differs when a plan has no pressure field) */
  requested: ResultQuantity;
  label: string;
  unit: '°C' | 'CEM43 min' | 'MPa';
  /** display value at the bottom (t = 0) and the top (t = 1) of the map */
  min: number;
  max: number;
  /** map log10(value) rather than value */
  log: boolean;
  map: ColourMapName;
  /** values to label on a legend, within [min, max] */
  ticks: number[];
  /** the ablation contour drawn on every slice */
  contour: { value: number; unit: 'CEM43 min'; colour: string };
}

/** The outcome fields the ranges depend on (a sonication's or a plan's outcome, or the UI's ShownRun). */
export interface ScaleSource {
  /** per voxel, max over the run [°C] */
  maxTemperature: Float32Array;
  /** per voxel pressure amplitude [Pa]; absent for plans */
  pressure?: Float32Array | undefined;
}

const peakCache = new WeakMap<Float32Array, number>();

/** Largest finite value of a field (cached per array: the fields of a run never change), or `fallback`. */
export function fieldPeak(field: Float32Array, fallback: number): number {
  let v = peakCache.get(field);
  if (v === undefined) {
    let max = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < field.length; i++) {
      const x = field[i] as number;
      if (x > max && x < Number.POSITIVE_INFINITY) max = x;
    }
    v = max === Number.NEGATIVE_INFINITY ? fallback : max;
    peakCache.set(field, v);
  }
  return v;
}

/** Round ticks (1, 2, 2.5, 5 × 10ⁿ steps, about four intervals) within [min, max], both ends included. */
export function linearTicks(min: number, max: number): number[] {
  const span = max - min;
  if (!(span > 0)) return [min];
  const raw = span / 4;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? raw;
  const ticks: number[] = [];
  for (let v = Math.ceil(min / step) * step; v <= max + step * 1e-9; v += step) ticks.push(Number(v.toPrecision(6)));
  // The ends are what the bar spans: label them, dropping an inner tick too close to an end to read.
  const near = Math.max(step * 0.45, span * 0.15);
  const inner = ticks.filter((t) => t - min > near && max - t > near);
  return [min, ...inner, Number(max.toPrecision(6))];
}

/**
 * The scale of a results map for a run (see the rules at the top of this file). `source` undefined (no run yet)
 * gives the ranges of an empty run.
 */
export function resultScale(requested: ResultQuantity, source: ScaleSource | undefined): ResultScale {
  const contour = { value: ABLATION_DOSE, unit: 'CEM43 min' as const, colour: ABLATION_CONTOUR_STYLE.colour };
  const pressure = source?.pressure;
  const hasPressure = !!pressure && !!source && pressure.length === source.maxTemperature.length;
  const quantity: ResultQuantity = requested === 'pressure' && !hasPressure && source ? 'temperature' : requested;
  if (quantity === 'dose') {
    const ticks: number[] = [];
    for (let e = Math.log10(DOSE_MIN); e <= Math.log10(DOSE_MAX); e++) ticks.push(10 ** e);
    return {
      quantity,
      requested,
      label: 'Thermal dose',
      unit: 'CEM43 min',
      min: DOSE_MIN,
      max: DOSE_MAX,
      log: true,
      map: 'viridis',
      ticks,
      contour,
    };
  }
  if (quantity === 'pressure') {
    const top = hasPressure && pressure ? fieldPeak(pressure, 0) : 0;
    const max = top > 0 ? top / 1e6 : 1;
    return {
      quantity,
      requested,
      label: 'Pressure amplitude',
      unit: 'MPa',
      min: 0,
      max,
      log: false,
      map: 'cividis',
      ticks: linearTicks(0, max),
      contour,
    };
  }
  const top = source ? fieldPeak(source.maxTemperature, BODY_TEMPERATURE) : BODY_TEMPERATURE;
  const max = top > BODY_TEMPERATURE + 1 ? top : 43;
  return {
    quantity,
    requested,
    label: 'Temperature',
    unit: '°C',
    min: BODY_TEMPERATURE,
    max,
    log: false,
    map: 'inferno',
    ticks: linearTicks(BODY_TEMPERATURE, max),
    contour,
  };
}

/** Display value (°C, CEM43 min, MPa) of an SI field value of a quantity. */
export function displayValue(quantity: ResultQuantity, si: number): number {
  return quantity === 'pressure' ? si / 1e6 : si;
}

/** Where a display value sits on a scale, 0 (min) to 1 (max), clamped; non-finite and log of ≤ 0 → 0. */
export function scalePosition(scale: Pick<ResultScale, 'min' | 'max' | 'log'>, value: number): number {
  let t: number;
  if (scale.log) {
    const lo = Math.log10(scale.min);
    t = value > 0 ? (Math.log10(value) - lo) / (Math.log10(scale.max) - lo) : 0;
  } else {
    t = (value - scale.min) / (scale.max - scale.min);
  }
  return Number.isFinite(t) ? Math.min(1, Math.max(0, t)) : 0;
}

/** The colour map by name: t in [0, 1] → r, g, b in [0, 1]. */
export function colourMap(name: ColourMapName): (t: number) => [number, number, number] {
  return name === 'viridis' ? viridis : name === 'cividis' ? cividis : inferno;
}

/** A CSS linear gradient (left = t 0, right = t 1) of a colour map, for DOM legends. */
export function cssGradient(name: ColourMapName, stops = 11, direction = 'to right'): string {
  const map = colourMap(name);
  const parts: string[] = [];
  for (let n = 0; n < stops; n++) {
    const t = n / (stops - 1);
    const [r, g, b] = map(t);
    parts.push(`rgb(${Math.round(r * 255)} ${Math.round(g * 255)} ${Math.round(b * 255)}) ${(t * 100).toFixed(0)}%`);
  }
  return `linear-gradient(${direction}, ${parts.join(', ')})`;
}

/** Opacity of a slice texel of display value `value` at scale position t (see the rules at the top). */
export function texelAlpha(scale: Pick<ResultScale, 'quantity' | 'min'>, value: number, t: number): number {
  if (!Number.isFinite(value)) return 0;
  if (scale.quantity === 'dose') return value >= DOSE_MIN ? SLICE_OPACITY : 0;
  if (value <= scale.min) return 0;
  return SLICE_OPACITY * Math.min(1, t / FADE_FRACTION);
}

/** 256-entry RGB lookup of a colour map (8-bit), so colouring a slice costs no function call per texel. */
const lutCache = new Map<ColourMapName, Uint8Array>();
export function colourTable(name: ColourMapName): Uint8Array {
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
 * Colours SI values (°C, CEM43 min or Pa, per the scale's quantity) into RGBA8 texels (sRGB), `out` holding
 * 4 × values.length bytes.
 */
export function colourise(values: ArrayLike<number>, scale: ResultScale, out: Uint8Array): Uint8Array {
  const table = colourTable(scale.map);
  for (let i = 0; i < values.length; i++) {
    const v = displayValue(scale.quantity, values[i] as number);
    const t = scalePosition(scale, v);
    const a = texelAlpha(scale, v, t);
    const c = 3 * Math.round(t * 255);
    out[4 * i] = table[c] as number;
    out[4 * i + 1] = table[c + 1] as number;
    out[4 * i + 2] = table[c + 2] as number;
    out[4 * i + 3] = Math.round(a * 255);
  }
  return out;
}

/** A short statement of what a scale draws, for legends and the exported image: "Temperature 37–75 °C". */
export function scaleCaption(scale: ResultScale): string {
  const n = (v: number) => (Math.abs(v) >= 100 || Number.isInteger(v) ? v.toFixed(0) : v.toPrecision(3));
  const range = scale.log
    ? `${n(scale.min)}–10${superscript(Math.log10(scale.max))}`
    : `${n(scale.min)}–${n(scale.max)}`;
  return `${scale.label} ${range} ${scale.unit}${scale.log ? ' (log)' : ''}`;
}

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';
function superscript(n: number): string {
  return String(Math.round(n))
    .split('')
    .map((d) => (d === '-' ? '⁻' : (SUPERSCRIPT[Number(d)] ?? d)))
    .join('');
}
