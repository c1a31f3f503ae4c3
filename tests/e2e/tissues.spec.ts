import { expect, test } from '@playwright/test';
import { plannerForGroup } from './fixtures/planner-page.ts';

// The whole-path model and the advanced tissue settings, as a person meets them. Each sonication takes ~10 s in
// headless Chromium: two tests, three sonications.

test.describe('the whole-path model and the tissue settings', () => {
  const group = plannerForGroup();

  test('whole path: the skin gets a temperature, and bracketing the bone absorbed fraction lowers bone heating', async () => {
    const { page, app } = group;
    await app.sonicateAndWait();

    // Skin is on the simulated path now: a value in °C and a light, not "No result".
    const skin = page.getByTestId('safety-skin-temperature');
    await expect(page.getByTestId('safety-skin-temperature-value')).toHaveText(/^\d[\d.]* °C$/);
    await expect(skin).toHaveAttribute('data-status', /^(pass|warn|fail)$/);
    await expect(skin).not.toContainText('No result');
    await expect(skin).not.toContainText('No skin');
    // The results card: the pressure at the target beside the path's peak, and the hottest place outside the focus.
    await expect(app.result('target-pressure')).toHaveText(/^\d[\d.]* MPa$/);
    expect(await app.resultSi('target-pressure')).toBeLessThanOrEqual(await app.resultSi('peak-pressure'));
    // Its tissue and temperature; inside a bone hotter than the surface the dashboard judges, it says so (the femur's
    // far wall, heated from the marrow's side).
    await expect(app.result('path-peak-temperature')).toHaveText(
      /^[a-z][a-z ()]*, \d[\d.]* °C( — inside the bone; its outer surface, which the safety dashboard judges, reached \d[\d.]* °C)?$/,
    );
    const boneDefault = (await app.safetySi('bone-surface-temperature')) as number;
    expect(boneDefault).toBeGreaterThan(37);

    // An impossible absorbed fraction is refused where it is typed, with the reason; the value stays.
    await app.openTissue('cortical_bone');
    const fraction = page.getByTestId('tissue-cortical_bone-absorptionFraction');
    await expect(fraction).toHaveValue('1');
    await fraction.fill('-1');
    await fraction.press('Enter');
    await expect(page.getByTestId('tissue-cortical_bone-absorptionFraction-error')).toContainText('between 0 and 1');
    await expect(page.getByTestId('tissue-cortical_bone')).toHaveAttribute('data-changed', '0');

    // BabelBrain's 0.16: the bone surface outside the target heats less.
    await fraction.fill('0.16');
    await fraction.press('Enter');
    await expect(page.getByTestId('tissue-cortical_bone-absorptionFraction-error')).toHaveCount(0);
    await expect(page.getByTestId('tissue-cortical_bone')).toHaveAttribute('data-changed', '1');
    await expect(page.getByTestId('bone-fraction')).toHaveText('0.16');
    await expect(page.getByTestId('tissue-overrides-active')).toContainText('absorbed fraction 0.16');
    await app.sonicateAndWait();
    const boneBracketed = (await app.safetySi('bone-surface-temperature')) as number;
    expect(boneBracketed).toBeLessThan(boneDefault - 1);
    await expect(page.getByTestId('results-tissue-overrides')).toContainText('Cortical bone: absorbed fraction 0.16');

    // Undo puts the built-in value back; the one-click bracket sets it again in one step.
    await page.getByTestId('undo').click();
    await expect(fraction).toHaveValue('1');
    await expect(page.getByTestId('tissue-changes')).toHaveText('Every value is the built-in one.');
    await page.getByTestId('bone-fraction-babelbrain').click();
    await expect(fraction).toHaveValue('0.16');
    await page.getByTestId('tissues-reset-all').click();
    await expect(fraction).toHaveValue('1');
    expect(app.consoleErrors).toEqual([]);
  });

  test('a sonication far above the clinical power warns, in words on the results card, that tissue boils', async () => {
    const { page, app } = group;
    // The power field's largest value (RULES.power): ten times the default, far past 100 °C.
    const power = page.getByTestId('param-power');
    await power.fill('500 W');
    await power.press('Enter');
    await expect(power).toHaveValue('500 W');
    await app.sonicateAndWait();
    const warnings = page.getByTestId('validity-messages');
    await expect(warnings).toBeVisible();
    await expect(warnings).toContainText('boils');
    await expect(warnings).toContainText('Outside the model');
    expect(await app.resultSi('peak-temperature')).toBeGreaterThan(100);
  });
});
