import { expect, test } from '@playwright/test';
import { PlannerPage } from './fixtures/planner-page.ts';

// Issue 10, items 3 and 6, and the whole-path judgement of critical structures (issue 8): what the screen says
// about where the target is and where the heat went is true.

test('a target typed outside the body is refused where it is typed, and the old target stays', async ({ page }) => {
  const app = new PlannerPage(page);
  await app.open();
  const y = page.getByTestId('target-y');
  const before = await y.inputValue();
  await y.fill('500');
  await y.press('Enter');
  await expect(page.getByTestId('target-y-error')).toContainText('the target must be inside the body');
  await y.press('Escape');
  await expect(y).toHaveValue(before);
  expect(app.consoleErrors).toEqual([]);
});

test('the results give the target’s own temperature and dose, each peak with its distance from the target, and judge the nerve the path does not reach', async ({
  page,
}) => {
  const app = new PlannerPage(page);
  await app.open();
  await app.sonicateAndWait();
  const atTarget = await app.resultSi('target-temperature');
  const peak = await app.resultSi('peak-temperature');
  expect(atTarget).toBeGreaterThan(45);
  expect(atTarget).toBeLessThanOrEqual(peak + 1e-6);
  await expect(app.result('target-dose')).not.toHaveText('—');
  await expect(app.result('peak-temperature')).toHaveText(/°C, (at the target|[\d.]+ mm from the target)$/);
  await expect(app.result('peak-pressure')).toHaveText(/MPa, (at the target|[\d.]+ mm from the target)$/);
  // The femur's sciatic nerve lies beside the beam path: judged, not left without a value.
  await expect(page.getByTestId('safety-critical-dose')).toHaveAttribute('data-status', 'pass');
  await expect(page.getByTestId('safety-critical-dose')).toContainText('mm outside the simulated beam path');
  expect(app.consoleErrors).toEqual([]);
});
