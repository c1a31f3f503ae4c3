import { describe, expect, it } from 'vitest';
import { type Canvas2D, drawViewFigure, measureViewFigure, type ViewFigure } from '../../src/export/view-image.ts';
import { resultScale } from '../../src/style/result-scales.ts';

/** A canvas 2D stand-in that records what is drawn. */
function recorder() {
  const calls: { op: string; args: unknown[]; fillStyle: unknown }[] = [];
  const ctx: Canvas2D = {
    fillStyle: '#000',
    strokeStyle: '#000',
    lineWidth: 1,
    font: '',
    textAlign: 'left',
    textBaseline: 'top',
    fillRect: (...args) => calls.push({ op: 'fillRect', args, fillStyle: ctx.fillStyle }),
    strokeRect: (...args) => calls.push({ op: 'strokeRect', args, fillStyle: ctx.fillStyle }),
    fillText: (...args) => calls.push({ op: 'fillText', args, fillStyle: ctx.fillStyle }),
    measureText: (text) => ({ width: text.length * 6 }),
    drawImage: (...args) => calls.push({ op: 'drawImage', args: args.slice(1), fillStyle: ctx.fillStyle }),
    beginPath: () => undefined,
    moveTo: () => undefined,
    lineTo: () => undefined,
    stroke: () => calls.push({ op: 'stroke', args: [], fillStyle: ctx.fillStyle }),
  };
  return { ctx, calls };
}

function figure(patch: Partial<ViewFigure> = {}): ViewFigure {
  return {
    view: {} as CanvasImageSource,
    width: 680,
    height: 475,
    pixelRatio: 1,
    title: 'Femoral shaft metastasis',
    lines: ['Sonication 50 W for 20.0 s, 30.0 s cooling · 1.00 MHz', 'Peak 74.8 °C'],
    scale: resultScale('temperature', { maxTemperature: Float32Array.from([37, 74.8]) }),
    key: [{ colour: '#f98c0a', text: 'Ablation zone ≥ 240 CEM43' }],
    scaleBar: { mm: 20, px: 73 },
    notice: 'education and research only, not for clinical use',
    ...patch,
  };
}

describe('the exported view is a figure, not the bare canvas (issue 10, item 14)', () => {
  it('draws the view, then a band with the case, parameters, legend, key and notice, and the scale bar', () => {
    const { ctx, calls } = recorder();
    const layout = drawViewFigure(ctx, figure());
    expect(calls[0]).toMatchObject({ op: 'drawImage', args: [0, 0, 680, 475] });
    expect(layout.height).toBe(measureViewFigure(recorder().ctx, figure()).height);
    expect(layout.height).toBeGreaterThan(475 + 100);
    expect(layout.band.top).toBe(475);
    for (const text of [
      'Femoral shaft metastasis',
      'Sonication 50 W for 20.0 s, 30.0 s cooling · 1.00 MHz',
      'Slices: Temperature [°C]',
      '37',
      '74.8',
      'Ablation zone ≥ 240 CEM43',
      '20 mm',
      'education and research only, not for clinical use',
    ])
      expect(layout.texts).toContain(text);
    // The colour bar is the slices' map: inferno from black-purple to pale yellow, one column per pixel.
    const bar = layout.legendBar;
    if (!bar) throw new Error('no legend bar');
    const columns = calls.filter((c) => c.op === 'fillRect' && c.args[1] === bar.y && c.args[2] === 1);
    expect(columns).toHaveLength(bar.width);
    expect(columns[0]?.fillStyle).toBe('rgb(0, 0, 4)');
    expect(columns.at(-1)?.fillStyle).toBe('rgb(252, 255, 164)');
    // The scale bar keeps its length on the picture: 73 CSS px at ratio 1.
    expect(layout.scaleBar?.width).toBe(73);
  });

  it('never lets the text run under the legend: wraps it, and stacks the legend under it on a narrow view', () => {
    const long =
      'Sonication 50.0 W for 20.0 s, 30.0 s cooling · 1.00 MHz · 208 elements firing · and a good deal more to say';
    const { ctx, calls } = recorder();
    const layout = drawViewFigure(ctx, figure({ lines: [long] }));
    const bar = layout.legendBar;
    if (!bar) throw new Error('no legend bar');
    const textCalls = calls.filter((c) => c.op === 'fillText' && (c.args[2] as number) >= layout.band.top);
    for (const c of textCalls) {
      const [s, x, y] = c.args as [string, number, number];
      const right = x + s.length * 6;
      const overlapsBar = y + 14 > bar.y && y < bar.y + bar.height && right > bar.x && x < bar.x + bar.width;
      expect(overlapsBar, s).toBe(false);
      expect(right, s).toBeLessThanOrEqual(680 + 1);
    }
    // Everything stays inside the band.
    for (const c of textCalls) expect(c.args[2] as number).toBeLessThan(layout.height);
  });

  it('scales with the device pixel ratio and says when the slices are hidden', () => {
    const { ctx } = recorder();
    const layout = drawViewFigure(ctx, figure({ pixelRatio: 2, width: 1360, height: 950, scale: undefined }));
    expect(layout.height).toBe(
      measureViewFigure(recorder().ctx, figure({ pixelRatio: 2, width: 1360, height: 950, scale: undefined })).height,
    );
    expect(layout.scaleBar?.width).toBe(146);
    expect(layout.legendBar).toBeUndefined();
    expect(layout.texts).toContain('Slices hidden');
  });
});
