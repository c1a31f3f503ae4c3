import {
  AUTO_SWITCH_OFF,
  BEAM_STATUS_CODES,
  type BeamStatus,
  beamStatus,
  emptyStatusCounts,
} from '../geometry/beam-status.ts';
import { segmentMeetsNoPass } from '../geometry/no-pass.ts';
import type { PathSegment } from '../geometry/tissue-model.ts';
import type { ElementSet } from '../geometry/transducer-pose.ts';
import { type BeamSources, beamSources } from './beam-sources.ts';
import type { CaseState } from './case.ts';
import { focusOf } from './focus.ts';
import type { BeamTrace, PlanningBeamTrace } from './outcomes.ts';
import type { BeamRequest, PlanningBeamRequest } from './requests.ts';
import { type LazySourceLayout, lazySourceLayout } from './source-layout.ts';

type Vec3 = [number, number, number];

function sourcePosition(elements: ElementSet, e: number): Vec3 {
  return [
    elements.positions[3 * e] as number,
    elements.positions[3 * e + 1] as number,
    elements.positions[3 * e + 2] as number,
  ];
}

/** A planning trace with the sources and paths it was computed from, for the calls that go on to simulate. */
export interface PlanningTraceRun {
  trace: PlanningBeamTrace;
  /** the request's sources (array elements, bowl patches — see sourceLayout — or free beams — see beamSources) */
  sources: BeamSources;
  /** each source's tissue path to the focus (focusOf) */
  paths: PathSegment[][];
}

/**
 * Traces every source to the focus and judges it (geometry/beam-status.ts, precedence
 * off > gas > nopass > critical > angle > bone > clear). `firing` = on by hand (`elementsOn`, absent = all on) and,
 * with `autoSwitchOff`, not gas, critical or nopass; `lostAperture` = radiating area that does not fire / total.
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
  const { elements } = sources;
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
  for (let e = 0; e < n; e++) {
    const from = sourcePosition(elements, e);
    const off = request.elementsOn !== undefined && request.elementsOn[e] !== 1;
    const blocked = noPass.some((region) => segmentMeetsNoPass(from, focus, region));
    const status: BeamStatus = beamStatus(paths[e] as PathSegment[], { off, noPass: blocked });
    statuses[e] = BEAM_STATUS_CODES.indexOf(status);
    counts[status] += 1;
    const fires = !off && !(request.autoSwitchOff && AUTO_SWITCH_OFF.has(status));
    const area = elements.areas[e] as number;
    totalArea += area;
    if (fires) {
      firing[e] = 1;
      firingArea += area;
      activeCount++;
    }
  }
  const trace: PlanningBeamTrace = {
    elementPositions: Float32Array.from(elements.positions),
    statuses,
    counts,
    firing,
    activeCount,
    lostAperture: totalArea > 0 ? 1 - firingArea / totalArea : 1,
    allCounts: { ...counts },
  };
  return { trace, sources, paths };
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
 * Traces every element's beam to the target and classifies what it crosses (the planning trace without no-pass
 * regions or automatic switch-off: elements off by hand show 'off', bone met beyond θc shows 'angle').
 * @param state - the loaded case
 * @param request - transducer, pose and focus
 * @returns element positions [m], statuses and counts
 */
export function traceBeams(state: CaseState, request: BeamRequest): BeamTrace {
  const { elementPositions, statuses, counts } = traceBeamsForPlanning(state, request);
  return { elementPositions, statuses, counts };
}
