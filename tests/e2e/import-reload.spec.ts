import { expect, type Page, test } from '@playwright/test';
import { PlannerPage } from './fixtures/planner-page.ts';

// An imported bone is the user's work too: after a reload the picker still lists it and its plan comes back on it;
// forgetting it frees it for good.

const FEMUR = new URL('../../../shared/fixtures/geometry/bone-femur_r-opensim-converted.stl', import.meta.url).pathname;

async function spots(page: Page): Promise<string[]> {
  return page
    .locator('[data-testid="spot-list"] > li')
    .evaluateAll((items) =>
      items.map((li) => `${li.getAttribute('data-id')} ${li.querySelector('.spot-text')?.textContent}`),
    );
}

/** The spots of a case's autosave in IndexedDB, -1 when there is none. */
async function autosavedSpots(page: Page, caseId: string): Promise<number> {
  return page.evaluate(
    (key) =>
      new Promise<number>((resolve, reject) => {
        const request = indexedDB.open('fus-planner');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const db = request.result;
          const get = db.transaction('plans').objectStore('plans').get(key);
          get.onsuccess = () => {
            db.close();
            resolve(get.result?.file?.planning?.spots?.length ?? -1);
          };
          get.onerror = () => reject(get.error);
        };
      }),
    `plan:${caseId}`,
  );
}

test('an imported femur and its spot come back after a reload; Forget removes it for good', async ({ page }) => {
  test.setTimeout(300_000);
  const app = new PlannerPage(page);
  await app.open();
  await page.getByTestId('import-input').setInputFiles(FEMUR);
  const dialog = page.getByTestId('import-dialog');
  await expect(dialog.getByTestId('import-part')).toHaveCount(1);
  await dialog.getByTestId('import-build').click();
  await expect(dialog).toHaveCount(0, { timeout: 120_000 });
  const picker = page.getByTestId('case-picker');
  await expect(picker).toHaveValue(/^imported-/);
  const caseId = await picker.inputValue();
  await page.getByTestId('import-lesion-skip').click();
  await expect(page.getByTestId('beam-counts')).toBeVisible();

  await page.getByTestId('spot-add').click();
  await expect(page.locator('[data-testid="spot-list"] > li')).toHaveCount(1);
  const placed = await spots(page);
  await expect.poll(() => autosavedSpots(page, caseId)).toBe(1);

  await page.reload();
  await expect(page.getByTestId('beam-counts')).toBeVisible({ timeout: 60_000 });
  await expect(picker).toHaveValue(caseId);
  await expect(picker.locator('option:checked')).toHaveText('Imported: bone-femur_r-opensim-converted');
  await expect.poll(() => spots(page)).toEqual(placed);

  await page.getByTestId('import-forget').click();
  await expect(picker).toHaveValue('femur-shaft');
  await expect(picker.locator('option[value^="imported-"]')).toHaveCount(0);
  await expect(page.getByTestId('plan-message')).toContainText('is forgotten');
  await expect.poll(() => autosavedSpots(page, caseId)).toBe(-1);
  await page.reload();
  await expect(page.getByTestId('beam-counts')).toBeVisible({ timeout: 60_000 });
  await expect(picker.locator('option[value^="imported-"]')).toHaveCount(0);
  expect(app.consoleErrors).toEqual([]);
});
