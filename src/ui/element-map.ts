import { layoutSphericalArray, type SphericalArraySpec } from '../physics/transducer.ts';
import { beamAt, type TracedBeams } from '../state/beam-tally.ts';
import { BEAM_KINDS, type BeamKind } from './BeamSummary.tsx';

/** One element on the map of the array's face: where it sits, as fractions of the square map (y down). */
export interface MapElement {
  index: number;
  x: number;
  y: number;
}

/**
 * The array's elements on a flat map of its face, from the transducer's own layout (the order the estimate traces
 * them in), scaled so the aperture fills the square. A single-element bowl has no elements to switch: empty.
 * @param spec - the transducer [m]
 * @returns one entry per element, x and y in [0, 1]
 */
export function elementMap(spec: SphericalArraySpec): MapElement[] {
  if (spec.elementCount < 2) return [];
  const { positions, count } = layoutSphericalArray(spec);
  const half = spec.aperture / 2;
  return Array.from({ length: count }, (_, index) => ({
    index,
    x: 0.5 + (positions[3 * index] as number) / (2 * half),
    y: 0.5 - (positions[3 * index + 1] as number) / (2 * half),
  }));
}

export type ArrowKey = 'ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'ArrowDown';
const BEARING: Record<ArrowKey, [number, number]> = {
  ArrowRight: [1, 0],
  ArrowLeft: [-1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
};
/** An arrow reaches elements within this angle of its bearing [rad]: wide enough that no element is stranded. */
const REACH = (60 * Math.PI) / 180;

/**
 * Where an arrow key moves on the map: the nearest element whose bearing lies within 60° of the arrow's, with a
 * penalty for leaving the straight line, so Right walks along a row of the sunflower rather than zig-zagging.
 * @param map - elementMap's entries
 * @param from - the element the focus is on (its index)
 * @param key - the arrow pressed
 * @returns the element to move to, or `from` at the map's edge
 */
export function neighbourOf(map: readonly MapElement[], from: number, key: ArrowKey): number {
  const here = map.find((m) => m.index === from);
  if (!here) return from;
  const [bx, by] = BEARING[key];
  let best = from;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const m of map) {
    if (m.index === from) continue;
    const dx = m.x - here.x;
    const dy = m.y - here.y;
    const distance = Math.hypot(dx, dy);
    const cos = (dx * bx + dy * by) / distance;
    if (cos < Math.cos(REACH)) continue;
    const score = distance * (1 + 3 * (1 - cos));
    if (score < bestScore) {
      bestScore = score;
      best = m.index;
    }
  }
  return best;
}

/** What one element does now, for its button: on or off by hand, and its beam in the beam key's words. */
export interface ElementState {
  /** switched on by hand (the button is pressed); the automatic rule may still keep it from firing */
  on: boolean;
  status: BeamKind;
  /** its screen-reader name: "Element 12: crosses bone before the target" */
  name: string;
}

/**
 * One element's button state from the live estimate's beams and the hand switches.
 * @param trace - the estimate's statuses and firing mask (undefined before the first estimate)
 * @param index - the element
 * @param elementsOff - elements switched off by hand
 * @returns pressed state, colour kind and name in plain words
 */
export function elementState(
  trace: TracedBeams | undefined,
  index: number,
  elementsOff: readonly number[],
): ElementState {
  const n = index + 1;
  const on = !elementsOff.includes(index);
  if (!on) return { on, status: 'off', name: `Element ${n}: switched off` };
  const beam = trace && index < trace.statuses.length ? beamAt(trace, index) : undefined;
  if (!beam) return { on, status: 'clear', name: `Element ${n}` };
  const words = BEAM_KINDS.find((k) => k.kind === beam.status)?.label ?? beam.status;
  if (!beam.fires) return { on, status: 'off', name: `Element ${n}: ${words}, switched off automatically` };
  return { on, status: beam.status, name: `Element ${n}: ${words}` };
}
