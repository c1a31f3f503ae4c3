import { expect, test } from '@playwright/test';
import { PlannerPage } from './fixtures/planner-page.ts';

// Issue 10, item 11 (the axes' ticks are checked on the results spec's page, which already sonicates).
test.describe('the time plots (issue 10, item 11)', () => {
  test('a plan’s curves are named by the spot numbers of the list', async ({ page }) => {
    const app = new PlannerPage(page);
    await app.open();
    await page.getByTestId('spot-add').click();
    await page.getByTestId('spot-add').click();
    await expect(page.getByTestId('spot-1')).toBeVisible();
    await page.getByTestId('plan-run').click();
    await expect(page.getByTestId('plan-status')).toHaveAttribute('data-status', 'done', { timeout: 120_000 });
    const plot = page.getByTestId('plot-temperature');
    await expect(plot).toHaveAttribute('data-labels', /spot 2/);
    const labels = JSON.parse((await plot.getAttribute('data-labels')) ?? '[]') as string[];
    expect(labels).toContain('spot 1');
    expect(labels).toContain('spot 2');
    await expect(plot.locator('.u-legend')).toContainText('spot 2');
    await expect(plot.locator('.u-legend')).not.toContainText('spot spot');
    expect(app.consoleErrors).toEqual([]);
  });
});
