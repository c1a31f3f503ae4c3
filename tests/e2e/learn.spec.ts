import { expect, type Page, test } from '@playwright/test';
import { axeFindings } from './fixtures/axe.ts';
import { PlannerPage } from './fixtures/planner-page.ts';

// The learn mode (issue 13, trainee exercises): the planner with an exercise panel. A trainee starts the first
// exercise, sonicates as it asks, sees the objectives ticked and the score, and finds the progress kept after a
// reload; the panel leaves the 3D view and the Sonicate bar uncovered; axe finds no serious or critical violation.

async function openLearn(page: Page): Promise<void> {
  await page.goto('/?mode=learn');
  await expect(page.getByTestId('beam-counts')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('learn-panel')).toBeVisible();
  await expect(page.locator('.patient')).toHaveCount(0);
  // The header's menu marks the mode the page is in, and names the others.
  await expect(page.locator('nav.mode-menu a[aria-current=page]')).toHaveText('Learn');
  await expect(page.locator('nav.mode-menu a', { hasText: 'For patients' })).toHaveAttribute('href', /mode=patient/);
}

/** The panel covers neither the 3D view nor the Sonicate button: what is at the button's centre is the button. */
async function expectPlannerUncovered(page: Page): Promise<void> {
  const panel = await page.getByTestId('learn-panel').boundingBox();
  const view = await page.locator('main.view').boundingBox();
  expect(panel && view).toBeTruthy();
  if (!panel || !view) return;
  expect(panel.x + panel.width).toBeLessThanOrEqual(view.x + 1);
  const sonicateOnTop = await page.getByTestId('sonicate').evaluate((button) => {
    const r = button.getBoundingClientRect();
    const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
    return hit !== null && (hit === button || button.contains(hit));
  });
  expect(sonicateOnTop).toBe(true);
}

/**
 * On a phone or a tablet in portrait the exercise comes right after the 3D view in the one column, overlapping nothing; its
 * objectives and score scroll into sight, the pinned Sonicate button stays on top, and nothing scrolls sideways.
 */
async function expectNarrowUsable(page: Page, width: number, height: number): Promise<void> {
  await page.setViewportSize({ width, height });
  const panel = page.getByTestId('learn-panel');
  const view = await page.locator('main.view').boundingBox();
  const box = await panel.boundingBox();
  expect(view && box).toBeTruthy();
  if (!view || !box) return;
  // Right after the view, not below the whole planner.
  expect(box.y).toBeGreaterThanOrEqual(view.y + view.height - 1);
  expect(box.y).toBeLessThanOrEqual(view.y + view.height + 2);
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(width + 1);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
  for (const testId of ['learn-objectives', 'learn-score']) {
    const part = page.getByTestId(testId);
    await part.scrollIntoViewIfNeeded();
    await expect(part).toBeInViewport();
    // Not under the pinned bar: the part's bottom is above the bar's top.
    const [bottom, barTop] = await part.evaluate((el) => [
      el.getBoundingClientRect().bottom,
      document.querySelector('.action-bar')?.getBoundingClientRect().top ?? Number.POSITIVE_INFINITY,
    ]);
    expect(bottom).toBeLessThanOrEqual((barTop as number) + 1);
  }
  const sonicateOnTop = await page.getByTestId('sonicate').evaluate((button) => {
    const r = button.getBoundingClientRect();
    const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
    return r.bottom <= window.innerHeight && hit !== null && (hit === button || button.contains(hit));
  });
  expect(sonicateOnTop).toBe(true);
}

