import { describe, expect, it } from 'vitest';
import { activeSpotAt, advancePlayback, resolveSource, shownRun, timeRange } from '../../src/ui/shown-run.ts';
import { DOSE_FLOOR, niceStep, OKABE_ITO, seriesCurves } from '../../src/ui/time-series.ts';
import { fakePlan, fakeSeries, fakeSonication } from './time-fixtures.ts';

describe('time series', () => {
  it('splits points × time into one curve per point; doses below the floor are gaps', () => {
    const c = seriesCurves(fakeSeries());
    expect(c.labels).toEqual(['focus', 'skin']);
    expect(c.time).toEqual([0, 10, 20, 30]);
    expect(c.temperature[1]).toEqual([37, 38, 39, 38]);
    expect(c.dose[0]).toEqual([null, 5, 400, 500]);
    expect(c.dose[1]?.[1]).toBeNull();
    expect(c.dose[1]?.[2]).toBeCloseTo(0.02);
    expect(DOSE_FLOOR).toBeLessThan(0.02);
  });

  it('uses the Okabe–Ito colours', () => {
    expect(OKABE_ITO[0]).toBe('#E69F00');
    expect(new Set(OKABE_ITO).size).toBe(OKABE_ITO.length);
  });

  it('rounds slider steps', () => {
    expect(niceStep(40)).toBe(0.2);
    expect(niceStep(30)).toBe(0.1);
    expect(niceStep(600)).toBe(2);
    expect(niceStep(0)).toBe(0.1);
  });
});

describe('the shown run and playback', () => {
  it('shows the source asked for when it exists, else the other', () => {
    expect(resolveSource('plan', true, true)).toBe('plan');
    expect(resolveSource('plan', true, false)).toBe('sonication');
    expect(resolveSource('sonication', false, true)).toBe('plan');
    expect(resolveSource('sonication', false, false)).toBeUndefined();
  });

  it('takes the series time axis when recorded, else the outcome time', () => {
    expect(Array.from(shownRun(fakeSonication(), undefined, 'sonication')?.time ?? [])).toEqual([0, 10, 20, 30]);
    expect(Array.from(shownRun(fakeSonication(false), undefined, 'sonication')?.time ?? [])).toEqual([0, 15, 30]);
    const plan = shownRun(fakeSonication(), fakePlan(), 'plan');
    expect(plan?.source).toBe('plan');
    expect(plan?.spotStarts.map((s) => s.startTime)).toEqual([0, 50, 100]);
    expect(plan?.energyPerSonication).toBe(2600);
    expect(plan?.pressure).toBeUndefined();
    expect(timeRange(plan?.time ?? [])).toEqual([0, 150]);
  });

  it('finds the spot running at a time', () => {
    const starts = [
      { id: 'a', startTime: 0 },
      { id: 'b', startTime: 50 },
    ];
    expect(activeSpotAt(starts, 10)).toBe('a');
    expect(activeSpotAt(starts, 50)).toBe('b');
    expect(activeSpotAt(starts, -5)).toBe('a');
    expect(activeSpotAt([], 5)).toBeUndefined();
  });

  it('advances at the chosen speed and stops at the end', () => {
    expect(advancePlayback(10, 0.5, 5, 30)).toEqual({ time: 12.5, ended: false });
    expect(advancePlayback(29, 1, 5, 30)).toEqual({ time: 30, ended: true });
    expect(advancePlayback(10, -1, 5, 30)).toEqual({ time: 10, ended: false });
  });
});
