import { readFileSync } from 'node:fs';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { PlannerStoreContext } from '../../src/state/hooks.ts';
import { createPlanFilesStore } from '../../src/state/plan-files.ts';
import { SAFETY_THRESHOLD_SOURCES } from '../../src/state/safety-defaults.ts';
import { planInputs, sonicationInputs } from '../../src/state/selectors.ts';
import type { PlannerStore, PlannerStoreApi } from '../../src/state/store.ts';
import { PlanReport } from '../../src/ui/PlanReport.tsx';
import {
  reportFigures,
  reportSafety,
  reportSetup,
  reportSpots,
  reportTotals,
  temperatureCurve,
} from '../../src/ui/report.ts';
import { shownRun } from '../../src/ui/shown-run.ts';
import { markCaseLoaded, testStore } from '../fixtures/planner-store.ts';
import { fakePlan, fakeSonication } from './time-fixtures.ts';

// The printable report (issue 11, item 5): case, transducer, spots and parameters, figures with units, the safety
// dashboard with its limits and sources, the 3D view's figure, the temperature curve and the not-for-clinical-use
// notice, from the store and the shown run.

type Vec3 = [number, number, number];

const spot = (id: string, x: number, power = 40) => ({
  id,
  focus: [x, 0.02, -0.003] as Vec3,
  acousticPower: power,
  duration: 20,
  cooling: 15,
});

/** A store on a loaded femur case, with two spots. */
function plannedStore(): PlannerStoreApi {
  const store = testStore();
  markCaseLoaded(store);
  store.getState().setTarget([0.0128, 0.0199, 0]);
  store.getState().addSpot(spot('a', 0.0128));
  store.getState().addSpot(spot('b', 0.0131, 35));
  return store;
}

const shown = (s: PlannerStore) => shownRun(s.run.outcome, s.planRun.outcome, s.playback.source);

/** "<number> <unit>" with one of the units a figure may carry (or a dose's words after it). */
const WITH_UNIT = /^-?[\d.]+( × 10[⁰¹²³⁴⁵⁶⁷⁸⁹]+)? (MPa|W\/cm²|°C|K|CEM43 min|mL|mm³|cm³|%|J|kJ)( |$)/;

describe('the report’s setup and spots', () => {
  it('names the case, the transducer with its geometry in units, the target, the sonication and how the beams fire', () => {
    const s = plannedStore().getState();
    const lines = Object.fromEntries(reportSetup(s, 'Femur shaft').map((l) => [l.key, l.text]));
    expect(lines.case).toBe('Femur shaft');
    expect(lines.transducer).toMatch(
      /^clinical body array: \d+ elements of [\d.]+ mm, [\d.]+ MHz, focal length [\d.]+ mm/,
    );
    expect(lines.target).toBe('(12.8, 19.9, 0.0) mm');
    expect(lines.sonication).toMatch(
      /^50\.0 W \(surface pressure [\d.]+ MPa\) for 20\.0 s, then 30\.0 s cooling; 1000 J$/,
    );
    expect(lines.beams).toMatch(/^\d+ of \d+ elements fire; automatic switch-off (on|off); aberration correction on$/);
    for (const key of ['no-pass', 'probes', 'tissues', 'side']) expect(lines[key]).toBeTruthy();
  });

  it('lists every spot with its focus, power, duration and cooling in units, and the plan’s totals', () => {
    const s = plannedStore().getState();
    expect(reportSpots(s)).toEqual([
      { n: 1, focus: '(12.8, 20.0, -3.0) mm', power: '40.0 W', duration: '20.0 s', cooling: '15.0 s', status: '' },
      { n: 2, focus: '(13.1, 20.0, -3.0) mm', power: '35.0 W', duration: '20.0 s', cooling: '15.0 s', status: '' },
    ]);
    expect(reportTotals(s)).toBe('2 spots · 1500 J in all · 40.0 s heating · 70.0 s with cooling');
  });

  it('gives each spot its status and peak temperature from a current plan run, and none from a stale one', () => {
    const store = plannedStore();
    const outcome = fakePlan();
    outcome.spots = [
      { ...(outcome.spots[0] as (typeof outcome.spots)[number]), id: 'a' },
      { ...(outcome.spots[1] as (typeof outcome.spots)[number]), id: 'b', status: 'warning' },
    ];
    store.getState().finishPlanRun(outcome, planInputs(store.getState()));
    expect(reportSpots(store.getState()).map((p) => p.status)).toEqual(['valid, 70.0 °C', 'warning, 70.5 °C']);
    store.getState().setSonication({ acousticPower: 10 });
    store.getState().updateSpot('a', { acousticPower: 20 });
    expect(reportSpots(store.getState()).map((p) => p.status)).toEqual(['', '']);
  });
});

