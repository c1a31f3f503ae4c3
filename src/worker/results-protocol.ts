/**
 * Time-resolved results (issue "Results"): what a sonication or a plan records beyond its peak numbers, so the
 * app can replay it and export it. Defined by the engine and re-exported here, like protocol.ts.
 */

export type { RegionFrames, TimeResolved, TimeSeries } from '../engine/outcomes.ts';
export type { ResultsRequest } from '../engine/requests.ts';
