import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SAFETY_THRESHOLDS } from '../../src/state/safety-defaults.ts';
import { planInputs } from '../../src/state/selectors.ts';
import { parseThreshold, parseWarnFraction, SafetyDashboard } from '../../src/ui/SafetyDashboard.tsx';
import { doseBound, SAFETY_ADVICE, safetyAdvice, safetyRows, safetyStatus } from '../../src/ui/safety.ts';
import { shownRun } from '../../src/ui/shown-run.ts';
import { renderWithStore } from '../fixtures/planner-store.ts';
import { fakePlan, fakeSonication } from './time-fixtures.ts';

describe('safetyStatus', () => {
  it('passes below (1 − warnFraction)·limit, warns up to the limit, fails above', () => {
    expect(safetyStatus(0, 100, 0.2)).toBe('pass');
    expect(safetyStatus(79.9, 100, 0.2)).toBe('pass');
    expect(safetyStatus(80, 100, 0.2)).toBe('warn');
    expect(safetyStatus(100, 100, 0.2)).toBe('warn');
    expect(safetyStatus(100.01, 100, 0.2)).toBe('fail');
  });

  it('judges temperatures on their rise above the baseline', () => {
    // 45 °C limit, 20 % margin of the 8 K rise: warn from 43.4 °C.
    expect(safetyStatus(37, 45, 0.2, 37)).toBe('pass');
    expect(safetyStatus(43.3, 45, 0.2, 37)).toBe('pass');
    expect(safetyStatus(43.4, 45, 0.2, 37)).toBe('warn');
    expect(safetyStatus(45.1, 45, 0.2, 37)).toBe('fail');
  });

  it('never passes a value it cannot judge and clamps the margin', () => {
    expect(safetyStatus(Number.NaN, 100, 0.2)).toBe('fail');
    expect(safetyStatus(10, Number.NaN, 0.2)).toBe('fail');
    expect(safetyStatus(10, 100, 0)).toBe('pass');
    expect(safetyStatus(100, 100, 0)).toBe('warn');
    expect(safetyStatus(1, 100, 5)).toBe('warn');
    expect(safetyStatus(50, 100, Number.NaN)).toBe('pass');
  });
});

