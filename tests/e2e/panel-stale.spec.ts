import { expect, type Page, test } from '@playwright/test';
import { PlannerPage } from './fixtures/planner-page.ts';

// Issue 10, item 2: results computed for other settings than those on screen say so, on the results card, on the
// safety dashboard and over the 3D view; going back to the settings of the run makes them current again.

async function expectStale(page: Page, stale: boolean): Promise<void> {
  await expect(page.getByTestId('results')).toHaveAttribute('data-stale', String(stale));
  await expect(page.getByTestId('safety-dashboard')).toHaveAttribute('data-stale', String(stale));
  if (stale) {
    await expect(page.getByTestId('results-stale')).toHaveText(
      'Computed for the previous settings — Sonicate to update.',
    );
    await expect(page.getByTestId('safety-stale')).toContainText('Computed for the previous settings');
    await expect(page.getByTestId('stale-banner')).toBeVisible();
    await expect(page.getByTestId('stale-banner')).toContainText('Sonicate to update');
  } else {
    await expect(page.getByTestId('results-stale')).toHaveCount(0);
    await expect(page.getByTestId('safety-stale')).toHaveCount(0);
    await expect(page.getByTestId('stale-banner')).toHaveCount(0);
  }
}

async function type(page: Page, testId: string, text: string): Promise<void> {
  const field = page.getByTestId(testId);
  await field.fill(text);
  await field.press('Enter');
}

test('changing power, target or a tissue value, or an Undo, marks the results stale; back to the run’s settings clears it', async ({
  page,
}) => {
  const app = new PlannerPage(page);
  await app.open();
  await type(page, 'param-power', '60 W');
  await app.sonicateAndWait();
  await expectStale(page, false);
  const peak = await app.resultSi('peak-temperature');

  // Undo takes the power back to 50 W: the results on screen are for 60 W.
  await page.getByTestId('undo').click();
  await expect(page.getByTestId('param-power')).toHaveValue('50 W');
  await expectStale(page, true);
  // The numbers stay (a trainee compares), only marked.
  expect(await app.resultSi('peak-temperature')).toBe(peak);
  await page.getByTestId('redo').click();
  await expectStale(page, false);

  await type(page, 'param-power', '120 W');
  await expectStale(page, true);
  await type(page, 'param-power', '60 W');
  await expectStale(page, false);

  await type(page, 'target-z', '15 mm');
  await expectStale(page, true);
  await page.getByTestId('undo').click();
  await expectStale(page, false);

  // A value of the "Tissue properties (advanced)" panel.
  await app.openTissue('muscle');
  await type(page, 'tissue-muscle-absorptionFraction', '0.5');
  await expect(page.getByTestId('tissue-muscle')).toHaveAttribute('data-changed', '1');
  await expectStale(page, true);
  await page.getByTestId('tissues-reset-all').click();
  await expectStale(page, false);

  // Issue 9: the field comes ahead. New beams, a pause while the user reads the estimate, and the worker has marched
  // their field before the click: Sonicate runs the heat alone and says so.
  await page.getByTestId('aberration-correction').click();
  await expectStale(page, true);
  await page.waitForTimeout(2000);
  await app.sonicateAndWait();
  await expectStale(page, false);
  await expect(page.getByTestId('run-info')).toContainText('its field computed ahead, while the beams stood still');
  const before = await app.resultSi('peak-temperature');
  // Only the power changed: the same field, rescaled; more power, a hotter peak.
  await type(page, 'param-power', '90 W');
  await app.sonicateAndWait();
  await expect(page.getByTestId('run-info')).toContainText(/its field computed ahead|same beams as the last run/);
  expect(await app.resultSi('peak-temperature')).toBeGreaterThan(before);
  expect(app.consoleErrors).toEqual([]);
});
