import {
  AUTO_SWITCH_OFF,
  BEAM_STATUS_CODES,
  type BeamStatus,
  beamStatus,
  emptyStatusCounts,
  HAZARDS_BEYOND,
  hazardBeyond,
  isGas,
} from '../geometry/beam-status.ts';
import { segmentMeetsNoPass } from '../geometry/no-pass.ts';
import type { PathSegment } from '../geometry/tissue-model.ts';
import type { ElementSet } from '../geometry/transducer-pose.ts';
import { pathFactors } from '../physics/tissue-path.ts';
import type { Medium } from '../physics/tissues.ts';
import { type BeamSources, beamSources } from './beam-sources.ts';
import type { CaseState } from './case.ts';
import { focusOf } from './focus.ts';
import type { BeyondFocus, PlanningBeamTrace } from './outcomes.ts';
import type { PlanningBeamRequest } from './requests.ts';
import { type LazySourceLayout, lazySourceLayout } from './source-layout.ts';
import { POST_FOCAL_DEPTH } from './whole-path.ts';

type Vec3 = [number, number, number];

function sourcePosition(elements: ElementSet, e: number): Vec3 {
  return [
    elements.positions[3 * e] as number,
    elements.positions[3 * e + 1] as number,
    elements.positions[3 * e + 2] as number,
  ];
}

/**
 * Beams of a single-element bowl that are traced, judged and drawn: one patch in every k of its ≈ 20 000, so a drag
 * stays interactive. Each stands for its share of the bowl's area.
 */
export const TRACED_BOWL_BEAMS = 256;

/** A planning trace with the sources and paths it was computed from, for the calls that go on to simulate. */
export interface PlanningTraceRun {
  /** statuses, firing and counts of the traced beams (what the scene draws and the panels count) */
  trace: PlanningBeamTrace;
  /** every source of the request (array elements, bowl patches — see sourceLayout — or free beams) */
  sources: BeamSources;
  /**
   * per source of `sources`, its tissue path to the focus (focusOf); empty for the patches of a single-element bowl,
   * which has one phase (no aberration correction) and whose field the whole-path march computes through the tissue
   */
  paths: PathSegment[][];
  /** per source of `sources`, 1 if it fires */
  firing: Uint8Array;
  /** the traced sources: every source, or a bowl's sample with each patch's area scaled to its share */
  traced: { elements: ElementSet; elementRadius: number; paths: PathSegment[][] };
  /** true for a single-element bowl: it cannot steer, switch off part of itself or correct aberrations */
  singleElement: boolean;
}

/**
 * Traces every source to the focus and judges it (geometry/beam-status.ts, precedence
 * off > gas > nopass > critical > angle > bone > clear). `firing` = on by hand (`elementsOn`, absent = all on) and,
 * with `autoSwitchOff`, not gas, critical or nopass; `lostAperture` = radiating area that does not fire / total.
 * A single-element bowl is one element (`elementsOn[0]` switches all of it) traced through a sample of its patches;
 * the automatic rule cannot switch off part of it, so its statuses only warn.
 * @param state - the loaded case
 * @param request - transducer, pose, focus and planning context
 * @param layout - the request's source layout, shared with the caller's other steps
 * @returns the trace, the sources and their paths
 */
export function planningTraceRun(
  state: CaseState,
  request: PlanningBeamRequest,
  layout: LazySourceLayout,
): PlanningTraceRun {
  const sources = beamSources(request, layout);
  const singleElement = sources.kind === 'array' && request.transducer.elementCount === 1;
  const all = sources.elements;
  const count = all.areas.length;
  const step = singleElement ? Math.max(1, Math.floor(count / TRACED_BOWL_BEAMS)) : 1;
  const picked: number[] = [];
  for (let e = 0; e < count; e += step) picked.push(e);
  const elements = singleElement ? sample(all, picked) : all;
  const focus = focusOf(request);
  const n = elements.areas.length;
  const paths: PathSegment[][] = [];
  for (let e = 0; e < n; e++) paths.push(state.model.pathSegments(sourcePosition(elements, e), focus));
  const noPass = request.noPass ?? [];
  const statuses = new Uint8Array(n);
  const firing = new Uint8Array(n);
  const counts = emptyStatusCounts();
  let totalArea = 0;
  let firingArea = 0;
  let activeCount = 0;
  const bowlOff = singleElement && request.elementsOn !== undefined && request.elementsOn[0] !== 1;
  for (let e = 0; e < n; e++) {
    const from = sourcePosition(elements, e);
    const off = singleElement ? bowlOff : request.elementsOn !== undefined && request.elementsOn[e] !== 1;
    const blocked = noPass.some((region) => segmentMeetsNoPass(from, focus, region));
    const status: BeamStatus = beamStatus(paths[e] as PathSegment[], { off, noPass: blocked });
    statuses[e] = BEAM_STATUS_CODES.indexOf(status);
    counts[status] += 1;
    const fires = !off && (singleElement || !(request.autoSwitchOff && AUTO_SWITCH_OFF.has(status)));
    const area = elements.areas[e] as number;
    totalArea += area;
    if (fires) {
      firing[e] = 1;
      firingArea += area;
      activeCount++;
    }
  }
  let inTissue = 0;
  for (const path of paths) if (path[0] !== undefined && path[0].tissue !== 'water') inTissue++;
  const trace: PlanningBeamTrace = {
    inTissue,
    elementPositions: Float32Array.from(elements.positions),
    statuses,
    counts,
    firing,
    activeCount,
    lostAperture: totalArea > 0 ? 1 - firingArea / totalArea : 1,
    allCounts: { ...counts },
  };
  const beyond = beyondFocus(state, elements, firing, focus);
  if (beyond) trace.beyond = beyond;
  const traced = { elements, elementRadius: sources.elementRadius, paths };
  if (!singleElement) return { trace, sources, paths, firing, traced, singleElement };
  return {
    trace,
    sources,
    paths: Array.from({ length: count }, () => []),
    firing: new Uint8Array(count).fill(bowlOff ? 0 : 1),
    traced,
    singleElement,
  };
}

