import { expect, type Page, test } from '@playwright/test';
import { PlannerPage } from './fixtures/planner-page.ts';

// Issue 13, item 6: the 3D view is reachable and operable by keyboard — it takes focus with Tab, says what it is and
// which keys work, turns and zooms by keys, and moves the target by keys as one undo step each.

async function targetMm(page: Page): Promise<number[]> {
  return Promise.all(
    ['x', 'y', 'z'].map(async (a) => Number.parseFloat(await page.getByTestId(`target-${a}`).inputValue())),
  );
}

test('the 3D view by keyboard: Tab reaches it, arrows turn it, + zooms, Shift+arrow moves the target 1 mm, Undo takes it back; the view’s help follows the window’s width', async ({
  page,
}) => {
  const app = new PlannerPage(page);
  await app.open();
  const view = page.locator('[data-testid=view3d] canvas');
  await expect(view).toHaveAttribute('tabindex', '0');
  await expect(view).toHaveAttribute('aria-label', /Arrow keys turn the view/);
  // The view sits in the tab order just before the buttons over it: Shift+Tab from Reset view lands on it.
  await page.getByTestId('reset-view').focus();
  await page.keyboard.press('Shift+Tab');
  await expect(view).toBeFocused();

  const probe = page.getByTestId('scene-probe');
  const handle = async () => probe.getAttribute('data-transducer-handle');
  await expect(probe).toHaveAttribute('data-transducer-handle', /\d/);
  const before = await handle();
  await page.keyboard.press('ArrowLeft');
  await expect.poll(handle).not.toBe(before);

  const mm = async () => Number(await page.getByTestId('scale-bar').getAttribute('data-mm'));
  const wide = await mm();
  for (let i = 0; i < 4; i++) await page.keyboard.press('+');
  await expect.poll(mm).toBeLessThan(wide);

  const start = await targetMm(page);
  await page.keyboard.press('Shift+ArrowRight');
  await expect
    .poll(async () => {
      const now = await targetMm(page);
      return Math.hypot(...now.map((v, i) => v - (start[i] as number)));
    })
    .toBeCloseTo(1, 1);
  await page.getByTestId('undo').click();
  await expect.poll(() => targetMm(page)).toEqual(start);

  // Issue 13, item 5: the help over the view folds when the window narrows below 1200 px (it would cover the
  // beams on a 1024 × 768 projector) and opens again when it widens, as it does at load.
  const help = page.getByTestId('view-help');
  await expect(help).toHaveAttribute('open', '');
  await page.setViewportSize({ width: 1024, height: 768 });
  await expect(help).not.toHaveAttribute('open');
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(help).toHaveAttribute('open', '');
  expect(app.consoleErrors).toEqual([]);
});
