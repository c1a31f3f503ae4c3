import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useMemo, useRef, useState } from 'react';

/**
 * How long a drawn 3D frame holds the main thread [ms], smoothed: from the start of the frame's render callbacks
 * to the first task after it (so it includes the render and the compositor's commit, which on software WebGL waits
 * for the whole frame to be rasterised). A fast GPU gives a few ms; SwiftShader at laptop sizes 100–400 ms.
 */
export function useFrameCost(): { readonly current: number } {
  const cost = useRef(16);
  const meter = useMemo(() => {
    const channel = typeof MessageChannel === 'undefined' ? undefined : new MessageChannel();
    const state = { start: 0, waiting: false, channel };
    if (channel) {
      channel.port1.onmessage = () => {
        state.waiting = false;
        const sample = performance.now() - state.start;
        // Exponential average: one slow frame (a shader compile) does not throttle replay for long.
        cost.current = cost.current * 0.6 + sample * 0.4;
      };
    }
    return state;
  }, []);
  useEffect(
    () => () => {
      if (meter.channel) meter.channel.port1.onmessage = null;
    },
    [meter],
  );
  useFrame(() => {
    if (!meter.channel || meter.waiting) return;
    meter.waiting = true;
    meter.start = performance.now();
    meter.channel.port2.postMessage(null);
  });
  return cost;
}

/**
 * `value`, but while `throttle` is on, a new value is taken at most once per `gap.current` ms (the latest one
 * wins, none is lost at the end): during replay the 3D view then redraws no more often than it can draw, and the
 * main thread stays at least half free for input, the plots and the MR view.
 */
export function useBudgetedValue<T>(value: T, throttle: boolean, gap: { readonly current: number }): T {
  const [shown, setShown] = useState(value);
  const last = useRef(0);
  useEffect(() => {
    if (!throttle) {
      last.current = performance.now();
      setShown(value);
      return;
    }
    const wait = last.current + gap.current - performance.now();
    if (wait <= 0) {
      last.current = performance.now();
      setShown(value);
      return;
    }
    const timer = setTimeout(() => {
      last.current = performance.now();
      setShown(value);
    }, wait);
    return () => clearTimeout(timer);
  }, [value, throttle, gap]);
  return throttle ? shown : value;
}

/** Pixel ratio of the view while a software rasteriser shows motion: a quarter of the pixels, a quarter of the cost. */
export const MOVING_PIXEL_RATIO = 0.5;

/**
 * Dynamic resolution on software WebGL: while the view moves — a replay plays, or a drag or an orbit is under way
 * (R3F's `performance.regress()`, which the controls and the drag handles call on each move and which lifts
 * `performance.debounce` ms after the last) — the view renders at MOVING_PIXEL_RATIO: every drawn frame there holds
 * the main thread in proportion to its pixels (measured: a target-drag frame zoomed on the heat 180 ms at one pixel
 * per CSS pixel, 70 ms at half). Back at one pixel per CSS pixel once still, so a paused, released or exported
 * picture is sharp. A GPU keeps its resolution.
 */
export function useMovingResolution(playing: boolean, software: boolean): void {
  const setDpr = useThree((s) => s.setDpr);
  const invalidate = useThree((s) => s.invalidate);
  const moving = useThree((s) => s.performance.current < 1);
  const reduced = playing || moving;
  useEffect(() => {
    if (!software) return;
    setDpr(reduced ? MOVING_PIXEL_RATIO : 1);
    invalidate();
  }, [reduced, software, setDpr, invalidate]);
}
