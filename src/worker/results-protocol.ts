type Vec3 = [number, number, number];

/**
 * Time-resolved results (issue "Results"): what a sonication or a plan records beyond its peak numbers, so the
 * app can replay it (slices, surfaces and curves moving together) and export it. SI units; temperatures in °C.
 */

/** What to record, sent with a sonicate or plan request. */
export interface ResultsRequest {
  /** points where temperature and dose against time are recorded [m]; the focus is always recorded first */
  probes?: Vec3[];
  /** labels of those probes for legends and CSV headers (e.g. "skin", "bone surface") */
  probeLabels?: string[];
  /** interval between stored frames of the whole region [s] (default 2 s; the first and last steps always) */
  frameInterval?: number;
}

/** Temperature and thermal dose against time at a few points. */
export interface TimeSeries {
  /** [s], one per recorded step */
  time: Float64Array;
  /** the recorded points [m]: the focus first, then the probes */
  points: Vec3[];
  labels: string[];
  /** points × time, row-major by point [°C] */
  temperature: Float32Array;
  /** points × time, cumulative CEM43 [min] */
  dose: Float32Array;
}

/** Snapshots of the whole region for playback. */
export interface RegionFrames {
  /** [s], one per frame */
  time: Float64Array;
  /** frames × voxels, row-major by frame [°C] */
  temperature: Float32Array;
  /** frames × voxels, cumulative CEM43 [min] */
  dose: Float32Array;
}

/** Added to SonicationOutcome and PlanOutcome when a ResultsRequest was sent. */
export interface TimeResolved {
  series: TimeSeries;
  frames: RegionFrames;
}
