import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, type Page, test } from '@playwright/test';
import { autosavedPlan, PlannerPage, plannerForGroup } from './fixtures/planner-page.ts';

// Plans as the user's files (issue 11) in Chromium: Save plan and Open plan…, a plan dropped on the page, a broken
// file refused, the plan restored after a reload and after a case switch (with its Undo), a link opened in a fresh
// browser, the printable report, and a plan saved in the browser run by `npm run simulate` to the same figures.

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const run = promisify(execFile);

/** What the page shows of the plan: case, target fields, the spots listed (id and text), the power field. */
async function shownPlan(page: Page) {
  return page.evaluate(() => {
    const value = (id: string) => (document.querySelector(`[data-testid="${id}"]`) as HTMLInputElement | null)?.value;
    return {
      caseId: value('case-picker'),
      target: ['x', 'y', 'z'].map((axis) => value(`target-${axis}`)),
      spots: [...document.querySelectorAll('[data-testid="spot-list"] > li')].map(
        (li) => `${li.getAttribute('data-id')} ${li.querySelector('.spot-text')?.textContent ?? ''}`,
      ),
      power: value('param-power'),
    };
  });
}

type Shown = Awaited<ReturnType<typeof shownPlan>>;

/** Types a target z [mm] and adds a spot there. */
async function addSpotAt(page: Page, zMm: number): Promise<void> {
  const before = await page.locator('[data-testid="spot-list"] > li').count();
  const z = page.getByTestId('target-z');
  await z.fill(`${zMm} mm`);
  await z.press('Enter');
  await page.getByTestId('spot-add').click();
  await expect(page.locator('[data-testid="spot-list"] > li')).toHaveCount(before + 1);
  // The spot is at the typed target: its listed focus ends with that z.
  await expect(page.locator('[data-testid="spot-list"] > li .spot-text').last()).toContainText(
    `, ${zMm.toFixed(1)}) mm`,
  );
}

/** Opens the app on the femur and places two spots (z = +2 and −2 mm) at 40 W. */
async function twoSpots(app: PlannerPage): Promise<Shown> {
  const { page } = app;
  await app.open();
  const power = page.getByTestId('param-power');
  await power.fill('40 W');
  await power.press('Enter');
  await expect(power).toHaveValue('40 W');
  await addSpotAt(page, 2);
  await addSpotAt(page, -2);
  return shownPlan(page);
}

/** The acoustic power of the femur's autosaved plan [W]. */
async function autosavedPower(page: Page): Promise<number | undefined> {
  const file = (await autosavedPlan(page, 'femur-shaft')) as { drive?: { acousticPower?: number } } | undefined;
  return file?.drive?.acousticPower;
}

/** Save plan: the downloaded file's path and text. */
async function savePlan(page: Page): Promise<{ path: string; text: string; name: string }> {
  const download = page.waitForEvent('download');
  await page.getByTestId('plan-save').click();
  const file = await download;
  const path = join(mkdtempSync(join(tmpdir(), 'h11-plan-')), file.suggestedFilename());
  await file.saveAs(path);
  return { path, text: readFileSync(path, 'utf8'), name: file.suggestedFilename() };
}

/** Open plan… through the file chooser. */
async function openPlanFile(page: Page, file: { name: string; buffer: Buffer }): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('plan-open').click();
  await (await chooser).setFiles({ ...file, mimeType: 'application/json' });
}

