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
  /**
   * Plans only: also record the focus of every delivered spot after the first, after the probes, labelled
   * "spot <id>" (default false).
   */
  spotFoci?: boolean;
}

/** Temperature and thermal dose against time at a few points. */
export interface TimeSeries {
  /** [s], one per recorded step */
  time: Float64Array;
  /**
   * the recorded points [m]: the focus first, then the probes (then, for a plan with `spotFoci`, the other spots'
   * foci). Values are those of the nearest voxel; a point more than half a voxel outside the region reads NaN.
   */
  points: Vec3[];
  labels: string[];
  /** points × time, row-major by point [°C] */
  temperature: Float32Array;
  /** points × time, cumulative CEM43 [min] */
  dose: Float32Array;
}

/**
 * Snapshots of the whole region for playback. Memory: frames × voxels × 8 B (femur default, 51³ voxels, 50 s at
 * 2 s: 26 frames, 27.6 MB); above 256 MiB the interval is doubled until it fits (physics/time-resolved.ts).
 */
export interface RegionFrames {
  /** [s], one per frame: the time of a bioheat step (the first at or after each multiple of the interval) */
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