describe('the report’s figures', () => {
  it('says there is no run yet when there is none', () => {
    const s = plannedStore().getState();
    expect(reportFigures(s, shown(s))).toEqual({
      title: 'No run yet: Sonicate or Run plan for figures.',
      stale: false,
      lines: [],
    });
  });

  it('of a sonication: every figure with its unit, and the value behind it', () => {
    const store = plannedStore();
    store.getState().finishRun(fakeSonication(), sonicationInputs(store.getState()));
    const s = store.getState();
    const f = reportFigures(s, shown(s));
    // The selected spot lies 3 mm off the target: the array was steered there, and the report names that point.
    expect(f.title).toBe('Sonication at the steered focus');
    const atTarget = plannedStore();
    atTarget.getState().finishRun(fakeSonication(), { ...sonicationInputs(atTarget.getState()), focus: undefined });
    expect(reportFigures(atTarget.getState(), shown(atTarget.getState())).title).toBe('Sonication at the target');
    expect(f.stale).toBe(false);
    const byKey = Object.fromEntries(f.lines.map((l) => [l.key, l]));
    expect(Object.keys(byKey)).toEqual([
      'target-temperature',
      'peak-pressure',
      'intensity',
      'peak-temperature',
      'rise',
      'thermal-dose',
      'ablation-volume',
      'coverage',
      'energy',
    ]);
    expect(byKey['peak-pressure']?.text).toBe('4.20 MPa');
    expect(byKey['peak-pressure']?.si).toBe(4.2e6);
    expect(byKey.intensity?.text).toBe('1000 W/cm²');
    expect(byKey['peak-temperature']?.text).toBe('75.0 °C');
    expect(byKey.rise?.text).toBe('38.0 K');
    expect(byKey['thermal-dose']?.text).toMatch(/^500 CEM43 min/);
    expect(byKey.coverage?.text).toBe('42.0 %');
    expect(byKey.energy?.text).toBe('1200 J');
    // Every figure that has a value reads as a number with its unit.
    for (const l of f.lines.filter((x) => x.text !== '—')) expect(l.text, l.key).toMatch(WITH_UNIT);
    // Changing the plan afterwards marks the figures as computed for earlier settings.
    store.getState().setSonication({ acousticPower: 20 });
    expect(reportFigures(store.getState(), shown(store.getState())).stale).toBe(true);
  });

  it('of a plan: coverage, ablated volume, peaks, critical dose and energy, all in units', () => {
    const store = plannedStore();
    store.getState().finishPlanRun(fakePlan(), planInputs(store.getState()));
    const s = store.getState();
    const f = reportFigures(s, shown(s));
    expect(f.title).toBe('Plan of 3 spots');
    const byKey = Object.fromEntries(f.lines.map((l) => [l.key, l.text]));
    expect(byKey.coverage).toBe('42.0 %');
    // As the plan's results panel and the command line: the hottest point of the recorded history (72 °C here).
    expect(byKey['peak-temperature']).toBe('72.0 °C');
    expect(byKey['peak-dose']).toMatch(/^500 CEM43 min/);
    expect(byKey.energy).toBe('4500 J');
    // The verdict comes first, in words: the fake plan's doses are over the skin, bone and critical limits.
    expect(f.lines[0]?.key).toBe('verdict');
    expect(byKey.verdict).toMatch(
      /^Not deliverable as planned\. Every spot is valid on its own .* Over its limit: skin/,
    );
    for (const l of f.lines.filter((x) => x.text !== '—' && x.key !== 'verdict'))
      expect(l.text, l.key).toMatch(WITH_UNIT);
  });
});

