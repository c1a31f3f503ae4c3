import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { PlannerPage, plannerForGroup } from './fixtures/planner-page.ts';

// A plan on an imported bone travels as a file with its mesh files: saved, then opened in a fresh browser by
// dropping it with them, or, where the bone is not held, with Open plan… and the file picker its message offers (a
// wrong file refused). The import dialog takes the focus and closes on Escape with the case untouched.

const FIXTURES = new URL('../../../shared/fixtures/geometry/', import.meta.url);
const FEMUR = 'bone-femur_r-opensim-converted.stl';
const fixturePath = (name: string) => new URL(name, FIXTURES).pathname;

async function spots(page: Page): Promise<string[]> {
  return page
    .locator('[data-testid="spot-list"] > li')
    .evaluateAll((items) => items.map((li) => li.querySelector('.spot-text')?.textContent ?? ''));
}

async function dropOnView(page: Page, files: { name: string; path: string }[]): Promise<void> {
  const list = files.map(({ name, path }) => ({ name, base64: readFileSync(path).toString('base64') }));
  const dataTransfer = await page.evaluateHandle((items) => {
    const dt = new DataTransfer();
    for (const { name, base64 } of items) {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      dt.items.add(new File([bytes], name));
    }
    return dt;
  }, list);
  const view = page.locator('.view');
  await view.dispatchEvent('dragenter', { dataTransfer });
  await view.dispatchEvent('dragover', { dataTransfer });
  await view.dispatchEvent('drop', { dataTransfer });
}

/** Imports the femur (no lesion), adds a spot at the target, saves the plan; returns its path and the spots. */
async function savedFemurPlan(page: Page): Promise<{ path: string; shown: string[] }> {
  await page.getByTestId('import-input').setInputFiles(fixturePath(FEMUR));
  const dialog = page.getByTestId('import-dialog');
  await expect(dialog.getByTestId('import-part')).toHaveCount(1);
  await dialog.getByTestId('import-build').click();
  await expect(dialog).toHaveCount(0, { timeout: 120_000 });
  await page.getByTestId('import-lesion-skip').click();
  await page.getByTestId('spot-add').click();
  await expect(page.locator('[data-testid="spot-list"] > li')).toHaveCount(1);
  const download = page.waitForEvent('download');
  await page.getByTestId('plan-save').click();
  const file = await download;
  const path = join(mkdtempSync(join(tmpdir(), 'h14-plan-')), file.suggestedFilename());
  await file.saveAs(path);
  await expect(page.getByTestId('plan-message')).toContainText(`keep ${FEMUR} beside it`);
  const plan = JSON.parse(readFileSync(path, 'utf8'));
  expect(plan.medium.type).toBe('mesh');
  expect(plan.medium.parts[0].file).toBe(FEMUR);
  return { path, shown: await spots(page) };
}

// One planner page for both (a page load is much of an end-to-end test's cost here): the dialog first, then the plan
// saved there; a fresh browser opens it dropped with its file, and this page, the bone forgotten, asks for the file.
test.describe('a plan on an imported femur', () => {
  const group = plannerForGroup();

  test('the import dialog takes the focus and Escape closes it, the case untouched', async () => {
    const { page, app } = group;
    const target = await page.getByTestId('target-x').inputValue();
    await page.getByTestId('import-input').setInputFiles(fixturePath(FEMUR));
    const dialog = page.getByTestId('import-dialog');
    await expect(dialog.getByTestId('import-part')).toHaveCount(1);
    await expect(dialog).toBeFocused();
    // In a text field, Escape is the field's (it puts back the value shown); the dialog stays.
    await dialog.getByTestId('import-envelope-skin').fill('3 mm');
    await dialog.getByTestId('import-envelope-skin').press('Escape');
    await expect(dialog.getByTestId('import-envelope-skin')).toHaveValue('2 mm');
    await expect(dialog).toBeVisible();
    await dialog.getByTestId('import-envelope-on').focus();
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(page.getByTestId('case-picker')).toHaveValue('femur-shaft');
    await expect(page.getByTestId('target-x')).toHaveValue(target);
    expect(app.consoleErrors).toEqual([]);
  });

  test('a plan on an imported femur opens in a fresh browser dropped with its file, and where the bone is forgotten, given the file it asks for', async ({
    browser,
  }) => {
    test.setTimeout(300_000);
    const { page, app } = group;
    const { path, shown } = await savedFemurPlan(page);
    await page.getByTestId('plan-share').click();
    await expect(page.getByTestId('plan-message')).toContainText('a link cannot carry the bone');

    // Dropped together with its mesh file, in a fresh browser.
    const dropped = await browser.newPage();
    const dropApp = new PlannerPage(dropped);
    await dropApp.open();
    await dropOnView(dropped, [
      { name: 'plan.json', path },
      { name: FEMUR, path: fixturePath(FEMUR) },
    ]);
    await expect(dropped.getByTestId('case-picker')).toHaveValue(/^imported-/, { timeout: 120_000 });
    await expect.poll(() => spots(dropped)).toEqual(shown);
    await expect(dropped.getByTestId('plan-drop-veil')).toHaveCount(0);
    expect(dropApp.consoleErrors).toEqual([]);
    await dropped.close();

    // Here, once the bone is forgotten (the app holds it no more, as a fresh browser): Open plan… asks for the file
    // by name; a wrong one is refused and nothing changes; the right one opens it.
    const picker = page.getByTestId('case-picker');
    const message = page.getByTestId('plan-message');
    // The link's refusal read, the forgetting says when it is done.
    await page.getByTestId('plan-message-dismiss').click();
    await page.getByTestId('import-forget').click();
    await page.getByTestId('import-forget-confirm').click();
    await expect(picker).toHaveValue('femur-shaft');
    await expect(picker.locator('option[value^="imported-"]')).toHaveCount(0);
    await expect(message).toContainText('is forgotten');
    await page.getByTestId('plan-open-input').setInputFiles(path);
    await expect(message).toContainText(`give its mesh files (${FEMUR})`);
    await page.getByTestId('plan-mesh-input').setInputFiles(fixturePath('bone-tibia_l-vhf-binary.stl'));
    await expect(message).toContainText("bone-tibia_l-vhf-binary.stl is not one of this plan's files");
    await expect(picker).toHaveValue('femur-shaft');
    await page.getByTestId('plan-mesh-input').setInputFiles(fixturePath(FEMUR));
    await expect(picker).toHaveValue(/^imported-/, { timeout: 120_000 });
    await expect.poll(() => spots(page)).toEqual(shown);
    await expect(message).toContainText('Opened');
    expect(app.consoleErrors).toEqual([]);
  });
});
