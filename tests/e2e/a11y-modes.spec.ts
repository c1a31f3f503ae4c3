import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { PlannerPage } from './fixtures/planner-page.ts';

// Modes by URL (issue 13): plan is the default; learn opens the planner with the exercise panel beside it; an
// unknown mode opens the planner too, with no error. axe checks the planner as it opens (the patient, lecture and
// learn modes have their own axe runs in their specs): no serious or critical finding.

test('"/", "?mode=plan", "?mode=learn" and an unknown mode open the planner with no console errors', async ({
  page,
}) => {
  const app = new PlannerPage(page);
  for (const query of ['', '?mode=plan', '?mode=learn', '?mode=surgeon']) {
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
  }
  expect(app.consoleErrors).toEqual([]);
});

test('axe on the default planner finds no serious or critical violation', async ({ page }) => {
  const app = new PlannerPage(page);
  await app.open();
  const results = await new AxeBuilder({ page }).analyze();
  // axe ran on the planner's page (it checked rules and found nodes to check).
  expect(results.passes.length).toBeGreaterThan(10);
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
  expect(serious).toEqual([]);
});
