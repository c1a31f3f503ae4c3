import { expect, test } from '@playwright/test';
import { collectConsoleErrors } from './fixtures/console-errors.ts';
import { PlannerPage } from './fixtures/planner-page.ts';

// A browser where WebGL does not start (switched off in its settings or by policy, or a blocked graphics driver with
// no software fallback): the 3D views say so and the rest of each mode works. Before, the planner's canvas threw
// while it started and the whole page went blank. The page's canvases are made to return no WebGL context, as such a
// browser's do.
test.describe('with WebGL switched off', () => {
  test.beforeEach(async ({ page }) => {
    await page.addInitScript(() => {
      const real = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, kind: string, ...rest: unknown[]) {
        if (/webgl/.test(kind)) return null;
        return (real as (...a: unknown[]) => unknown).call(this, kind, ...rest);
      } as typeof real;
    });
  });

  test('the planner says the view cannot be drawn, and still estimates and sonicates', async ({ page }) => {
    const app = new PlannerPage(page);
    await app.open();
    const notice = page.getByTestId('no-webgl');
    await expect(notice).toContainText('The 3D view cannot be drawn in this browser');
    await expect(notice).toContainText('Everything else works');
    await expect(page.locator('.view canvas')).toHaveCount(0);
    // The view's help and beam key describe a view that is not there: they go.
    await expect(page.getByTestId('view-help')).toBeHidden();
    await expect(page.getByTestId('estimate-pressure')).toHaveAttribute('data-si', /\d/, { timeout: 30_000 });
    await app.sonicateAndWait();
    expect(await app.resultSi('peak-temperature')).toBeGreaterThan(45);
    expect(app.consoleErrors).toEqual([]);
  });

  test('the patient explainer tells its story in words, and the lecture goes on without its picture', async ({
    page,
  }) => {
    const errors = collectConsoleErrors(page);
    await page.goto('/?mode=patient');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('A painful spot in the bone', { timeout: 30_000 });
    await expect(page.locator('.patient-picture-missing')).toContainText('the words tell the whole story');
    await page.getByRole('button', { name: /^Next/ }).click();
    await expect(page.locator('.patient-count')).toContainText('2');
    await page.goto('/?mode=lecture');
    await expect(page.locator('.lecture-picture-missing')).toContainText('the story and its numbers go on', {
      timeout: 30_000,
    });
    expect(errors).toEqual([]);
  });
});
