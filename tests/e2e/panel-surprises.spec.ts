import { expect, test } from '@playwright/test';
import { plannerForGroup } from './fixtures/planner-page.ts';

// Issue 10, item 15: no surprises. (Releasing a drag starts no sonication: planning.spec.ts.)

// Both on one page, in order (a page load is much of an end-to-end test's cost here): the femur's spots, then the
// validation phantom and back.
test.describe('no surprises', () => {
  const group = plannerForGroup();

  test('"Cover the lesion" with spots already placed asks first; adding keeps them, replacing swaps them, Undo takes either back', async () => {
    const { page, app } = group;
    const spots = page.getByTestId('spot-list').locator('li');
    await page.getByTestId('spot-add').click();
    await page.getByTestId('spot-add').click();
    await expect(spots).toHaveCount(2);
    const placed = await spots.evaluateAll((items) => items.map((li) => li.getAttribute('data-id')));

    await page.getByTestId('spot-auto').click();
    const confirm = page.getByTestId('spot-auto-confirm');
    await expect(confirm).toContainText('The plan has 2 spots');
    // Keep: nothing changes.
    await page.getByTestId('spot-auto-keep').click();
    await expect(confirm).toHaveCount(0);
    await expect(spots).toHaveCount(2);

    // Add after them: the two placed spots stay first, the covering ones follow.
    await page.getByTestId('spot-auto').click();
    await page.getByTestId('spot-auto-append').click();
    await expect.poll(() => spots.count()).toBeGreaterThan(3);
    const appended = await spots.evaluateAll((items) => items.map((li) => li.getAttribute('data-id')));
    expect(appended.slice(0, 2)).toEqual(placed);
    const covering = appended.length - 2;
    // How the covering laid its spots: the femur lesion takes far more than a covering holds, so they spread out.
    await expect(page.getByTestId('spot-auto-note')).toContainText(
      new RegExp(
        `^${covering} spots, [\\d.]+ mm apart\\. At one focal spot’s width \\([\\d.]+ mm\\) this lesion takes \\d+ spots`,
      ),
    );
    await page.getByTestId('undo').click();
    await expect(spots).toHaveCount(2);

    // Replace them: only the covering spots; one Undo brings the placed ones back.
    await page.getByTestId('spot-auto').click();
    await page.getByTestId('spot-auto-replace').click();
    await expect(spots).toHaveCount(covering);
    const replaced = await spots.evaluateAll((items) => items.map((li) => li.getAttribute('data-id')));
    expect(replaced.some((id) => placed.includes(id))).toBe(false);
    await page.getByTestId('undo').click();
    await expect(spots).toHaveCount(2);
    expect(await spots.evaluateAll((items) => items.map((li) => li.getAttribute('data-id')))).toEqual(placed);
    expect(app.consoleErrors).toEqual([]);
  });

  test('the validation phantom loads with its own sonication (4 W) and says it has no lesion', async () => {
    const { page, app } = group;
    await expect(page.getByTestId('param-power')).toHaveValue('50 W');
    await page.getByTestId('case-picker').selectOption('bone-plate-validation');
    await expect(page.getByTestId('parts-list').locator('[data-tissue=cortical_bone]')).toHaveCount(1);
    // public/scenarios/bone-plate-validation.json: 4 W for 20 s, 20 s cooling.
    await expect(page.getByTestId('param-power')).toHaveValue('4 W');
    await expect(page.getByTestId('param-duration')).toHaveValue('20 s');
    await expect(page.getByTestId('param-cooling')).toHaveValue('20 s');
    await expect(page.getByTestId('spot-auto')).toBeDisabled();
    await expect(page.getByTestId('spot-auto-no-lesion')).toBeVisible();
    // The femur's covering note stays with the femur: it is not this case's.
    await expect(page.getByTestId('spot-auto-note')).toHaveCount(0);
    await app.sonicateAndWait();
    // Below the model's 100 °C validity limit (50 W gave 684 °C), and no "0 %" coverage of a lesion that is not there.
    expect(await app.resultSi('peak-temperature')).toBeLessThan(100);
    await expect(page.getByTestId('validity-messages')).toHaveCount(0);
    await expect(app.result('lesion-coverage')).toHaveText('no lesion in this case');
    // Back on the femur, its own 50 W again.
    await page.getByTestId('case-picker').selectOption('femur-shaft');
    await expect(page.getByTestId('param-power')).toHaveValue('50 W');
    expect(app.consoleErrors).toEqual([]);
  });

  test('a sonication that boils offers the power for an 85 °C peak; one click sets it and the re-run reaches it', async () => {
    const { page, app } = group;
    // The femur at 120 W: 37 + 37.8 K × 2.4 ≈ 128 °C.
    const power = page.getByTestId('param-power');
    await power.fill('120 W');
    await power.press('Enter');
    await app.sonicateAndWait();
    expect(await app.resultSi('peak-temperature')).toBeGreaterThan(100);
    const advice = page.getByTestId('power-to-aim');
    await expect(advice).toContainText('boils tissue');
    await expect(advice).toContainText('gives a peak of 85');
    const set = page.getByTestId('power-to-aim-set');
    const advised = (await set.textContent())?.replace(/^Use /, '') ?? '';
    await set.click();
    await expect(power).toHaveValue(advised);
    // The run now shows other settings than those typed: marked stale, and the advice is gone with it.
    await expect(page.getByTestId('results-stale')).toBeVisible();
    await expect(advice).toHaveCount(0);
    await app.sonicateAndWait();
    // The rise is linear in the power: the re-run lands on the aim, to the 0.1 W rounding of the advised power.
    expect(Math.abs((await app.resultSi('peak-temperature')) - 85)).toBeLessThan(0.5);
    await expect(advice).toHaveCount(0);
    expect(app.consoleErrors).toEqual([]);
  });
});

// On a page of its own: the page above has spots, one of them selected, which steers the beams off the target.
test.describe('the target’s tissue', () => {
  const group = plannerForGroup();

  // A walk typed x = 60 mm: the focus left the lesion for fat, and nothing said so before Sonicate showed 0 %.
  test('a target typed off the lesion is named as such at once, and back on it as the lesion', async () => {
    const { page, app } = group;
    const tissue = page.getByTestId('target-tissue');
    await expect(tissue).toHaveText('The target is in lesion (tumour).');
    const x = page.getByTestId('target-x');
    const before = await x.inputValue();
    await x.fill('60 mm');
    await x.press('Enter');
    await expect(tissue).toHaveText(/^The target is in (fat|muscle|skin), outside the lesion: the heat would miss/);
    await x.fill(before);
    await x.press('Enter');
    await expect(tissue).toHaveText('The target is in lesion (tumour).');
    expect(app.consoleErrors).toEqual([]);
  });
});