describe('the report’s safety table', () => {
  it('gives every dashboard check its value and limit in units, its light in words, and its limit’s source', () => {
    const store = plannedStore();
    store.getState().finishRun(fakeSonication(), sonicationInputs(store.getState()));
    const rows = reportSafety(shown(store.getState()), store.getState().safetyThresholds);
    expect(rows.map((r) => [r.id, r.limit])).toEqual([
      ['skin-temperature', '45.0 °C'],
      ['bone-surface-temperature', '50.0 °C'],
      ['critical-dose', '30.0 CEM43 min'],
      ['energy', '3000 J'],
    ]);
    expect(rows.map((r) => r.value)).toEqual(['44.0 °C', '41.0 °C', expect.stringMatching(/CEM43 min$/), '1200 J']);
    expect(rows.map((r) => r.source)).toEqual(Object.values(SAFETY_THRESHOLD_SOURCES));
    expect(rows[0]?.result).toBe('! Near the limit');
    expect(rows[3]?.result).toBe('✓ Pass');
  });

  it('follows the plan’s own limits', () => {
    const store = plannedStore();
    store.getState().finishRun(fakeSonication(), sonicationInputs(store.getState()));
    store.setState({ safetyThresholds: { ...store.getState().safetyThresholds, maxEnergyPerSonication: 1000 } });
    const energy = reportSafety(shown(store.getState()), store.getState().safetyThresholds).find(
      (r) => r.id === 'energy',
    );
    expect(energy).toMatchObject({ limit: '1000 J', status: 'fail', result: '✕ Over the limit' });
  });

  it('without a run: no values and no light, but the limits and sources are there', () => {
    const rows = reportSafety(undefined, plannedStore().getState().safetyThresholds);
    expect(rows.every((r) => r.value === '—' && r.status === 'none' && r.source.length > 20)).toBe(true);
  });
});

