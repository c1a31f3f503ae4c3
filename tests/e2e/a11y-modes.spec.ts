import { expect, test } from '@playwright/test';
import { axeFindings } from './fixtures/axe.ts';
import { PlannerPage } from './fixtures/planner-page.ts';

// Modes by URL (issue 13): plan is the default; learn opens the planner with the exercise panel beside it; an
// unknown mode opens the planner too, with no error. axe checks the planner as it opens (the patient, lecture and
// learn modes have their own axe runs in their specs): no serious or critical finding.

// One test, three loads: the axe run checks the planner opened by "/" (a load is much of an end-to-end test's
// cost here). "?mode=plan" is the default's own spelling, read by the same function (tests/modes/mode.test.ts).
test('"/", "?mode=learn" and an unknown mode open the planner with no console errors; axe finds no serious or critical violation on it', async ({
  page,
}) => {
  const app = new PlannerPage(page);
  for (const query of ['', '?mode=learn', '?mode=surgeon']) {
    await page.goto(`/${query}`);
    await expect(page.getByTestId('beam-counts')).toBeVisible({ timeout: 30_000 });
    await expect(page.locator('.patient')).toHaveCount(0);
    // Only the learn mode adds its exercise panel to the planner.
    await expect(page.getByTestId('learn-panel')).toHaveCount(query === '?mode=learn' ? 1 : 0);
    // The planner's header names the modes, the current one marked.
    await expect(page.locator('nav.mode-menu a[aria-current=page]')).toHaveText(
      query === '?mode=learn' ? 'Learn' : 'Plan',
    );
    await expect(page.locator('nav.mode-menu a', { hasText: 'For patients' })).toHaveAttribute('href', /mode=patient/);
    if (query === '') {
      const axe = await axeFindings(page);
      // axe ran on the planner's page (it checked rules and found nodes to check).
      expect(axe.passes).toBeGreaterThan(10);
      expect(axe.serious).toEqual([]);
    }
  }
  expect(app.consoleErrors).toEqual([]);
});
