import { describe, expect, it } from 'vitest';
import { hotterElsewhere, referenceLabelPlace } from '../../src/ui/TimePlots.tsx';
import {
  decadeLabel,
  decadeTicks,
  decimate,
  displayLabels,
  nearestSample,
  niceTicks,
} from '../../src/ui/time-series.ts';

describe('plot axes (issue 10, item 11)', () => {
  it('labels a log dose axis with short decades, never a row of zeros', () => {
    expect([1e-2, 0.1, 1, 10, 100, 1e3, 1e9, 1e30].map(decadeLabel)).toEqual([
      '0.01',
      '0.1',
      '1',
      '10',
      '100',
      '10³',
      '10⁹',
      '10³⁰',
    ]);
    // The old axis printed 1,000,000,000 (13 characters) in a 60 px column under its title.
    for (const t of decadeTicks(1e-2, 3e9)) expect(decadeLabel(t).length).toBeLessThanOrEqual(4);
  });

  it('marks at most six decades, thinning a plan’s 32 decades', () => {
    expect(decadeTicks(1e-2, 3e3)).toEqual([0.01, 0.1, 1, 10, 100, 1000]);
    const wide = decadeTicks(1e-2, 3e30);
    expect(wide.length).toBeLessThanOrEqual(6);
    expect(wide.length).toBeGreaterThanOrEqual(3);
    expect(wide).toContain(1);
  });

  // A walk at 1280×800 and 1920×1080: the dose plot's curve area is about 55 px tall, and six decades (0.01 to 10⁸)
  // stacked their 11 px labels on one another.
  it('spaces a log dose axis’s labels at least a label’s height apart on a short plot', () => {
    const room = (min: number, max: number, height: number) => {
      const y = (v: number) => (height * Math.log10(v / min)) / Math.log10(max / min);
      const ticks = decadeTicks(min, max, 6, height);
      return { ticks, gaps: ticks.slice(1).map((t, i) => y(t) - y(ticks[i] as number)) };
    };
    for (const height of [55, 90, 140]) {
      const { ticks, gaps } = room(1e-2, 3e8, height);
      expect(ticks.length, `${height} px`).toBeGreaterThanOrEqual(3);
      for (const gap of gaps) expect(gap, `${height} px`).toBeGreaterThanOrEqual(14);
    }
    // A tall plot keeps every decade it has room for.
    expect(decadeTicks(1e-2, 3e3, 6, 400)).toEqual([0.01, 0.1, 1, 10, 100, 1000]);
  });

  it('gives a temperature axis at least three round ticks over the ranges the plots use', () => {
    for (const [min, max] of [
      [35, 45],
      [35, 41.2],
      [35, 77],
      [35, 402],
      [36.9, 38.1],
    ] as const) {
      const ticks = niceTicks(min, max);
      expect(ticks.length, `${min}–${max}`).toBeGreaterThanOrEqual(3);
      for (const t of ticks) {
        expect(t).toBeGreaterThanOrEqual(min);
        expect(t).toBeLessThanOrEqual(max);
      }
    }
    expect(niceTicks(35, 45)).toEqual([35, 40, 45]);
  });
});

describe('plan legends by spot number (issue 10, item 11)', () => {
  it('names a plan’s curves by the numbers of the spot list, the first delivered spot for the focus', () => {
    const labels = ['focus', 'skin', 'spot spot-7', 'spot spot-4'];
    expect(displayLabels(labels, 'plan', ['spot-2', 'spot-7', 'spot-4'], ['spot-2', 'spot-4', 'spot-7'])).toEqual([
      'spot 1',
      'skin',
      'spot 3',
      'spot 2',
    ]);
  });

  it('keeps a removed spot’s run position and leaves a sonication’s labels alone', () => {
    expect(displayLabels(['focus', 'spot spot-9'], 'plan', ['spot-1', 'spot-9'], ['spot-1'])).toEqual([
      'spot 1',
      'spot 2 (removed)',
    ]);
    expect(displayLabels(['focus', 'skin'], 'sonication', [], [])).toEqual(['focus', 'skin']);
  });
});

describe('decimated curves', () => {
  it('keep every curve’s peak and trough and at most the asked number of samples', () => {
    const time = Array.from({ length: 10_000 }, (_, k) => k * 0.1);
    const a = time.map((t) => Math.sin(t));
    const b = time.map((t, k) => (k === 5003 ? 99 : Math.cos(t)));
    const out = decimate(time, [a, b], 800);
    expect(out.time.length).toBeLessThanOrEqual(800);
    expect(Math.max(...(out.curves[1] as number[]))).toBe(99);
    expect(Math.min(...(out.curves[0] as number[]))).toBeCloseTo(-1, 3);
    for (let k = 1; k < out.time.length; k++) expect(out.time[k]).toBeGreaterThanOrEqual(out.time[k - 1] as number);
    expect(decimate([0, 1], [[1, 2]], 800)).toEqual({ time: [0, 1], curves: [[1, 2]] });
  });
});

describe('the plot says when the run was hotter than its curves', () => {
  it('names a plan’s 182 °C peak over curves that reach 60 °C, and nothing when the curves reach the peak', () => {
    expect(
      hotterElsewhere(
        [
          [37, 52, 60, null],
          [37, 45],
        ],
        182,
      ),
    ).toBe(182);
    expect(hotterElsewhere([[37, 74.5]], 74.8)).toBeUndefined();
    expect(hotterElsewhere([[null, null]], 90)).toBeUndefined();
  });
});

describe('the ablation line’s label', () => {
  it('sits above its line, or below it when the line is within a label’s height of the plot’s top', () => {
    expect(referenceLabelPlace(100, 20, 1)).toEqual({ y: 97, baseline: 'bottom' });
    expect(referenceLabelPlace(30, 20, 1)).toEqual({ y: 33, baseline: 'top' });
    // On a 2× screen the label is twice as tall.
    expect(referenceLabelPlace(45, 20, 2)).toEqual({ y: 51, baseline: 'top' });
  });
});

describe('the legend at the playback time', () => {
  it('reads the sample nearest the time, the first before the start and the last after the end or at NaN', () => {
    const times = [0, 2, 4, 10];
    expect(nearestSample(times, 2.9)).toBe(1);
    expect(nearestSample(times, 3.1)).toBe(2);
    expect(nearestSample(times, 3)).toBe(1);
    expect(nearestSample(times, 8)).toBe(3);
    expect(nearestSample(times, -5)).toBe(0);
    expect(nearestSample(times, 99)).toBe(3);
    expect(nearestSample(times, Number.NaN)).toBe(3);
    expect(nearestSample([], 1)).toBe(-1);
  });
});
