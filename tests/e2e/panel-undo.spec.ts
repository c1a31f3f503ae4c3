import { expect, test } from '@playwright/test';
import { plannerForGroup } from './fixtures/planner-page.ts';

// Issue 10, item 9: one Undo per edit, and Ctrl+Z in a field does something a person can predict (README "Undo").

test.describe('Undo and Redo of typed edits', () => {
  const group = plannerForGroup();

  test('a typed edit takes one Undo click, and Redo brings it back', async () => {
    const { page, app } = group;
    const power = page.getByTestId('param-power');
    await expect(page.getByTestId('undo')).toBeDisabled();
    await power.fill('120 W');
    await power.press('Enter');
    await expect(power).toHaveValue('120 W');
    // Clicking Undo takes the focus out of the field first: that must not record a second step.
    await page.getByTestId('undo').click();
    await expect(power).toHaveValue('50 W');
    await expect(page.getByTestId('undo')).toBeDisabled();
    await page.getByTestId('redo').click();
    await expect(power).toHaveValue('120 W');
    // Two edits, two clicks.
    const duration = page.getByTestId('param-duration');
    await duration.fill('15 s');
    await duration.press('Tab');
    await page.getByTestId('undo').click();
    await expect(duration).toHaveValue('20 s');
    await expect(power).toHaveValue('120 W');
    await page.getByTestId('undo').click();
    await expect(power).toHaveValue('50 W');
    expect(app.consoleErrors).toEqual([]);
  });

  test('Ctrl+Z in a field discards text typed but not entered; pressed with nothing typed it undoes the plan', async () => {
    const { page, app } = group;
    const power = page.getByTestId('param-power');
    await power.fill('70 W');
    await power.press('Control+z');
    // The typed text is gone, nothing was committed: leaving the field changes nothing and there is nothing to undo.
    await expect(power).toHaveValue('50 W');
    await power.press('Tab');
    await expect(page.getByTestId('undo')).toBeDisabled();

    await power.fill('80 W');
    await power.press('Enter');
    await expect(page.getByTestId('undo')).toBeEnabled();
    // Focus still in the field, nothing typed since: Ctrl+Z is the plan's Undo, one press.
    await power.press('Control+z');
    await expect(power).toHaveValue('50 W');
    await expect(page.getByTestId('undo')).toBeDisabled();
    await power.press('Control+Shift+z');
    await expect(power).toHaveValue('80 W');
    // Leaving the field afterwards commits nothing new.
    await power.press('Tab');
    await page.getByTestId('undo').click();
    await expect(power).toHaveValue('50 W');
    await expect(page.getByTestId('undo')).toBeDisabled();
    expect(app.consoleErrors).toEqual([]);
  });
});