describe('the report’s temperature curve', () => {
  it('draws the hottest point and the focus inside its box, on axes from 37 °C with labelled ticks', () => {
    const store = plannedStore();
    store.getState().finishRun(fakeSonication(), sonicationInputs(store.getState()));
    const s = store.getState();
    const curve = temperatureCurve(s, shown(s), 300, 110);
    expect(curve).toBeDefined();
    if (!curve) return;
    expect(curve.lines.map((l) => [l.label, l.dashed])).toEqual([
      ['hottest point', false],
      ['at the focus', true],
    ]);
    expect(curve.yMin).toBe(37);
    expect(curve.yMax).toBeGreaterThanOrEqual(75);
    expect(curve.tMax).toBe(30);
    for (const line of curve.lines) {
      const points = [...line.d.matchAll(/[ML](-?[\d.]+),(-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
      expect(points.length).toBeGreaterThan(1);
      for (const [x, y] of points) {
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThanOrEqual(300);
        expect(y).toBeGreaterThanOrEqual(0);
        expect(y).toBeLessThanOrEqual(110);
      }
    }
    // The hottest point of the sonication peaks at 75 °C at 15 s: half way along, at 75 °C on the y axis.
    const [x, y] = [150, 110 - ((75 - curve.yMin) / (curve.yMax - curve.yMin)) * 110];
    expect(curve.lines[0]?.d).toContain(`L${x.toFixed(1)},${y.toFixed(1)}`);
    expect(curve.xTicks[0]?.label).toBe('0');
    expect(curve.yTicks[0]?.label).toBe('37');
    expect(curve.yTicks.at(-1)?.label).toBe(String(curve.yMax));
  });

  it('of a plan: the plan’s hottest point over its whole time', () => {
    const store = plannedStore();
    store.getState().finishPlanRun(fakePlan(), planInputs(store.getState()));
    const s = store.getState();
    const curve = temperatureCurve(s, shown(s), 300, 110);
    expect(curve?.tMax).toBe(150);
    expect(curve?.lines.map((l) => l.label)).toEqual(['hottest point']);
    // The plan's hottest point peaks at 72 °C at 50 s (a third of the way).
    const y = 110 - ((72 - 37) / ((curve?.yMax ?? 0) - 37)) * 110;
    expect(curve?.lines[0]?.d).toContain(`L100.0,${y.toFixed(1)}`);
  });

  it('no run, no curve', () => {
    const s = plannedStore().getState();
    expect(temperatureCurve(s, shown(s), 300, 110)).toBeUndefined();
  });
});

/** Renders the report as the page shows it, in Node. */
function renderReport(store: PlannerStoreApi, image: string | undefined): string {
  const files = createPlanFilesStore();
  files.setState({ report: { image, planName: 'Femur: two spots', createdAt: Date.UTC(2026, 0, 2) } });
  const current = store.getState();
  store.getInitialState = () => current;
  const filesState = files.getState();
  files.getInitialState = () => filesState;
  return renderToStaticMarkup(
    createElement(
      PlannerStoreContext.Provider,
      { value: store },
      createElement(PlanReport, { files, onPrint: () => undefined, onClose: () => undefined }),
    ),
  );
}

describe('the report page', () => {
  it('holds every section: setup, picture of the view, spots, figures, curve, safety with sources, notice', () => {
    const store = plannedStore();
    store.getState().finishRun(fakeSonication(), sonicationInputs(store.getState()));
    const html = renderReport(store, 'blob:figure');
    const ids = new Set([...html.matchAll(/data-testid="([^"]+)"/g)].map((m) => m[1]));
    for (const id of [
      'report',
      'report-sheet',
      'report-setup-case',
      'report-setup-transducer',
      'report-setup-target',
      'report-image',
      'report-spots',
      'report-totals',
      'report-figure-peak-pressure',
      'report-figure-peak-temperature',
      'report-figure-thermal-dose',
      'report-curve',
      'report-safety',
      'report-safety-skin-temperature',
      'report-safety-energy',
      'report-sources',
      'clinical-notice',
      'report-print',
    ]) {
      expect(ids.has(id), id).toBe(true);
    }
    expect(html).toContain('src="blob:figure"');
    expect(html).toContain('Femur: two spots');
    expect(html).toContain('Not for clinical use');
    expect(html).toContain('time [s]');
    expect(html).toContain('°C');
    for (const source of Object.values(SAFETY_THRESHOLD_SOURCES)) {
      expect(html).toContain(source.replace(/&/g, '&amp;').slice(0, 60));
    }
  });

  // A walk changed the power after a run and read "Energy per sonication 1000 J ✓ Pass" under a setup of 1400 J.
  it('marks the safety checks of a stale run as the earlier settings’, and judges a run through gas as not delivered', () => {
    const store = plannedStore();
    const outcome = fakeSonication();
    outcome.summary = { ...outcome.summary, blockedBeams: { gas: 3, nopass: 0 } };
    store.getState().finishRun(outcome, sonicationInputs(store.getState()));
    const fresh = renderReport(store, undefined);
    expect(fresh).not.toContain('report-safety-stale');
    expect(fresh).toMatch(/data-testid="report-safety-energy" data-status="undelivered"/);
    expect(fresh).toMatch(/data-testid="report-safety-undelivered">Not deliverable: 3 firing beams crossed gas/);
    store.getState().setSonication({ acousticPower: 70 });
    const stale = renderReport(store, undefined);
    expect(stale).toContain('data-testid="report-safety-stale"');
    expect(stale).toContain('These checks judge the run computed for earlier settings');
    expect(stale).toMatch(/data-testid="report-safety-energy" data-status="undelivered"/);
  });

  it('says so when the view could not be pictured, and shows nothing when closed', () => {
    const html = renderReport(plannedStore(), undefined);
    expect(html).not.toContain('report-image');
    expect(html).toContain('The 3D view could not be pictured.');
    expect(html).toContain('No run yet: no curve.');
    const closed = createPlanFilesStore();
    expect(
      renderToStaticMarkup(
        createElement(PlanReport, { files: closed, onPrint: () => undefined, onClose: () => undefined }),
      ),
    ).toBe('');
  });
});

describe('the report’s print style', () => {
  const css = readFileSync(new URL('../../src/app/styles.css', import.meta.url), 'utf8');
  const print = css.slice(css.indexOf('@media print'));

  it('prints the sheet alone on an A4 page: the app, the report’s buttons and the drop veil are hidden', () => {
    expect(print).toMatch(/@page\s*{[^}]*size:\s*A4 portrait/);
    const hidden = /([^{}]+){\s*display:\s*none;?\s*}/.exec(print)?.[1] ?? '';
    const selectors = hidden.split(',').map((x) => x.trim());
    expect(selectors).toEqual(expect.arrayContaining(['body:has(.report-root) .app', '.report-toolbar', '.drop-veil']));
    expect(print).toMatch(/\.report-root\s*{[^}]*position:\s*static/);
    // The sheet is an A4 page wide, so what the screen previews is what prints.
    expect(css).toMatch(/\.report-sheet\s*{[^}]*width:\s*210mm/);
  });
});
