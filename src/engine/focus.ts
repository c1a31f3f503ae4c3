import type { BeamRequest } from './requests.ts';

/**
 * The focus of a request [m]: the electronic focus when the array steers, else the pose's target (the geometric
 * focus). The one place that rule is written: beams are traced to this point, free beams aim at it, the region is
 * centred on it and the time series records it first. A single-element bowl cannot steer: its focus is always the
 * geometric one.
 * @param request - pose and optional electronic focus
 * @returns the focus [m]
 */
export function focusOf(
  request: Pick<BeamRequest, 'focus' | 'pose'> & { transducer?: { elementCount: number } },
): readonly [number, number, number] {
  // A single-element bowl has one phase: it focuses where its geometry does and cannot steer.
  if (request.transducer?.elementCount === 1) return request.pose.target;
  return request.focus ?? request.pose.target;
}
