import { describe, expect, it } from 'vitest';
import { forgetKeptSonication } from '../../src/engine/acoustics-reuse.ts';
import { PRESETS } from '../../src/physics/transducer.ts';
import { sonicate } from '../../src/worker/ops/sonicate.ts';
import { dropAhead, sonicateAhead, takeAhead } from '../../src/worker/ops/sonicate-ahead.ts';
import { SONICATION_FIELD_SHARE } from '../../src/worker/protocol.ts';
import { loadBundledCase, sonicationAtDefaults } from '../fixtures/bundled-case.ts';

// While the user reads the estimate, the worker computes the sonication the settings describe; the Sonicate that
// follows with the same request is handed that outcome. It must be the outcome the click would have computed, be
// handed over once, and never stand in for another request.

const femur = await loadBundledCase('femur-shaft');
const { meta } = femur.summary;
const transducer = PRESETS.clinicalBodyArray;
const request = sonicationAtDefaults(meta, transducer, {
  acousticPower: 40,
  duration: 4,
  cooling: 2,
  region: { size: 0.02, spacing: 0.001 },
});

describe('a sonication computed ahead', () => {
  it('is the outcome a Sonicate of the same request computes, handed over once, its progress field then heat', () => {
    forgetKeptSonication(femur.state);
    const progress: [number, boolean][] = [];
    expect(sonicateAhead(femur.state, request, (f, snapshot) => progress.push([f, snapshot !== undefined]))).toBe(true);
    // The same settings again: kept already, nothing computed.
    expect(sonicateAhead(femur.state, { ...request }, () => {})).toBe(false);
    const ahead = takeAhead({ ...request });
    expect(ahead?.computedAhead).toBe('ready');
    expect(takeAhead(request)).toBeUndefined();

    // The click's own computation, from nothing kept: the same numbers.
    forgetKeptSonication(femur.state);
    const clicked = sonicate(femur.state, request, () => {});
    expect(clicked.computedAhead).toBeUndefined();
    expect(ahead?.summary.peakTemperature).toBe(clicked.summary.peakTemperature);
    expect(ahead?.summary.peakPressure).toBe(clicked.summary.peakPressure);
    expect(ahead?.summary.peakDose).toBe(clicked.summary.peakDose);
    expect(ahead?.maxTemperature).toEqual(clicked.maxTemperature);
    expect(ahead?.dose).toEqual(clicked.dose);
    // Its time covers the field and the heat, both computed ahead.
    expect(ahead?.elapsedMs).toBeGreaterThan(clicked.elapsedMs / 2);

    // The bar: the field up to SONICATION_FIELD_SHARE, then the heat with what it finds (snapshots); never backwards.
    const fractions = progress.map(([f]) => f);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(fractions.at(-1)).toBeCloseTo(1, 6);
    const firstSnapshot = progress.findIndex(([, snapshot]) => snapshot);
    expect(firstSnapshot).toBeGreaterThan(0);
    expect(progress[firstSnapshot]?.[0]).toBeGreaterThanOrEqual(SONICATION_FIELD_SHARE);
    expect(fractions.filter((f) => f < SONICATION_FIELD_SHARE).length).toBeGreaterThan(0);
  });

  it('never stands in for another request, and lets go of what it kept when one comes', () => {
    sonicateAhead(femur.state, request, () => {});
    expect(takeAhead({ ...request, acousticPower: 41 })).toBeUndefined();
    // Let go: the same request now computes.
    expect(takeAhead(request)).toBeUndefined();
    sonicateAhead(femur.state, request, () => {});
    dropAhead();
    expect(takeAhead(request)).toBeUndefined();
  });
});
