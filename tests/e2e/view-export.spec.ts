import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { PlannerPage } from './fixtures/planner-page.ts';

interface Layout {
  width: number;
  height: number;
  band: { top: number; height: number };
  legendBar?: { x: number; y: number; width: number; height: number };
  scaleBar?: { x: number; y: number; width: number };
  texts: string[];
}

test('the PNG export is a figure: the view with its scale bar, legend, case and parameters (issue 10, item 14)', async ({
  page,
}) => {
  const app = new PlannerPage(page);
  await app.open();
  await app.sonicateAndWait();
  await expect
    .poll(async () => Number(await page.getByTestId('scene-probe').getAttribute('data-ablation-triangles')))
    .toBeGreaterThan(0);
  const canvas = await page.locator('.view canvas').evaluate((c: HTMLCanvasElement) => ({ w: c.width, h: c.height }));
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-png').click()]);
  const png = readFileSync(await file.path());
  expect([...png.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  // IHDR: width and height, big-endian, at bytes 16 and 20. The bare canvas was exactly the view's size.
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  expect(width).toBe(canvas.w);
  expect(height).toBeGreaterThan(canvas.h + 80);

  const layout = JSON.parse((await page.getByTestId('export-png').getAttribute('data-layout')) ?? '{}') as Layout;
  expect(layout.height).toBe(height);
  const texts = layout.texts.join('\n');
  expect(texts).toContain('Femoral shaft metastasis');
  expect(texts).toMatch(/Sonication [\d.]+ W for/);
  expect(texts).toContain('Slices: Temperature [°C]');
  expect(texts).toMatch(/\d+ mm/);
  expect(texts).toContain('not for clinical use');

  // Read the image back: the legend bar is inferno (dark on the left, pale yellow on the right), and the band
  // under the view holds text.
  const pixels = await page.evaluate(
    async ({ data, layout }) => {
      const image = new Image();
      image.src = `data:image/png;base64,${data}`;
      await image.decode();
      const c = document.createElement('canvas');
      c.width = image.width;
      c.height = image.height;
      const ctx = c.getContext('2d') as CanvasRenderingContext2D;
      ctx.drawImage(image, 0, 0);
      const at = (x: number, y: number) => [...ctx.getImageData(Math.round(x), Math.round(y), 1, 1).data];
      const bar = layout.legendBar as NonNullable<Layout['legendBar']>;
      const band = ctx.getImageData(0, layout.band.top, c.width, layout.band.height).data;
      let bright = 0;
      for (let i = 0; i < band.length; i += 4)
        if ((band[i] as number) + (band[i + 1] as number) + (band[i + 2] as number) > 400) bright++;
      return {
        left: at(bar.x + 1, bar.y + bar.height / 2),
        right: at(bar.x + bar.width - 2, bar.y + bar.height / 2),
        bright,
      };
    },
    { data: png.toString('base64'), layout },
  );
  expect(pixels.left.slice(0, 3).reduce((a, b) => a + b, 0)).toBeLessThan(60);
  expect(pixels.right[0]).toBeGreaterThan(230);
  expect(pixels.right[1]).toBeGreaterThan(230);
  expect(pixels.bright).toBeGreaterThan(300);
  expect(app.consoleErrors).toEqual([]);
});
