import { expect, type Page, test } from '@playwright/test';
import { plannerForGroup } from './fixtures/planner-page.ts';

async function probes(page: Page): Promise<Record<string, [number, number]>> {
  return JSON.parse((await page.getByTestId('scene-probe').getAttribute('data-probes')) || '{}');
}

async function altClick(page: Page, x: number, y: number): Promise<void> {
  await page.keyboard.down('Alt');
  await page.mouse.click(x, y);
  await page.keyboard.up('Alt');
}

// Both on one page and one sonication (a page load and a sonication are most of an end-to-end test's cost here).
test.describe('probes (issue 10, item 12)', () => {
  const group = plannerForGroup();

  test('Alt+click is explained over the view, lands on what is seen and plots at once; the probe list does it by keyboard', async () => {
    const { page, app } = group;
    await expect(page.getByTestId('probe-help')).toContainText('Alt+click the anatomy: add a probe');
    await app.sonicateAndWait();
    await expect(page.getByTestId('view-framing')).toHaveAttribute('data-framing', 'focus');
    const plot = page.getByTestId('plot-temperature');
    await expect(plot).toHaveAttribute('data-series', '1');
    // The target sits on the lesion, behind the see-through skin, fat and muscle.
    const [x, y] = ((await page.getByTestId('scene-probe').getAttribute('data-target')) ?? '').split(',').map(Number);
    await altClick(page, x as number, y as number);
    await expect.poll(async () => Object.keys(await probes(page)).length).toBe(1);
    const id = Object.keys(await probes(page))[0] as string;
    const label = page.getByTestId(`probe-label-${id}`);
    await expect(label).not.toHaveText(/skin|fat|muscle/i);
    await expect(label).toHaveText(/lesion|bone|marrow/i);
    // Its curve is there without another Sonicate, read from the run's stored frames.
    await expect(plot).toHaveAttribute('data-series', '2');
    await expect(page.getByTestId(`probe-note-${id}`)).toHaveAttribute('data-state', 'from-frames');

    // Issue 13, item 6: the same by keyboard, from the probe list — add one at the target, move it by a typed
    // position, remove it.
    await page.getByTestId('probe-add').focus();
    await page.keyboard.press('Enter');
    await expect.poll(async () => Object.keys(await probes(page)).length).toBe(2);
    await expect(plot).toHaveAttribute('data-series', '3');
    const added = Object.keys(await probes(page)).find((key) => key !== id) as string;
    const before = (await probes(page))[added] as [number, number];
    const xField = page.getByTestId(`probe-${added}-x`);
    const mm = Number.parseFloat(await xField.inputValue());
    await xField.fill(`${mm + 5} mm`);
    await xField.press('Enter');
    await expect.poll(async () => (await probes(page))[added]).not.toEqual(before);
    expect(Number.parseFloat(await xField.inputValue())).toBeCloseTo(mm + 5, 1);
    await page.getByRole('button', { name: 'Remove probe: Probe 2' }).press('Enter');
    await expect.poll(async () => Object.keys(await probes(page))).toEqual([id]);
    await expect(plot).toHaveAttribute('data-series', '2');
    expect(app.consoleErrors).toEqual([]);
  });

  test('a probe outside the simulated region says so instead of “—”', async () => {
    const { page, app } = group;
    // The first test's run, and the probe it left at the target.
    await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'done');
    const kept = Object.keys(await probes(page));
    expect(kept).toHaveLength(1);
    await page.getByTestId('view-framing').click();
    await expect(page.getByTestId('view-framing')).toHaveAttribute('data-framing', 'overview');
    const box = await page.locator('.view canvas').boundingBox();
    if (!box) throw new Error('no canvas');
    const [tx, ty] = ((await page.getByTestId('scene-probe').getAttribute('data-target')) ?? '').split(',').map(Number);
    // Along the limb, away from the focus, until a probe lands on the anatomy (the overview shows the whole thigh).
    for (const dx of [-0.2, 0.2, -0.15, 0.15, -0.25, 0.25]) {
      await altClick(page, (tx as number) + dx * box.width, ty as number);
      if (Object.keys(await probes(page)).length > kept.length) break;
    }
    await expect.poll(async () => Object.keys(await probes(page)).length).toBe(kept.length + 1);
    const id = Object.keys(await probes(page)).find((key) => !kept.includes(key)) as string;
    const note = page.getByTestId(`probe-note-${id}`);
    await expect(note).toHaveAttribute('data-state', 'not-recorded');
    await expect(note).toContainText('outside the region it stored');
    await expect(note).toContainText('Sonicate to record it');
    expect(app.consoleErrors).toEqual([]);
  });
});
