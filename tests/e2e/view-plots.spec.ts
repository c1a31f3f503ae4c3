import { expect, type Locator, test } from '@playwright/test';
import { PlannerPage } from './fixtures/planner-page.ts';

/** What the plot says its y axis drew, after a draw (TimePlots records it on the figure). */
async function yAxis(plot: Locator): Promise<{ ticks: string[]; width: number; room: number }> {
  await expect(plot).toHaveAttribute('data-y-ticks', /\[/);
  return plot.evaluate((el: HTMLElement) => ({
    ticks: JSON.parse(el.dataset.yTicks ?? '[]') as string[],
    width: Number(el.dataset.yLabelWidth),
    room: Number(el.dataset.yLabelRoom),
  }));
}

test.describe('the time plots (issue 10, item 11)', () => {
  test('axes show readable ticks: several on temperature, decades on dose, none clipped', async ({ page }) => {
    const app = new PlannerPage(page);
    await app.open();
    await app.sonicateAndWait();
    const temperature = await yAxis(page.getByTestId('plot-temperature'));
    expect(temperature.ticks.length).toBeGreaterThanOrEqual(3);
    expect(temperature.width).toBeLessThanOrEqual(temperature.room);
    const dose = await yAxis(page.getByTestId('plot-dose'));
    expect(dose.ticks.length).toBeGreaterThanOrEqual(3);
    // Decades as 0.01 … 100, then powers of ten: never "1,000,000,000", never "10⁻Infinity".
    for (const tick of dose.ticks) expect(tick).toMatch(/^(0\.01|0\.1|1|10|100|10[⁰¹²³⁴⁵⁶⁷⁸⁹]+)$/);
    expect(dose.width).toBeGreaterThan(0);
    expect(dose.width).toBeLessThanOrEqual(dose.room);
    expect(app.consoleErrors).toEqual([]);
  });

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
