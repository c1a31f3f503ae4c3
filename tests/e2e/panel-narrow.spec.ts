import { expect, type Locator, test } from '@playwright/test';
import { PlannerPage } from './fixtures/planner-page.ts';

// Issue 13, item 5: the planner on a phone (390×844, touch) and a tablet in portrait (768×1024): the 3D view is a
// real share of the screen, the Sonicate bar is always on screen (at the top of the page and scrolled to its end),
// nothing lies over it, and a tap on it sonicates.

async function box(locator: Locator) {
  const b = await locator.boundingBox();
  if (!b) throw new Error('no box');
  return b;
}

for (const size of [
  { width: 390, height: 844 },
  { width: 768, height: 1024 },
] as const) {
  test.describe(`at ${size.width}×${size.height} with touch`, () => {
    test.use({ viewport: size, hasTouch: true, isMobile: true });

    test('the view fills the width, the Sonicate bar stays on screen, and a tap sonicates', async ({ page }) => {
      const app = new PlannerPage(page);
      await app.open();
      const view = await box(page.getByTestId('view3d'));
      expect(view.width).toBeGreaterThanOrEqual(size.width - 2);
      expect(view.height).toBeGreaterThanOrEqual(0.5 * size.height);
      const sonicate = page.getByTestId('sonicate');
      await expect(sonicate).toBeInViewport({ ratio: 1 });
      // The bar does not cover the view's top half, where the target and beams are.
      const bar = await box(page.getByTestId('action-bar'));
      expect(bar.y).toBeGreaterThan(view.y + view.height / 2);
      // Scrolled to the end of the page (the case's parts), it is still there and nothing covers it.
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      await expect(page.getByTestId('parts-list')).toBeInViewport();
      await expect(sonicate).toBeInViewport({ ratio: 1 });
      const b = await box(sonicate);
      const onTop = await page.evaluate(
        ({ x, y }) => document.elementFromPoint(x, y)?.closest('[data-testid=sonicate]') !== null,
        { x: b.x + b.width / 2, y: b.y + b.height / 2 },
      );
      expect(onTop).toBe(true);
      // No horizontal scrolling: nothing is wider than the screen.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.width);
      await sonicate.tap();
      await app.waitForRunStatus('done', 120_000);
      expect(await app.resultSi('peak-temperature')).toBeGreaterThan(37);
      expect(app.consoleErrors).toEqual([]);
    });
  });
}
