import { expect, type Locator, test } from '@playwright/test';
import { PlannerPage } from './fixtures/planner-page.ts';

// Issue 13, item 5: the planner on a phone (390×844, touch) and a tablet in portrait (768×1024): the 3D view is a
// real share of the screen, the Sonicate bar is always on screen (at the top of the page and scrolled to its end),
// nothing lies over it, and a tap on it sonicates. One page, laid out at the phone's size and then at the tablet's
// (the layout is CSS alone: a load at a size lays out as a resize to it), so one page load and one sonication.

async function box(locator: Locator) {
  const b = await locator.boundingBox();
  if (!b) throw new Error('no box');
  return b;
}

/** The layout checks at one size, then a tap on Sonicate, which starts a run. */
async function expectNarrowLayoutAndTap(app: PlannerPage, size: { width: number; height: number }): Promise<void> {
  const { page } = app;
  await page.evaluate(() => window.scrollTo(0, 0));
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
  await app.waitForRunStatus('running');
}

test.describe('on a phone (390×844) and a tablet in portrait (768×1024), with touch', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('the view fills the width, the Sonicate bar stays on screen, and a tap sonicates', async ({ page }) => {
    test.setTimeout(150_000);
    const app = new PlannerPage(page);
    await app.open();
    // At the phone's size the tapped run is waited for: its result is there.
    await expectNarrowLayoutAndTap(app, { width: 390, height: 844 });
    await app.waitForRunStatus('done', 120_000);
    expect(await app.resultSi('peak-temperature')).toBeGreaterThan(37);
    // The results card is screens below the bar: the bar offers the way there, and goes once it is taken.
    await expect(page.getByTestId('results')).not.toBeInViewport();
    await page.getByTestId('results-link').tap();
    await expect(page.getByTestId('results')).toBeInViewport();
    await expect(page.getByTestId('results-link')).toHaveCount(0);
    // The beam colours' key covered the transducer on a phone: it is folded under its title there, a tap opens it.
    await page.evaluate(() => window.scrollTo(0, 0));
    const key = page.getByTestId('beam-key');
    await expect(key).not.toHaveAttribute('open');
    await expect(key.getByText('clear path')).toBeHidden();
    const folded = await box(key);
    expect(folded.height).toBeLessThan(40);
    await key.getByText('Beam colours').tap();
    await expect(key.getByText('clear path')).toBeVisible();
    await key.getByText('Beam colours').tap();
    await expect(key).not.toHaveAttribute('open');
    // The scale bar stands clear of the heat legend, whose contour line wraps at this width; also when a run that
    // ablates nothing makes the legend taller ("(not reached)" wraps two lines: the iliac case's default put the
    // legend's title under the bar).
    const legendClear = async () => {
      const bar = await box(page.getByTestId('scale-bar'));
      const legend = await box(page.getByTestId('heat-legend'));
      expect(bar.y + bar.height).toBeLessThanOrEqual(legend.y);
      return legend.height;
    };
    const ablating = await legendClear();
    const power = page.getByTestId('param-power');
    await power.fill('5 W');
    await power.press('Enter');
    await page.getByTestId('sonicate').tap();
    await app.waitForRunStatus('done', 120_000);
    await expect(page.getByTestId('heat-legend')).toContainText('(not reached)');
    expect(await legendClear()).toBeGreaterThan(ablating + 10);
    // At the tablet's size the tap starts a run again (the run itself does not depend on the size); the key, folded,
    // opens as the window crosses 700 px: there is room beside the beams.
    await page.setViewportSize({ width: 768, height: 1024 });
    await expect(key).toHaveAttribute('open', '');
    await expectNarrowLayoutAndTap(app, { width: 768, height: 1024 });
    expect(app.consoleErrors).toEqual([]);
  });
});
