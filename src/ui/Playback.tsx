import { useEffect, useId, useRef, useState } from 'react';
import { usePlanner, usePlannerStoreApi } from '../state/hooks.ts';
import { formatQuantity } from './format.ts';
import { advancePlayback, type ShownRun, shownRun, timeRange } from './shown-run.ts';
import { niceStep } from './time-series.ts';

/** Replay speeds, × real time. */
export const PLAYBACK_SPEEDS = [1, 2, 5, 10, 20] as const;
const DEFAULT_SPEED = 5;

/**
 * Replay of the shown run: play/pause (a requestAnimationFrame loop advancing playback.time at the chosen speed,
 * stopping at the end), a scrubber over the run's time axis, the current time, and which run to replay when both a
 * sonication and a plan exist.
 */
export function Playback({ run }: { run: ShownRun | undefined }) {
  const api = usePlannerStoreApi();
  const playback = usePlanner((s) => s.playback);
  const setPlayback = usePlanner((s) => s.setPlayback);
  const hasSonication = usePlanner((s) => s.run.outcome !== undefined);
  const hasPlan = usePlanner((s) => s.planRun.outcome !== undefined);
  const [speed, setSpeed] = useState<number>(DEFAULT_SPEED);
  const speedRef = useRef(speed);
  speedRef.current = speed;
  const speedId = useId();
  const [start, end] = run ? timeRange(run.time) : [0, 0];
  const disabled = !run || end <= start;
  const playing = playback.playing && !disabled;

  useEffect(() => {
    if (!playing) return;
    let last: number | undefined;
    let frame = 0;
    const step = (now: number) => {
      const elapsed = last === undefined ? 0 : (now - last) / 1000;
      last = now;
      const s = api.getState();
      if (!s.playback.playing) return;
      const next = advancePlayback(Math.max(start, s.playback.time), elapsed, speedRef.current, end);
      s.setPlayback(next.ended ? { time: next.time, playing: false } : { time: next.time });
      if (!next.ended) frame = requestAnimationFrame(step);
    };
    frame = requestAnimationFrame(step);
    return () => cancelAnimationFrame(frame);
  }, [playing, start, end, api]);

  const time = Math.min(end, Math.max(start, playback.time));
  const togglePlay = () => {
    if (playing) setPlayback({ playing: false });
    else setPlayback({ playing: true, time: time >= end ? start : time });
  };
  // A switched run is shown at its end, like a freshly finished one.
  const switchSource = (source: 'sonication' | 'plan') => {
    const s = api.getState();
    const next = shownRun(s.run.outcome, s.planRun.outcome, source);
    setPlayback({ source, playing: false, time: next ? timeRange(next.time)[1] : 0 });
  };

  return (
    <fieldset className="playback">
      <legend className="visually-hidden">Playback</legend>
      <button
        type="button"
        data-testid="playback-play"
        onClick={togglePlay}
        disabled={disabled}
        aria-pressed={playing}
        aria-label={playing ? 'Pause the replay' : 'Play the replay'}
      >
        {playing ? '❚❚ Pause' : '▶ Play'}
      </button>
      <input
        type="range"
        data-testid="playback-scrubber"
        aria-label="Replay time"
        aria-valuetext={formatQuantity(time, 's')}
        min={start}
        max={end}
        step={niceStep(end - start)}
        value={time}
        disabled={disabled}
        onChange={(e) => setPlayback({ time: Number(e.target.value), playing: false })}
      />
      <output data-testid="playback-time" data-si={time} aria-live="off" className="playback-time">
        {formatQuantity(time, 's')} / {formatQuantity(end, 's')}
      </output>
      <label className="playback-speed" htmlFor={speedId}>
        <span>Speed</span>
        <select
          id={speedId}
          data-testid="playback-speed"
          value={speed}
          onChange={(e) => setSpeed(Number(e.target.value))}
        >
          {PLAYBACK_SPEEDS.map((v) => (
            <option key={v} value={v}>
              {v}× real time
            </option>
          ))}
        </select>
      </label>
      {hasSonication && hasPlan && (
        <fieldset className="playback-source" data-testid="playback-source">
          <legend>Replay</legend>
          {(['sonication', 'plan'] as const).map((source) => (
            <label key={source}>
              <input
                type="radio"
                name="playback-source"
                data-testid={`playback-source-${source}`}
                checked={run?.source === source}
                onChange={() => switchSource(source)}
              />
              {source === 'sonication' ? 'Last sonication' : 'Last plan'}
            </label>
          ))}
        </fieldset>
      )}
    </fieldset>
  );
}
