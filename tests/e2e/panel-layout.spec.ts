import { expect, test } from '@playwright/test';
import { plannerForGroup } from './fixtures/planner-page.ts';

// Issue 10, item 1: the main action must be on screen, unscrolled, at common laptop and desktop sizes.
const SIZES = [
  { width: 1280, height: 800 },
  { width: 1366, height: 768 },
  { width: 1400, height: 900 },
  { width: 1920, height: 1080 },
] as const;

// One page, loaded at 1024×768 (a projector), then resized: a page load is much of an end-to-end test's cost here.
test.describe('the planner at laptop, desktop and projector sizes', () => {
  const group = plannerForGroup(async (app) => {
    await app.page.setViewportSize({ width: 1024, height: 768 });
    await app.open();
  });

  // Issue 13, item 5: on a projector (1024×768, 1920×1080) nothing laid over the 3D view or in the header overlaps.
  test('at 1024×768 and 1920×1080 the overlays over the view and the header items do not overlap', async () => {
    const { page, app } = group;
    const groups = [
      ['.app-header h1', '.app-header nav.mode-menu', '.app-header .clinical-notice'],
      ['.view .view-buttons', '.view .view-help-text', '.view .beam-key', '[data-testid=scale-bar]'],
    ];
    for (const size of [
      { width: 1024, height: 768 },
      { width: 1920, height: 1080 },
    ]) {
      // Loaded at 1024×768, then widened: the view's help starts folded or open by the width it opens at, and folds
      // or opens as the window narrows or widens (view-keyboard.spec.ts).
      await page.setViewportSize(size);
      if (size.width < 1200) await expect(page.getByTestId('view-help')).not.toHaveAttribute('open');
      else await expect(page.getByTestId('view-help')).toHaveAttribute('open', '');
      await expect(page.getByTestId('sonicate')).toBeEnabled();
      for (const selectors of groups) {
        const boxes = [];
        for (const s of selectors) {
          const b = await page.locator(s).first().boundingBox();
          if (!b) throw new Error(`${s} is not laid out at ${size.width}×${size.height}`);
          boxes.push({ s, ...b });
        }
        for (const [i, a] of boxes.entries())
          for (const b of boxes.slice(i + 1)) {
            const apart =
              a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
            expect(apart, `${a.s} and ${b.s} overlap at ${size.width}×${size.height}`).toBe(true);
          }
      }
    }
    expect(app.consoleErrors).toEqual([]);
  });

  // One page, its window resized to each size (the layout is CSS alone: a load at a size lays out as a resize to it).
  test('Sonicate is on screen without scrolling at 1280×800, 1366×768, 1400×900 and 1920×1080', async () => {
    const { page, app } = group;
    for (const size of SIZES) {
      await page.setViewportSize(size);
      const sonicate = page.getByTestId('sonicate');
      await expect(sonicate).toBeEnabled();
      // Nothing has been scrolled: not the page, not any panel that holds the button.
      const scrolled = await sonicate.evaluate((button) => {
        let panels = 0;
        for (let el = button.parentElement; el; el = el.parentElement) panels += el.scrollTop;
        return {
          page: window.scrollY,
          panels,
          pageOverflows: document.documentElement.scrollHeight > window.innerHeight + 1,
        };
      });
      expect(scrolled).toEqual({ page: 0, panels: 0, pageOverflows: false });
      const box = await sonicate.boundingBox();
      if (!box) throw new Error('Sonicate has no box');
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.y + box.height).toBeLessThanOrEqual(size.height);
      expect(box.x + box.width).toBeLessThanOrEqual(size.width);
      // And nothing lies over it: the element under its centre is the button itself.
      const hit = await page.evaluate(
        ({ x, y }) => document.elementFromPoint(x, y)?.closest('[data-testid=sonicate]') !== null,
        { x: box.x + box.width / 2, y: box.y + box.height / 2 },
      );
      expect(hit).toBe(true);
      // Cancel and the run's status sit beside it.
      await expect(page.getByTestId('cancel')).toBeInViewport({ ratio: 1 });
      await expect(page.getByTestId('progress')).toBeInViewport({ ratio: 1 });
    }
    expect(app.consoleErrors).toEqual([]);
  });

  // A walk's finding: after a sonication the plots' hidden captions sat past the time panel's scroll and made the
  // page itself scroll, so "See the results" scrolled the header, the modes and the clinical notice off screen.
  test('after a sonication at 1280×800 the page itself does not scroll, and "See the results" keeps the header', async () => {
    const { page, app } = group;
    await page.setViewportSize({ width: 1280, height: 800 });
    await app.sonicateAndWait();
    await expect(page.getByTestId('plot-temperature')).toBeVisible();
    const overflow = () => page.evaluate(() => document.documentElement.scrollHeight - window.innerHeight);
    expect(await overflow()).toBeLessThanOrEqual(1);
    await page.getByTestId('results-link').click();
    await expect(page.getByTestId('results')).toBeInViewport();
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);
    await expect(page.locator('.app-header .clinical-notice')).toBeInViewport({ ratio: 1 });
    expect(app.consoleErrors).toEqual([]);
  });
});