describe('safetyRows', () => {
  it('reads a sonication: skin, bone surface, critical dose and energy', () => {
    const rows = safetyRows(shownRun(fakeSonication(), undefined, 'sonication'), DEFAULT_SAFETY_THRESHOLDS);
    const by = Object.fromEntries(rows.map((r) => [r.id, r]));
    expect(by['skin-temperature']).toMatchObject({ value: 44, limit: 45, status: 'warn' });
    expect(by['bone-surface-temperature']).toMatchObject({ value: 41, limit: 50, status: 'pass' });
    expect(by['critical-dose']).toMatchObject({ value: 2, limit: 30, status: 'pass' });
    expect(by.energy).toMatchObject({ value: 1200, limit: 3000, status: 'pass' });
    for (const r of rows) expect(r.source.length).toBeGreaterThan(20);
  });

  it('reads a plan: energy is the largest spot, doses accumulated', () => {
    const rows = safetyRows(shownRun(undefined, fakePlan(), 'plan'), DEFAULT_SAFETY_THRESHOLDS);
    const by = Object.fromEntries(rows.map((r) => [r.id, r]));
    expect(by.energy).toMatchObject({ value: 2600, status: 'warn' });
    expect(by['skin-temperature']?.status).toBe('fail');
    expect(by['bone-surface-temperature']?.status).toBe('fail');
    expect(by['critical-dose']).toMatchObject({ value: 40, status: 'fail' });
  });

  it('says why a row has no value: no skin in the case, or skin the run did not reach', () => {
    const withoutSkin = fakeSonication();
    withoutSkin.doses = {
      ...withoutSkin.doses,
      tissueDose: withoutSkin.doses.tissueDose.filter((d) => d.tissue !== 'skin'),
    };
    const none = safetyRows(shownRun(withoutSkin, undefined, 'sonication'), DEFAULT_SAFETY_THRESHOLDS)[0];
    expect(none).toMatchObject({ status: 'none', note: 'This case has no skin.' });

    const focalRay = fakeSonication();
    focalRay.summary = { ...focalRay.summary, fieldModel: 'focal-ray' };
    focalRay.doses = {
      ...focalRay.doses,
      tissueDose: focalRay.doses.tissueDose.map((d) => (d.tissue === 'skin' ? { ...d, voxels: 0 } : d)),
    };
    const unreached = safetyRows(shownRun(focalRay, undefined, 'sonication'), DEFAULT_SAFETY_THRESHOLDS)[0];
    expect(unreached?.status).toBe('none');
    expect(unreached?.note).toMatch(/^No skin in the simulated focal region/);
  });

  it('reads the whole path: skin with a value, far bone included, each critical structure named', () => {
    const run = fakeSonication();
    run.summary = { ...run.summary, fieldModel: 'whole-path' };
    run.doses = { ...run.doses, criticalOutside: [] };
    const rows = safetyRows(shownRun(run, undefined, 'sonication'), DEFAULT_SAFETY_THRESHOLDS);
    const by = Object.fromEntries(rows.map((r) => [r.id, r]));
    expect(by['skin-temperature']?.note).toMatch(/^Hottest skin on the beam path/);
    expect(by['skin-temperature']?.note).not.toMatch(/No skin/);
    expect(by['bone-surface-temperature']?.note).toMatch(/anywhere on the simulated beam path/);
    // The bowel has no voxel and no judgement from outside: the row has no value rather than a pass.
    expect(by['critical-dose']?.note).toBe(
      'nerve: 2.00 CEM43 min, 40.0 °C · bowel: not on the simulated beam path, so no value',
    );
    expect(by['critical-dose']?.status).toBe('none');
  });

  it('judges a critical structure the path does not reach by its distance and the volume’s edge temperature', () => {
    const run = fakeSonication();
    run.summary = { ...run.summary, fieldModel: 'whole-path' };
    run.doses = { ...run.doses, criticalOutside: [{ tissue: 'bowel', distance: 0.0083, maxTemperature: 38 }] };
    const shown = shownRun(run, undefined, 'sonication');
    const critical = safetyRows(shown, DEFAULT_SAFETY_THRESHOLDS)[2];
    const span = shown?.time.at(-1) as number;
    // At most 38 °C for the whole run: R^(43 − 38) = 0.25⁵ per minute.
    expect(doseBound(38, span)).toBeCloseTo((span / 60) * 0.25 ** 5, 12);
    expect(critical?.value).toBe(Math.max(2, doseBound(38, span)));
    expect(critical?.status).toBe('pass');
    expect(critical?.note).toContain('nerve: 2.00 CEM43 min, 40.0 °C');
    expect(critical?.note).toMatch(
      /bowel: 8.3 mm outside the simulated beam path, whose edge stayed at or below 38.0 °C, so at most/,
    );
  });

  it('counts a heated lung as a critical structure: 1780 CEM43 min fails the 30 min limit', () => {
    const run = fakeSonication();
    const lung = { tissue: 'lung', voxels: 9, volume: 9e-9, maxTemperature: 57.4, maxDose: 1775, ablatedVolume: 0 };
    run.doses = {
      ...run.doses,
      tissueDose: [...run.doses.tissueDose, { ...lung, volumeAboveSafety: 0 }],
      criticalOutside: [{ tissue: 'bowel', distance: 0.02, maxTemperature: 37.5 }],
    } as typeof run.doses;
    const critical = safetyRows(shownRun(run, undefined, 'sonication'), DEFAULT_SAFETY_THRESHOLDS)[2];
    expect(critical?.note).toContain('lung (air): 1780 CEM43 min (≥ 240: ablated), 57.4 °C');
    expect(critical?.value).toBe(1775);
    expect(critical?.status).toBe('fail');
  });

  it('says when a case has no critical structure at all', () => {
    const run = fakeSonication();
    run.doses = {
      ...run.doses,
      tissueDose: run.doses.tissueDose.filter((d) => !['nerve', 'bowel', 'lung'].includes(d.tissue)),
      criticalOutside: [],
    } as typeof run.doses;
    const critical = safetyRows(shownRun(run, undefined, 'sonication'), DEFAULT_SAFETY_THRESHOLDS)[2];
    expect(critical?.note).toBe('This case has no nerve, bowel or lung.');
    expect(critical?.status).toBe('none');
  });

  it('shows no light without a run', () => {
    const rows = safetyRows(undefined, DEFAULT_SAFETY_THRESHOLDS);
    expect(rows.map((r) => r.status)).toEqual(['none', 'none', 'none', 'none']);
  });
});

