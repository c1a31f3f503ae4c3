import { expect, type Page, test } from '@playwright/test';
import { plannerForGroup } from './fixtures/planner-page.ts';

// Issue 10, items 5 and 8: the beam summary counts every beam once, under the status the 3D view draws it with;
// with no element firing, Sonicate is disabled with the reason and the previous results stay.

const KINDS = ['clear', 'bone', 'gas', 'critical', 'nopass', 'angle', 'off'] as const;

async function counts(page: Page): Promise<Record<(typeof KINDS)[number], number>> {
  const out = {} as Record<(typeof KINDS)[number], number>;
  for (const kind of KINDS) out[kind] = Number(await page.getByTestId(`beam-count-${kind}`).textContent());
  return out;
}

const total = (c: Record<string, number>) => Object.values(c).reduce((a, b) => a + b, 0);

// Both on one page, in order (a page load is much of an end-to-end test's cost here); the first puts the tilt back.
test.describe('the beam summary on the femur', () => {
  const group = plannerForGroup();

  test('at tilt 0° on the femur every status is counted, beyond the critical angle too, and the counts add up to 208; the map of elements switches one by keyboard', async () => {
    const { page, app } = group;
    const tilt = page.getByTestId('tilt-angle');
    const tiltBefore = await tilt.inputValue();
    await expect.poll(async () => total(await counts(page))).toBe(208);
    const initial = await counts(page);
    await tilt.fill('0 deg');
    await tilt.press('Enter');
    await expect.poll(async () => (await counts(page)).angle).toBeGreaterThan(100);
    const c = await counts(page);
    expect(total(c)).toBe(208);
    // The one-line summary names every status that has beams, with the same numbers.
    const line = page.getByTestId('beam-counts');
    await expect(line).toContainText(`${c.angle} beyond the critical angle`);
    for (const kind of KINDS) {
      if (c[kind] > 0) await expect(page.getByTestId(`beam-counts-${kind}`)).toContainText(String(c[kind]));
      else await expect(page.getByTestId(`beam-counts-${kind}`)).toHaveCount(0);
    }
    await expect(line).toContainText('(208 in all)');
    // What such beams do and what brings them back (the automatic switch-off leaves them on).
    await expect(page.getByTestId('beam-angle-why')).toContainText(
      `${c.angle} beams meet bone beyond its critical angle on the way to the focus`,
    );
    await expect(page.getByTestId('beam-angle-why')).toContainText('Tilt the transducer (Tilt, Azimuth)');

    // Issue 13, item 6: elements are switched by keyboard too, on a map of the array's face named in the same words.
    await page.getByTestId('elements-fold').locator('summary').focus();
    await page.keyboard.press('Enter');
    const map = page.getByTestId('element-map');
    await expect(map.locator('button')).toHaveCount(208);
    await expect(map.locator('button[aria-label*="beyond the critical angle at bone"]')).toHaveCount(c.angle);
    await page.keyboard.press('Tab');
    await expect(page.getByTestId('element-0')).toBeFocused();
    await page.keyboard.press('ArrowRight');
    const focused = map.locator('button:focus');
    const index = Number((await focused.getAttribute('data-testid'))?.replace('element-', ''));
    expect(index).toBeGreaterThan(0);
    await page.keyboard.press('Space');
    await expect(focused).toHaveAttribute('aria-pressed', 'false');
    await expect(focused).toHaveAttribute('aria-label', `Element ${index + 1}: switched off`);
    await expect(page.getByTestId('elements-off-count')).toHaveText('1 switched off by hand.');
    await expect(page.getByTestId('active-elements')).toHaveText(String(208 - c.off - 1));
    await expect.poll(async () => (await counts(page)).off).toBe(c.off + 1);
    await page.keyboard.press('Enter');
    await expect(focused).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByTestId('elements-off-count')).toContainText('No element switched off by hand');
    expect(app.consoleErrors).toEqual([]);
    // The case's own tilt again, for the check that follows: the counts are those it opened with.
    await tilt.fill(tiltBefore);
    await tilt.press('Enter');
    await expect.poll(() => counts(page)).toEqual(initial);
  });

  test('a no-pass region at the target, then the automatic switch-off: beams are counted as what they are, Sonicate says why it cannot run, and the results stay', async () => {
    const { page, app } = group;
    await app.sonicateAndWait();
    const peak = await app.resultSi('peak-temperature');

    await page.getByTestId('nopass-add').click();
    await expect.poll(async () => (await counts(page)).nopass).toBe(208);
    await expect(page.getByTestId('beam-counts')).toContainText('208 through a no-pass region');
    await expect(page.getByTestId('beam-counts-clear')).toHaveCount(0);

    await page.getByTestId('auto-switch-off').check();
    await expect(page.getByTestId('active-elements')).toHaveText('0');
    const off = await counts(page);
    expect(off).toEqual({ clear: 0, bone: 0, gas: 0, critical: 0, nopass: 0, angle: 0, off: 208 });
    await expect(page.getByTestId('beam-off-why')).toContainText('0 by hand, 208 by the automatic rule');

    // Sonicate is disabled with the reason beside it; the results of the last run are still shown.
    await expect(page.getByTestId('sonicate')).toBeDisabled();
    await expect(page.getByTestId('sonicate-blocked')).toContainText('No element fires');
    await expect(page.getByTestId('sonicate-blocked')).toContainText('automatic switch-off');
    expect(await app.resultSi('peak-temperature')).toBe(peak);
    // The keyboard shortcut cannot get round it: nothing runs, the reason shows, the results stay.
    await page.locator('body').press('s');
    await expect(page.getByTestId('run-status')).toContainText('Not sonicated: No element fires');
    expect(await app.resultSi('peak-temperature')).toBe(peak);
    await expect(page.getByTestId('results-stale')).toBeVisible();

    // Switching the rule off again lets Sonicate run.
    await page.getByTestId('auto-switch-off').uncheck();
    await expect(page.getByTestId('sonicate')).toBeEnabled();
    await expect(page.getByTestId('sonicate-blocked')).toHaveCount(0);
    expect(app.consoleErrors).toEqual([]);
  });

  test('a transducer whose sources sit inside the body cannot fire: the beam key and Sonicate say so, and Run plan waits', async () => {
    const { page, app } = group;
    await page.getByTestId('transducer-preset').selectOption('custom');
    // A 5 cm focal length aimed 2 cm deep puts the whole array inside the thigh (the order keeps each step valid).
    for (const [id, value] of [
      ['transducer-element-diameter', '3 mm'],
      ['transducer-hole', '0 mm'],
      ['transducer-aperture', '75 mm'],
      ['transducer-radius', '50 mm'],
    ] as const) {
      const field = page.getByTestId(id);
      await field.fill(value);
      await field.press('Enter');
      await expect(field).toHaveValue(value);
    }
    await expect(page.getByTestId('beam-in-body')).toContainText(
      'The transducer is inside the body: 208 of 208 sources',
    );
    // No counts: a source inside the tissue has no path from the water to judge ("208 clear" read beside it).
    await expect(page.getByTestId('beam-counts')).toHaveCount(0);
    await expect(page.getByTestId('sonicate')).toBeDisabled();
    await expect(page.getByTestId('sonicate-blocked')).toContainText('Turn it back out (Tilt, Azimuth)');
    // The results of the test before are stale, but not to be updated with a Sonicate that is held.
    await expect(page.getByTestId('results-stale')).toContainText('the settings now cannot run');
    await page.getByTestId('spot-add').click();
    await expect(page.getByTestId('plan-run')).toBeDisabled();
    await expect(page.getByTestId('plan-run-blocked')).toContainText('The transducer is inside the body');
    // A longer focal length takes it back into the water bath.
    const radius = page.getByTestId('transducer-radius');
    await radius.fill('100 mm');
    await radius.press('Enter');
    await expect(page.getByTestId('beam-in-body')).toHaveCount(0);
    await expect(page.getByTestId('beam-counts')).toContainText('(208 in all)');
    await expect(page.getByTestId('sonicate')).toBeEnabled();
    await expect(page.getByTestId('plan-run')).toBeEnabled();
    expect(app.consoleErrors).toEqual([]);
  });
});
