import { describe, expect, it } from 'vitest';
import type { SonicationSnapshot } from '../../src/physics/snapshot.ts';
import { PLAN_PROGRESS_GAP_MS, PROGRESS_GAP_MS, throttleProgress } from '../../src/worker/progress-throttle.ts';

/** A throttle on a hand-set clock; `posted` lists what reached the app. */
function harness(gap = 100) {
  let t = 0;
  const posted: [number, SonicationSnapshot['stage'] | undefined][] = [];
  const throttle = throttleProgress(
    (f, snapshot) => posted.push([f, snapshot?.stage]),
    gap,
    () => t,
  );
  return { throttle, posted, at: (ms: number) => (t = ms) };
}

const field: SonicationSnapshot = { stage: 'field', peakPressure: 4e6 };
const heat = (time: number): SonicationSnapshot => ({
  stage: 'heat',
  time,
  duration: 20,
  cooling: 30,
  peakTemperature: 40 + time,
});

describe('a worker posts its progress at most once per gap', () => {
  it('posts the first report at once, holds the next ones within the gap and posts the latest after it', () => {
    const { throttle, posted, at } = harness();
    throttle.report(0.1);
    at(30);
    throttle.report(0.2);
    at(60);
    throttle.report(0.3);
    expect(posted).toEqual([[0.1, undefined]]);
    at(110);
    throttle.report(0.4);
    expect(posted).toEqual([
      [0.1, undefined],
      [0.4, undefined],
    ]);
  });

  it('loses no stage: a field snapshot held behind heat reports is posted with them, each stage its latest', () => {
    const { throttle, posted, at } = harness();
    throttle.report(0.1);
    at(10);
    throttle.report(0.4, field);
    throttle.report(0.5, heat(1));
    throttle.report(0.6, heat(2));
    at(120);
    throttle.report(0.7);
    expect(posted).toEqual([
      [0.1, undefined],
      [0.7, 'field'],
      [0.7, 'heat'],
    ]);
  });

  it('flush posts what is held (the run ends), once', () => {
    const { throttle, posted, at } = harness();
    throttle.report(0.1);
    at(20);
    throttle.report(1, heat(50));
    throttle.flush();
    throttle.flush();
    expect(posted).toEqual([
      [0.1, undefined],
      [1, 'heat'],
    ]);
  });

  it('thins a sonication’s ≈ 100 reports per second to ten, and a plan’s to four', () => {
    for (const [gap, posts] of [
      [PROGRESS_GAP_MS, 10],
      [PLAN_PROGRESS_GAP_MS, 4],
    ] as const) {
      const { throttle, posted, at } = harness(gap);
      for (let ms = 0; ms < 1000; ms += 10) {
        at(ms);
        throttle.report(ms / 1000);
      }
      expect(posted.length).toBe(posts);
    }
  });
});
