import { useMemo } from 'react';
import type { VoxelGrid } from '../geometry/tissue-model.ts';
import { usePlanner } from '../state/hooks.ts';
import type { PlannerStore } from '../state/store.ts';
import type { RegionFrames } from '../worker/results-protocol.ts';
import { argMax, type FrameSelection, fieldAt, frameAt, framesFit, voxelCentre } from './frames.ts';

type Vec3 = [number, number, number];

/** The outcome fields the results views read; frames are optional (absent: the max/final fields are shown). */
export interface ShownOutcome {
  grid: VoxelGrid;
  maxTemperature: Float32Array;
  dose: Float32Array;
  pressure?: Float32Array;
  frames?: RegionFrames;
}

/** What the results views draw for the shown run at the playback time. */
export interface ShownFields {
  source: 'sonication' | 'plan';
  /** the outcome itself (stable identity: use it as a memo key for whole-run data) */
  outcome: ShownOutcome;
  grid: VoxelGrid;
  /** temperature at the playback time [°C] (the run's max temperature when it has no frames) */
  temperature: Float32Array;
  /** cumulative CEM43 at the playback time [min] (the final dose when the run has no frames) */
  dose: Float32Array;
  /** pressure amplitude [Pa]: single sonications only, constant in time */
  pressure: Float32Array | undefined;
  /** max temperature over the whole run [°C]: the fixed range of the temperature map */
  maxTemperature: Float32Array;
  /** true when temperature and dose come from stored frames (they follow playback) */
  timeResolved: boolean;
  /** the frames shown, when time-resolved */
  selection: FrameSelection | undefined;
  /** centre of the voxel that got hottest over the run [m]: where slices cross by default */
  peakLocation: Vec3;
}

/** The outcome the playback source names: the last single sonication or the last plan. */
export function selectShownOutcome(s: PlannerStore): ShownOutcome | undefined {
  return s.playback.source === 'plan' ? s.planRun.outcome : s.run.outcome;
}

/**
 * The frames shown at `time`: interpolated (frameAt), or with `snap` the nearest stored frame alone, which replay
 * uses so that the 3D view changes once per stored frame, not every animation frame.
 */
export function selectFrames(frames: RegionFrames, time: number, snap: boolean): FrameSelection | undefined {
  const selection = frameAt(frames, time);
  if (!snap || !selection || selection.weight === 0) return selection;
  const i = selection.weight < 0.5 ? selection.i0 : selection.i1;
  return { i0: i, i1: i, weight: 0 };
}

/**
 * Pure core of useShownFields: the fields of `outcome` at `time` (linear interpolation between the stored frames,
 * see frameAt; the max/final fields when the outcome carries no frames or frames that do not fit its grid).
 */
export function shownFields(
  outcome: ShownOutcome,
  source: 'sonication' | 'plan',
  time: number,
  peakLocation: Vec3 = voxelCentre(outcome.grid, Math.max(0, argMax(outcome.maxTemperature))),
  snap = false,
): ShownFields {
  const { grid } = outcome;
  const frames = framesFit(outcome.frames, grid) ? outcome.frames : undefined;
  const selection = frames ? selectFrames(frames, time, snap) : undefined;
  const voxels = grid.nx * grid.ny * grid.nz;
  // A shown frame is its own array, not a view on the run's frames: those are detached when the run is replaced
  // (state/let-go-of-frames.ts), and a view on them that a component still held would read empty.
  const frameOf = (data: Float32Array, at: FrameSelection) => {
    const field = fieldAt(data, voxels, at);
    return field.buffer === data.buffer ? field.slice() : field;
  };
  return {
    source,
    outcome,
    grid,
    temperature: frames && selection ? frameOf(frames.temperature, selection) : outcome.maxTemperature,
    dose: frames && selection ? frameOf(frames.dose, selection) : outcome.dose,
    pressure: outcome.pressure?.length === voxels ? outcome.pressure : undefined,
    maxTemperature: outcome.maxTemperature,
    timeResolved: selection !== undefined,
    selection,
    peakLocation,
  };
}

/**
 * The shown run's grid, temperature and dose at playback.time (from its frames when present, else its max
 * temperature and final dose), memoised: a new object only when the run or the shown frame changes. Undefined
 * before any run of the playback source.
 */
export function useShownFields(): ShownFields | undefined {
  const outcome = usePlanner(selectShownOutcome);
  const source = usePlanner((s) => s.playback.source);
  const time = usePlanner((s) => s.playback.time);
  // While replaying, show stored frames only (no interpolation): fewer, cheaper changes at any speed.
  const snap = usePlanner((s) => s.playback.playing);
  const peakLocation = useMemo(
    () => (outcome ? voxelCentre(outcome.grid, Math.max(0, argMax(outcome.maxTemperature))) : undefined),
    [outcome],
  );
  // Only the frame selection matters: times that fall on the same frames and weight give the same fields.
  const key = useMemo(() => {
    if (!outcome || !framesFit(outcome.frames, outcome.grid)) return 'static';
    const sel = selectFrames(outcome.frames, time, snap);
    return sel ? `${sel.i0}:${sel.i1}:${sel.weight}` : 'static';
  }, [outcome, time, snap]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for `time` and `snap` (same frames, same fields).
  return useMemo(
    () => (outcome && peakLocation ? shownFields(outcome, source, time, peakLocation, snap) : undefined),
    [outcome, source, key, peakLocation],
  );
}
