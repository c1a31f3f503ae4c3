import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  DOSE_LOG_STEP,
  decodeFrames,
  isLectureHeat,
  type LectureHeat,
  TEMPERATURE_STEP,
} from '../../src/modes/lecture/heat-format.ts';
import { ABLATION_DOSE } from '../../src/style/result-scales.ts';
import { computeLectureHeat } from './lecture-heat-compute.ts';

/*
 * The lecture's precomputed heat (public/lecture/femur-heat.json, `npm run lecture-heat`) must be what the engine
 * gives for the femur default today: the file is recomputed here (≈ 5 s) and compared field for field, and its peak
 * temperature is held to the golden number (tests/golden/femur-shaft.json) that goldens.test.ts pins to the engine.
 */
const root = new URL('../../', import.meta.url);
const stored = JSON.parse(readFileSync(new URL('public/lecture/femur-heat.json', root), 'utf8')) as LectureHeat;
const golden = JSON.parse(readFileSync(new URL('tests/golden/femur-shaft.json', root), 'utf8')) as {
  headline: Record<string, number>;
};

describe('public/lecture/femur-heat.json', () => {
  it('is the lecture asset, and its peaks are the golden femur default’s (1e-6 relative)', () => {
    expect(isLectureHeat(stored)).toBe(true);
    const close = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.abs(b);
    expect(close(stored.peakTemperature, golden.headline.peakTemperature as number)).toBe(true);
    expect(close(stored.peakDose, golden.headline.peakDose as number)).toBe(true);
    expect(close(stored.ablatedVolume, golden.headline.ablatedVolume as number)).toBe(true);
  });

  it('decodes to frames whose hottest voxel follows the stored curve and reaches the peak within one step', () => {
    const frames = decodeFrames(stored);
    expect(frames).toHaveLength(stored.frames.time.length);
    expect(stored.frames.time[0]).toBe(0);
    expect(stored.frames.time.at(-1)).toBeCloseTo(stored.duration + stored.cooling, 6);
    let hottest = 0;
    for (const f of frames) for (const t of f.temperature) hottest = Math.max(hottest, t);
    // Frames are every 2 s, the peak may fall between two; quantised to 0.25 °C.
    expect(hottest).toBeLessThanOrEqual(stored.peakTemperature + TEMPERATURE_STEP);
    expect(hottest).toBeGreaterThan(stored.peakTemperature - 2);
    expect(Math.max(...stored.curve.temperature)).toBeCloseTo(stored.peakTemperature, 1);
    // The dose only grows, and the last frame holds an ablation zone (≥ 240 CEM43).
    const last = frames.at(-1)?.logDose ?? new Float32Array(0);
    const ablated = Array.from(last).filter((v) => v >= Math.log10(ABLATION_DOSE)).length;
    const voxel = stored.grid.spacing ** 3;
    expect(ablated * voxel).toBeGreaterThan(0.5 * stored.ablatedVolume);
    expect(ablated * voxel).toBeLessThan(2 * stored.ablatedVolume);
    expect(Math.max(...last)).toBeCloseTo(Math.log10(stored.peakDose), 0);
    expect(DOSE_LOG_STEP).toBeLessThan(0.1);
  });

  it('is in step with the engine: recomputed now, it is the same document (npm run lecture-heat remakes it)', async () => {
    const fresh = await computeLectureHeat();
    expect(JSON.parse(JSON.stringify(fresh))).toEqual(stored);
  }, 120_000);
});
