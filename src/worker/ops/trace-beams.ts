import {
  AUTO_SWITCH_OFF,
  BEAM_STATUS_CODES,
  type BeamStatus,
  beamStatus,
  emptyStatusCounts,
} from '../../geometry/beam-status.ts';
import { segmentMeetsNoPass } from '../../geometry/no-pass.ts';
import type { PathSegment } from '../../geometry/tissue-model.ts';
import type { ElementSet } from '../../geometry/transducer-pose.ts';
import type { CaseState } from '../case-state.ts';
import type { PlanningBeamRequest, PlanningBeamTrace } from '../plan-protocol.ts';
import type { BeamRequest, BeamTrace } from '../protocol.ts';
import { beamSources, type SourceRequest } from './beam-sources.ts';

type Vec3 = [number, number, number];

/**
 * The request's sources in the world (array elements, bowl patches — see sourceLayout — or free beams — see
 * beamSources), their piston radius [m] (0 for bowl patches) and each source's tissue path to the focus
 * (`focus ?? pose.target`).
 */
export function elementPaths(
  state: CaseState,
  request: SourceRequest,
): { elements: ElementSet; elementRadius: number; paths: PathSegment[][] } {
  const { elements, elementRadius } = beamSources(request);
  const target = request.focus ?? request.pose.target;
  const paths: PathSegment[][] = [];
  for (let e = 0; e < elements.areas.length; e++) {
    paths.push(state.model.pathSegments(sourcePosition(elements, e), target));
  }
  return { elements, elementRadius, paths };
}

function sourcePosition(elements: ElementSet, e: number): Vec3 {
  return [
    elements.positions[3 * e] as number,
    elements.positions[3 * e + 1] as number,
    elements.positions[3 * e + 2] as number,
  ];
}

/** A planning trace with the sources and paths it was computed from, for the ops that go on to simulate. */
export interface PlanningTraceRun {
  trace: PlanningBeamTrace;
  elements: ElementSet;
  elementRadius: number;
  paths: PathSegment[][];
}

/**
 * Traces every source to the focus and judges it (geometry/beam-status.ts, precedence
 * off > gas > nopass > critical > angle > bone > clear). `firing` = on by hand (`elementsOn`, absent = all on) and,
 * with `autoSwitchOff`, not gas, critical or nopass; `lostAperture` = radiating area that does not fire / total.
 */
export function planningTraceRun(state: CaseState, request: PlanningBeamRequest): PlanningTraceRun {
  const { elements, elementRadius, paths } = elementPaths(state, request);
  const n = paths.length;
  const target = request.focus ?? request.pose.target;
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
    const blocked = noPass.some((region) => segmentMeetsNoPass(from, target, region));
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
  return { trace, elements, elementRadius, paths };
}

/** The planning op: the trace of planningTraceRun. */
export function traceBeamsForPlanning(state: CaseState, request: PlanningBeamRequest): PlanningBeamTrace {
  return planningTraceRun(state, request).trace;
}

/**
 * Traces every element's beam to the target and classifies what it crosses (the planning trace without no-pass
 * regions or automatic switch-off: elements off by hand show 'off', bone met beyond θc shows 'angle').
 */
export function traceBeams(state: CaseState, request: BeamRequest): BeamTrace {
  const { elementPositions, statuses, counts } = traceBeamsForPlanning(state, request);
  return { elementPositions, statuses, counts };
}
