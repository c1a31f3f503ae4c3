import { expect, test } from '@playwright/test';
import { PlannerPage } from './fixtures/planner-page.ts';

// Modes by URL (issue 13): plan is the default; learn opens the planner with the exercise panel beside it; an
// unknown mode opens the planner too, with no error. "/" with its axe run is checked on the planner's first page
// (app.spec.ts), "?mode=learn" by every load of learn.spec.ts (its openLearn); the patient, lecture and learn modes
// have their own axe runs in their specs. "?mode=plan" is the default's own spelling, read by the same function
// (tests/modes/mode.test.ts).
test('an unknown mode opens the planner, Plan marked in its menu, with no console errors', async ({ page }) => {
  const app = new PlannerPage(page);
  await page.goto('/?mode=surgeon');
  await expect(page.getByTestId('beam-counts')).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('.patient')).toHaveCount(0);
  await expect(page.getByTestId('learn-panel')).toHaveCount(0);
  await expect(page.locator('nav.mode-menu a[aria-current=page]')).toHaveText('Plan');
  await expect(page.locator('nav.mode-menu a', { hasText: 'For patients' })).toHaveAttribute('href', /mode=patient/);
  expect(app.consoleErrors).toEqual([]);
});