// Six checks in order on one page (a page load is much of an end-to-end test's cost here), four on one two-spot
// plan: a broken file changes nothing; a case switch keeps the spots and the Undo; Save and Open bring the plan back;
// a reload restores the plan, even one at once after a change. Then a link made on the rib opens in a fresh browser,
// and a plan file dropped on the page (back on the femur) opens on its own case.
test.describe('a two-spot plan on the femur, then a link and a dropped plan file', () => {
  let shown: Shown;
  const group = plannerForGroup(async (app) => {
    shown = await twoSpots(app);
  });

  test('a broken plan file is refused with the reason naming the field, and the plan is unchanged', async () => {
    const { page, app } = group;
    const plan = JSON.parse(readFileSync(join(ROOT, 'public/plans/femur-shaft.json'), 'utf8'));
    plan.planning.spots[1].acousticPower = 'a lot';
    await openPlanFile(page, { name: 'broken.json', buffer: Buffer.from(JSON.stringify(plan)) });
    const message = page.getByTestId('plan-message');
    await expect(message).toHaveAttribute('data-kind', 'error');
    await expect(message).toContainText('broken.json was not opened: spot 2, acousticPower');
    await expect(message).toContainText('Nothing was changed.');
    // Not JSON at all.
    await openPlanFile(page, { name: 'cut.json', buffer: Buffer.from('{"format": "fus-planner-plan", "vers') });
    await expect(message).toContainText('cut.json was not opened: the file ends before the plan does');
    expect(await shownPlan(page)).toEqual(shown);
    await expect(page.getByTestId('undo')).toBeEnabled();
    expect(app.consoleErrors).toEqual([]);
  });

  test('switch case and come back: the spots are there and Undo still works', async () => {
    const { page, app } = group;
    await page.getByTestId('case-picker').selectOption('rib');
    await expect.poll(async () => (await shownPlan(page)).caseId).toBe('rib');
    await expect(page.getByTestId('spot-empty')).toBeVisible();
    await page.getByTestId('case-picker').selectOption('femur-shaft');
    await expect.poll(() => shownPlan(page)).toEqual(shown);
    await page.getByTestId('undo').click();
    await expect.poll(async () => (await shownPlan(page)).spots).toEqual(shown.spots.slice(0, 1));
    // Redo brings the plan back for the checks that follow.
    await page.getByTestId('redo').click();
    await expect.poll(() => shownPlan(page)).toEqual(shown);
    expect(app.consoleErrors).toEqual([]);
  });

  test('Save plan downloads the plan; after changes, Open plan… with that file brings it back, and Undo the changes', async () => {
    const { page, app } = group;
    const saved = await savePlan(page);
    expect(saved.name).toBe('femur-shaft-plan.json');
    const file = JSON.parse(saved.text);
    expect(file.format).toBe('fus-planner-plan');
    expect(file.medium).toEqual({ type: 'phantom', id: 'femur-shaft' });
    expect(file.planning.spots).toHaveLength(2);
    expect(file.planning.spots.map((s: { focus: number[] }) => s.focus[2])).toEqual([0.002, -0.002]);
    await expect(page.getByTestId('plan-message')).toContainText('femur-shaft-plan.json');

    // Change the plan: a spot removed, the power changed.
    await page.getByTestId('spot-1-remove').click();
    const power = page.getByTestId('param-power');
    await power.fill('55 W');
    await power.press('Enter');
    await expect(page.locator('[data-testid="spot-list"] > li')).toHaveCount(1);
    const changed = await shownPlan(page);

    await openPlanFile(page, { name: saved.name, buffer: Buffer.from(saved.text) });
    await expect(page.getByTestId('plan-message')).toHaveAttribute('data-kind', 'info');
    await expect(page.getByTestId('plan-message')).toContainText('Opened');
    await expect.poll(() => shownPlan(page)).toEqual(shown);
    await page.getByTestId('undo').click();
    await expect.poll(() => shownPlan(page)).toEqual(changed);
    expect(app.consoleErrors).toEqual([]);
  });

  test('after a reload, even one at once after a change, the plan is restored from the browser’s storage; a plan the reload stopped is said', async () => {
    const { page, app } = group;
    // A change, then a reload at once: within the autosave's delay, so the page keeps it on its way out.
    const power = page.getByTestId('param-power');
    await power.fill('56 W');
    await power.press('Enter');
    await expect(power).toHaveValue('56 W');
    const before = await shownPlan(page);
    expect(before.spots).toHaveLength(1);
    await page.reload();
    await expect(page.getByTestId('beam-counts')).toBeVisible({ timeout: 30_000 });
    await expect.poll(() => shownPlan(page)).toEqual(before);
    // And again once the autosave has landed.
    await expect.poll(() => autosavedPower(page)).toBe(56);
    await page.reload();
    await expect(page.getByTestId('beam-counts')).toBeVisible({ timeout: 30_000 });
    await expect.poll(() => shownPlan(page)).toEqual(before);
    await expect(page.getByTestId('run-interrupted')).toHaveCount(0);
    // A reload while the plan runs stops it: the page back says so, and that the plan is kept.
    await page.getByTestId('plan-run').click();
    await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'running');
    await page.reload();
    await expect(page.getByTestId('beam-counts')).toBeVisible({ timeout: 30_000 });
    const said = page.getByTestId('run-interrupted');
    await expect(said).toContainText('reloaded or left while the plan was running');
    await expect(said).toContainText('Run plan runs it again');
    await expect.poll(() => shownPlan(page)).toEqual(before);
    await said.getByRole('button', { name: 'Dismiss' }).click();
    await expect(said).toHaveCount(0);
    expect(app.consoleErrors).toEqual([]);
  });

  test('Copy link opens the same case, target and spots in a fresh browser', async ({ browser }) => {
    const { page, app } = group;
    await page.getByTestId('case-picker').selectOption('rib');
    await expect.poll(async () => (await shownPlan(page)).caseId).toBe('rib');
    // The rib is loaded (its lung listed) before the target is typed: its load sets the target it opens with.
    await expect(page.getByTestId('parts-list').locator('[data-tissue=lung]')).not.toHaveCount(0);
    await expect(page.getByTestId('sonicate')).toBeEnabled();
    await expect(page.getByTestId('spot-empty')).toBeVisible();
    await addSpotAt(page, 1);
    await addSpotAt(page, 4);
    const shown = await shownPlan(page);
    await page.getByTestId('plan-share').click();
    const link = await page.getByTestId('plan-link').inputValue();
    expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#plan=/);

    const fresh = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    try {
      const other = await fresh.newPage();
      const otherApp = new PlannerPage(other);
      await other.goto(link);
      await expect(other.getByTestId('beam-counts')).toBeVisible({ timeout: 30_000 });
      await expect.poll(() => shownPlan(other)).toEqual(shown);
      await expect(other.getByTestId('plan-message')).toContainText('from a link');
      // The fragment is cleared, so a reload restores the autosave, not the link again.
      expect(new URL(other.url()).hash).toBe('');
      expect(otherApp.consoleErrors).toEqual([]);
    } finally {
      await fresh.close();
    }
    expect(app.consoleErrors).toEqual([]);
  });

  test('a plan file dropped on the page opens it, on its own case', async () => {
    const { page, app } = group;
    // From the femur: the dropped plan takes the page to its own case and replaces the plan kept there.
    await page.getByTestId('case-picker').selectOption('femur-shaft');
    await expect.poll(async () => (await shownPlan(page)).caseId).toBe('femur-shaft');
    await expect(page.getByTestId('parts-list').locator('[data-tissue=lung]')).toHaveCount(0);
    await expect(page.getByTestId('parts-list').locator('[data-tissue=cortical_bone]')).not.toHaveCount(0);
    const plan = JSON.parse(readFileSync(join(ROOT, 'public/plans/rib.json'), 'utf8'));
    plan.name = 'Dropped rib plan';
    plan.planning.spots = plan.planning.spots.slice(0, 1);
    const text = JSON.stringify(plan);
    const dataTransfer = await page.evaluateHandle((content) => {
      const dt = new DataTransfer();
      dt.items.add(new File([content], 'dropped.json', { type: 'application/json' }));
      return dt;
    }, text);
    await page.dispatchEvent('body', 'dragenter', { dataTransfer });
    await expect(page.getByTestId('plan-drop-veil')).toBeVisible();
    await page.dispatchEvent('body', 'drop', { dataTransfer });
    await expect(page.getByTestId('plan-drop-veil')).toHaveCount(0);
    await expect(page.getByTestId('plan-message')).toContainText('Opened “Dropped rib plan”');
    await expect.poll(async () => (await shownPlan(page)).caseId).toBe('rib');
    await expect
      .poll(async () => (await shownPlan(page)).spots.map((s) => s.split(' ')[0]))
      .toEqual([plan.planning.spots[0].id]);
    expect(app.consoleErrors).toEqual([]);
  });
});