test('complete the first exercise: start it, sonicate, see the objectives ticked and the score, on a phone and a tablet too; reload keeps it', async ({
  page,
}) => {
  const app = new PlannerPage(page);
  await openLearn(page);
  const panel = page.getByTestId('learn-panel');
  await expect(panel.getByRole('heading', { level: 3 })).toHaveText('Femur: ablate beside the sciatic nerve');
  await expect(page.getByTestId('learn-best-femur-nerve')).toHaveText('not tried');
  // Nothing is judged before the exercise has started and a run has been made.
  await expect(page.getByTestId('learn-objectives').locator('li[data-met=none]')).toHaveCount(4);

  await panel.getByRole('button', { name: 'Start this exercise' }).click();
  await expect(panel.getByRole('button', { name: 'Start again' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('sonicate')).toBeEnabled({ timeout: 30_000 });

  // A hint on request, one at a time.
  await panel.getByRole('button', { name: 'Show a hint (1 of 3)' }).click();
  await expect(page.getByTestId('learn-hints').locator('li')).toHaveCount(1);
  await expect(panel.getByRole('button', { name: 'Show a hint (2 of 3)' })).toBeVisible();

  await app.sonicateAndWait();
  const objectives = page.getByTestId('learn-objectives');
  await expect(objectives.locator('li[data-met=true]')).toHaveCount(4);
  await expect(objectives).toContainText('lesion at most');
  await expect(objectives).toContainText('1000 J');
  await expect(page.getByTestId('learn-score')).toContainText('Score: 100 / 100 — complete!');
  await expect(page.getByTestId('learn-feedback')).toContainText('Beams:');
  await expect(page.getByTestId('learn-feedback')).toContainText('Every objective is met');
  await expect(page.getByTestId('learn-best-femur-nerve')).toHaveText('✓ done · best 100');
  await expectPlannerUncovered(page);

  // Another mode, with results on screen, is asked for first, over the exercises panel (a walk found the question
  // under it, its buttons out of reach).
  await page.locator('nav.mode-menu a', { hasText: 'Plan' }).click();
  const leave = page.getByTestId('mode-leave-go');
  await expect(leave).toBeVisible();
  const onTop = await leave.evaluate((link) => {
    const r = link.getBoundingClientRect();
    const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
    return hit !== null && (hit === link || link.contains(hit));
  });
  expect(onTop).toBe(true);
  await page.getByTestId('mode-leave-stay').click();
  await expect(page.getByTestId('mode-leave')).toHaveCount(0);

  // Issue 13, item 5: the same page on a phone and on a tablet in portrait.
  await expectNarrowUsable(page, 390, 844);
  await expect(page.getByTestId('learn-score')).toContainText('Score: 100 / 100');
  await expectNarrowUsable(page, 768, 1024);
  await page.setViewportSize({ width: 1280, height: 800 });

  // The progress is kept in the browser: after a reload the list still shows the best score and the mark.
  await page.reload();
  await expect(page.getByTestId('learn-panel')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('learn-best-femur-nerve')).toHaveText('✓ done · best 100');
  await expect(page.getByTestId('learn-best-rib-lung')).toHaveText('not tried');

  // …until the trainee resets it.
  await panel.getByRole('button', { name: 'Reset progress' }).click();
  await panel.getByRole('button', { name: 'Yes, reset' }).click();
  await expect(page.getByTestId('learn-best-femur-nerve')).toHaveText('not tried');
  await page.reload();
  await expect(page.getByTestId('learn-best-femur-nerve')).toHaveText('not tried', { timeout: 30_000 });
  expect(app.consoleErrors).toEqual([]);
});

// One page for both (a page load is much of an end-to-end test's cost here): axe with a hint open, then the layout.
test('at 1920×1080 axe finds no serious or critical violation; the panel leaves the 3D view and the Sonicate bar uncovered, and folds away', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await openLearn(page);
  await page.getByTestId('learn-panel').getByRole('button', { name: 'Show a hint (1 of 3)' }).click();
  const axe = await axeFindings(page);
  expect(axe.passes).toBeGreaterThan(10);
  expect(axe.serious).toEqual([]);

  await expectPlannerUncovered(page);
  await page
    .getByTestId('learn-panel')
    .getByRole('button', { name: 'Next exercise: Iliac wing: keep the beams off the bowel' })
    .click();
  await expect(page.getByTestId('learn-panel').getByRole('heading', { level: 3 })).toHaveText(
    'Iliac wing: keep the beams off the bowel',
  );
  await page.screenshot({ path: test.info().outputPath('learn-1920.png') });
  const fold = page.getByTestId('learn-panel').getByRole('button', { name: 'Fold away' });
  await fold.click();
  await expect(page.getByTestId('learn-panel').getByRole('button', { name: 'Show exercises' })).toHaveAttribute(
    'aria-expanded',
    'false',
  );
  await expect(page.getByTestId('learn-objectives')).toHaveCount(0);
});

test('starting an exercise leaves the plan the user left in the planner alone (the learn mode keeps its own)', async ({
  page,
}) => {
  const app = new PlannerPage(page);
  await app.open();
  const z = page.getByTestId('target-z');
  await z.fill('3 mm');
  await z.press('Enter');
  await expect(z).toHaveValue('3 mm');
  // Wait until the planner's autosave holds the typed target (IndexedDB 'fus-planner'), then go and learn.
  await expect
    .poll(() =>
      page.evaluate(
        () =>
          new Promise<unknown>((resolve) => {
            const request = indexedDB.open('fus-planner');
            request.onsuccess = () => {
              const db = request.result;
              if (!db.objectStoreNames.contains('plans')) return resolve(undefined);
              const get = db.transaction('plans').objectStore('plans').get('plan:femur-shaft');
              get.onsuccess = () => resolve(get.result?.file?.target?.[2]);
            };
          }),
      ),
    )
    .toBeCloseTo(0.003, 6);
  await openLearn(page);
  const panel = page.getByTestId('learn-panel');
  await panel.getByRole('button', { name: 'Start this exercise' }).click();
  await expect(panel.getByRole('button', { name: 'Start again' })).toBeVisible({ timeout: 30_000 });
  await page.goto('/');
  await expect(page.getByTestId('sonicate')).toBeEnabled({ timeout: 30_000 });
  await expect(page.getByTestId('target-z')).toHaveValue('3 mm');
  expect(app.consoleErrors).toEqual([]);
});