describe('threshold parsing', () => {
  it('accepts temperatures, doses and energies typed with units', () => {
    expect(parseThreshold('45 °C', 'skinMaxTemperature')).toEqual({ ok: true, value: 45 });
    expect(parseThreshold('48', 'skinMaxTemperature')).toEqual({ ok: true, value: 48 });
    const kelvin = parseThreshold('318.15 K', 'skinMaxTemperature');
    expect(kelvin.ok && kelvin.value).toBeCloseTo(45, 6);
    expect(parseThreshold('30 CEM43 min', 'criticalMaxDose')).toEqual({ ok: true, value: 30 });
    expect(parseThreshold('1 h', 'criticalMaxDose')).toEqual({ ok: true, value: 60 });
    expect(parseThreshold('3 kJ', 'maxEnergyPerSonication')).toEqual({ ok: true, value: 3000 });
    expect(parseThreshold('3 W', 'maxEnergyPerSonication').ok).toBe(false);
    expect(parseThreshold('200 °C', 'skinMaxTemperature').ok).toBe(false);
  });

  it('accepts the warning margin as a percentage or a fraction', () => {
    expect(parseWarnFraction('20 %')).toEqual({ ok: true, value: 0.2 });
    expect(parseWarnFraction('25')).toEqual({ ok: true, value: 0.25 });
    expect(parseWarnFraction('0.1')).toEqual({ ok: true, value: 0.1 });
    expect(parseWarnFraction('100 %').ok).toBe(false);
    expect(parseWarnFraction('abc').ok).toBe(false);
  });
});

describe('the dashboard says what to change where a limit is near or passed', () => {
  it('under each failing row of a plan, the levers of the planner; none under a passing row', () => {
    const html = renderWithStore(
      (store) => store.getState().finishPlanRun(fakePlan(), planInputs(store.getState())),
      createElement(SafetyDashboard),
    );
    // The fake plan fails skin, bone surface and the critical dose (see above).
    expect(html).toContain('data-testid="safety-skin-temperature-advice"');
    expect(html).toContain('tilt the transducer so the beams enter through a wider patch of skin');
    expect(html).toContain('data-testid="safety-critical-dose-advice"');
    expect(html).toContain('draw a no-pass region over it');
    const quiet = renderWithStore(() => undefined, createElement(SafetyDashboard));
    expect(quiet).not.toContain('-advice"');
  });
});

describe('the advice beside a row over its limit', () => {
  it('a critical structure behind the target: not the switch-off rule (it cannot help), but moving and comparing', () => {
    const advice = safetyAdvice('criticalMaxDose', 'lung (air)');
    expect(advice).toContain('The lung (air) lies behind the target');
    expect(advice).not.toContain('Switch off unsafe beams automatically');
    expect(advice).toContain('compare the runs');
  });
  it('otherwise the row’s own levers, whatever lies behind', () => {
    expect(safetyAdvice('criticalMaxDose')).toBe(SAFETY_ADVICE.criticalMaxDose);
    expect(safetyAdvice('skinMaxTemperature', 'lung (air)')).toBe(SAFETY_ADVICE.skinMaxTemperature);
  });
  it('a case with no lesion is not told to move the target into it', () => {
    expect(safetyAdvice('boneSurfaceMaxTemperature')).toContain('deeper into the lesion');
    const plate = safetyAdvice('boneSurfaceMaxTemperature', undefined, false);
    expect(plate).not.toContain('lesion');
    expect(plate).toContain('Move the target away from the bone surface');
  });
});
