import type { RecordRequest } from '../physics/time-resolved.ts';
import type { ResultsRequest } from './requests.ts';

type Vec3 = [number, number, number];

/** Label of the focus row of a time series. */
export const FOCUS_LABEL = 'focus';

/**
 * The core's record request from the app's results request: the focus first (label "focus"), then the probes
 * (labels from probeLabels, default "probe 1", "probe 2"… for missing or blank ones), then any extra points.
 * @param results - the app's request
 * @param focus - the focus [m]
 * @param extra - further points [m] and their labels (a plan's other spot foci)
 * @returns points, labels and frame interval for physics/time-resolved.ts
 */
export function recordRequest(
  results: ResultsRequest,
  focus: readonly [number, number, number],
  extra: { points: Vec3[]; labels: string[] } = { points: [], labels: [] },
): RecordRequest {
  const probes = results.probes ?? [];
  const labels = probes.map((_, i) => {
    const label = results.probeLabels?.[i];
    return label !== undefined && label.trim() !== '' ? label : `probe ${i + 1}`;
  });
  return {
    points: [[focus[0], focus[1], focus[2]], ...probes, ...extra.points],
    labels: [FOCUS_LABEL, ...labels, ...extra.labels],
    ...(results.frameInterval === undefined ? {} : { frameInterval: results.frameInterval }),
  };
}
