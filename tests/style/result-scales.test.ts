import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SAFETY_THRESHOLD_CEM43 } from '../../src/physics/dose-report.ts';
import { NECROSIS_THRESHOLD_CEM43 } from '../../src/physics/thermal-dose.ts';
import { BODY_TEMPERATURE } from '../../src/physics/tissues.ts';
import {
  ABLATION_DOSE,
  colourise,
  cssGradient,
  linearTicks,
  resultScale,
  SAFETY_DOSE,
  SLICE_OPACITY,
  scaleCaption,
  scalePosition,
} from '../../src/style/result-scales.ts';
import * as uiScales from '../../src/ui/colour-scales.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function files(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    return statSync(join(ROOT, path)).isDirectory() ? files(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('the one colour rule of the results (style/result-scales.ts)', () => {
  const maxTemperature = Float32Array.from([37, 50, 77]);

  it('temperature: inferno from 37 °C to the run peak, transparent at body temperature', () => {
    const scale = resultScale('temperature', { maxTemperature });
    expect(scale).toMatchObject({ min: 37, max: 77, unit: '°C', map: 'inferno', log: false, quantity: 'temperature' });
    expect(scale.ticks[0]).toBe(37);
    expect(scale.ticks.at(-1)).toBe(77);
    const rgba = colourise([37, 77, 57], scale, new Uint8Array(12));
    expect(rgba[3]).toBe(0);
    expect([...rgba.slice(4, 8)]).toEqual([252, 255, 164, Math.round(SLICE_OPACITY * 255)]);
    expect(scalePosition(scale, 57)).toBeCloseTo(0.5, 9);
  });

  it('dose: viridis on log10 from 1 to 10⁴ CEM43 min, with the 240 CEM43 contour', () => {
    const scale = resultScale('dose', { maxTemperature });
    expect(scale).toMatchObject({ min: 1, max: 1e4, unit: 'CEM43 min', map: 'viridis', log: true });
    expect(scale.contour.value).toBe(240);
    expect(scale.ticks).toEqual([1, 10, 100, 1000, 10000]);
    expect(scalePosition(scale, 100)).toBeCloseTo(0.5, 9);
    const rgba = colourise([0.5, 1e5], scale, new Uint8Array(8));
    expect(rgba[3]).toBe(0);
    expect([...rgba.slice(4, 7)]).toEqual([253, 231, 37]);
  });

  it('pressure: cividis in MPa to the run peak; a run without pressure (a plan) draws temperature and says so', () => {
    const pressure = Float32Array.from([0, 1e6, 3.2e6]);
    expect(resultScale('pressure', { maxTemperature, pressure })).toMatchObject({
      quantity: 'pressure',
      min: 0,
      max: 3.2,
      unit: 'MPa',
      map: 'cividis',
    });
    expect(resultScale('pressure', { maxTemperature })).toMatchObject({
      quantity: 'temperature',
      requested: 'pressure',
    });
  });

  it('stays usable before any run', () => {
    const t = resultScale('temperature', undefined);
    expect(t.max).toBeGreaterThan(t.min);
    expect(resultScale('pressure', undefined).max).toBeGreaterThan(0);
  });

  it('takes its thresholds from the physics core', () => {
    expect(ABLATION_DOSE).toBe(NECROSIS_THRESHOLD_CEM43);
    expect(SAFETY_DOSE).toBe(SAFETY_THRESHOLD_CEM43);
    expect(resultScale('temperature', { maxTemperature }).min).toBe(BODY_TEMPERATURE);
  });

  it('ticks are round and include both ends', () => {
    expect(linearTicks(37, 77)).toEqual([37, 50, 60, 70, 77]);
    expect(linearTicks(0, 3.2)).toEqual([0, 1, 2, 3.2]);
    expect(scaleCaption(resultScale('dose', undefined))).toBe('Thermal dose 1–10⁴ CEM43 min (log)');
    expect(cssGradient('viridis')).toMatch(/^linear-gradient\(to right, rgb\(68 1 84\) 0%/);
  });

  it('is the panels’ rule too: src/ui re-exports it and defines no scale of its own', () => {
    expect(uiScales.resultScale).toBe(resultScale);
    expect(uiScales.ABLATION_DOSE).toBe(ABLATION_DOSE);
  });

  it('no file of the view, the legends or the exports restates 37 °C, 240 or 30 CEM43, or keeps legendGradient', () => {
    const mine = [
      ...files('src/scene'),
      ...files('src/style'),
      ...files('src/export'),
      ...[
        'TimePlots.tsx',
        'time-series.ts',
        'Playback.tsx',
        'ViewOverlay.tsx',
        'ScaleBar.tsx',
        'SliceControls.tsx',
        'ExportButtons.tsx',
        'colour-scales.ts',
        'MrThermometry.tsx',
        'thermometry.ts',
      ].map((f) => join('src/ui', f)),
    ];
    const offenders: string[] = [];
    for (const file of mine) {
      const text = readFileSync(join(ROOT, file), 'utf8');
      if (
        /\b(const|let)\s+\w*(temp|dose|cem|threshold|baseline|body|ablation|safety)\w*\s*(:\s*number\s*)?=\s*(37|240|30)\b/i.test(
          text,
        )
      )
        offenders.push(`${file}: threshold`);
      if (/legendGradient/.test(text)) offenders.push(`${file}: legendGradient`);
    }
    expect(offenders).toEqual([]);
  });
});