/** `npm run simulate` on a saved plan file, in Node: its JSON results. */
// biome-ignore lint/suspicious/noExplicitAny: the results file is checked field by field below
async function simulateFile(path: string, name: string): Promise<any> {
  const out = join(mkdtempSync(join(tmpdir(), 'h11-cli-')), name);
  writeFileSync(out, '');
  await run('npx', ['tsx', 'src/cli/simulate.ts', path, '--out', out], { cwd: ROOT, timeout: 240_000 });
  return JSON.parse(readFileSync(out, 'utf8'));
}

// One page for both: a page load and the runs are most of an end-to-end test's cost on this machine. The command
// line runs both saved files at once while the browser is idle.
test('a plan saved after a sonication, and after a one-spot plan run, gives the same figures from the command line; the report shows them', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const app = new PlannerPage(page);
  await app.open();
  const power = page.getByTestId('param-power');
  await power.fill('40 W');
  await power.press('Enter');
  const z = page.getByTestId('target-z');
  await z.fill('1 mm');
  await z.press('Enter');
  await expect(page.getByTestId('undo')).toBeEnabled();
  await app.sonicateAndWait(120_000);
  const keys = ['peak-pressure', 'intensity', 'peak-temperature', 'thermal-dose'] as const;
  const shownSi = Object.fromEntries(await Promise.all(keys.map(async (k) => [k, await app.resultSi(k)] as const)));
  const runInfo = (await page.getByTestId('run-info').textContent()) ?? '';
  // The report, with the run's figures.
  await page.getByTestId('plan-report').click();
  const report = page.getByTestId('report');
  await expect(report).toBeVisible();
  await expect(page.getByTestId('report-setup-case')).toHaveText(/^Femoral shaft/);
  await expect(page.getByTestId('report-setup-transducer')).toContainText('elements');
  await expect(page.getByTestId('report-setup-sonication')).toContainText('40.0 W');
  await expect(page.getByTestId('report-image')).toBeVisible();
  expect(await page.getByTestId('report-image').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(
    100,
  );
  await expect(page.getByTestId('report-curve').locator('path.plot-line')).toHaveCount(2);
  await expect(page.getByTestId('report-safety').locator('tbody tr')).toHaveCount(4);
  await expect(page.getByTestId('report-sources').locator('li')).toHaveCount(4);
  await expect(report.getByTestId('clinical-notice')).toContainText('Not for clinical use');
  for (const k of keys) {
    expect(Number(await page.getByTestId(`report-figure-${k}`).getAttribute('data-si')), k).toBe(shownSi[k]);
  }
  await expect(page.getByTestId('report-figure-peak-pressure')).toHaveText(/MPa$/);
  await expect(page.getByTestId('report-figure-intensity')).toHaveText(/W\/cm²$/);
  await expect(page.getByTestId('report-figure-peak-temperature')).toHaveText(/°C$/);
  // Printed (or saved as PDF), the report is one A4 page without the app's panels.
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.app')).toBeHidden();
  await expect(page.getByTestId('report-print')).toBeHidden();
  await expect(page.getByTestId('report-sheet')).toBeVisible();
  const pdf = (await page.pdf({ preferCSSPageSize: true })).toString('latin1');
  expect(pdf.match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);
  await page.emulateMedia({ media: 'screen' });
  await page.getByTestId('report-close').click();
  await expect(report).toHaveCount(0);

  // The plan of that sonication, saved.
  const saved = await savePlan(page);
  const file = JSON.parse(saved.text);
  expect(file.planning.spots ?? []).toEqual([]);
  expect(file.target[2]).toBe(0.001);
  expect(file.drive).toEqual({ acousticPower: 40 });

  // A one-spot plan at the same target, run in the browser and saved.
  await addSpotAt(page, 1);
  await page.getByTestId('plan-run').click();
  await expect(page.getByTestId('plan-status')).toHaveAttribute('data-status', 'done', { timeout: 180_000 });
  const planKeys = ['coverage', 'peak-temperature', 'peak-dose'] as const;
  const planSi = Object.fromEntries(
    await Promise.all(
      planKeys.map(async (k) => [k, Number(await page.getByTestId(`plan-${k}`).getAttribute('data-si'))]),
    ),
  ) as Record<(typeof planKeys)[number], number>;
  const spotStatus = await page.getByTestId('spot-0').getAttribute('data-status');
  const savedPlan = await savePlan(page);
  expect(JSON.parse(savedPlan.text).planning.spots).toHaveLength(1);
  expect(app.consoleErrors).toEqual([]);

  // Both files from the command line.
  const [headless, headlessPlan] = await Promise.all([
    simulateFile(saved.path, 'results.json'),
    simulateFile(savedPlan.path, 'plan-results.json'),
  ]);
  // Same model and grid: the whole-path model on the app's region, the voxel size the app reported.
  expect(headless.scenario.fieldModel).toBe('whole-path');
  expect(headless.core.model).toMatch(/^Rayleigh–Sommerfeld sum onto a plane .* hybrid angular spectrum march/);
  expect(headless.scenario.grid).toMatchObject(file.grid);
  const appVoxel = Number(/([\d.]+) mm voxels/.exec(runInfo)?.[1]) * 1e-3;
  expect(Math.abs(appVoxel - headless.setup.grid.spacing)).toBeLessThan(1e-6);
  expect(headless.setup.drive.acousticPower).toBe(40);
  const expected: Record<(typeof keys)[number], number> = {
    'peak-pressure': headless.acoustic.peakPressure,
    intensity: headless.acoustic.peakIntensity,
    'peak-temperature': headless.thermal.peakTemperature,
    'thermal-dose': headless.thermal.peakDose,
  };
  for (const k of keys) {
    // Same code on the same inputs (the file's numbers survive JSON exactly), two V8 builds' Math: 1e-9 relative,
    // as tests/e2e/results.spec.ts. A different grid, model or drive would differ by percents.
    const relative = Math.abs((shownSi[k] as number) / expected[k] - 1);
    test
      .info()
      .annotations.push({ type: 'app vs CLI', description: `${k}: ${shownSi[k]} vs ${expected[k]}, ${relative}` });
    expect(relative, k).toBeLessThan(1e-9);
  }

  expect(headlessPlan.format).toBe('fus-planner-plan-results/1');
  expect(headlessPlan.plan.fieldModel).toBe('whole-path');
  expect(headlessPlan.spots.map((s: { status: string }) => s.status)).toEqual([spotStatus]);
  const expectedPlan = {
    coverage: headlessPlan.doses.lesionCoverage,
    'peak-temperature': headlessPlan.thermal.peakTemperature,
    'peak-dose': headlessPlan.thermal.peakDose,
  };
  expect(planSi['peak-temperature']).toBeGreaterThan(40);
  for (const k of planKeys) {
    // Same engine (runPlan) on the same request, as for a single sonication: 1e-9 relative (absolute for a zero).
    const difference = Math.abs(planSi[k] - expectedPlan[k]);
    const relative = expectedPlan[k] === 0 ? difference : difference / Math.abs(expectedPlan[k]);
    test
      .info()
      .annotations.push({ type: 'app vs CLI (plan)', description: `${k}: ${planSi[k]} vs ${expectedPlan[k]}` });
    expect(relative, k).toBeLessThan(1e-9);
  }
});
