import { BEAM_STATUS_CODES, type BeamStatus, classifyBeam } from '../../geometry/beam-status.ts';
import type { PathSegment } from '../../geometry/tissue-model.ts';
import { type ElementSet, placeElements } from '../../geometry/transducer-pose.ts';
import type { CaseState } from '../case-state.ts';
import type { BeamRequest, BeamTrace } from '../protocol.ts';
import { sourceLayout } from './source-layout.ts';

/**
 * The transducer's sources in the world (array elements, or patches of a single-element bowl: see sourceLayout),
 * their piston radius [m] (0 for bowl patches) and each source's tissue path to the target.
 */
export function elementPaths(
  state: CaseState,
  request: BeamRequest,
): { elements: ElementSet; elementRadius: number; paths: PathSegment[][] } {
  const layout = sourceLayout(request.transducer);
  const elements = placeElements(layout, request.pose);
  const target = request.focus ?? request.pose.target;
  const paths: PathSegment[][] = [];
  for (let e = 0; e < elements.areas.length; e++) {
    const from: [number, number, number] = [
      elements.positions[3 * e] as number,
      elements.positions[3 * e + 1] as number,
      elements.positions[3 * e + 2] as number,
    ];
    paths.push(state.model.pathSegments(from, target));
  }
  return { elements, elementRadius: layout.elementRadius, paths };
}

/** Traces every element's beam to the target and classifies what it crosses. */
export function traceBeams(state: CaseState, request: BeamRequest): BeamTrace {
  const { elements, paths } = elementPaths(state, request);
  const statuses = new Uint8Array(paths.length);
  const counts: Record<BeamStatus, number> = { clear: 0, bone: 0, gas: 0, critical: 0 };
  paths.forEach((path, e) => {
    const status = classifyBeam(path);
    statuses[e] = BEAM_STATUS_CODES.indexOf(status);
    counts[status] += 1;
  });
  return { elementPositions: Float32Array.from(elements.positions), statuses, counts };
}