/**
 * What the firing beams meet past the focus: each beam's straight line element → focus, continued POST_FOCAL_DEPTH
 * beyond it (as far as the whole-path simulation follows the beams), judged by hazardBeyond.
 * @param state - the case
 * @param elements - the traced sources
 * @param firing - per traced source, 1 if it fires
 * @param focus - where the beams converge [m]
 * @returns the beams that meet gas or a critical structure, or undefined when none does
 */
function beyondFocus(
  state: CaseState,
  elements: ElementSet,
  firing: Uint8Array,
  focus: readonly [number, number, number],
): BeyondFocus | undefined {
  // Only the hazards and the parts that outrank them are traced: on the femur that is the lesion and the nerve, not
  // the ten parts a full path meets (the trace runs at every drag). A case with no hazard needs nothing.
  const rank = state.model.lowestRankOf(HAZARDS_BEYOND);
  if (rank === undefined) return undefined;
  const axes: Vec3[] = [];
  for (let e = 0; e < firing.length; e++) {
    if (firing[e] !== 1) continue;
    const from = sourcePosition(elements, e);
    const axis = focus.map((f, a) => f - (from[a] as number));
    const length = Math.hypot(...axis);
    if (length > 0) axes.push(axis.map((x) => x / length) as Vec3);
  }
  const along = (axis: Vec3, distance: number) => focus.map((f, a) => f + (axis[a] as number) * distance) as Vec3;
  const paths = state.model.pathsFrom(
    [...focus],
    axes.map((axis) => along(axis, POST_FOCAL_DEPTH)),
    rank,
  );
  const ends: number[] = [];
  let nearest: { tissue: BeyondFocus['tissue']; distance: number } | undefined;
  paths.forEach((path, b) => {
    const hazard = hazardBeyond(path);
    if (!hazard) return;
    ends.push(...along(axes[b] as Vec3, hazard.distance));
    if (!nearest || hazard.distance < nearest.distance) nearest = hazard;
  });
  if (!nearest) return undefined;
  const { tissue, distance } = nearest;
  return {
    depth: POST_FOCAL_DEPTH,
    beams: ends.length / 3,
    tissue,
    distance,
    gas: isGas(tissue),
    ends: Float32Array.from(ends),
  };
}

/** A subset of sources, each carrying an equal share of the whole set's area. */
function sample(all: ElementSet, picked: readonly number[]): ElementSet {
  let total = 0;
  for (const a of all.areas) total += a;
  const positions = new Float64Array(3 * picked.length);
  const normals = new Float64Array(3 * picked.length);
  const areas = new Float64Array(picked.length).fill(total / picked.length);
  picked.forEach((e, s) => {
    for (let a = 0; a < 3; a++) {
      positions[3 * s + a] = all.positions[3 * e + a] as number;
      normals[3 * s + a] = all.normals[3 * e + a] as number;
    }
  });
  return { positions, normals, areas };
}

/**
 * The planning trace alone: what the scene draws and the panels count.
 * @param state - the loaded case
 * @param request - transducer, pose, focus and planning context
 * @returns statuses, firing mask and counts per source
 */
export function traceBeamsForPlanning(state: CaseState, request: PlanningBeamRequest): PlanningBeamTrace {
  return planningTraceRun(state, request, lazySourceLayout(request.transducer)).trace;
}

/**
 * Which of a single-element bowl's traced rays meet a surface beyond its critical angle, for the report: its drive
 * carries no paths (one phase corrects nothing, and the whole-path march does the physics), so the drive's own
 * count read 0 for a bowl aimed through bone at 40° (a held-out check), where an array's counted every element.
 * @param run - the planning trace of a single-element bowl
 * @param frequency - [Hz]
 * @param medium - tissue properties
 * @param acousticPower - the bowl's power [W]
 * @returns the rays beyond the critical angle, and their share of the power by area [W]
 */
export function bowlBeyondCritical(
  run: PlanningTraceRun,
  frequency: number,
  medium: Medium,
  acousticPower: number,
): { elementsBeyondCriticalAngle: number; powerBeyondCriticalAngle: number } {
  const { elements, paths } = run.traced;
  // The medium the bowl radiates into, as its drive has it (sonicate.ts sonicationDrive).
  const coupling = paths[0]?.[0]?.tissue ?? 'water';
  let beyond = 0;
  let beyondArea = 0;
  let area = 0;
  paths.forEach((path, e) => {
    const a = elements.areas[e] as number;
    area += a;
    if (path.length > 0 && pathFactors(path, frequency, medium, coupling).beyondCriticalAngle) {
      beyond++;
      beyondArea += a;
    }
  });
  return {
    elementsBeyondCriticalAngle: beyond,
    powerBeyondCriticalAngle: area > 0 ? (acousticPower * beyondArea) / area : 0,
  };
}
